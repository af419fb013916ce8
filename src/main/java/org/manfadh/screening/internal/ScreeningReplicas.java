package org.manfadh.screening.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.JsonRowStage;
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

    private final JdbcClient jdbc;
    private final JsonRowStage stage;

    ScreeningReplicas(JdbcClient jdbc, JsonRowStage stage) {
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
    }
}
