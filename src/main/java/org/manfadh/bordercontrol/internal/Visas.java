package org.manfadh.bordercontrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Visas and permits, each its own record, and their extensions. */
@Repository
class Visas {

    record Visa(UUID id, UUID nodeId, UUID travellerId, String number, String type, String issuingAuthority,
                LocalDate validFrom, LocalDate validUntil, Integer entriesAllowed, Integer permittedStayDays,
                String createdBy, Instant createdAt) {
    }

    record Extension(UUID id, UUID visaId, int extraDays, LocalDate grantedOn, String reason, String createdBy,
                     Instant createdAt) {
    }

    private static final RowMapper<Visa> VISA = (rs, n) -> new Visa(rs.getObject("id", UUID.class),
            rs.getObject("node_id", UUID.class), rs.getObject("traveller_id", UUID.class), rs.getString("number"),
            rs.getString("type"), rs.getString("issuing_authority"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class), (Integer) rs.getObject("entries_allowed"),
            (Integer) rs.getObject("permitted_stay_days"), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private static final RowMapper<Extension> EXTENSION = (rs, n) -> new Extension(rs.getObject("id", UUID.class),
            rs.getObject("visa_id", UUID.class), rs.getInt("extra_days"), rs.getObject("granted_on", LocalDate.class),
            rs.getString("reason"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    Visas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Visa> find(UUID id) {
        return jdbc.sql("select * from bordercontrol.visa where id = :id").param("id", id).query(VISA).optional();
    }

    Optional<Visa> find(String issuingAuthority, String type, String number) {
        return jdbc.sql("""
                select * from bordercontrol.visa where issuing_authority = :authority and type = :type and number = :number
                """).param("authority", issuingAuthority).param("type", type).param("number", number)
                .query(VISA).optional();
    }

    List<Visa> ofTraveller(UUID travellerId) {
        return jdbc.sql("select * from bordercontrol.visa where traveller_id = :id order by valid_from desc, id")
                .param("id", travellerId).query(VISA).list();
    }

    List<Extension> extensionsOfTraveller(UUID travellerId) {
        return jdbc.sql("""
                select e.* from bordercontrol.visa_extension e join bordercontrol.visa v on v.id = e.visa_id
                 where v.traveller_id = :id order by e.created_at
                """).param("id", travellerId).query(EXTENSION).list();
    }

    List<Extension> extensionsOf(UUID visaId) {
        return jdbc.sql("select * from bordercontrol.visa_extension where visa_id = :id order by created_at")
                .param("id", visaId).query(EXTENSION).list();
    }

    void insert(Visa v) {
        jdbc.sql("""
                insert into bordercontrol.visa (id, node_id, traveller_id, number, type, issuing_authority, valid_from,
                       valid_until, entries_allowed, permitted_stay_days, created_by, created_at)
                values (:id, :node, :traveller, :number, :type, :authority, :from, :until, :entries, :stay, :by, :at)
                """).param("id", v.id()).param("node", v.nodeId()).param("traveller", v.travellerId())
                .param("number", v.number()).param("type", v.type()).param("authority", v.issuingAuthority())
                .param("from", v.validFrom()).param("until", v.validUntil()).param("entries", v.entriesAllowed())
                .param("stay", v.permittedStayDays()).param("by", v.createdBy())
                .param("at", Crossings.utc(v.createdAt())).update();
    }

    void insert(Extension e, UUID nodeId) {
        jdbc.sql("""
                insert into bordercontrol.visa_extension (id, node_id, visa_id, extra_days, granted_on, reason,
                       created_by, created_at)
                values (:id, :node, :visa, :days, :on, :reason, :by, :at)
                """).param("id", e.id()).param("node", nodeId).param("visa", e.visaId()).param("days", e.extraDays())
                .param("on", e.grantedOn()).param("reason", e.reason()).param("by", e.createdBy())
                .param("at", Crossings.utc(e.createdAt())).update();
    }

    void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "visa:" + key)
                .query().singleRow();
    }
}
