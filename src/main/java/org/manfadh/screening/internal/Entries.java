package org.manfadh.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.manfadh.screening.EntryKind;
import org.manfadh.screening.EntrySource;
import org.manfadh.screening.EntryStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The entries of the lists. The names, dates of birth, nationalities and documents of an entry
 * are JSON arrays, read and written whole; the index reads them in a stream.
 */
@Repository
class Entries {

    /** An entry as stored; the JSON columns as text. */
    record StoredEntry(UUID id, UUID nodeId, UUID watchlistId, String externalId, EntryKind kind, EntrySource source,
                       EntryStatus status, String primaryName, String names, String datesOfBirth, String nationalities,
                       String nationalityTexts, String sex, String documents, String documentNumber,
                       String issuingState, String documentType, LocalDate reportedOn, LocalDate listedOn,
                       String originatingAgency, String legalBasis, String notifyOnHit, String note, LocalDate expiresOn,
                       String proposedBy, Instant proposedAt, String approvedBy, Instant approvedAt, String removedBy,
                       Instant removedAt, String removalReason, long createdInVersion, long changedInVersion) {

        boolean inForce(LocalDate today) {
            return status == EntryStatus.ACTIVE && (expiresOn == null || !expiresOn.isBefore(today));
        }
    }

    /** What the index needs of an entry, and whether it is in force. */
    record IndexRow(UUID id, UUID watchlistId, EntryKind kind, EntryStatus status, String names, String datesOfBirth,
                    String nationalities, String sex, String documents, String documentNumber, String issuingState,
                    String documentType, LocalDate expiresOn) {

        boolean inForce(LocalDate today) {
            return status == EntryStatus.ACTIVE && (expiresOn == null || !expiresOn.isBefore(today));
        }
    }

    /** Rows streamed in chunks of this many, never the whole result at once. */
    static final int FETCH_SIZE = 5_000;

    private static final String INDEX_COLUMNS = """
            id, watchlist_id, kind, status, names::text as names, dates_of_birth::text as dates_of_birth,
            nationalities::text as nationalities, sex, documents::text as documents, document_number, issuing_state,
            document_type, expires_on""";

    private static final RowMapper<StoredEntry> ENTRY = Entries::map;

