package org.manfadh.health.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.FollowUps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Health's own rows that follow-up and tracing read: alerts, screenings and follow-up contacts. */
@Repository
class FollowUpRecords {

    /** What a follow-up list needs of an alert. */
    record AlertFacts(UUID id, String disease, List<String> countries, int monitoringDays, LocalDate validFrom,
                      LocalDate validUntil) {
    }

    /** A screening as follow-up reads it. */
    record Screened(UUID crossingId, UUID travellerId, HealthOutcome outcome, List<String> exposureCountries,
                    LocalDate lastExposureOn, String address, String phone) {
    }

    private final JdbcClient jdbc;

    FollowUpRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AlertFacts> alert(UUID id) {
        return jdbc.sql("""
                select id, disease, countries, monitoring_days, valid_from, valid_until from health.alert where id = :id
                """).param("id", id).query((rs, n) -> new AlertFacts(rs.getObject("id", UUID.class),
                rs.getString("disease"), strings(rs.getArray("countries")), rs.getInt("monitoring_days"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class))).optional();
    }

    /** The screenings made under an alert, those whose last exposure is on or after a day (every one if null). */
    List<Screened> screenedUnder(UUID alertId, LocalDate exposedSince) {
        return jdbc.sql("""
                select crossing_id, traveller_id, outcome, exposure_countries, last_exposure_on, address, phone
                  from health.screening
                 where alert_ids @> array[cast(:alert as uuid)]
                   and (cast(:since as date) is null or last_exposure_on >= :since)
                """).param("alert", alertId).param("since", exposedSince).query(this::screened).list();
    }

    /** The screenings of these crossings. */
    List<Screened> screenings(Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select crossing_id, traveller_id, outcome, exposure_countries, last_exposure_on, address, phone
                  from health.screening where crossing_id = any(:ids)
                """).param("ids", crossingIds.toArray(UUID[]::new)).query(this::screened).list();
    }

    /** The follow-up contacts of an alert with these crossings, oldest first. */
    List<FollowUps.Contact> contacts(UUID alertId, Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from health.follow_up where alert_id = :alert and crossing_id = any(:ids)
                 order by contacted_at, id
                """).param("alert", alertId).param("ids", crossingIds.toArray(UUID[]::new)).query(this::contact).list();
    }

    /** The latest follow-up contact of each of these crossings, under any alert. */
    List<FollowUps.Contact> latestContacts(Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select f.* from unnest(cast(:ids as uuid[])) as c(id)
                  join lateral (select * from health.follow_up x where x.crossing_id = c.id
                                 order by x.contacted_at desc, x.id desc limit 1) f on true
                """).param("ids", crossingIds.toArray(UUID[]::new)).query(this::contact).list();
    }

    void insert(FollowUps.Contact contact, UUID nodeId) {
        jdbc.sql("""
                insert into health.follow_up (id, node_id, crossing_id, alert_id, contacted_at, method, outcome, notes,
                                              recorded_by, recorded_at)
                values (:id, :node, :crossing, :alert, :contacted, :method, :outcome, :notes, :by, :at)
                """).param("id", contact.id()).param("node", nodeId).param("crossing", contact.crossingId())
                .param("alert", contact.alertId()).param("contacted", utc(contact.contactedAt()))
                .param("method", contact.method().name()).param("outcome", contact.outcome().name())
                .param("notes", contact.notes()).param("by", contact.recordedBy()).param("at", utc(contact.recordedAt()))
                .update();
    }

    private Screened screened(ResultSet rs, int n) throws SQLException {
        return new Screened(rs.getObject("crossing_id", UUID.class), rs.getObject("traveller_id", UUID.class),
                HealthOutcome.valueOf(rs.getString("outcome")), strings(rs.getArray("exposure_countries")),
                rs.getObject("last_exposure_on", LocalDate.class), rs.getString("address"), rs.getString("phone"));
    }

    private FollowUps.Contact contact(ResultSet rs, int n) throws SQLException {
        return new FollowUps.Contact(rs.getObject("id", UUID.class), rs.getObject("crossing_id", UUID.class),
                rs.getObject("alert_id", UUID.class), FollowUps.Method.valueOf(rs.getString("method")),
                FollowUps.Outcome.valueOf(rs.getString("outcome")), rs.getString("notes"),
                rs.getObject("contacted_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
