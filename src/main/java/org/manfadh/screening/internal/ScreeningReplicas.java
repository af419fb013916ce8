package org.manfadh.screening.internal;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.ScreeningReplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Export and apply of a crossing's screening. Rows travel as PostgreSQL renders them and come back
 * through jsonb_populate_record; screenings, hits and adjudications are append-only, so applying is
 * insert-if-absent.
 */
@Component
class ScreeningReplicas implements ScreeningReplication {

    private final JdbcClient jdbc;

    ScreeningReplicas(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    @Override
    public void apply(String exported) {
        jdbc.sql("""
                insert into screening.screening
                select * from jsonb_populate_record(null::screening.screening, cast(:record as jsonb) -> 'screening')
                on conflict (id) do nothing
                """).param("record", exported).update();
        many("hits", "screening.hit", "on conflict (id) do nothing", exported);
        many("adjudications", "screening.adjudication", "on conflict (id) do nothing", exported);
        many("cleared", "screening.cleared_false_positive", "on conflict do nothing", exported);
    }

    private void many(String key, String table, String onConflict, String exported) {
        jdbc.sql("insert into " + table + " select * from jsonb_populate_recordset(null::" + table
                        + ", cast(:record as jsonb) -> '" + key + "') " + onConflict)
                .param("record", exported).update();
    }
}
