package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stay rules: versions by effective day, never changed once written. Read on every crossing, so
 * kept in memory for a few seconds; a new rule is seen by every node's next read.
 */
@Repository
class StayRules {

    record Rule(UUID id, String nationality, String visaType, int permittedDays, Integer windowDays,
                LocalDate effectiveFrom, String note, String createdBy, Instant createdAt) {
    }

    private static final long CACHE_MILLIS = 5_000;

    private static final RowMapper<Rule> RULE = (rs, n) -> new Rule(rs.getObject("id", UUID.class),
            rs.getString("nationality"), rs.getString("visa_type"), rs.getInt("permitted_days"),
            (Integer) rs.getObject("window_days"), rs.getObject("effective_from", LocalDate.class), rs.getString("note"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private record Cached(List<Rule> rules, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Cached cached;

    StayRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Rule> all() {
        Cached c = cached;
        long now = clock.millis();
        if (c == null || now - c.loadedAt() > CACHE_MILLIS) {
            c = new Cached(jdbc.sql("""
                    select * from bordercontrol.stay_rule order by effective_from, nationality nulls first, visa_type nulls first
                    """).query(RULE).list(), now);
            cached = c;
        }
        return c.rules();
    }

    void insert(Rule r) {
        jdbc.sql("""
                insert into bordercontrol.stay_rule (id, nationality, visa_type, permitted_days, window_days,
                       effective_from, note, created_by, created_at)
                values (:id, :nationality, :type, :days, :window, :from, :note, :by, :at)
                """).param("id", r.id()).param("nationality", r.nationality()).param("type", r.visaType())
                .param("days", r.permittedDays()).param("window", r.windowDays()).param("from", r.effectiveFrom())
                .param("note", r.note()).param("by", r.createdBy()).param("at", Crossings.utc(r.createdAt())).update();
        cached = null;
    }

    /** Rules written other than by {@link #insert} (from headquarters) are read afresh next time. */
    void forget() {
        cached = null;
    }

    boolean exists(String nationality, String visaType, LocalDate effectiveFrom) {
        return jdbc.sql("""
                select count(*) from bordercontrol.stay_rule
                 where nationality is not distinct from :nationality and visa_type is not distinct from :type
                   and effective_from = :from
                """).param("nationality", nationality).param("type", visaType).param("from", effectiveFrom)
                .query(Long.class).single() > 0;
    }
}
