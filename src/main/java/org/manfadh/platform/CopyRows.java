package org.manfadh.platform;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into a table with PostgreSQL's {@code COPY ... FROM STDIN} in its text format,
 * a few hundred kilobytes at a time, so that a large load never sits in memory as one text.
 */
public final class CopyRows {

    private static final int FLUSH_AT = 1 << 19;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    public static CopyRows into(CopyManager copyManager, String table, String columns) throws SQLException {
        return new CopyRows(copyManager.copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    public CopyRows text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        if (plain(value)) {
            buffer.append(value);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** Any value written by its {@code toString}: ids, days, numbers, booleans and enum names. */
    public CopyRows value(Object value) {
        return text(value == null ? null : value.toString());
    }

    /** A timestamp with time zone, in ISO 8601 UTC. */
    public CopyRows time(Instant value) {
        return text(value == null ? null : value.toString());
    }

    /** A {@code text[]} of plain words (enum names): no element needs quoting. */
    public CopyRows words(Collection<?> values) {
        separate();
        buffer.append('{');
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                buffer.append(',');
            }
            buffer.append(v);
            first = false;
        }
        buffer.append('}');
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is left and ends the copy; answers the rows the server took. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Gives up the copy, so that the connection can be used (and rolled back) again. */
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back anyway.
        }
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
