package org.manfadh.sync.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.manfadh.sync.OutboxKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A post's outbox and how far headquarters has acknowledged it. */
@Repository
class Outbox {

    /** Serialises the outbox's writers from their insert to their commit; any constant will do. */
    private static final long OUTBOX_LOCK = 0x5_1AC_0B0L;

    record Row(long seq, UUID id, OutboxKind kind, UUID recordId, String payload, Instant createdAt) {
    }

    record State(long acknowledgedSeq, Instant lastContact, Instant lastAttempt, String lastError) {
    }

    record Backlog(long records, Instant oldest) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the record's own transaction: the lock holds until it commits, so seqs commit in order. */
    void append(UUID id, OutboxKind kind, UUID recordId, String payload, Instant at) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", OUTBOX_LOCK).query((rs, n) -> 1).list();
        jdbc.sql("""
                insert into sync.outbox (id, kind, record_id, payload, created_at)
                values (:id, :kind, :record, cast(:payload as jsonb), :at)
                """).param("id", id).param("kind", kind.name()).param("record", recordId).param("payload", payload)
                .param("at", utc(at)).update();
    }

    List<Row> after(long seq, int limit) {
        return jdbc.sql("""
                select seq, id, kind, record_id, payload::text as payload, created_at
                  from sync.outbox where seq > :seq order by seq limit :limit
                """).param("seq", seq).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getObject("id", UUID.class),
                        OutboxKind.valueOf(rs.getString("kind")),
                        rs.getObject("record_id", UUID.class), rs.getString("payload"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    State state() {
        return jdbc.sql("select acknowledged_seq, last_contact, last_attempt, last_error from sync.push_state")
                .query((rs, n) -> new State(rs.getLong("acknowledged_seq"), instant(rs.getObject("last_contact",
                        OffsetDateTime.class)), instant(rs.getObject("last_attempt", OffsetDateTime.class)),
                        rs.getString("last_error")))
                .single();
    }

    Backlog backlog() {
        return jdbc.sql("""
                select count(*) as records, min(o.created_at) as oldest
                  from sync.outbox o, sync.push_state s where o.seq > s.acknowledged_seq
                """).query((rs, n) -> new Backlog(rs.getLong("records"),
                        instant(rs.getObject("oldest", OffsetDateTime.class)))).single();
    }

    /** Headquarters answered: the acknowledged seq only ever moves forward. */
    void acknowledged(long seq, Instant at) {
        jdbc.sql("""
                update sync.push_state set acknowledged_seq = greatest(acknowledged_seq, :seq),
                       last_contact = :at, last_attempt = :at, last_error = null
                """).param("seq", seq).param("at", utc(at)).update();
    }

    /** Removes what headquarters acknowledged and is older than {@code before}; returns how many rows. */
    int prune(Instant before) {
        return jdbc.sql("""
                delete from sync.outbox o using sync.push_state s
                 where o.seq <= s.acknowledged_seq and o.created_at < :before
                """).param("before", utc(before)).update();
    }

    void failed(String error, Instant at) {
        jdbc.sql("update sync.push_state set last_attempt = :at, last_error = :error")
                .param("at", utc(at)).param("error", error).update();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
