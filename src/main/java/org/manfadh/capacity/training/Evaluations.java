package org.manfadh.capacity.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.capacity.TrainingRecords.Evaluation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Kirkpatrick level 3 and 4 observations of sessions (capacity.evaluation). */
@Repository
class Evaluations {

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Evaluation e, UUID node, Instant now) {
        jdbc.sql("""
                insert into capacity.evaluation (id, node_id, session_id, enrolment_id, level, observed_on, score, note,
                    observed_by, created_at)
                values (:id, :node, :session, :enrolment, :level, :on, :score, :note, :by, :at)
                """).param("id", e.id()).param("node", node).param("session", e.sessionId())
                .param("enrolment", e.participantId()).param("level", e.level()).param("on", e.observedOn())
                .param("score", e.score()).param("note", e.note()).param("by", e.observedBy())
                .param("at", Sql.utc(now)).update();
    }

    /** The session's observations: of the whole session, or of participants in sight. */
    List<Evaluation> ofSession(UUID session, String[] points) {
        return jdbc.sql("""
                select v.id, v.session_id, v.enrolment_id, v.level, v.observed_on, v.score, v.note, v.observed_by
                  from capacity.evaluation v left join capacity.enrolment e on e.id = v.enrolment_id
                 where v.session_id = :s and (v.enrolment_id is null or""" + Enrolments.IN_SIGHT + """
                ) order by v.observed_on, v.id
                """).param("s", session).param("points", points)
                .query((rs, n) -> new Evaluation(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                        rs.getObject("enrolment_id", UUID.class), rs.getInt("level"),
                        rs.getObject("observed_on", LocalDate.class), rs.getBigDecimal("score"), rs.getString("note"),
                        rs.getString("observed_by"))).list();
    }
}
