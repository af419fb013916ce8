package org.manfadh.screening.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.ListFileFormat;
import org.manfadh.screening.PendingChangeKind;
import org.manfadh.screening.PendingChangeStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changes to a list that wait for a second watchlist manager: new settings, or an imported file
 * whose entries are kept here, checked, until the change is approved or withdrawn.
 */
@Repository
class PendingChanges {

    record PendingChange(UUID id, UUID watchlistId, PendingChangeKind kind, PendingChangeStatus status, String settings,
                         String reason, ListFileFormat sourceFormat, String sourceSha256, Long entryCount, String proposedBy,
                         Instant proposedAt, String decidedBy, Instant decidedAt, Long appliedVersion, Integer added,
                         Integer updated, Integer removed) {

        boolean pending() {
            return status == PendingChangeStatus.PENDING;
        }
    }

    private static final String STAGED = "line, id, external_id, kind, primary_name, names, dates_of_birth, "
            + "nationalities, nationality_texts, sex, documents, document_number, issuing_state, document_type, "
            + "reported_on, listed_on, originating_agency, legal_basis, notify_on_hit, note, expires_on, search_text";

    private static final RowMapper<PendingChange> CHANGE = (rs, n) -> new PendingChange(rs.getObject("id", UUID.class),
            rs.getObject("watchlist_id", UUID.class), PendingChangeKind.valueOf(rs.getString("kind")),
            PendingChangeStatus.valueOf(rs.getString("status")), rs.getString("settings"), rs.getString("reason"),
            rs.getString("source_format") == null ? null : ListFileFormat.valueOf(rs.getString("source_format")),
            rs.getString("source_sha256"), (Long) rs.getObject("entry_count"), rs.getString("proposed_by"),
            rs.getObject("proposed_at", OffsetDateTime.class).toInstant(), rs.getString("decided_by"),
            instant(rs.getObject("decided_at", OffsetDateTime.class)), (Long) rs.getObject("applied_version"),
            (Integer) rs.getObject("added"), (Integer) rs.getObject("updated"), (Integer) rs.getObject("removed"));

    private final JdbcClient jdbc;

    PendingChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    void insert(PendingChange c) {
        jdbc.sql("""
                insert into screening.pending_change (id, watchlist_id, kind, status, settings, reason, source_format,
                       source_sha256, entry_count, proposed_by, proposed_at)
                values (:id, :list, :kind, 'PENDING', cast(:settings as jsonb), :reason, :format, :sha, :count, :by, :at)
                """).param("id", c.id()).param("list", c.watchlistId()).param("kind", c.kind().name())
                .param("settings", c.settings()).param("reason", c.reason()).param("format", c.sourceFormat() == null ? null : c.sourceFormat().name())
                .param("sha", c.sourceSha256()).param("count", c.entryCount()).param("by", c.proposedBy())
                .param("at", WatchlistRecords.utc(c.proposedAt())).update();
    }

    /** Keeps the entries staged for this transaction's import with the change, until it is decided. */
    void keepStaged(UUID changeId) {
        jdbc.sql("insert into screening.pending_import_entry (change_id, " + STAGED + ") select :change, " + STAGED
                + " from pg_temp.import_entry").param("change", changeId).update();
    }

    /** Puts the kept entries back into this transaction's staging table; returns how many. */
    long restage(UUID changeId) {
        return jdbc.sql("insert into pg_temp.import_entry (" + STAGED + ") select " + STAGED
                + " from screening.pending_import_entry where change_id = :change").param("change", changeId).update();
    }

    Optional<PendingChange> find(UUID id) {
        return jdbc.sql("select * from screening.pending_change where id = :id").param("id", id).query(CHANGE)
                .optional();
    }

    Optional<PendingChange> lock(UUID id) {
        return jdbc.sql("select * from screening.pending_change where id = :id for update").param("id", id)
                .query(CHANGE).optional();
    }

    /** A list's changes, newest first; only those still waiting unless {@code all}. */
    List<PendingChange> page(UUID watchlistId, boolean all, long offset, int size) {
        return jdbc.sql("""
                select * from screening.pending_change
                 where watchlist_id = :list and (:all or status = 'PENDING')
                 order by proposed_at desc, id desc offset :offset limit :size
                """).param("list", watchlistId).param("all", all).param("offset", offset).param("size", size)
                .query(CHANGE).list();
    }

    long count(UUID watchlistId, boolean all) {
        return jdbc.sql("""
                select count(*) from screening.pending_change where watchlist_id = :list and (:all or status = 'PENDING')
                """).param("list", watchlistId).param("all", all).query(Long.class).single();
    }

    void approved(UUID id, String by, Instant at, long version, Integer added, Integer updated, Integer removed) {
        jdbc.sql("""
                update screening.pending_change set status = 'APPROVED', decided_by = :by, decided_at = :at,
                       applied_version = :version, added = :added, updated = :updated, removed = :removed
                 where id = :id
                """).param("id", id).param("by", by).param("at", WatchlistRecords.utc(at)).param("version", version)
                .param("added", added).param("updated", updated).param("removed", removed).update();
        dropStaged(id);
    }

    void withdrawn(UUID id, String by, Instant at) {
        jdbc.sql("""
                update screening.pending_change set status = 'WITHDRAWN', decided_by = :by, decided_at = :at
                 where id = :id
                """).param("id", id).param("by", by).param("at", WatchlistRecords.utc(at)).update();
        dropStaged(id);
    }

    private void dropStaged(UUID id) {
        jdbc.sql("delete from screening.pending_import_entry where change_id = :id").param("id", id).update();
    }
}
