package org.manfadh.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Rows that another node exported as JSON objects (PostgreSQL's {@code to_jsonb} of a table's row),
 * staged into a temporary table shaped like their table with {@code COPY}, so that PostgreSQL reads
 * each value with its type's input function alone and never parses the JSON around it. The stage is
 * then read by plain {@code insert ... select} statements. A column added by a later migration
 * travels without code: the columns come from the catalog, and a key the table does not have is
 * ignored, as {@code jsonb_populate_record} would.
 */
@Component
public class JsonRowStage {

    /** A row and the index of the record it came in, which ties the parts of one record together. */
    public record Part(long n, JsonNode row) {
    }

    private enum Type { PLAIN, JSON, ARRAY }

    private record Column(String name, Type type) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Column>> columns = new ConcurrentHashMap<>();

    JsonRowStage(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The parts called {@code field} of each record: an object is one row, an array one row per element;
     * null or absent gives none.
     */
    public static List<Part> parts(List<JsonNode> records, String field) {
        List<Part> parts = new ArrayList<>(records.size());
        for (int n = 0; n < records.size(); n++) {
            JsonNode part = records.get(n).get(field);
            if (part == null) {
                continue;
            }
            if (part.isObject()) {
                parts.add(new Part(n, part));
            } else if (part.isArray()) {
                for (JsonNode row : part) {
                    if (row.isObject()) {
                        parts.add(new Part(n, row));
                    }
                }
            }
        }
        return parts;
    }

    /** The table's columns in their order, comma-separated, with {@code prefix} before each. */
    public String columnList(String table, String prefix) {
        return columnsOf(table).stream().map(c -> prefix + quoted(c.name())).collect(Collectors.joining(", "));
    }

    /** A column's name as SQL text, whatever word it is. */
    public static String quoted(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }

    /** The table's column names in their order. */
    public List<String> columnNames(String table) {
        return columnsOf(table).stream().map(Column::name).toList();
    }

    /** Rows staged for one table, ready to go in. */
    public final class Staged {
        private final String stage;
        private final String table;
        private final int rows;

        private Staged(String stage, String table, int rows) {
            this.stage = stage;
            this.table = table;
            this.rows = rows;
        }

        /**
         * Inserts the staged rows into their table in the order of their records; {@code onConflict} says
         * what becomes of a row the table has already. With nothing staged, nothing is sent.
         */
        public void insert(String onConflict) {
            if (rows > 0) {
                jdbc.sql("insert into " + table + " (" + columnList(table, "") + ") select " + columnList(table, "s.")
                        + " from pg_temp." + stage + " s order by s.n " + onConflict).update();
            }
        }
    }

    /**
     * Empties the temporary table {@code stage} (made on first use as {@code n} and then the columns of
     * {@code table}, emptied at commit) and copies the parts into it.
     */
    public Staged stage(String stage, String table, List<Part> parts) {
        // One round trip; the notice that the table exists already, once per batch and stage, is not wanted.
        jdbc.sql("set local client_min_messages = warning; create temporary table if not exists " + stage
                + " (n bigint not null, like " + table + ") on commit delete rows; delete from pg_temp." + stage)
                .update();
        if (parts.isEmpty()) {
            return new Staged(stage, table, 0);
        }
        List<Column> of = columnsOf(table);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyRows rows = null;
        try {
            rows = CopyRows.into(connection.unwrap(PGConnection.class).getCopyAPI(), "pg_temp." + stage,
                    "n, " + columnList(table, ""));
            for (Part part : parts) {
                rows.value(part.n());
                for (Column column : of) {
                    rows.text(text(part.row().get(column.name()), column.type()));
                }
                rows.endRow();
            }
            rows.finish();
            rows = null;
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("copy into " + stage, null, e);
        } finally {
            if (rows != null) {
                rows.cancel();
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new Staged(stage, table, parts.size());
    }

    /** A JSON value as its column's text input reads it; null for JSON null or an absent key. */
    static String text(JsonNode value, Type type) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (type == Type.JSON) {
            return value.toString();
        }
        if (type == Type.ARRAY && value.isArray()) {
            StringBuilder literal = new StringBuilder();
            arrayLiteral(value, literal);
            return literal.toString();
        }
        return scalar(value);
    }

    private static String scalar(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "t" : "f";
        }
        return value.toString();
    }

    /** An array literal, every element quoted so that no text needs to know which characters are special. */
    private static void arrayLiteral(JsonNode array, StringBuilder literal) {
        literal.append('{');
        boolean first = true;
        for (JsonNode element : array) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            if (element.isNull()) {
                literal.append("NULL");
            } else if (element.isArray()) {
                arrayLiteral(element, literal);
            } else {
                String text = element.isContainer() ? element.toString() : scalar(element);
                literal.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
        }
        literal.append('}');
    }

    private List<Column> columnsOf(String table) {
        return columns.computeIfAbsent(table, t -> jdbc.sql("""
                select a.attname, case when ty.typcategory = 'A' then 'ARRAY'
                                       when ty.typname in ('json', 'jsonb') then 'JSON' else 'PLAIN' end
                  from pg_attribute a join pg_type ty on ty.oid = a.atttypid
                 where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
                 order by a.attnum
                """).param("table", t).query((rs, i) -> new Column(rs.getString(1), Type.valueOf(rs.getString(2))))
                .list());
    }
}
