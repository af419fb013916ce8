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

    /**
     * Two questions for the whole batch, each one statement: which crossings were linked to another
     * traveller than their post gave (their document was here already), and which of the posts'
     * travellers share name, full date of birth and nationality with others. The rare answers are
     * merged one by one, always the newer traveller into the oldest, so that two posts' records
     * arriving in either order end the same way.
     */
    @Override
    public int resolve(List<Arrived> arrived) {
        if (arrived.isEmpty()) {
            return 0;
        }
        UUID[] crossings = arrived.stream().map(Arrived::crossingId).toArray(UUID[]::new);
        UUID[] posted = arrived.stream().map(Arrived::travellerId).toArray(UUID[]::new);
        record Pair(UUID merged, UUID survivor, String basis) {
        }
        List<Pair> pairs = new java.util.ArrayList<>(jdbc.sql("""
                select distinct a.traveller, c.traveller_id
                  from unnest(cast(:crossings as uuid[]), cast(:travellers as uuid[])) as a(crossing, traveller)
                  -- A lookup by key for each crossing of the batch, never a hash of every crossing held.
                  cross join lateral (select x.traveller_id from bordercontrol.crossing x where x.id = a.crossing) c
                 where c.traveller_id <> a.traveller
                   and exists (select 1 from bordercontrol.traveller t where t.id = a.traveller)
                   -- A post that has not yet heard of a supervisor's split here still links the document to
                   -- the traveller it was split from: the crossing goes where the split put the document,
                   -- and the split stands.
                   and not exists (select 1 from bordercontrol.identity_decision d
                                    where d.action = 'SPLIT' and (d.from_traveller, d.to_traveller)
                                          in ((a.traveller, c.traveller_id), (c.traveller_id, a.traveller)))
                """).param("crossings", crossings).param("travellers", posted)
                .query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), "SAME_DOCUMENT"))
                .list());
        // Everyone sharing a posted traveller's name, full date of birth and nationality, the posted one
        // included; each but the oldest merges into the oldest.
        pairs.addAll(jdbc.sql("""
                with g as (
                    select distinct t.id as posted, o.id as member, o.created_at
                      from (select distinct unnest(cast(:travellers as uuid[])) as id) a
                      join bordercontrol.traveller t on t.id = a.id
                      join bordercontrol.traveller o on o.name_key = t.name_key and o.date_of_birth = t.date_of_birth
                                                    and o.nationality = t.nationality
                     where length(t.date_of_birth) = 10 and t.name_key <> ''
                       and (o.sex is null or t.sex is null or o.sex = t.sex or 'X' in (o.sex, t.sex))
                ), ranked as (
                    select member, first_value(member) over (partition by posted order by created_at, member) as oldest
                      from g
                )
                -- A supervisor who split two travellers apart has the last word.
                select distinct member, oldest from ranked r
                 where member <> oldest
                   and not exists (select 1 from bordercontrol.identity_decision d
                                    where d.action = 'SPLIT' and (d.from_traveller, d.to_traveller)
                                          in ((r.member, r.oldest), (r.oldest, r.member)))
                 order by member
                """).param("travellers", posted)
                .query((rs, n) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        "NAME_BIRTH_NATIONALITY"))
                .list());
        int merged = 0;
        for (Pair pair : pairs) {
            UUID survivor = survivorOf(pair.survivor());
            if (alreadyMerged(pair.merged()) || survivor.equals(pair.merged())) {
                continue;
            }
            merge(pair.merged(), survivor, pair.basis());
            merged++;
        }
        return merged;
    }

    /** Where a traveller's records are now: the end of the chain of merges from it. */
    private UUID survivorOf(UUID traveller) {
        UUID at = traveller;
        for (int hops = 0; hops < 100; hops++) {
            Optional<UUID> next = jdbc.sql("select survivor from bordercontrol.identity_merge where merged = :id")
                    .param("id", at).query(UUID.class).optional();
            if (next.isEmpty()) {
                return at;
            }
            at = next.get();
        }
        throw new IllegalStateException("The merges from traveller " + traveller + " do not end");
    }

    @Override
    public String after(long seq, int limit, String borderPoint) {
        return jdbc.sql("""
                select coalesce(jsonb_agg(jsonb_build_object('seq', m.seq, 'id', m.id, 'merged', m.merged,
                           'survivor', m.survivor, 'basis', m.basis, 'merged_at', m.merged_at,
                           'survivor_row', case when exists (select 1 from bordercontrol.crossing c
                                                              where c.traveller_id = m.survivor
                                                                and c.border_point = :point)
                                                then to_jsonb(t) end) order by m.seq), '[]')::text
                  from (select * from bordercontrol.identity_merge where seq > :seq order by seq limit :limit) m
                  join bordercontrol.traveller t on t.id = m.survivor
                """).param("seq", seq).param("limit", limit).param("point", borderPoint).query(String.class).single();
    }

    @Override
    @Transactional
    public long apply(String merges) {
        long highest = 0;
        for (JsonNode merge : json.readTree(merges)) {
            highest = Math.max(highest, merge.required("seq").asLong());
            UUID merged = UUID.fromString(merge.required("merged").asString());
            UUID survivor = UUID.fromString(merge.required("survivor").asString());
            // Without the survivor's row, the merge is about travellers who never crossed here.
            if (alreadyMerged(merged) || travellers.find(merged).isEmpty() || !merge.path("survivor_row").isObject()) {
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
        travellers.lockTravellers(merged, survivor);
        travellers.lockTraveller(survivor);
        travellers.lockTraveller(merged);
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
