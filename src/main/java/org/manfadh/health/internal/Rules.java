package org.manfadh.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.Alert;
import org.manfadh.health.Exposure;
import org.manfadh.health.Route;
import org.manfadh.health.Rule;
import org.manfadh.health.Symptom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screening rules, standing and of alerts; changed in place, never deleted (an unwanted one is deactivated). */
@Repository
class Rules {

    private static final String COLUMNS = """
            id, alert_id, code, name_en, name_ar, name_ckb, countries, routes, window_days, measure_temperature,
            fever_from_c, symptoms, exposures, yellow_fever_certificate, on_fever, on_symptom, on_exposure,
            on_no_certificate, referral_facility, active
            """;

    private final JdbcClient jdbc;

    Rules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rule rule, UUID node, String by, Instant at) {
        jdbc.sql("""
                insert into health.rule (id, node_id, alert_id, code, name_en, name_ar, name_ckb, countries, routes,
                       window_days, measure_temperature, fever_from_c, symptoms, exposures, yellow_fever_certificate,
                       on_fever, on_symptom, on_exposure, on_no_certificate, referral_facility, active, created_by,
                       created_at)
                values (:id, :node, :alert, :code, :en, :ar, :ckb, cast(:countries as varchar(3)[]),
                        cast(:routes as text[]), :window, :temperature, :fever, cast(:symptoms as text[]),
                        cast(:exposures as text[]), :certificate, :onFever, :onSymptom, :onExposure, :onNoCertificate,
                        :facility, :active, :by, :at)
                """).param("id", rule.id()).param("node", node).param("alert", rule.alertId())
                .param("code", rule.code()).params(values(rule)).param("by", by).param("at", Sql.utc(at)).update();
    }

    void update(Rule rule, String by, Instant at) {
        jdbc.sql("""
                update health.rule set name_en = :en, name_ar = :ar, name_ckb = :ckb,
                       countries = cast(:countries as varchar(3)[]), routes = cast(:routes as text[]),
                       window_days = :window, measure_temperature = :temperature, fever_from_c = :fever,
                       symptoms = cast(:symptoms as text[]), exposures = cast(:exposures as text[]),
                       yellow_fever_certificate = :certificate, on_fever = :onFever, on_symptom = :onSymptom,
                       on_exposure = :onExposure, on_no_certificate = :onNoCertificate,
                       referral_facility = :facility, active = :active, changed_by = :by, changed_at = :at
                 where id = :id
                """).param("id", rule.id()).params(values(rule)).param("by", by).param("at", Sql.utc(at)).update();
    }

    private static java.util.Map<String, Object> values(Rule rule) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("en", rule.name().en());
        values.put("ar", rule.name().ar());
        values.put("ckb", rule.name().ckb());
        values.put("countries", rule.alertId() == null ? rule.countries().toArray(String[]::new) : null);
        values.put("routes", Sql.names(rule.routes()));
        values.put("window", rule.windowDays());
        values.put("temperature", rule.measureTemperature());
        values.put("fever", rule.feverFromC());
        values.put("symptoms", Sql.names(rule.symptoms()));
        values.put("exposures", Sql.names(rule.exposures()));
        values.put("certificate", rule.yellowFeverCertificate());
        values.put("onFever", rule.onFever().name());
        values.put("onSymptom", rule.onSymptom().name());
        values.put("onExposure", rule.onExposure().name());
        values.put("onNoCertificate", rule.onNoCertificate().name());
        values.put("facility", rule.referralFacility());
        values.put("active", rule.active());
        return values;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from health.rule where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    Optional<Rule> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from health.rule where id = :id").param("id", id).query(Rules::rule)
                .optional();
    }

    /** Every rule, the active first, then by code. */
    List<Rule> all() {
        return jdbc.sql("select " + COLUMNS + " from health.rule order by active desc, code").query(Rules::rule).list();
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        Integer window = rs.getObject("window_days", Integer.class);
        return new Rule(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class), rs.getString("code"),
                new Alert.Texts(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_ckb")),
                rs.getArray("countries") == null ? null : Sql.strings(rs.getArray("countries")),
                Sql.enums(rs.getArray("routes"), Route.class), window, rs.getBoolean("measure_temperature"),
                rs.getBigDecimal("fever_from_c"), Sql.enums(rs.getArray("symptoms"), Symptom.class),
                Sql.enums(rs.getArray("exposures"), Exposure.class), rs.getBoolean("yellow_fever_certificate"),
                HealthOutcome.valueOf(rs.getString("on_fever")), HealthOutcome.valueOf(rs.getString("on_symptom")),
                HealthOutcome.valueOf(rs.getString("on_exposure")),
                HealthOutcome.valueOf(rs.getString("on_no_certificate")), rs.getString("referral_facility"),
                rs.getBoolean("active"));
    }
}
