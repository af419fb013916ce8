package org.manfadh.screening.internal;

import org.manfadh.platform.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.manfadh.platform.Ids;
import org.postgresql.PGConnection;
import org.manfadh.screening.EntrySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * An import inside the caller's transaction: the file's entries are copied into a temporary
 * staging table as they are read, then merged into the list by external id in three statements —
 * changed entries updated, new ones added, missing ones removed — so that the whole file takes
 * effect at once or not at all, and memory holds only one chunk of rows.
 */
@Repository
class Imports {

    record Merge(long imported, int added, int updated, int removed) {
    }

    /** Two entries of one file with the same external id. */
    record Duplicate(String externalId, long firstLine, long secondLine) {
    }

    /** An entry of the file whose external id a live entry from another source already has. */
    record Clash(String externalId, long line, EntrySource source) {
    }

    private static final String COLUMNS = "line, id, external_id, kind, primary_name, names, dates_of_birth, "
            + "nationalities, nationality_texts, sex, documents, document_number, issuing_state, document_type, "
            + "reported_on, listed_on, originating_agency, legal_basis, notify_on_hit, note, expires_on, search_text";

    /** The columns an import sets; an entry whose values are all the same is left alone. */
    private static final String CONTENT = "kind, primary_name, names, dates_of_birth, nationalities, "
            + "nationality_texts, sex, documents, document_number, issuing_state, document_type, reported_on, "
            + "listed_on, originating_agency, legal_basis, notify_on_hit, note, expires_on, search_text";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;

    Imports(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Copies the entries of one file into the staging table; {@link #close} or {@link #finish} ends the copy. */
    final class Staging implements AutoCloseable {

        private final CopyRows rows;
        private long count;
        private boolean done;

        private Staging(CopyRows rows) {
            this.rows = rows;
        }

        void add(EntryContent e) {
            try {
                rows.value(e.line()).value(Ids.newId()).text(e.externalId()).text(e.kind().name())
                        .text(e.primaryName()).text(json.writeValueAsString(e.names()))
                        .text(json.writeValueAsString(e.datesOfBirth()))
                        .text(json.writeValueAsString(e.nationalities()))
                        .text(json.writeValueAsString(e.nationalityTexts())).text(e.sex())
                        .text(json.writeValueAsString(e.documents())).text(e.documentNumber())
                        .text(e.issuingState()).text(e.documentType()).value(e.reportedOn()).value(e.listedOn())
                        .text(e.originatingAgency()).text(e.legalBasis()).text(e.notifyOnHit()).text(e.note())
                        .value(e.expiresOn()).text(e.searchText());
                rows.endRow();
                count++;
            } catch (SQLException ex) {
                throw new IllegalStateException("Staging an imported entry failed", ex);
            }
        }

        long finish() {
            try {
                rows.finish();
                done = true;
                return count;
            } catch (SQLException ex) {
                throw new IllegalStateException("Staging the imported entries failed", ex);
            }
        }

        @Override
        public void close() {
            if (!done) {
                rows.cancel();
            }
        }
    }

    /** A fresh staging table for this transaction, and a copy into it. */
    Staging stage() {
        emptyStage();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new Staging(CopyRows.into(connection.unwrap(PGConnection.class).getCopyAPI(),
                    "pg_temp.import_entry", COLUMNS));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start copying the import", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A fresh, empty staging table for this transaction. */
    void emptyStage() {
        jdbc.sql("drop table if exists pg_temp.import_entry").update();
        jdbc.sql("""
                create temporary table import_entry (
                    line bigint not null, id uuid not null, external_id text not null, kind text not null,
                    primary_name text, names jsonb not null, dates_of_birth jsonb not null,
                    nationalities jsonb not null, nationality_texts jsonb not null, sex char(1), documents jsonb not null,
                    document_number text, issuing_state varchar(3), document_type text, reported_on date,
                    listed_on date, originating_agency text, legal_basis text, notify_on_hit text, note text,
                    expires_on date, search_text text not null
                ) on commit drop
                """).update();
    }

    Optional<Duplicate> duplicate() {
        jdbc.sql("create index on pg_temp.import_entry (external_id)").update();
        jdbc.sql("analyze pg_temp.import_entry").update();
        return jdbc.sql("""
                select external_id, min(line) as first_line, max(line) as second_line from pg_temp.import_entry
                 group by external_id having count(*) > 1 order by min(line) limit 1
                """).query((rs, n) -> new Duplicate(rs.getString(1), rs.getLong(2), rs.getLong(3))).optional();
    }

    Optional<Clash> clash(UUID watchlistId, EntrySource source) {
        return jdbc.sql("""
                select s.external_id, s.line, e.source from pg_temp.import_entry s
                  join screening.entry e on e.watchlist_id = :list and e.external_id = s.external_id
                 where e.status <> 'REMOVED' and e.source <> :source
                 order by s.line limit 1
                """).param("list", watchlistId).param("source", source.name())
                .query((rs, n) -> new Clash(rs.getString(1), rs.getLong(2), EntrySource.valueOf(rs.getString(3))))
                .optional();
    }

    /** Makes the list's entries from this source exactly those staged, as the given version. */
    Merge merge(UUID watchlistId, UUID nodeId, EntrySource source, long staged, String by, Instant at, long version) {
        int updated = jdbc.sql("update screening.entry e set (" + CONTENT + ", changed_in_version) = (" + prefixed("s")
                + ", :version) from pg_temp.import_entry s"
                + " where e.watchlist_id = :list and e.source = :source and e.status = 'ACTIVE'"
                + " and e.external_id = s.external_id"
                + " and (" + prefixed("e") + ") is distinct from (" + prefixed("s") + ")")
                .param("list", watchlistId).param("source", source.name()).param("version", version).update();
        int added = jdbc.sql("insert into screening.entry (id, node_id, watchlist_id, external_id, source, status, "
                + CONTENT + ", proposed_by, proposed_at, created_in_version, changed_in_version)"
                + " select s.id, :node, :list, s.external_id, :source, 'ACTIVE', " + prefixed("s")
                + ", :by, :at, :version, :version from pg_temp.import_entry s"
                + " where not exists (select 1 from screening.entry e where e.watchlist_id = :list"
                + " and e.external_id = s.external_id and e.status <> 'REMOVED')")
                .param("node", nodeId).param("list", watchlistId).param("source", source.name()).param("by", by)
                .param("at", WatchlistRecords.utc(at)).param("version", version).update();
        int removed = jdbc.sql("""
                update screening.entry e set status = 'REMOVED', removed_by = :by, removed_at = :at,
                       removal_reason = :reason, changed_in_version = :version
                 where e.watchlist_id = :list and e.source = :source and e.status = 'ACTIVE'
                   and not exists (select 1 from pg_temp.import_entry s where s.external_id = e.external_id)
                """).param("list", watchlistId).param("source", source.name()).param("by", by)
                .param("at", WatchlistRecords.utc(at))
                .param("reason", "Not in the file imported as version " + version + ".")
                .param("version", version).update();
        return new Merge(staged, added, updated, removed);
    }

    private static String prefixed(String alias) {
        return alias + "." + CONTENT.replace(", ", ", " + alias + ".");
    }
}
