package org.manfadh.health.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.manfadh.health.HealthScreenings.Decision;
import org.manfadh.health.HoldOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Health officers' decisions on travellers held for health; the latest stands, none is changed. */
@Repository
class HoldDecisions {

    private final JdbcClient jdbc;

    HoldDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Decision decision, UUID node, UUID screeningId, UUID crossingId) {
        jdbc.sql("""
                insert into health.hold_decision (id, node_id, screening_id, crossing_id, outcome, facility, notes,
                       decided_by, decided_at)
                values (:id, :node, :screening, :crossing, :outcome, :facility, :notes, :by, :at)
                """).param("id", decision.id()).param("node", node).param("screening", screeningId)
                .param("crossing", crossingId).param("outcome", decision.outcome().name())
                .param("facility", decision.facility()).param("notes", decision.notes())
                .param("by", decision.decidedBy()).param("at", Sql.utc(decision.decidedAt())).update();
    }

    /** The decisions on a screening's hold, oldest first. */
    List<Decision> of(UUID screeningId) {
        return jdbc.sql("""
                select id, outcome, facility, notes, decided_by, decided_at from health.hold_decision
                 where screening_id = :screening order by decided_at, id
                """).param("screening", screeningId)
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), HoldOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("facility"), rs.getString("notes"), rs.getString("decided_by"),
                        Sql.instant(rs.getTimestamp("decided_at"))))
                .list();
    }
}
