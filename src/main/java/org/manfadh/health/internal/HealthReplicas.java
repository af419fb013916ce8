package org.manfadh.health.internal;

import static org.manfadh.platform.Provenance.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.manfadh.health.HealthReplication;
import org.manfadh.health.HealthRulesChanged;
import org.manfadh.health.HealthScreened;
import org.manfadh.platform.JsonRowStage;
import org.manfadh.platform.Provenance;
import org.manfadh.platform.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health's rows between the nodes. Rows travel as PostgreSQL renders them ({@code to_jsonb}) and come back
 * through a stage shaped like their table ({@link JsonRowStage}), so that a column a later migration adds
 * travels without code here.
 */
@Component
class HealthReplicas implements HealthReplication {

    /** Who answers the health questions at the booth: as the API allows. */
    private static final Set<String> SCREENERS = Set.of("OFFICER", "SUPERVISOR", "HEALTH_OFFICER", "ADMIN");

    /** Who decides holds and follows travellers up: as the API allows. */
    private static final Set<String> HEALTH_OFFICERS = Set.of("HEALTH_OFFICER", "ADMIN");

    private final JdbcClient jdbc;
    private final JsonRowStage stage;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    HealthReplicas(JdbcClient jdbc, JsonRowStage stage, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stage = stage;
        this.json = json;
        this.events = events;
    }

    @Override
    public Published export() {
        String set = jdbc.sql("""
                select jsonb_build_object(
                    'diseases', coalesce((select jsonb_agg(to_jsonb(d) order by d.code) from health.disease d), '[]'),
                    'alerts', coalesce((select jsonb_agg(to_jsonb(a) order by a.id) from health.alert a), '[]'),
                    'rules', coalesce((select jsonb_agg(to_jsonb(r) order by r.id) from health.rule r), '[]')
                )::text
                """).query(String.class).single();
        return new Published(Sha256.hex(set), set);
    }

    /**
     * Diseases and alerts are updated in place (a post's follow-up contacts refer to its alerts, and alerts and
     * other tables to diseases); the rules, which nothing refers to, are replaced whole, so that a code moved from
     * one rule to another never meets itself. An alert headquarters no longer publishes goes, unless the post's own
     * follow-up contacts refer to it; a disease, reference data that is only ever added to, stays.
     */
    @Override
    @Transactional
    public int apply(String set) {
        JsonNode published = json.readTree(set);
        for (String part : List.of("diseases", "alerts", "rules")) {
            if (!published.path(part).isArray()) {
                throw new IllegalArgumentException("The published health set has no " + part + "; nothing was changed.");
            }
        }
        List<JsonNode> one = List.of(published);
        stage.stage("health_disease_stage", "health.disease", JsonRowStage.parts(one, "diseases"));
        jdbc.sql(insert("health.disease", "health_disease_stage") + upsert("health.disease", "code")).update();
        stage.stage("health_alert_stage", "health.alert", JsonRowStage.parts(one, "alerts"));
        jdbc.sql(insert("health.alert", "health_alert_stage") + upsert("health.alert", "id")).update();
        jdbc.sql("delete from health.rule").update();
        stage.stage("health_rule_stage", "health.rule", JsonRowStage.parts(one, "rules"));
        jdbc.sql(insert("health.rule", "health_rule_stage")).update();
        jdbc.sql("""
                delete from health.alert a
                 where not exists (select 1 from pg_temp.health_alert_stage s where s.id = a.id)
                   and not exists (select 1 from health.follow_up f where f.alert_id = a.id)
                """).update();
        int alerts = jdbc.sql("select count(*) from health.alert").query(Integer.class).single();
        events.publishEvent(new HealthRulesChanged());
        return alerts;
    }

    @Override
    public Optional<String> exportOfCrossing(UUID crossingId) {
        return jdbc.sql("""
                select jsonb_build_object(
                    'crossing_id', cast(:id as uuid),
                    'screening', (select to_jsonb(s) from health.screening s where s.crossing_id = :id),
                    'decisions', coalesce((select jsonb_agg(to_jsonb(d) order by d.id)
                                             from health.hold_decision d where d.crossing_id = :id), '[]'),
                    'follow_ups', coalesce((select jsonb_agg(to_jsonb(f) order by f.id)
                                              from health.follow_up f where f.crossing_id = :id), '[]')
                )::text
                 where exists (select 1 from health.screening where crossing_id = :id)
                    or exists (select 1 from health.hold_decision where crossing_id = :id)
                    or exists (select 1 from health.follow_up where crossing_id = :id)
                """).param("id", crossingId).query(String.class).optional();
    }

