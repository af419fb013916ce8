package org.manfadh.capacity.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Session;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.TrainingCentre;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sessions of courses, as rows of capacity.session with their course and number of participants. */
@Repository
class Sessions {

    private static final String SELECT = """
            select s.id, s.course_id, c.code, c.title_en, c.title_ar, c.title_ckb, s.start_date, s.end_date,
                   coalesce(s.border_point, s.training_centre) as centre, s.trainers, s.capacity,
                   (select count(*) from capacity.enrolment e where e.session_id = s.id) as participants,
                   s.cancelled_at is not null as cancelled
              from capacity.session s join capacity.course c on c.id = s.course_id
            """;

    /** Sessions in sight: at a training centre, or at a border point of the scope (null points: everywhere). */
    private static final String IN_SIGHT = """
             (s.border_point is null or cast(:points as text[]) is null or s.border_point = any(cast(:points as text[])))
            """;

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class), rs.getString("code"),
                new Texts(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_ckb")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("centre").strip(), Sql.strings(rs.getArray("trainers")), rs.getInt("capacity"),
                rs.getInt("participants"), rs.getBoolean("cancelled"));
    }

    void insert(UUID id, UUID node, UUID course, LocalDate start, LocalDate end, TrainingCentre centre,
                List<String> trainers, int capacity, String username, Instant now) {
        jdbc.sql("""
                insert into capacity.session (id, node_id, course_id, start_date, end_date, training_centre, border_point,
                    trainers, capacity, created_by, created_at)
                values (:id, :node, :course, :start, :end, :centre, :point, :trainers, :capacity, :by, :at)
                """).param("id", id).param("node", node).param("course", course).param("start", start)
                .param("end", end).param("centre", centre.centre().name()).param("point", centre.borderPoint())
                .param("trainers", trainers.toArray(String[]::new)).param("capacity", capacity)
                .param("by", username).param("at", Sql.utc(now)).update();
    }

    Optional<Session> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(Sessions::session).optional();
    }

    /** Takes the session's row lock: participants are added one at a time against its capacity. */
    void lock(UUID id) {
        jdbc.sql("select id from capacity.session where id = :id for update").param("id", id).query(UUID.class).optional();
    }

    void cancel(UUID id, String reason, Instant now) {
        jdbc.sql("update capacity.session set cancelled_at = :at, cancel_reason = :reason where id = :id and cancelled_at is null")
                .param("id", id).param("at", Sql.utc(now)).param("reason", reason).update();
    }

    private static final String FILTER = """
             where (cast(:from as date) is null or s.end_date >= :from)
               and (cast(:to as date) is null or s.start_date <= :to)
               and (cast(:course as uuid) is null or s.course_id = :course)
               and (cast(:centre as text) is null or coalesce(s.border_point, s.training_centre) = :centre)
               and""" + IN_SIGHT;

    List<Session> page(LocalDate from, LocalDate to, UUID course, String centre, String[] points, int offset, int limit) {
        return jdbc.sql(SELECT + FILTER + " order by s.start_date desc, c.code, s.id offset :offset limit :limit")
                .param("from", from).param("to", to).param("course", course).param("centre", centre)
                .param("points", points).param("offset", offset).param("limit", limit).query(Sessions::session).list();
    }

    long count(LocalDate from, LocalDate to, UUID course, String centre, String[] points) {
        return jdbc.sql("select count(*) from capacity.session s " + FILTER)
                .param("from", from).param("to", to).param("course", course).param("centre", centre)
                .param("points", points).query(Long.class).single();
    }
}
