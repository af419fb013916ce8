package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Component
class TravellerMerges implements IdentityMerges {

    private final JdbcClient jdbc;
    private final Travellers travellers;
    private final StayService stays;
    private final JsonMapper json;
    private final Clock clock;

    TravellerMerges(JdbcClient jdbc, Travellers travellers, StayService stays, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.travellers = travellers;
        this.stays = stays;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int resolve(List<Arrived> arrived) {
        int merged = 0;
        for (Arrived a : arrived) {
            if (alreadyMerged(a.travellerId())) {
                continue;
            }
            Optional<UUID> linked = jdbc.sql("select traveller_id from bordercontrol.crossing where id = :id")
                    .param("id", a.crossingId()).query(UUID.class).optional();
            if (linked.isEmpty()) {
                continue;
            }
            if (!linked.get().equals(a.travellerId())) {
                // The post's document was known here already, under the traveller another node saw first.
                merge(a.travellerId(), linked.get(), "SAME_DOCUMENT");
                merged++;
                continue;
            }
            Optional<UUID> same = jdbc.sql("""
                    select o.id from bordercontrol.traveller t
                      join bordercontrol.traveller o on o.name_key = t.name_key and o.date_of_birth = t.date_of_birth
                                                    and o.nationality = t.nationality and o.id <> t.id
                     where t.id = :id and length(t.date_of_birth) = 10 and t.name_key <> ''
                       and (o.sex is null or t.sex is null or o.sex = t.sex or 'X' in (o.sex, t.sex))
                       and not exists (select 1 from bordercontrol.identity_merge m where m.merged = o.id)
                     order by o.created_at, o.id limit 1
                    """).param("id", a.travellerId()).query(UUID.class).optional();
            if (same.isPresent()) {
                merge(a.travellerId(), same.get(), "NAME_BIRTH_NATIONALITY");
                merged++;
            }
        }
        return merged;
    }

    @Override
    public String after(long seq, int limit) {
        return jdbc.sql("""
                select coalesce(jsonb_agg(jsonb_build_object('seq', m.seq, 'id', m.id, 'merged', m.merged,
                           'survivor', m.survivor, 'basis', m.basis, 'merged_at', m.merged_at,
                           'survivor_row', to_jsonb(t)) order by m.seq), '[]')::text
                  from (select * from bordercontrol.identity_merge where seq > :seq order by seq limit :limit) m
                  join bordercontrol.traveller t on t.id = m.survivor
                """).param("seq", seq).param("limit", limit).query(String.class).single();
    }

    @Override
    @Transactional
    public long apply(String merges) {
        long highest = 0;
        for (JsonNode merge : json.readTree(merges)) {
            highest = Math.max(highest, merge.required("seq").asLong());
            UUID merged = UUID.fromString(merge.required("merged").asString());
            UUID survivor = UUID.fromString(merge.required("survivor").asString());
            if (alreadyMerged(merged) || travellers.find(merged).isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    insert into bordercontrol.traveller
                    select * from jsonb_populate_record(null::bordercontrol.traveller, cast(:row as jsonb))
                    on conflict (id) do nothing
                    """).param("row", merge.required("survivor_row").toString()).update();
            repoint(merged, survivor);
            jdbc.sql("""
                    insert into bordercontrol.identity_merge (id, merged, survivor, basis, merged_at)
                    values (:id, :merged, :survivor, :basis, cast(:at as timestamptz)) on conflict do nothing
                    """).param("id", UUID.fromString(merge.required("id").asString())).param("merged", merged)
                    .param("survivor", survivor).param("basis", merge.required("basis").asString())
                    .param("at", merge.required("merged_at").asString()).update();
        }
        return highest;
    }

    private void merge(UUID merged, UUID survivor, String basis) {
        repoint(merged, survivor);
        jdbc.sql("""
                insert into bordercontrol.identity_merge (id, merged, survivor, basis, merged_at)
                values (:id, :merged, :survivor, :basis, :at)
                """).param("id", Ids.newId()).param("merged", merged).param("survivor", survivor).param("basis", basis)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /** Everything recorded under the merged id moves to the survivor, whose stays are then worked out again. */
    private void repoint(UUID merged, UUID survivor) {
        // The recorder's locks, in its order (documents, then persons): no crossing of either person
        // resolves to the merged id while it moves.
        travellers.lock(jdbc.sql("""
                select k from (
                    select 1 as o, 'document:' || issuing_state || ':' || document_number as k
                      from bordercontrol.travel_document where traveller_id = :merged
                    union
                    select 2, 'person:' || name_key || ':' || date_of_birth || ':' || nationality
                      from bordercontrol.traveller where id in (:merged, :survivor) and date_of_birth is not null
                ) keys order by o, k
                """).param("merged", merged).param("survivor", survivor).query(String.class).list());
        jdbc.sql("delete from bordercontrol.stay where traveller_id = :merged").param("merged", merged).update();
        for (String statement : List.of(
                "update bordercontrol.travel_document set traveller_id = :survivor where traveller_id = :merged",
                "update bordercontrol.crossing set traveller_id = :survivor where traveller_id = :merged",
                "update bordercontrol.visa set traveller_id = :survivor where traveller_id = :merged",
                "update bordercontrol.identity_decision set from_traveller = :survivor where from_traveller = :merged",
                "update bordercontrol.identity_decision set to_traveller = :survivor where to_traveller = :merged")) {
            jdbc.sql(statement).param("survivor", survivor).param("merged", merged).update();
        }
        stays.rebuild(survivor, LocalDate.now(clock));
    }

    private boolean alreadyMerged(UUID traveller) {
        return jdbc.sql("select exists (select 1 from bordercontrol.identity_merge where merged = :id)")
                .param("id", traveller).query(Boolean.class).single();
    }
}
