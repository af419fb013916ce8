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

    /** Applies one exported screening, or a JSON array of them (a sync batch), in one statement per table. */
    @Override
    public void apply(String exported) {
        String records = exported.stripLeading().startsWith("[") ? exported : "[" + exported + "]";
        jdbc.sql("""
                insert into screening.screening
                select s.* from jsonb_array_elements(cast(:records as jsonb)) e(r)
                 cross join lateral jsonb_populate_record(null::screening.screening, e.r -> 'screening') s
                on conflict (id) do nothing
                """).param("records", records).update();
        many("hits", "screening.hit", "on conflict (id) do nothing", records);
        many("adjudications", "screening.adjudication", "on conflict (id) do nothing", records);
        many("cleared", "screening.cleared_false_positive", "on conflict do nothing", records);
    }

    private void many(String key, String table, String onConflict, String records) {
        jdbc.sql("insert into " + table + " select t.* from jsonb_array_elements(cast(:records as jsonb)) e(r)"
                        + " cross join lateral jsonb_populate_recordset(null::" + table + ", e.r -> '" + key + "') t "
                        + onConflict)
                .param("records", records).update();
    }
}
