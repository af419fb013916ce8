package org.manfadh.bordercontrol.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.platform.JsonRowStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Export and apply of whole crossings. The rows travel as PostgreSQL renders them (to_jsonb) and come
 * back through a stage of the same shape (JsonRowStage) or jsonb_populate_record, so a column added
 * by a later migration travels without code here. Records are never edited in place, so applying is insert-if-absent by id; the one exception
 * is a crossing's flags, which its own node completes after the stays are known.
 */
@Component
class CrossingReplicas implements CrossingReplication {

    private final JdbcClient jdbc;
    private final JsonRowStage stage;
    private final org.springframework.context.ApplicationEventPublisher events;

    CrossingReplicas(JdbcClient jdbc, JsonRowStage stage, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.stage = stage;
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
                throw Rejection.invalid("invalid-parameter",
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
    public java.util.Set<UUID> atBorderPoint(java.util.Set<UUID> crossingIds, String borderPoint) {
        if (crossingIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                select id from bordercontrol.crossing where id = any(:ids) and border_point = :point
                """).param("ids", crossingIds.toArray(UUID[]::new)).param("point", borderPoint).query(UUID.class).list());
    }

    @Override
    public Optional<String> exportVisa(UUID visaId) {
        return jdbc.sql("""
                select jsonb_build_object(
                    'traveller', (select to_jsonb(t) from bordercontrol.traveller t where t.id = v.traveller_id),
                    'visa', to_jsonb(v),
                    'extensions', coalesce((select jsonb_agg(to_jsonb(e) order by e.created_at, e.id)
                                              from bordercontrol.visa_extension e where e.visa_id = v.id), '[]')
                )::text
                  from bordercontrol.visa v where v.id = :id
                """).param("id", visaId).query(String.class).optional();
    }

    @Override
    public Optional<String> exportGroup(UUID groupId) {
        return jdbc.sql("select to_jsonb(g)::text from bordercontrol.crossing_group g where g.id = :id")
                .param("id", groupId).query(String.class).optional();
    }

    @Override
    public void applyGroups(String exported) {
        String records = exported.stripLeading().startsWith("[") ? exported : "[" + exported + "]";
        jdbc.sql("""
                insert into bordercontrol.crossing_group
                select g.* from (select distinct on (e.r ->> 'id') e.r
                                   from jsonb_array_elements(cast(:records as jsonb)) with ordinality as e(r, n)
                                  order by e.r ->> 'id', n desc) e
                 cross join lateral jsonb_populate_record(null::bordercontrol.crossing_group, e.r) g
                on conflict (id) do update set closed_by = excluded.closed_by, closed_at = excluded.closed_at
                 where bordercontrol.crossing_group.closed_at is null
                """).param("records", records).update();
    }

    @Override
    public void applyVisas(String exported) {
        String records = exported.stripLeading().startsWith("[") ? exported : "[" + exported + "]";
        jdbc.sql("""
                with r as (select e.value as r from jsonb_array_elements(cast(:records as jsonb)) e)
                insert into bordercontrol.traveller
                select t.* from r cross join lateral jsonb_populate_record(null::bordercontrol.traveller, r -> 'traveller') t
                 where jsonb_typeof(r -> 'traveller') = 'object'
                on conflict do nothing
                """).param("records", records).update();
        jdbc.sql("""
                with r as (select e.value as r from jsonb_array_elements(cast(:records as jsonb)) e)
                insert into bordercontrol.visa
                select v.* from r cross join lateral jsonb_populate_record(null::bordercontrol.visa, r -> 'visa') v
                on conflict do nothing
                """).param("records", records).update();
        // Extensions hang on the visa here: the record's own, or the one another node recorded first.
        jdbc.sql("""
                with r as (select e.value as r from jsonb_array_elements(cast(:records as jsonb)) e),
                     x as (select r -> 'visa' as visa, x.* from r
                             cross join lateral jsonb_populate_recordset(null::bordercontrol.visa_extension,
                                                                         r -> 'extensions') x)
                insert into bordercontrol.visa_extension (id, node_id, visa_id, extra_days, granted_on, reason,
                                                          created_by, created_at)
                select x.id, x.node_id, v.id, x.extra_days, x.granted_on, x.reason, x.created_by, x.created_at
                  from x join bordercontrol.visa v
                    on v.issuing_authority = x.visa ->> 'issuing_authority' and v.type = x.visa ->> 'type'
                   and v.number = x.visa ->> 'number'
                on conflict (id) do nothing
                """).param("records", records).update();
        jdbc.sql("""
                insert into bordercontrol.stay_refresh (traveller_id, queued_at)
                select distinct v.traveller_id, clock_timestamp()
                  from jsonb_array_elements(cast(:records as jsonb)) e
                  join bordercontrol.visa v on v.issuing_authority = e.value -> 'visa' ->> 'issuing_authority'
                   and v.type = e.value -> 'visa' ->> 'type' and v.number = e.value -> 'visa' ->> 'number'
                on conflict (traveller_id) do nothing
                """).param("records", records).update();
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
     * Applies exported crossings (a sync batch, or a page of them) in one statement per table rather
     * than one per crossing and table. Each part of the records is staged with COPY into a temporary
     * table shaped like its table, which the statements then read; the parts of one record share its
     * index. When a crossing comes more than once, its last export is the one that counts: it carries
     * everything the earlier ones did.
     */
    @Override
    @Transactional
    public void apply(List<JsonNode> records) {
        if (records.isEmpty()) {
            return;
        }
        JsonRowStage.Staged travellers = stage.stage("traveller_stage", "bordercontrol.traveller",
                JsonRowStage.parts(records, "traveller"));
        JsonRowStage.Staged documents = stage.stage("document_stage", "bordercontrol.travel_document",
                JsonRowStage.parts(records, "document"));
        JsonRowStage.Staged visas = stage.stage("visa_stage", "bordercontrol.visa", JsonRowStage.parts(records, "visa"));
        JsonRowStage.Staged groups = stage.stage("group_stage", "bordercontrol.crossing_group",
                JsonRowStage.parts(records, "group"));
        stage.stage("crossing_stage", "bordercontrol.crossing", JsonRowStage.parts(records, "crossing"));
        JsonRowStage.Staged decisions = stage.stage("decision_stage", "bordercontrol.decision",
                JsonRowStage.parts(records, "decisions"));
        JsonRowStage.Staged amendments = stage.stage("amendment_stage", "bordercontrol.crossing_amendment",
                JsonRowStage.parts(records, "amendments"));
        travellers.insert("on conflict do nothing");
        documents.insert("on conflict do nothing");
        visas.insert("on conflict do nothing");
        groups.insert("on conflict do nothing");
        // A document or visa another node recorded first is here under that node's id: until identity
        // merges travel, the crossing is linked to the one already here (and so to its traveller). The
        // travellers of the crossings applied are queued for their stays to be worked out again in the
        // background (StayRefresher), from what the insert returns rather than by looking the crossings up.
        String select = stage.columnNames("bordercontrol.crossing").stream().map(column -> switch (column) {
            case "document_id" -> "doc.id";
            case "traveller_id" -> "doc.traveller_id";
            case "visa_id" -> """
                    case when p.visa_id is null then null else (
                        select v.id from bordercontrol.visa v
                         where vs.id is not null
                           and (v.id = vs.id or (v.issuing_authority = vs.issuing_authority and v.type = vs.type
                                                 and v.number = vs.number))
                         order by v.id = vs.id desc limit 1) end""";
            default -> "p." + JsonRowStage.quoted(column);
        }).collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("""
                with p as (select distinct on (id) * from pg_temp.crossing_stage order by id, n desc),
                applied as (
                insert into bordercontrol.crossing (%s)
                select %s
                  from p
                  join pg_temp.document_stage ds on ds.n = p.n
                  -- The documents went in just before, so the natural key finds the record's own or the
                  -- one another node recorded first; a lookup each, not a join the planner could hash.
                  cross join lateral (
                        select d.id, d.traveller_id from bordercontrol.travel_document d
                         where d.issuing_state = ds.issuing_state and d.document_number = ds.document_number
                         limit 1) doc
                  left join pg_temp.visa_stage vs on vs.n = p.n
                on conflict (id) do update set flags = excluded.flags
                returning traveller_id)
                insert into bordercontrol.stay_refresh (traveller_id, queued_at)
                select traveller_id, clock_timestamp() from (select distinct traveller_id from applied) t
                on conflict (traveller_id) do nothing
                """.formatted(stage.columnList("bordercontrol.crossing", ""), select)).update();
        decisions.insert("on conflict (id) do nothing");
        amendments.insert("on conflict (id) do nothing");
        events.publishEvent(new org.manfadh.bordercontrol.CrossingsArrived(records.stream()
                .filter(r -> r.path("crossing").hasNonNull("id"))
                .map(r -> UUID.fromString(r.path("crossing").get("id").asString())).distinct().toList()));
    }
}