    /**
     * One statement per table. A crossing screened here and at its post while the post was offline keeps the
     * screening headquarters holds; the post's decisions on the hold then hang on that one.
     */
    @Override
    @Transactional
    public void apply(List<JsonNode> records) {
        if (records.isEmpty()) {
            return;
        }
        Set<UUID> changed = new LinkedHashSet<>();
        stage.stage("health_screening_stage", "health.screening", JsonRowStage.parts(records, "screening"));
        changed.addAll(jdbc.sql(insert("health.screening", "health_screening_stage")
                + " on conflict do nothing returning crossing_id").query(UUID.class).list());
        stage.stage("health_decision_stage", "health.hold_decision", JsonRowStage.parts(records, "decisions"));
        String columns = stage.columnList("health.hold_decision", "");
        String values = stage.columnNames("health.hold_decision").stream()
                .map(c -> c.equals("screening_id") ? "h.id" : "s." + JsonRowStage.quoted(c))
                .collect(Collectors.joining(", "));
        changed.addAll(jdbc.sql("insert into health.hold_decision (" + columns + ") select " + values
                + " from pg_temp.health_decision_stage s join health.screening h on h.crossing_id = s.crossing_id"
                + " order by s.n on conflict (id) do nothing returning crossing_id").query(UUID.class).list());
        stage.stage("health_follow_up_stage", "health.follow_up", JsonRowStage.parts(records, "follow_ups"));
        changed.addAll(jdbc.sql(insert("health.follow_up", "health_follow_up_stage")
                + " on conflict (id) do nothing returning crossing_id").query(UUID.class).list());
        changed.forEach(crossing -> events.publishEvent(new HealthScreened(crossing)));
    }

