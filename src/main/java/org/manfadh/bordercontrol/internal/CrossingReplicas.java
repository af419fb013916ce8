package org.manfadh.bordercontrol.internal;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingReplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Export and apply of whole crossings. The rows travel as PostgreSQL renders them (to_jsonb) and come
 * back through jsonb_populate_record, so a column added by a later migration travels without code
 * here. Records are never edited in place, so applying is insert-if-absent by id; the one exception
 * is a crossing's flags, which its own node completes after the stays are known.
 */
@Component
class CrossingReplicas implements CrossingReplication {

    private final JdbcClient jdbc;

    CrossingReplicas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> export(UUID crossingId) {
        return jdbc.sql("""
                select jsonb_build_object(
                    'traveller', (select to_jsonb(t) from bordercontrol.traveller t where t.id = c.traveller_id),
                    'document', (select to_jsonb(d) from bordercontrol.travel_document d where d.id = c.document_id),
                    'visa', (select to_jsonb(v) from bordercontrol.visa v where v.id = c.visa_id),
                    'group', (select to_jsonb(g) from bordercontrol.crossing_group g where g.id = c.group_id),
                    'crossing', to_jsonb(c),
                    'decisions', coalesce((select jsonb_agg(to_jsonb(d) order by d.decided_at, d.id)
                                             from bordercontrol.decision d where d.crossing_id = c.id), '[]'),
                    'amendments', coalesce((select jsonb_agg(to_jsonb(a) order by a.amended_at, a.id)
                                              from bordercontrol.crossing_amendment a where a.crossing_id = c.id), '[]')
                )::text
                  from bordercontrol.crossing c
                 where c.id = :id
                """).param("id", crossingId).query(String.class).optional();
    }

    @Override
    public void apply(String exported) {
        one("traveller", "bordercontrol.traveller", exported);
        one("document", "bordercontrol.travel_document", exported);
        one("visa", "bordercontrol.visa", exported);
        one("group", "bordercontrol.crossing_group", exported);
        jdbc.sql("""
                insert into bordercontrol.crossing
                select * from jsonb_populate_record(null::bordercontrol.crossing, cast(:record as jsonb) -> 'crossing')
                on conflict (id) do update set flags = excluded.flags
                """).param("record", exported).update();
        many("decisions", "bordercontrol.decision", exported);
        many("amendments", "bordercontrol.crossing_amendment", exported);
    }

    private void one(String key, String table, String exported) {
        jdbc.sql("insert into " + table + " select * from jsonb_populate_record(null::" + table
                        + ", cast(:record as jsonb) -> '" + key + "') where jsonb_typeof(cast(:record as jsonb) -> '"
                        + key + "') = 'object' on conflict (id) do nothing")
                .param("record", exported).update();
    }

    private void many(String key, String table, String exported) {
        jdbc.sql("insert into " + table + " select * from jsonb_populate_recordset(null::" + table
                        + ", cast(:record as jsonb) -> '" + key + "') on conflict (id) do nothing")
                .param("record", exported).update();
    }
}
