package org.manfadh.sync.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** At a post: what it last received from headquarters, and when it was last current. */
@Repository
class FeedState {

    record State(Instant lastAttempt, String lastError, Instant currentAt, String accountsDigest, long mergesSeq) {
    }

    private final JdbcClient jdbc;

    FeedState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    State state() {
        return jdbc.sql("select last_attempt, last_error, current_at, accounts_digest, merges_seq from sync.feed_state")
                .query((rs, n) -> new State(instant(rs.getObject("last_attempt", OffsetDateTime.class)),
                        rs.getString("last_error"), instant(rs.getObject("current_at", OffsetDateTime.class)),
                        rs.getString("accounts_digest"), rs.getLong("merges_seq")))
                .single();
    }

    void accountsApplied(String digest) {
        jdbc.sql("update sync.feed_state set accounts_digest = :digest").param("digest", digest).update();
    }

    void mergesApplied(long seq) {
        jdbc.sql("update sync.feed_state set merges_seq = greatest(merges_seq, :seq)").param("seq", seq).update();
    }

    /** Everything headquarters had for this post, as of {@code asked}, is applied. */
    void current(Instant asked, Instant at) {
        jdbc.sql("update sync.feed_state set current_at = :asked, last_attempt = :at, last_error = null")
                .param("asked", utc(asked)).param("at", utc(at)).update();
    }

    void failed(String error, Instant at) {
        jdbc.sql("update sync.feed_state set last_attempt = :at, last_error = :error")
                .param("at", utc(at)).param("error", error).update();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
