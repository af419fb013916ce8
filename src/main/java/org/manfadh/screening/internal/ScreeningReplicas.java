package org.manfadh.screening.internal;

import static org.manfadh.platform.Provenance.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.manfadh.platform.JsonRowStage;
import org.manfadh.platform.Provenance;
import org.manfadh.screening.ScreeningReplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Export and apply of a crossing's screening. Rows travel as PostgreSQL renders them and come back
 * through a stage of the same shape (JsonRowStage); screenings, hits and adjudications are
 * append-only, so applying is insert-if-absent.
 */
@Component
class ScreeningReplicas implements ScreeningReplication {

    /** Who screens at the booth: whoever records the crossing. */
    private static final Set<String> BOOTH = Set.of("OFFICER", "SUPERVISOR", "ADMIN");

    /** Who adjudicates hits and clears false positives: as the API allows. */
    private static final Set<String> SUPERVISION = Set.of("SUPERVISOR", "ADMIN");

    private final JdbcClient jdbc;
    private final JsonRowStage stage;
    private final org.springframework.context.ApplicationEventPublisher events;

    ScreeningReplicas(JdbcClient jdbc, JsonRowStage stage, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.stage = stage;
    }

    @Override
    public Optional<String> exportOfCrossing(UUID crossingId) {
        return jdbc.sql("""
                select jsonb_build_object(
                    'screening', to_jsonb(s),
                    'hits', coalesce((select jsonb_agg(to_jsonb(h) order by h.id)
                                        from screening.hit h where h.screening_id = s.id), '[]'),
                    'adjudications', coalesce((select jsonb_agg(to_jsonb(a) order by a.id)
                                                 from screening.adjudication a join screening.hit h on h.id = a.hit_id
                                                where h.screening_id = s.id), '[]'),
                    'cleared', coalesce((select jsonb_agg(to_jsonb(f) order by f.hit_id, f.entry_id)
                                           from screening.cleared_false_positive f join screening.hit h on h.id = f.hit_id
                                          where h.screening_id = s.id), '[]')
                )::text
                  from screening.screening s
                 where s.crossing_id = :id
                """).param("id", crossingId).query(String.class).optional();
    }

    /**
     * Applies exported screenings (a sync batch, or a page of them) in one statement per table: each
     * part of the records is staged with COPY into a temporary table shaped like its table.
     */
    @Override
    @Transactional
    public void apply(List<JsonNode> records) {
        if (records.isEmpty()) {
            return;
        }
        stage.stage("screening_stage", "screening.screening", JsonRowStage.parts(records, "screening"))
                .insert("on conflict (id) do nothing");
        stage.stage("hit_stage", "screening.hit", JsonRowStage.parts(records, "hits"))
                .insert("on conflict (id) do nothing");
        stage.stage("adjudication_stage", "screening.adjudication", JsonRowStage.parts(records, "adjudications"))
                .insert("on conflict (id) do nothing");
        stage.stage("cleared_stage", "screening.cleared_false_positive", JsonRowStage.parts(records, "cleared"))
                .insert("on conflict do nothing");
        events.publishEvent(new org.manfadh.screening.ScreeningsArrived(records.stream()
                .map(r -> Provenance.uuid(text(r.path("screening"), "crossing_id")))
                .filter(java.util.Objects::nonNull).distinct().toList()));
    }

