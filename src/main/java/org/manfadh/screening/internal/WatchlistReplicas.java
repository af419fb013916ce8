package org.manfadh.screening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.manfadh.platform.Rejection;
import org.manfadh.screening.ListAuthority;
import org.manfadh.screening.WatchlistReplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and apply of list versions. An export is one JSON object written in the order a post must
 * apply it: {@code list} (the list's row), {@code afterVersion}, {@code entries} (every entry the
 * later versions changed; removals first, so that a source id freed and taken again in the same
 * delta never meets itself) and {@code changes} (the change log lines of those versions).
 */
@Component
class WatchlistReplicas implements WatchlistReplication {

    /** Entries go to PostgreSQL this many at a time: one statement each, a few megabytes at most. */
    private static final int CHUNK = 2_000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final JsonMapper json;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final IndexFeeder feeder;
    private final WatchlistDirectory directory;
    private volatile String entryUpdates;
    private volatile String listUpdates;

    WatchlistReplicas(JdbcClient jdbc, DataSource dataSource, JsonMapper json, PlatformTransactionManager transactions,
                      IndexFeeder feeder, WatchlistDirectory directory) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(Entries.FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.json = json;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.feeder = feeder;
        this.directory = directory;
    }

    @Override
    public List<ListVersion> lists() {
        return jdbc.sql("select id, name, authority, version from screening.watchlist order by name, id")
                .query((rs, n) -> new ListVersion(rs.getObject("id", UUID.class), rs.getString("name"),
                        ListAuthority.valueOf(rs.getString("authority")), rs.getLong("version")))
                .list();
    }

    @Override
    public void export(UUID listId, long afterVersion, OutputStream out) throws IOException {
        reading.executeWithoutResult(status -> {
            Optional<String> list = jdbc.sql("select to_jsonb(w)::text from screening.watchlist w where id = :id")
                    .param("id", listId).query(String.class).optional();
            if (list.isEmpty()) {
                return;
            }
            try (JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartObject();
                generator.writeName("list");
                generator.writeRawValue(list.get());
                generator.writeName("afterVersion");
                generator.writeNumber(afterVersion);
                generator.writeName("entries");
                generator.writeStartArray();
                try (Stream<String> rows = streaming.sql("""
                        select to_jsonb(e)::text from screening.entry e
                         where watchlist_id = :id and changed_in_version > :after
                         order by (status = 'REMOVED') desc, id
                        """).param("id", listId).param("after", afterVersion).query(String.class).stream()) {
                    rows.forEach(generator::writeRawValue);
                }
                generator.writeEndArray();
                generator.writeName("changes");
                generator.writeStartArray();
                try (Stream<String> rows = streaming.sql("""
                        select to_jsonb(c)::text from screening.list_change c
                         where watchlist_id = :id and version > :after order by version
                        """).param("id", listId).param("after", afterVersion).query(String.class).stream()) {
                    rows.forEach(generator::writeRawValue);
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
        });
    }

    @Override
    public Received apply(InputStream export) throws IOException {
        Received received = writing.execute(status -> {
            try (JsonParser parser = json.createParser(export)) {
                return apply(parser);
            }
        });
        if (received == null) {
            throw Rejection.invalid("invalid-watchlist-export", "The watchlist export is empty.");
        }
        return received;
    }

    /** In the caller's transaction; the index and the list settings follow once it commits. */
    private Received apply(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("it is not a JSON object");
        }
        UUID listId = null;
        String name = null;
        long from = -1;
        long version = -1;
        long held = 0;
        long entries = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "list" -> {
                    JsonNode list = parser.readValueAsTree();
                    listId = UUID.fromString(list.required("id").asString());
                    name = list.required("name").asString();
                    version = list.required("version").asLong();
                    held = jdbc.sql("select version from screening.watchlist where id = :id for update")
                            .param("id", listId).query(Long.class).optional().orElse(0L);
                    if (version < held) {
                        throw invalid("it holds version " + version + " of list " + name + ", older than version "
                                + held + " held here");
                    }
                    upsert("screening.watchlist", listUpdates(), "jsonb_populate_record", list.toString());
                }
                case "afterVersion" -> {
                    from = parser.getLongValue();
                    if (from > held) {
                        throw invalid("it starts after version " + from + " but version " + held + " is held here");
                    }
                }
                case "entries" -> entries = chunks(parser, "screening.entry", entryUpdates());
                case "changes" -> chunks(parser, "screening.list_change", null);
                default -> parser.skipChildren();
            }
        }
        if (listId == null || from < 0) {
            throw invalid("it names no list or no starting version");
        }
        UUID applied = listId;
        long after = from;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                feeder.syncAfter(applied, after);
                directory.refresh(applied);
            }
        });
        return new Received(listId, name, held, version, entries);
    }

    /** Reads a JSON array of rows and inserts them a chunk at a time; returns how many. */
    private long chunks(JsonParser parser, String table, String updates) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw invalid("its " + table + " rows are not an array");
        }
        List<String> chunk = new ArrayList<>(CHUNK);
        long count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            chunk.add(parser.readValueAsTree().toString());
            count++;
            if (chunk.size() == CHUNK) {
                upsert(table, updates, "jsonb_populate_recordset", "[" + String.join(",", chunk) + "]");
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            upsert(table, updates, "jsonb_populate_recordset", "[" + String.join(",", chunk) + "]");
        }
        return count;
    }

    /** Inserts rows by id; an existing row takes the new values, or stays as it is when {@code updates} is null. */
    private void upsert(String table, String updates, String populate, String rows) {
        jdbc.sql("insert into " + table + " select * from " + populate + "(null::" + table + ", cast(:rows as jsonb))"
                        + (updates == null ? " on conflict (id) do nothing" : " on conflict (id) do update set " + updates))
                .param("rows", rows).update();
    }

    private String entryUpdates() {
        if (entryUpdates == null) {
            entryUpdates = updates("screening.entry");
        }
        return entryUpdates;
    }

    private String listUpdates() {
        if (listUpdates == null) {
            listUpdates = updates("screening.watchlist");
        }
        return listUpdates;
    }

    /** {@code a = excluded.a, ...} over every column but the id, as the table stands after all migrations. */
    private String updates(String table) {
        return jdbc.sql("""
                select string_agg(format('%I = excluded.%I', attname, attname), ', ' order by attnum)
                  from pg_attribute
                 where attrelid = cast(:table as regclass) and attnum > 0 and not attisdropped and attname <> 'id'
                """).param("table", table).query(String.class).single();
    }

    private static RuntimeException invalid(String why) {
        return Rejection.invalid("invalid-watchlist-export", "The watchlist export cannot be applied: " + why + ".");
    }
}
