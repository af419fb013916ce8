package org.manfadh.capacity.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Agency;
import org.manfadh.capacity.Participant;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.TrainingRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People trained, their places in sessions (capacity.person, capacity.enrolment) and attendance by day. */
@Repository
class Enrolments {

    private static final String SELECT = """
            select e.id, e.session_id, e.person_id, p.name, p.sex, e.agency, e.rank, e.border_point, p.account,
                   e.pre_score, e.post_score, e.attended, e.reaction, c.number, c.expires_on
              from capacity.enrolment e join capacity.person p on p.id = e.person_id
              left join capacity.certificate c on c.enrolment_id = e.id and c.revoked_at is null
            """;

    /** Participants in sight: of a border point of the scope; without one only for a scope that is everywhere. */
    static final String IN_SIGHT = """
             (cast(:points as text[]) is null or e.border_point = any(cast(:points as text[])))
            """;

    /** A person as stored. */
    record PersonRow(UUID id, String name, Sex sex, String account) {
    }

    private final JdbcClient jdbc;

    Enrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Participant participant(ResultSet rs, int row) throws SQLException {
        BigDecimal pre = rs.getBigDecimal("pre_score");
        BigDecimal post = rs.getBigDecimal("post_score");
        int reaction = rs.getInt("reaction");
        boolean noReaction = rs.wasNull();
        String point = rs.getString("border_point");
        return new Participant(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                Agency.valueOf(rs.getString("agency")), rs.getString("rank"), point == null ? null : point.strip(),
                rs.getString("account"), pre, post, pre == null || post == null ? null : post.subtract(pre),
                rs.getBoolean("attended"), noReaction ? null : reaction, rs.getString("number"),
                rs.getObject("expires_on", LocalDate.class));
    }

    // --- people ---------------------------------------------------------------------------------------------------

    private static PersonRow person(ResultSet rs, int row) throws SQLException {
        return new PersonRow(rs.getObject("id", UUID.class), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                rs.getString("account"));
    }

    Optional<PersonRow> person(UUID id) {
        return jdbc.sql("select id, name, sex, account from capacity.person where id = :id").param("id", id)
                .query(Enrolments::person).optional();
    }

    Optional<PersonRow> personByAccount(String account) {
        return jdbc.sql("select id, name, sex, account from capacity.person where account = :account")
                .param("account", account).query(Enrolments::person).optional();
    }

    /** The earliest person known with this folded name and sex (ids are time-ordered). */
    Optional<PersonRow> personByName(String nameKey, Sex sex) {
        return jdbc.sql("""
                select id, name, sex, account from capacity.person where name_key = :key and sex = :sex
                 order by id limit 1
                """).param("key", nameKey).param("sex", sex.name()).query(Enrolments::person).optional();
    }

    void insertPerson(UUID id, UUID node, String name, Sex sex, String account, Instant now) {
        jdbc.sql("""
                insert into capacity.person (id, node_id, name, name_key, sex, account, created_at)
                values (:id, :node, :name, :key, :sex, :account, :at)
                """).param("id", id).param("node", node).param("name", name).param("key", NameKeys.of(name))
                .param("sex", sex.name()).param("account", account).param("at", Sql.utc(now)).update();
    }

    void linkAccount(UUID person, String account) {
        jdbc.sql("update capacity.person set account = :account where id = :id and account is null")
                .param("id", person).param("account", account).update();
    }

    // --- enrolments -----------------------------------------------------------------------------------------------

    boolean enrolled(UUID session, UUID person) {
        return jdbc.sql("select exists (select 1 from capacity.enrolment where session_id = :s and person_id = :p)")
                .param("s", session).param("p", person).query(Boolean.class).single();
    }

    int count(UUID session) {
        return jdbc.sql("select count(*) from capacity.enrolment where session_id = :s").param("s", session)
                .query(Integer.class).single();
    }