    @Override
    public Optional<Provenance.Foreign> foreign(List<JsonNode> records, Provenance from,
                                                Function<Set<UUID>, Set<UUID>> ownCrossings) {
        Set<UUID> crossings = new HashSet<>();
        Set<String> screeningIds = new HashSet<>();
        Set<String> hitIds = new HashSet<>();
        Set<String> adjudicationIds = new HashSet<>();
        for (JsonNode record : records) {
            UUID crossing = Provenance.uuid(text(record.path("screening"), "crossing_id"));
            if (crossing != null) {
                crossings.add(crossing);
            }
            // A screening already here under its id is skipped by the insert; it matters only when hits hang on it.
            if (!record.path("hits").isEmpty()) {
                screeningIds.add(text(record.path("screening"), "id"));
            }
            record.path("hits").forEach(h -> hitIds.add(text(h, "id")));
            record.path("adjudications").forEach(a -> adjudicationIds.add(text(a, "id")));
        }
        Set<UUID> own = ownCrossings.apply(crossings);
        Map<String, String> screenings = crossingsOf("screening.screening", screeningIds);
        Map<String, String> hits = crossingsOf("screening.hit", hitIds);
        Set<String> adjudications = adjudicationIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "select id::text from screening.adjudication where id = any(cast(:ids as uuid[]))")
                .param("ids", uuids(adjudicationIds)).query(String.class).list());
        for (int n = 0; n < records.size(); n++) {
            Optional<String> why = foreign(records.get(n), from, own, screenings, hits, adjudications);
            if (why.isPresent()) {
                return Optional.of(new Provenance.Foreign(n, why.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> foreign(JsonNode record, Provenance from, Set<UUID> own,
                                            Map<String, String> screenings, Map<String, String> hits,
                                            Set<String> adjudications) {
        JsonNode screening = record.path("screening");
        String id = text(screening, "id");
        String crossing = text(screening, "crossing_id");
        UUID crossingId = Provenance.uuid(crossing);
        if (crossingId == null || !own.contains(crossingId)) {
            return Optional.of("Screening " + id + " is of crossing " + crossing + ", which is not at "
                    + from.borderPoint());
        }
        if (screenings.containsKey(id) && !crossing.equals(screenings.get(id))) {
            return Optional.of("Screening " + id + " is of another crossing here");
        }
        Optional<String> why = (screenings.containsKey(id) ? Optional.<String>empty()
                : from.notMadeBySender(screening, "Screening", BOOTH, "officer"))
                .or(() -> from.datedAhead(screening, "Screening", "screened_at"));
        Set<String> ownHits = new HashSet<>();
        for (JsonNode hit : record.path("hits")) {
            if (why.isPresent()) {
                return why;
            }
            String hitId = text(hit, "id");
            ownHits.add(hitId);
            String point = text(hit, "border_point");
            if (!Objects.equals(text(hit, "screening_id"), id) || !crossing.equals(text(hit, "crossing_id"))
                    || hits.containsKey(hitId) && !crossing.equals(hits.get(hitId))) {
                why = Optional.of("Hit " + hitId + " is not of screening " + id);
            } else if (point != null && !point.equals(from.borderPoint())) {
                why = Optional.of("Hit " + hitId + " is at border point " + point + ", not at " + from.borderPoint());
            } else {
                why = (hits.containsKey(hitId) ? Optional.<String>empty() : from.notMadeBySender(hit, "Hit"))
                        .or(() -> from.datedAhead(hit, "Hit", "created_at"));
            }
        }
        for (JsonNode adjudication : record.path("adjudications")) {
            if (why.isPresent()) {
                return why;
            }
            why = !ownHits.contains(text(adjudication, "hit_id"))
                    ? Optional.of("Adjudication " + text(adjudication, "id") + " is of a hit outside screening " + id)
                    : (adjudications.contains(text(adjudication, "id")) ? Optional.<String>empty()
                    : from.notMadeBySender(adjudication, "Adjudication", SUPERVISION, "supervisor"))
                    .or(() -> from.datedAhead(adjudication, "Adjudication", "adjudicated_at"));
        }
        for (JsonNode cleared : record.path("cleared")) {
            if (why.isPresent()) {
                return why;
            }
            String by = text(cleared, "cleared_by");
            why = !ownHits.contains(text(cleared, "hit_id"))
                    ? Optional.of("A false positive cleared from hit " + text(cleared, "hit_id") + " is outside screening " + id)
                    : by == null ? Optional.of("A false positive of screening " + id + " names nobody who cleared it")
                    : from.notAllowed(by, SUPERVISION).map(w -> "A false positive of screening " + id
                    + " was cleared by " + w).or(() -> from.datedAhead(cleared, "Cleared false positive", "cleared_at"));
        }
        return why;
    }

    /** The crossing of each of these rows already here, by id. */
    private Map<String, String> crossingsOf(String table, Set<String> ids) {
        Map<String, String> crossings = new HashMap<>();
        if (ids.isEmpty()) {
            return crossings;
        }
        jdbc.sql("select id::text, crossing_id::text from " + table + " where id = any(cast(:ids as uuid[]))")
                .param("ids", uuids(ids)).query((rs, n) -> crossings.put(rs.getString(1), rs.getString(2))).list();
        return crossings;
    }

    private static String[] uuids(Set<String> ids) {
        return ids.stream().filter(i -> Provenance.uuid(i) != null).toArray(String[]::new);
    }
}
