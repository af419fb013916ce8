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

    /**
     * Applies one exported crossing, or a JSON array of them (a sync batch) in one statement per table
     * rather than one per crossing and table. When a crossing comes more than once, its last export is
     * the one that counts: it carries everything the earlier ones did.
     */
    @Override
    public void apply(String exported) {
        String records = exported.stripLeading().startsWith("[") ? exported : "[" + exported + "]";
        one("traveller", "bordercontrol.traveller", records);
        one("document", "bordercontrol.travel_document", records);
        one("visa", "bordercontrol.visa", records);
        one("group", "bordercontrol.crossing_group", records);
        // A document or visa another node recorded first is here under that node's id: until identity
        // merges travel, the crossing is linked to the one already here (and so to its traveller).
        jdbc.sql("""
                with p as (select distinct on (e.r -> 'crossing' ->> 'id') e.r
                             from jsonb_array_elements(cast(:records as jsonb)) with ordinality as e(r, n)
                            order by e.r -> 'crossing' ->> 'id', e.n desc)
                insert into bordercontrol.crossing
                select c.*
                  from p
                  cross join lateral (
                        select d.id, d.traveller_id from bordercontrol.travel_document d
                         where d.id = cast(p.r -> 'document' ->> 'id' as uuid)
                            or (d.issuing_state = p.r -> 'document' ->> 'issuing_state'
                                and d.document_number = p.r -> 'document' ->> 'document_number')
                         order by d.id = cast(p.r -> 'document' ->> 'id' as uuid) desc limit 1) doc
                  cross join lateral jsonb_populate_record(null::bordercontrol.crossing, (p.r -> 'crossing')
                        || jsonb_build_object('document_id', doc.id, 'traveller_id', doc.traveller_id)
                        || case when p.r -> 'crossing' ->> 'visa_id' is null then '{}'::jsonb
                                else jsonb_build_object('visa_id', (
                                    select v.id from bordercontrol.visa v
                                     where jsonb_typeof(p.r -> 'visa') = 'object'
                                       and (v.id = cast(p.r -> 'visa' ->> 'id' as uuid)
                                            or (v.issuing_authority = p.r -> 'visa' ->> 'issuing_authority'
                                                and v.type = p.r -> 'visa' ->> 'type'
                                                and v.number = p.r -> 'visa' ->> 'number'))
                                     order by v.id = cast(p.r -> 'visa' ->> 'id' as uuid) desc limit 1)) end) c
                on conflict (id) do update set flags = excluded.flags
                """).param("records", records).update();
        many("decisions", "bordercontrol.decision", records);
        many("amendments", "bordercontrol.crossing_amendment", records);
    }

    private void one(String key, String table, String records) {
        jdbc.sql("insert into " + table + " select t.* from jsonb_array_elements(cast(:records as jsonb)) e(r)"
                        + " cross join lateral jsonb_populate_record(null::" + table + ", e.r -> '" + key + "') t"
                        + " where jsonb_typeof(e.r -> '" + key + "') = 'object' on conflict do nothing")
                .param("records", records).update();
    }

    private void many(String key, String table, String records) {
        jdbc.sql("insert into " + table + " select t.* from jsonb_array_elements(cast(:records as jsonb)) e(r)"
                        + " cross join lateral jsonb_populate_recordset(null::" + table + ", e.r -> '" + key + "') t"
                        + " on conflict (id) do nothing")
                .param("records", records).update();
    }
}
