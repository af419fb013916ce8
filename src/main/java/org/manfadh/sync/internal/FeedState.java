package org.manfadh.sync.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** At a post: what it last received from headquarters, and when it was last current. */
@Repository
class FeedState {

    /** Whether a post is taking its border point's records back from headquarters (null: not decided yet). */
    enum Reseed { RUNNING, DONE }

    record State(Instant lastAttempt, String lastError, Instant currentAt, String accountsDigest, long mergesSeq,
                 Reseed reseedState, String reseedAfter, String stayRulesDigest, long decisionsSeq,
                 String healthDigest) {
    }

    private final JdbcClient jdbc;

    FeedState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    State state() {
        return jdbc.sql("""
                select last_attempt, last_error, current_at, accounts_digest, merges_seq, reseed_state, reseed_after,
                       stay_rules_digest, decisions_seq, health_digest
                  from sync.feed_state
                """)
                .query((rs, n) -> new State(instant(rs.getObject("last_attempt", OffsetDateTime.class)),
                        rs.getString("last_error"), instant(rs.getObject("current_at", OffsetDateTime.class)),
                        rs.getString("accounts_digest"), rs.getLong("merges_seq"),
                        rs.getString("reseed_state") == null ? null : Reseed.valueOf(rs.getString("reseed_state")),
                        rs.getString("reseed_after"), rs.getString("stay_rules_digest"), rs.getLong("decisions_seq"),
                        rs.getString("health_digest")))
                .single();
    }

    void accountsApplied(String digest) {
        jdbc.sql("update sync.feed_state set accounts_digest = :digest").param("digest", digest).update();
    }

    /** At the first contact: a post that holds no crossing yet takes its border point's records back. */
    void decideReseed(boolean empty) {
        jdbc.sql("update sync.feed_state set reseed_state = :state where reseed_state is null")
                .param("state", (empty ? Reseed.RUNNING : Reseed.DONE).name()).update();
    }

    /** A page of records applied: where the next starts, or done. */
    void reseeded(String next) {
        jdbc.sql("update sync.feed_state set reseed_after = :next, reseed_state = :state")
                .param("next", next).param("state", (next == null ? Reseed.DONE : Reseed.RUNNING).name()).update();
    }

    void stayRulesApplied(String digest) {
        jdbc.sql("update sync.feed_state set stay_rules_digest = :digest").param("digest", digest).update();
    }

    void healthApplied(String digest) {
        jdbc.sql("update sync.feed_state set health_digest = :digest").param("digest", digest).update();
    }

    void mergesApplied(long seq) {
        jdbc.sql("update sync.feed_state set merges_seq = greatest(merges_seq, :seq)").param("seq", seq).update();
    }

    void decisionsApplied(long seq) {
        jdbc.sql("update sync.feed_state set decisions_seq = greatest(decisions_seq, :seq)").param("seq", seq).update();
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
