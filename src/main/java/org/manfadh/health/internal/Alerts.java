package org.manfadh.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.health.Alert;
import org.manfadh.health.AlertSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Outbreak alerts: made, read and ended, never deleted. */
@Repository
class Alerts {

    private static final String COLUMNS = """
            id, disease, countries, regions, monitoring_days, valid_from, valid_until, source, measures_en,
            measures_ar, measures_ckb, created_by, created_at, ended_by, ended_at, end_reason
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Alerts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Alert alert, UUID node) {
        Alert.Texts measures = alert.measures() == null ? new Alert.Texts(null, null, null) : alert.measures();
        jdbc.sql("""
                insert into health.alert (id, node_id, disease, countries, regions, monitoring_days, valid_from,
                       valid_until, source, measures_en, measures_ar, measures_ckb, created_by, created_at)
                values (:id, :node, :disease, cast(:countries as varchar(3)[]), cast(:regions as jsonb), :days,
                        :from, :until, :source, :en, :ar, :ckb, :by, :at)
                """).param("id", alert.id()).param("node", node).param("disease", alert.disease())
                .param("countries", alert.countries().toArray(String[]::new))
                .param("regions", json.writeValueAsString(alert.regions())).param("days", alert.monitoringDays())
                .param("from", alert.validFrom()).param("until", alert.validUntil())
                .param("source", alert.source().name()).param("en", measures.en()).param("ar", measures.ar())
                .param("ckb", measures.ckb()).param("by", alert.createdBy()).param("at", Sql.utc(alert.createdAt()))
                .update();
    }

    /** Ends an alert on a day; false when it was already ended. */
    boolean end(UUID id, LocalDate validUntil, String by, Instant at, String reason) {
        return jdbc.sql("""
                update health.alert set valid_until = :until, ended_by = :by, ended_at = :at, end_reason = :reason
                 where id = :id and ended_at is null
                """).param("id", id).param("until", validUntil).param("by", by).param("at", Sql.utc(at))
                .param("reason", reason).update() == 1;
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from health.alert where id = :id").param("id", id)
                .query(this::alert).optional();
    }

    List<Alert> all() {
        return jdbc.sql("select " + COLUMNS + " from health.alert order by created_at").query(this::alert).list();
    }

    /** Newest first; {@code active}: those applying on {@code today}, or those not, or (null) all. */
    List<Alert> page(Boolean active, LocalDate today, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from health.alert where " + filter(active)
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("active", active != null).param("wanted", active == null || active).param("today", today)
                .param("limit", limit).param("offset", offset).query(this::alert).list();
    }

    long count(Boolean active, LocalDate today) {
        return jdbc.sql("select count(*) from health.alert where " + filter(active))
                .param("active", active != null).param("wanted", active == null || active).param("today", today)
                .query(Long.class).single();
    }

    private static String filter(Boolean active) {
        return """
                (not :active or (valid_from <= cast(:today as date)
                                 and (valid_until is null or valid_until >= cast(:today as date))) = :wanted)
                """;
    }

    private Alert alert(ResultSet rs, int n) throws SQLException {
        Alert.Region[] regions = json.readValue(rs.getString("regions"), Alert.Region[].class);
        return new Alert(rs.getObject("id", UUID.class), rs.getString("disease"), Sql.strings(rs.getArray("countries")),
                List.of(regions), rs.getInt("monitoring_days"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), AlertSource.valueOf(rs.getString("source")),
                new Alert.Texts(rs.getString("measures_en"), rs.getString("measures_ar"), rs.getString("measures_ckb")),
                rs.getString("created_by"), Sql.instant(rs.getTimestamp("created_at")), rs.getString("ended_by"),
                Sql.instant(rs.getTimestamp("ended_at")), rs.getString("end_reason"));
    }
}