    void insert(UUID id, UUID node, UUID session, UUID person, Agency agency, String rank, String borderPoint,
                BigDecimal pre, BigDecimal post, boolean attended, boolean explicit, Integer reaction, String username,
                Instant now) {
        jdbc.sql("""
                insert into capacity.enrolment (id, node_id, session_id, person_id, agency, rank, border_point, pre_score,
                    post_score, attended, attended_explicit, reaction, created_by, created_at, updated_at)
                values (:id, :node, :session, :person, :agency, :rank, :point, :pre, :post, :attended, :explicit,
                    :reaction, :by, :at, :at)
                """).param("id", id).param("node", node).param("session", session).param("person", person)
                .param("agency", agency.name()).param("rank", rank).param("point", borderPoint).param("pre", pre)
                .param("post", post).param("attended", attended).param("explicit", explicit)
                .param("reaction", reaction).param("by", username).param("at", Sql.utc(now)).update();
    }

    Optional<Participant> find(UUID session, UUID id) {
        return jdbc.sql(SELECT + " where e.session_id = :s and e.id = :id").param("s", session).param("id", id)
                .query(Enrolments::participant).optional();
    }

    boolean attendedExplicit(UUID id) {
        return jdbc.sql("select attended_explicit from capacity.enrolment where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    List<Participant> ofSession(UUID session, String[] points) {
        return jdbc.sql(SELECT + " where e.session_id = :s and" + IN_SIGHT + " order by p.name, e.id")
                .param("s", session).param("points", points).query(Enrolments::participant).list();
    }

    List<Participant> ofPerson(UUID person, String[] points) {
        return jdbc.sql(SELECT + """
                 join capacity.session s on s.id = e.session_id
                 where e.person_id = :p and
                """ + IN_SIGHT + " order by s.start_date desc").param("p", person).param("points", points)
                .query(Enrolments::participant).list();
    }

    void update(UUID id, BigDecimal pre, BigDecimal post, boolean attended, boolean explicit, Integer reaction,
                String rank, String borderPoint, Instant now) {
        jdbc.sql("""
                update capacity.enrolment set pre_score = :pre, post_score = :post, attended = :attended,
                    attended_explicit = :explicit, reaction = :reaction, rank = :rank, border_point = :point,
                    updated_at = :at
                 where id = :id
                """).param("id", id).param("pre", pre).param("post", post).param("attended", attended)
                .param("explicit", explicit).param("reaction", reaction).param("rank", rank)
                .param("point", borderPoint).param("at", Sql.utc(now)).update();
    }

    // --- attendance -----------------------------------------------------------------------------------------------

    void mark(UUID enrolment, LocalDate day, boolean present, String username, Instant now) {
        jdbc.sql("""
                insert into capacity.attendance (enrolment_id, day, present, recorded_by, recorded_at)
                values (:e, :day, :present, :by, :at)
                on conflict (enrolment_id, day) do update set present = excluded.present,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                 where capacity.attendance.present is distinct from excluded.present
                """).param("e", enrolment).param("day", day).param("present", present).param("by", username)
                .param("at", Sql.utc(now)).update();
    }

    List<TrainingRecords.Mark> marks(UUID session, String[] points) {
        return jdbc.sql("""
                select a.enrolment_id, a.day, a.present from capacity.attendance a
                  join capacity.enrolment e on e.id = a.enrolment_id
                 where e.session_id = :s and""" + IN_SIGHT + " order by a.enrolment_id, a.day")
                .param("s", session).param("points", points)
                .query((rs, n) -> new TrainingRecords.Mark(rs.getObject("enrolment_id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getBoolean("present"))).list();
    }

    /**
     * Sets attended from the days, for the session's participants whose attendance was not set by hand: present on at
     * least 80 % of the session's days (rounded up).
     */
    void attendedFromDays(UUID session, int sessionDays, Instant now) {
        int needed = (int) Math.ceil(sessionDays * 0.8);
        jdbc.sql("""
                update capacity.enrolment e set attended = d.present >= :needed, updated_at = :at
                  from (select e2.id, count(a.day) filter (where a.present) as present
                          from capacity.enrolment e2 left join capacity.attendance a on a.enrolment_id = e2.id
                         where e2.session_id = :s group by e2.id) d
                 where e.id = d.id and not e.attended_explicit and e.attended <> (d.present >= :needed)
                """).param("s", session).param("needed", needed).param("at", Sql.utc(now)).update();
    }
}
