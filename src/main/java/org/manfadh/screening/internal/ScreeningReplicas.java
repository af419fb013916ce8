package org.manfadh.screening.internal;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.ScreeningReplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * Applies one exported screening, or a JSON array of them (a sync batch), in one statement per table;
     * the records are parsed once into a temporary table that every statement reads.
     */
    @Override
    @Transactional
    public void apply(String exported) {
        String records = exported.stripLeading().startsWith("[") ? exported : "[" + exported + "]";
        jdbc.sql("""
                create temporary table if not exists screening_replica (
                    screening jsonb, hits jsonb, adjudications jsonb, cleared jsonb) on commit delete rows
                """).update();
        jdbc.sql("delete from screening_replica").update();
        jdbc.sql("""
                insert into screening_replica
                select e.r -> 'screening', e.r -> 'hits', e.r -> 'adjudications', e.r -> 'cleared'
                  from jsonb_array_elements(cast(:records as jsonb)) e(r)
                """).param("records", records).update();
        jdbc.sql("""
                insert into screening.screening
                select s.* from screening_replica b
                 cross join lateral jsonb_populate_record(null::screening.screening, b.screening) s
                on conflict (id) do nothing
                """).update();
        many("hits", "screening.hit", "on conflict (id) do nothing");
        many("adjudications", "screening.adjudication", "on conflict (id) do nothing");
        many("cleared", "screening.cleared_false_positive", "on conflict do nothing");
    }

    private void many(String column, String table, String onConflict) {
        jdbc.sql("insert into " + table + " select t.* from screening_replica b"
                + " cross join lateral jsonb_populate_recordset(null::" + table + ", b." + column + ") t "
                + onConflict).update();
    }
}