    private static final RowMapper<IndexRow> INDEX_ROW = (rs, n) -> new IndexRow(rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), EntryKind.valueOf(rs.getString(3)), EntryStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
            rs.getObject(13, LocalDate.class));

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    Entries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
    }

    private static StoredEntry map(ResultSet rs, int n) throws SQLException {
        return new StoredEntry(rs.getObject("id", UUID.class), rs.getObject("node_id", UUID.class),
                rs.getObject("watchlist_id", UUID.class), rs.getString("external_id"),
                EntryKind.valueOf(rs.getString("kind")), EntrySource.valueOf(rs.getString("source")),
                EntryStatus.valueOf(rs.getString("status")), rs.getString("primary_name"), rs.getString("names"),
                rs.getString("dates_of_birth"), rs.getString("nationalities"), rs.getString("nationality_texts"),
                rs.getString("sex"), rs.getString("documents"), rs.getString("document_number"),
                rs.getString("issuing_state"), rs.getString("document_type"),
                rs.getObject("reported_on", LocalDate.class), rs.getObject("listed_on", LocalDate.class),
                rs.getString("originating_agency"), rs.getString("legal_basis"), rs.getString("notify_on_hit"),
                rs.getString("note"), rs.getObject("expires_on", LocalDate.class), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), rs.getString("approved_by"), instant(rs, "approved_at"),
                rs.getString("removed_by"), instant(rs, "removed_at"), rs.getString("removal_reason"),
                rs.getLong("created_in_version"), rs.getLong("changed_in_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    void insert(StoredEntry e, String searchText) {
        jdbc.sql("""
                insert into screening.entry (id, node_id, watchlist_id, external_id, kind, source, status, primary_name,
                       names, dates_of_birth, nationalities, nationality_texts, sex, documents, document_number,
                       issuing_state, document_type, reported_on, listed_on, originating_agency, legal_basis, notify_on_hit,
                       note, expires_on, search_text, proposed_by, proposed_at, created_in_version, changed_in_version)
                values (:id, :node, :list, :external, :kind, :source, :status, :primary, cast(:names as jsonb),
                        cast(:dobs as jsonb), cast(:nationalities as jsonb), cast(:texts as jsonb), :sex,
                        cast(:documents as jsonb), :number, :state, :type, :reported, :listed, :agency, :basis,
                        :notify, :note, :expires, :search, :by, :at, :version, :version)
                """).param("id", e.id()).param("node", e.nodeId()).param("list", e.watchlistId())
                .param("external", e.externalId()).param("kind", e.kind().name()).param("source", e.source().name())
                .param("status", e.status().name()).param("primary", e.primaryName()).param("names", e.names())
                .param("dobs", e.datesOfBirth()).param("nationalities", e.nationalities())
                .param("texts", e.nationalityTexts()).param("sex", e.sex()).param("documents", e.documents())
                .param("number", e.documentNumber()).param("state", e.issuingState())
                .param("type", e.documentType()).param("reported", e.reportedOn()).param("listed", e.listedOn())
                .param("agency", e.originatingAgency()).param("basis", e.legalBasis()).param("notify", e.notifyOnHit())
                .param("note", e.note()).param("expires", e.expiresOn()).param("search", searchText)
                .param("by", e.proposedBy()).param("at", WatchlistRecords.utc(e.proposedAt()))
                .param("version", e.createdInVersion()).update();
    }

    boolean externalIdTaken(UUID watchlistId, String externalId) {
        return jdbc.sql("""
                select exists (select 1 from screening.entry
                                where watchlist_id = :list and external_id = :external and status <> 'REMOVED')
                """).param("list", watchlistId).param("external", externalId).query(Boolean.class).single();
    }

    Optional<StoredEntry> find(UUID id) {
        return jdbc.sql("select * from screening.entry where id = :id").param("id", id).query(ENTRY).optional();
    }

    Optional<StoredEntry> lock(UUID id) {
        return jdbc.sql("select * from screening.entry where id = :id for update").param("id", id).query(ENTRY)
                .optional();
    }

    /** Entries of a list in the order they were made; {@code text} anywhere in names, external id or numbers. */
    List<StoredEntry> page(UUID watchlistId, String text, String externalId, EntryStatus status, long offset,
                           int size) {
        return jdbc.sql("select * from screening.entry where " + FILTER + " order by id offset :offset limit :size")
                .param("list", watchlistId).param("text", like(text)).param("external", externalId)
                .param("status", status == null ? null : status.name()).param("offset", offset).param("size", size).query(ENTRY).list();
    }

    long count(UUID watchlistId, String text, String externalId, EntryStatus status) {
        return jdbc.sql("select count(*) from screening.entry where " + FILTER).param("list", watchlistId)
                .param("text", like(text)).param("external", externalId)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    private static final String FILTER = """
            watchlist_id = :list
             and (cast(:text as text) is null or search_text like :text)
             and (cast(:external as text) is null or external_id = :external)
             and (cast(:status as text) is null and status <> 'REMOVED' or status = :status)
            """;

    private static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Four eyes in SQL as well: only a pending entry, only by someone other than its proposer. */
    boolean approve(UUID id, String by, Instant at, long version) {
        return jdbc.sql("""
                update screening.entry set status = 'ACTIVE', approved_by = :by, approved_at = :at,
                       changed_in_version = :version
                 where id = :id and status = 'PENDING' and proposed_by <> :by
                """).param("id", id).param("by", by).param("at", WatchlistRecords.utc(at)).param("version", version)
                .update() == 1;
    }

    boolean remove(UUID id, String by, Instant at, String reason, long version) {
        return jdbc.sql("""
                update screening.entry set status = 'REMOVED', removed_by = :by, removed_at = :at,
                       removal_reason = :reason, changed_in_version = :version
                 where id = :id and status <> 'REMOVED'
                """).param("id", id).param("by", by).param("at", WatchlistRecords.utc(at)).param("reason", reason)
                .param("version", version).update() == 1;
    }

    /** Every entry in force on the day, in a stream of rows fetched a chunk at a time (inside a transaction). */
    Stream<IndexRow> inForce(LocalDate today) {
        return streaming.sql("select " + INDEX_COLUMNS + """
                 from screening.entry where status = 'ACTIVE' and (expires_on is null or expires_on >= :today)
                """).param("today", today).query(INDEX_ROW).stream();
    }

    /** Every entry a version of a list changed, whatever it became. */
    Stream<IndexRow> changedIn(UUID watchlistId, long version) {
        return streaming.sql("select " + INDEX_COLUMNS + """
                 from screening.entry where watchlist_id = :list and changed_in_version = :version
                """).param("list", watchlistId).param("version", version).query(INDEX_ROW).stream();
    }

    /** Every entry the versions of a list after {@code afterVersion} changed, whatever it became. */
    Stream<IndexRow> changedAfter(UUID watchlistId, long afterVersion) {
        return streaming.sql("select " + INDEX_COLUMNS + """
                 from screening.entry where watchlist_id = :list and changed_in_version > :version
                """).param("list", watchlistId).param("version", afterVersion).query(INDEX_ROW).stream();
    }

    /** Entries in force until a day in [since, before): those that expired since the last sweep. */
    List<UUID> expiredBetween(LocalDate since, LocalDate before) {
        return jdbc.sql("""
                select id from screening.entry
                 where status = 'ACTIVE' and expires_on >= :since and expires_on < :before
                """).param("since", since).param("before", before).query(UUID.class).list();
    }

}