    @Override
    public Optional<Provenance.Foreign> foreign(List<JsonNode> records, Provenance from,
                                                Function<Set<UUID>, Set<UUID>> ownCrossings) {
        Set<UUID> crossings = new HashSet<>();
        Set<String> screeningIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        Set<String> followUpIds = new HashSet<>();
        Set<String> alertIds = new HashSet<>();
        for (JsonNode record : records) {
            UUID crossing = Provenance.uuid(text(record, "crossing_id"));
            if (crossing != null) {
                crossings.add(crossing);
            }
            if (record.path("screening").isObject()) {
                screeningIds.add(text(record.path("screening"), "id"));
            }
            record.path("decisions").forEach(d -> decisionIds.add(text(d, "id")));
            record.path("follow_ups").forEach(f -> {
                followUpIds.add(text(f, "id"));
                alertIds.add(text(f, "alert_id"));
            });
        }
        Held held = new Held(ownCrossings.apply(crossings), crossingsOf("health.screening", screeningIds),
                crossingsOf("health.hold_decision", decisionIds), crossingsOf("health.follow_up", followUpIds),
                alertIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "select id::text from health.alert where id = any(cast(:ids as uuid[]))")
                        .param("ids", uuids(alertIds)).query(String.class).list()));
        for (int n = 0; n < records.size(); n++) {
            Optional<String> why = foreign(records.get(n), from, held);
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        return Optional.empty();
    }

    /** What headquarters holds already of the records' crossings, rows and alerts. */
    private record Held(Set<UUID> ownCrossings, Map<String, String> screenings, Map<String, String> decisions,
                        Map<String, String> followUps, Set<String> alerts) {
    }

    private static Optional<String> foreign(JsonNode record, Provenance from, Held held) {
        String crossing = text(record, "crossing_id");
        UUID crossingId = Provenance.uuid(crossing);
        if (crossingId == null || !held.ownCrossings().contains(crossingId)) {
            return Optional.of("The health record of crossing " + crossing + " is of a crossing not at " + from.borderPoint());
        }
        List<Optional<String>> checks = new ArrayList<>();
        JsonNode screening = record.path("screening");
        String screeningId = screening.isObject() ? text(screening, "id") : null;
        if (screening.isObject()) {
            checks.add(ofCrossing(screening, "Health screening", crossing, held.screenings()));
            String point = text(screening, "border_point");
            if (!from.borderPoint().equals(point)) {
                checks.add(Optional.of("Health screening " + screeningId + " is at border point " + point + ", not at "
                        + from.borderPoint()));
            }
            checks.add(held.screenings().containsKey(screeningId) ? Optional.empty()
                    : from.notMadeBySender(screening, "Health screening", SCREENERS, "screened_by")
                    .or(() -> from.datedAhead(screening, "Health screening", "screened_at", "occurred_at")));
        } else if (!screening.isMissingNode() && !screening.isNull()) {
            checks.add(Optional.of("The health record of crossing " + crossing + " has a screening that is no row"));
        }
        for (JsonNode decision : record.path("decisions")) {
            String id = text(decision, "id");
            checks.add(ofCrossing(decision, "Hold decision", crossing, held.decisions()));
            if (screeningId == null || !screeningId.equals(text(decision, "screening_id"))) {
                checks.add(Optional.of("Hold decision " + id + " is not of the crossing's health screening"));
            }
            checks.add(held.decisions().containsKey(id) ? Optional.empty()
                    : from.notMadeBySender(decision, "Hold decision", HEALTH_OFFICERS, "decided_by")
                    .or(() -> from.datedAhead(decision, "Hold decision", "decided_at")));
        }
        for (JsonNode followUp : record.path("follow_ups")) {
            String id = text(followUp, "id");
            checks.add(ofCrossing(followUp, "Follow-up", crossing, held.followUps()));
            if (!held.alerts().contains(text(followUp, "alert_id"))) {
                checks.add(Optional.of("Follow-up " + id + " names alert " + text(followUp, "alert_id")
                        + ", which headquarters did not publish"));
            }
            checks.add(held.followUps().containsKey(id) ? Optional.empty()
                    : from.notMadeBySender(followUp, "Follow-up", HEALTH_OFFICERS, "recorded_by")
                    .or(() -> from.datedAhead(followUp, "Follow-up", "contacted_at", "recorded_at")));
        }
        return checks.stream().flatMap(Optional::stream).findFirst();
    }

    /** Why a row is not of the record's crossing, here or as sent; empty when it is. */
    private static Optional<String> ofCrossing(JsonNode row, String what, String crossing, Map<String, String> held) {
        String id = text(row, "id");
        if (Provenance.uuid(id) == null) {
            return Optional.of(what + " '" + id + "' has no valid id");
        }
        if (!crossing.equals(text(row, "crossing_id"))) {
            return Optional.of(what + " " + id + " is of crossing " + text(row, "crossing_id") + ", not of " + crossing);
        }
        if (held.containsKey(id) && !Objects.equals(crossing, held.get(id))) {
            return Optional.of(what + " " + id + " is of another crossing here");
        }
        return Optional.empty();
    }

    /** The crossing of each of these rows already here, by id. */
    private Map<String, String> crossingsOf(String table, Set<String> ids) {
        Map<String, String> crossings = new HashMap<>();
        String[] valid = uuids(ids);
        if (valid.length == 0) {
            return crossings;
        }
        jdbc.sql("select id::text, crossing_id::text from " + table + " where id = any(cast(:ids as uuid[]))")
                .param("ids", valid).query((rs, n) -> crossings.put(rs.getString(1), rs.getString(2))).list();
        return crossings;
    }

    private static String[] uuids(Set<String> ids) {
        return ids.stream().filter(i -> Provenance.uuid(i) != null).toArray(String[]::new);
    }

    /** The staged rows of a table, in their records' order. */
    private String insert(String table, String staged) {
        return "insert into " + table + " (" + stage.columnList(table, "") + ") select " + stage.columnList(table, "s.")
                + " from pg_temp." + staged + " s order by s.n";
    }

    /** Every column but the key takes the published value. */
    private String upsert(String table, String key) {
        return " on conflict (" + key + ") do update set " + stage.columnNames(table).stream()
                .filter(c -> !c.equals(key)).map(JsonRowStage::quoted).map(c -> c + " = excluded." + c)
                .collect(Collectors.joining(", "));
    }
}
