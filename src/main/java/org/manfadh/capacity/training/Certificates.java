package org.manfadh.capacity.training;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Agency;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.TrainingRecords.Certificate;
import org.manfadh.capacity.TrainingRecords.Refresher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates issued to participants (capacity.certificate), and the refreshers they bring due. */
@Repository
class Certificates {

    private static final String SELECT = """
            select c.id, c.enrolment_id, c.person_id, p.name, c.course_id, k.code, c.number, c.issued_on, c.expires_on,
                   c.revoked_at is not null as revoked, c.revoke_reason, e.border_point
              from capacity.certificate c join capacity.person p on p.id = c.person_id
              join capacity.course k on k.id = c.course_id join capacity.enrolment e on e.id = c.enrolment_id
            """;

    /** A certificate with the border point of the participant it was issued to, for the caller's sight. */
    record Held(Certificate certificate, String borderPoint) {
    }

    private final JdbcClient jdbc;

    Certificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getObject("id", UUID.class), rs.getObject("enrolment_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("name"), rs.getObject("course_id", UUID.class),
                rs.getString("code"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getBoolean("revoked"), rs.getString("revoke_reason"));
    }

    /** Participants of the session who attended, reached the pass score and hold no certificate of it yet. */
    List<UUID> eligible(UUID session, BigDecimal passScore) {
        return jdbc.sql("""
                select e.id from capacity.enrolment e
                 where e.session_id = :s and e.attended and e.post_score >= :pass
                   and not exists (select 1 from capacity.certificate c where c.enrolment_id = e.id)
                 order by e.id
                """).param("s", session).param("pass", passScore).query(UUID.class).list();
    }

    /** The highest sequence number used for certificates numbered with this prefix ({@code BPC-DOC1-2026-}). */
    int lastSequence(String prefix) {
        return jdbc.sql("""
                select coalesce(max(cast(substring(number from char_length(:prefix) + 1) as integer)), 0)
                  from capacity.certificate where number like :pattern and substring(number from char_length(:prefix) + 1) ~ '^[0-9]{1,9}$'
                """).param("prefix", prefix).param("pattern", prefix.replace("_", "\\_") + "%")
                .query(Integer.class).single();
    }

    void insert(UUID id, UUID node, UUID enrolment, UUID course, String number, LocalDate issuedOn, LocalDate expiresOn,
                String username, Instant now) {
        jdbc.sql("""
                insert into capacity.certificate (id, node_id, enrolment_id, person_id, course_id, number, issued_on,
                    expires_on, created_by, created_at)
                select :id, :node, e.id, e.person_id, :course, :number, :issued, :expires, :by, :at
                  from capacity.enrolment e where e.id = :enrolment
                """).param("id", id).param("node", node).param("enrolment", enrolment).param("course", course)
                .param("number", number).param("issued", issuedOn).param("expires", expiresOn).param("by", username)
                .param("at", Sql.utc(now)).update();
    }

    List<Certificate> ofSession(UUID session, String[] points) {
        return jdbc.sql(SELECT + " where e.session_id = :s and" + Enrolments.IN_SIGHT + " order by c.number")
                .param("s", session).param("points", points).query(Certificates::certificate).list();
    }

    List<Certificate> ofPerson(UUID person, String[] points) {
        return jdbc.sql(SELECT + " where c.person_id = :p and" + Enrolments.IN_SIGHT + " order by c.issued_on desc")
                .param("p", person).param("points", points).query(Certificates::certificate).list();
    }

    Optional<Held> lock(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id for update of c").param("id", id).query((rs, n) -> {
            String point = rs.getString("border_point");
            return new Held(certificate(rs, n), point == null ? null : point.strip());
        }).optional();
    }

    Optional<Certificate> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(Certificates::certificate).optional();
    }

    void revoke(UUID id, String reason, String username, Instant now) {
        jdbc.sql("""
                update capacity.certificate set revoked_at = :at, revoked_by = :by, revoke_reason = :reason
                 where id = :id and revoked_at is null
                """).param("id", id).param("at", Sql.utc(now)).param("by", username).param("reason", reason).update();
    }

    /**
     * Certificates not revoked, expired or expiring on or before {@code until}, whose holder has no certificate of the
     * same course, not revoked, issued after it: the newest of each holder's certificates of a course is the one
     * that counts. By the participant's border point (all in sight when {@code point} is null).
     */
    List<Refresher> refreshers(LocalDate today, LocalDate until, String point, String[] points) {
        return jdbc.sql("""
                select c.id, c.number, c.person_id, p.name, p.sex, e.agency, e.rank, e.border_point, c.course_id, k.code,
                       k.title_en, k.title_ar, k.title_ckb, c.issued_on, c.expires_on
                  from capacity.certificate c join capacity.person p on p.id = c.person_id
                  join capacity.course k on k.id = c.course_id join capacity.enrolment e on e.id = c.enrolment_id
                 where c.revoked_at is null and c.expires_on is not null and c.expires_on <= :until
                   and not exists (select 1 from capacity.certificate n
                                    where n.person_id = c.person_id and n.course_id = c.course_id and n.id <> c.id
                                      and n.revoked_at is null
                                      and (n.issued_on > c.issued_on or n.issued_on = c.issued_on and n.id > c.id))
                   and (cast(:point as text) is null or e.border_point = :point)
                   and""" + Enrolments.IN_SIGHT + " order by e.border_point nulls last, c.expires_on, p.name")
                .param("until", until).param("point", point).param("points", points)
                .query((rs, n) -> {
                    String bp = rs.getString("border_point");
                    String rank = rs.getString("rank");
                    LocalDate expires = rs.getObject("expires_on", LocalDate.class);
                    return new Refresher(rs.getObject("id", UUID.class), rs.getString("number"),
                            rs.getObject("person_id", UUID.class), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                            Agency.valueOf(rs.getString("agency")), rank, bp == null ? null : bp.strip(),
                            rs.getObject("course_id", UUID.class), rs.getString("code"),
                            new Texts(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_ckb")),
                            rs.getObject("issued_on", LocalDate.class), expires, ChronoUnit.DAYS.between(today, expires));
                }).list();
    }
}
