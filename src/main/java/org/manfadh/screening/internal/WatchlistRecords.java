package org.manfadh.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.ListAuthority;
import org.manfadh.screening.WatchlistKind;
import org.manfadh.screening.WatchlistSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lists themselves: name, kind, action, thresholds and latest version. */
@Repository
class WatchlistRecords {

    record Watchlist(UUID id, UUID nodeId, String name, WatchlistKind kind, ActionOnHit actionOnHit,
                     ListAuthority authority, double hitThreshold, double possibleMatchThreshold, long version,
                     Instant unGeneratedAt, String createdBy, Instant createdAt) {

        WatchlistSummary summary() {
            return new WatchlistSummary(id, name, kind, actionOnHit, authority, hitThreshold, possibleMatchThreshold,
                    version);
        }
    }

    /** Entries in force today and entries waiting for approval, by list. */
    record Counts(long inForce, long pending) {
    }

    private static final RowMapper<Watchlist> WATCHLIST = WatchlistRecords::map;

    private final JdbcClient jdbc;

    WatchlistRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Watchlist map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime generated = rs.getObject("un_generated_at", OffsetDateTime.class);
        return new Watchlist(rs.getObject("id", UUID.class), rs.getObject("node_id", UUID.class),
                rs.getString("name"), WatchlistKind.valueOf(rs.getString("kind")),
                ActionOnHit.valueOf(rs.getString("action_on_hit")), ListAuthority.valueOf(rs.getString("authority")),
                rs.getDouble("hit_threshold"), rs.getDouble("possible_match_threshold"), rs.getLong("version"),
                generated == null ? null : generated.toInstant(), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    void insert(Watchlist w) {
        jdbc.sql("""
                insert into screening.watchlist (id, node_id, name, kind, action_on_hit, authority, hit_threshold,
                       possible_match_threshold, version, created_by, created_at)
                values (:id, :node, :name, :kind, :action, :authority, :hit, :possible, :version, :by, :at)
                """).param("id", w.id()).param("node", w.nodeId()).param("name", w.name())
                .param("kind", w.kind().name()).param("action", w.actionOnHit().name())
                .param("authority", w.authority().name()).param("hit", w.hitThreshold())
                .param("possible", w.possibleMatchThreshold()).param("version", w.version())
                .param("by", w.createdBy()).param("at", utc(w.createdAt())).update();
    }

    boolean nameTaken(String name, UUID other) {
        return jdbc.sql("select exists (select 1 from screening.watchlist where lower(name) = lower(:name) and id <> :id)")
                .param("name", name).param("id", other).query(Boolean.class).single();
    }

    Optional<Watchlist> find(UUID id) {
        return jdbc.sql("select * from screening.watchlist where id = :id").param("id", id).query(WATCHLIST).optional();
    }

    /** The list, locked until the transaction ends: changes to one list happen one after another. */
    Optional<Watchlist> lock(UUID id) {
        return jdbc.sql("select * from screening.watchlist where id = :id for update").param("id", id)
                .query(WATCHLIST).optional();
    }

    List<Watchlist> all() {
        return jdbc.sql("select * from screening.watchlist order by lower(name), id").query(WATCHLIST).list();
    }

    /** A page of the lists of these authorities (all when null). */
    List<Watchlist> page(long offset, int size, String[] authorities) {
        return jdbc.sql("""
                select * from screening.watchlist
                 where cast(:authorities as text[]) is null or authority = any(cast(:authorities as text[]))
                 order by lower(name), id offset :offset limit :size
                """).param("offset", offset).param("size", size).param("authorities", authorities)
                .query(WATCHLIST).list();
    }

    long count(String[] authorities) {
        return jdbc.sql("""
                select count(*) from screening.watchlist
                 where cast(:authorities as text[]) is null or authority = any(cast(:authorities as text[]))
                """).param("authorities", authorities).query(Long.class).single();
    }

    Counts counts(UUID id, LocalDate today) {
        return jdbc.sql("""
                select count(*) filter (where status = 'ACTIVE' and (expires_on is null or expires_on >= :today)) as in_force,
                       count(*) filter (where status = 'PENDING') as pending
                  from screening.entry where watchlist_id = :id
                """).param("id", id).param("today", today)
                .query((rs, n) -> new Counts(rs.getLong("in_force"), rs.getLong("pending"))).single();
    }

    void changeSettings(Watchlist w) {
        jdbc.sql("""
                update screening.watchlist set name = :name, action_on_hit = :action, authority = :authority,
                       hit_threshold = :hit, possible_match_threshold = :possible, version = :version
                 where id = :id
                """).param("id", w.id()).param("name", w.name()).param("action", w.actionOnHit().name())
                .param("authority", w.authority().name()).param("hit", w.hitThreshold())
                .param("possible", w.possibleMatchThreshold()).param("version", w.version()).update();
    }

    void newVersion(UUID id, long version) {
        jdbc.sql("update screening.watchlist set version = :version where id = :id")
                .param("id", id).param("version", version).update();
    }

    void unListGenerated(UUID id, Instant generatedAt) {
        jdbc.sql("update screening.watchlist set un_generated_at = :at where id = :id")
                .param("id", id).param("at", utc(generatedAt)).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
