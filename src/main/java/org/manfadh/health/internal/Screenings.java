package org.manfadh.health.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.bordercontrol.HealthStatus;
import org.manfadh.health.Exposure;
import org.manfadh.health.HoldOutcome;
import org.manfadh.health.Symptom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Health screenings, one per crossing (its unique key makes a repeat harmless), and where each stands: its outcome,
 * or the latest decision on its hold.
 */
@Repository
class Screenings {

    /** A screening as stored. */
    record Row(UUID id, UUID nodeId, UUID crossingId, UUID travellerId, String borderPoint, Instant occurredAt,
               List<UUID> alertIds, List<String> ruleCodes, List<String> exposureCountries, LocalDate lastExposureOn,
               BigDecimal temperatureC, List<Symptom> symptoms, List<Exposure> exposures,
               String yellowFeverCertificate, HealthOutcome outcome, String facility, String notes, String address,
               String phone, String screenedBy, Instant screenedAt) {
    }

    /** A held screening with the latest decision on it, if any. */
    record Held(Row screening, HoldOutcome lastDecision) {
    }

    private static final String COLUMNS = """
            s.id, s.node_id, s.crossing_id, s.traveller_id, s.border_point, s.occurred_at, s.alert_ids, s.rule_codes,
            s.exposure_countries, s.last_exposure_on, s.temperature_c, s.symptoms, s.exposures,
            s.yellow_fever_certificate, s.outcome, s.facility, s.notes, s.address, s.phone, s.screened_by,
            s.screened_at
            """;

    /** The latest decision on each screening's hold, as {@code d.outcome}. */
    private static final String LATEST_DECISION = """
            left join lateral (select h.outcome from health.hold_decision h where h.screening_id = s.id
                                order by h.decided_at desc, h.id desc limit 1) d on true
            """;

    /** Still held: an outcome that holds, and no decision yet or the latest one keeping the hold (isolation). */
    private static final String STILL_HELD = "s.outcome <> 'CLEARED' and (d.outcome is null or d.outcome = 'ISOLATED')";

    private final JdbcClient jdbc;

    Screenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a screening; false when the crossing already has one. */
    boolean insert(Row s) {
        return jdbc.sql("""
                insert into health.screening (id, node_id, crossing_id, traveller_id, border_point, occurred_at,
                       alert_ids, rule_codes, exposure_countries, last_exposure_on, temperature_c, symptoms, exposures,
                       yellow_fever_certificate, outcome, facility, notes, address, phone, screened_by, screened_at)
                values (:id, :node, :crossing, :traveller, :point, :occurred, cast(:alerts as uuid[]),
                        cast(:rules as text[]), cast(:countries as varchar(3)[]), :lastExposure, :temperature,
                        cast(:symptoms as text[]), cast(:exposures as text[]), :certificate, :outcome, :facility,
                        :notes, :address, :phone, :by, :at)
                on conflict (crossing_id) do nothing
                """).param("id", s.id()).param("node", s.nodeId()).param("crossing", s.crossingId())
                .param("traveller", s.travellerId()).param("point", s.borderPoint())
                .param("occurred", Sql.utc(s.occurredAt()))
                .param("alerts", s.alertIds().stream().map(UUID::toString).toArray(String[]::new))
                .param("rules", s.ruleCodes().toArray(String[]::new))
                .param("countries", s.exposureCountries().toArray(String[]::new))
                .param("lastExposure", s.lastExposureOn()).param("temperature", s.temperatureC())
                .param("symptoms", Sql.names(s.symptoms())).param("exposures", Sql.names(s.exposures()))
                .param("certificate", s.yellowFeverCertificate()).param("outcome", s.outcome().name())
                .param("facility", s.facility()).param("notes", s.notes()).param("address", s.address())
                .param("phone", s.phone()).param("by", s.screenedBy()).param("at", Sql.utc(s.screenedAt()))
                .update() == 1;
    }

    Optional<Row> find(UUID crossingId) {
        return jdbc.sql("select " + COLUMNS + " from health.screening s where s.crossing_id = :crossing")
                .param("crossing", crossingId).query(Screenings::row).optional();
    }

    /** Cleared or held, for each of these crossings that was screened. */
    Map<UUID, HealthStatus> statuses(Collection<UUID> crossingIds) {
        Map<UUID, HealthStatus> statuses = new HashMap<>();
        jdbc.sql("select s.crossing_id, (" + STILL_HELD + ") as held from health.screening s " + LATEST_DECISION
                        + " where s.crossing_id = any(cast(:ids as uuid[]))")
                .param("ids", crossingIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    statuses.put(rs.getObject("crossing_id", UUID.class),
                            rs.getBoolean("held") ? HealthStatus.HOLD : HealthStatus.CLEARED);
                });
        return statuses;
    }

    /** The outcome that stands for each screened crossing: the latest decision's, or the screening's. */
    Map<UUID, String> standingOutcomes(Collection<UUID> crossingIds) {
        Map<UUID, String> outcomes = new HashMap<>();
        jdbc.sql("select s.crossing_id, coalesce(d.outcome, s.outcome) as outcome from health.screening s "
                        + LATEST_DECISION + " where s.crossing_id = any(cast(:ids as uuid[]))")
                .param("ids", crossingIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    outcomes.put(rs.getObject("crossing_id", UUID.class), rs.getString("outcome"));
                });
        return outcomes;
    }

    /** Travellers still held, oldest screening first, at a border point and among the border points given (null: any). */
    List<Held> held(String borderPoint, String[] borderPoints, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + ", d.outcome as decided from health.screening s " + LATEST_DECISION
                        + " where " + STILL_HELD + HELD_WHERE
                        + " order by s.screened_at, s.id limit :limit offset :offset")
                .param("point", borderPoint).param("points", borderPoints).param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Held(row(rs, n),
                        rs.getString("decided") == null ? null : HoldOutcome.valueOf(rs.getString("decided"))))
                .list();
    }

    long countHeld(String borderPoint, String[] borderPoints) {
        return jdbc.sql("select count(*) from health.screening s " + LATEST_DECISION + " where " + STILL_HELD
                        + HELD_WHERE)
                .param("point", borderPoint).param("points", borderPoints).query(Long.class).single();
    }

    private static final String HELD_WHERE = """
             and (cast(:point as text) is null or s.border_point = :point)
             and (cast(:points as text[]) is null or s.border_point = any(cast(:points as text[])))
            """;

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("node_id", UUID.class),
                rs.getObject("crossing_id", UUID.class), rs.getObject("traveller_id", UUID.class),
                rs.getString("border_point"), Sql.instant(rs.getTimestamp("occurred_at")),
                Sql.uuids(rs.getArray("alert_ids")), Sql.strings(rs.getArray("rule_codes")),
                Sql.strings(rs.getArray("exposure_countries")), rs.getObject("last_exposure_on", LocalDate.class),
                rs.getBigDecimal("temperature_c"), Sql.enums(rs.getArray("symptoms"), Symptom.class),
                Sql.enums(rs.getArray("exposures"), Exposure.class), rs.getString("yellow_fever_certificate"),
                HealthOutcome.valueOf(rs.getString("outcome")), rs.getString("facility"), rs.getString("notes"),
                rs.getString("address"), rs.getString("phone"), rs.getString("screened_by"),
                Sql.instant(rs.getTimestamp("screened_at")));
    }
}
