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
    private final Travellers travellers;
    private final StayService stays;
    private final java.time.Clock clock;

    CrossingReplicas(JdbcClient jdbc, Travellers travellers, StayService stays, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.travellers = travellers;
        this.stays = stays;
        this.clock = clock;
    }

    @Override
    public IdPage idsAt(String borderPoint, String after, int limit) {
        // Keyset on (occurred_at, id), which the border point's time index serves.
        java.time.OffsetDateTime afterTime = null;
        UUID afterId = null;
        if (after != null) {
            String[] parts = after.split("/", 2);
            try {
                afterTime = java.time.OffsetDateTime.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw org.manfadh.platform.ApiProblems.badRequest("invalid-parameter",
                        "Parameter 'after' is the 'next' of the previous page.");
            }
        }
        record Row(UUID id, java.time.OffsetDateTime occurredAt) {
        }
        java.util.List<Row> rows = jdbc.sql("""
                select id, occurred_at from bordercontrol.crossing
                 where border_point = :point
                   and (cast(:afterTime as timestamptz) is null or (occurred_at, id) > (:afterTime, :afterId))
                 order by occurred_at, id limit :limit
                """).param("point", borderPoint).param("afterTime", afterTime).param("afterId", afterId)
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class)))
                .list();
        String next = rows.size() < limit ? null
                : rows.getLast().occurredAt().toInstant() + "/" + rows.getLast().id();
        return new IdPage(rows.stream().map(Row::id).toList(), next);
    }

    @Override
    public void rebuildStays(java.util.Collection<UUID> crossingIds) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (UUID traveller : jdbc.sql("select distinct traveller_id from bordercontrol.crossing where id = any(:ids)")
                .param("ids", crossingIds.toArray(UUID[]::new)).query(UUID.class).list()) {
            travellers.lock(java.util.List.of("traveller-stays:" + traveller));
            stays.rebuild(traveller, today);
        }
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
        // A document or visa another node recorded first is here under that node's id: until identity
        // merges travel, the crossing is linked to the one already here (and so to its traveller).
        jdbc.sql("""
                with p as (select cast(:record as jsonb) as r),
                     doc as (select d.id, d.traveller_id from bordercontrol.travel_document d, p
                              where d.id = cast(p.r -> 'document' ->> 'id' as uuid)
                                 or (d.issuing_state = p.r -> 'document' ->> 'issuing_state'
                                     and d.document_number = p.r -> 'document' ->> 'document_number')
                              order by d.id = cast(p.r -> 'document' ->> 'id' as uuid) desc limit 1),
                     visa as (select v.id from bordercontrol.visa v, p
                               where jsonb_typeof(p.r -> 'visa') = 'object'
                                 and (v.id = cast(p.r -> 'visa' ->> 'id' as uuid)
                                      or (v.issuing_authority = p.r -> 'visa' ->> 'issuing_authority'
                                          and v.type = p.r -> 'visa' ->> 'type'
                                          and v.number = p.r -> 'visa' ->> 'number'))
                               order by v.id = cast(p.r -> 'visa' ->> 'id' as uuid) desc limit 1)
                insert into bordercontrol.crossing
                select (jsonb_populate_record(null::bordercontrol.crossing, (p.r -> 'crossing')
                        || jsonb_build_object('document_id', doc.id, 'traveller_id', doc.traveller_id)
                        || case when p.r -> 'crossing' ->> 'visa_id' is null then '{}'::jsonb
                                else jsonb_build_object('visa_id', (select id from visa)) end)).*
                  from p, doc
                on conflict (id) do update set flags = excluded.flags
                """).param("record", exported).update();
        many("decisions", "bordercontrol.decision", exported);
        many("amendments", "bordercontrol.crossing_amendment", exported);
    }

    private void one(String key, String table, String exported) {
        jdbc.sql("insert into " + table + " select * from jsonb_populate_record(null::" + table
                        + ", cast(:record as jsonb) -> '" + key + "') where jsonb_typeof(cast(:record as jsonb) -> '"
                        + key + "') = 'object' on conflict do nothing")
                .param("record", exported).update();
    }

    private void many(String key, String table, String exported) {
        jdbc.sql("insert into " + table + " select * from jsonb_populate_recordset(null::" + table
                        + ", cast(:record as jsonb) -> '" + key + "') on conflict (id) do nothing")
                .param("record", exported).update();
    }
}
