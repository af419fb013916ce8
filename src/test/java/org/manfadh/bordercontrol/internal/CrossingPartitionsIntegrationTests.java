package org.manfadh.bordercontrol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The crossing table partitioned by the month a crossing was recorded in (its UUIDv7 id): crossings land in their
 * month's partition or, with an id outside the months made, in the default one, and are found either way; a month's
 * partition made later takes its rows out of the default partition with everything that references them; the
 * planner reads only the partitions a range of ids or recording times can touch.
 */
@ManfadhIntegrationTest
class CrossingPartitionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CrossingPartitions partitions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void storesACrossingRecordedNowInThePartitionOfThisMonth() {
        UUID id = Ids.newId();

        JsonNode recorded = record(id, "ADMITTED");

        assertThat(recorded.get("id").asString()).isEqualTo(id.toString());
        assertThat(partitionOf(id)).isEqualTo("bordercontrol." + partitionName(YearMonth.now(ZoneOffset.UTC)));
        assertThat(officer().get("/api/v1/crossings/" + id).json().get("decision").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void storesAndFindsCrossingsWhoseIdsLieOutsideEveryMonthMade() {
        UUID farFuture = idAt(Instant.parse("3021-07-01T00:00:00Z"));
        UUID farPast = idAt(Instant.parse("1999-01-15T12:00:00Z"));
        UUID random = UUID.randomUUID();

        for (UUID id : List.of(farFuture, farPast, random)) {
            JsonNode recorded = record(id, "ADMITTED");
            assertThat(recorded.get("id").asString()).isEqualTo(id.toString());
            assertThat(partitionOf(id)).isEqualTo("bordercontrol.crossing_default");
            ApiClient.Response found = officer().get("/api/v1/crossings/" + id);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.json().get("borderPoint").asString()).isEqualTo("ZRB");
            // Listed too: the list reads every partition, the default one among them.
            JsonNode listed = officer().get("/api/v1/crossings?travellerId=" + recorded.get("travellerId").asString())
                    .json();
            assertThat(listed.get("content")).hasSize(1);
            assertThat(listed.get("content").get(0).get("id").asString()).isEqualTo(id.toString());
        }
    }

    @Test
    void movesAMonthsCrossingsAndWhatReferencesThemOutOfTheDefaultPartitionWhenItsPartitionIsMade() {
        YearMonth later = YearMonth.now(ZoneOffset.UTC).plusMonths(30);
        UUID id = idAt(later.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC));
        record(id, "REFERRED");
        ApiClient supervisor = new ApiClient(port).as("supervisor", "manfadh-demo");
        assertThat(supervisor.post("/api/v1/crossings/" + id + "/decisions",
                ApiClient.json(Map.of("decision", "ADMITTED", "note", "Documents checked in the office"))).status())
                .isEqualTo(200);
        assertThat(supervisor.post("/api/v1/crossings/" + id + "/corrections",
                ApiClient.json(Map.of("purpose", "BUSINESS", "reason", "Purpose misheard at the booth"))).status())
                .isEqualTo(200);
        assertThat(partitionOf(id)).isEqualTo("bordercontrol.crossing_default");
        JsonNode before = officer().get("/api/v1/crossings/" + id).json();
        List<String> decisionsBefore = rows("select to_jsonb(d)::text from bordercontrol.decision d where crossing_id = :id order by id", id);
        List<String> amendmentsBefore = rows("select to_jsonb(a)::text from bordercontrol.crossing_amendment a where crossing_id = :id order by id", id);

        assertThat(partitions.make(later)).isTrue();

        assertThat(partitionOf(id)).isEqualTo("bordercontrol." + partitionName(later));
        assertThat(rows("select to_jsonb(d)::text from bordercontrol.decision d where crossing_id = :id order by id", id))
                .hasSize(2).isEqualTo(decisionsBefore);
        assertThat(rows("select to_jsonb(a)::text from bordercontrol.crossing_amendment a where crossing_id = :id order by id", id))
                .hasSize(1).isEqualTo(amendmentsBefore);
        JsonNode after = officer().get("/api/v1/crossings/" + id).json();
        assertThat(after).isEqualTo(before);
        assertThat(after.get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(after.get("purpose").asString()).isEqualTo("BUSINESS");
        assertThat(partitions.make(later)).isFalse();
    }

    @Test
    void makesAMonthOnceWhenManyAskAtOnce() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC).plusMonths(40 + ThreadLocalRandom.current().nextInt(400));
        int askers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(askers);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < askers; i++) {
                answers.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    return partitions.make(month);
                }));
            }
            start.countDown();
            List<Boolean> made = new ArrayList<>();
            for (Future<Boolean> answer : answers) {
                made.add(answer.get());
            }
            assertThat(made).containsOnlyOnce(true).hasSize(askers);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from pg_class where relname = :name").param("name", partitionName(month))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheCurrentMonthAndThreeAheadMadeAndMakesNothingTwice() {
        partitions.makeAhead();

        assertThat(partitions.makeAhead()).isEmpty();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= 3; ahead++) {
            assertThat(jdbc.sql("select to_regclass(:name)::text").param("name", "bordercontrol." + partitionName(now.plusMonths(ahead)))
                    .query(String.class).optional()).as("month %s", now.plusMonths(ahead)).isPresent();
        }
    }

    @Test
    void readsOnlyTheMonthsARangeOfIdsOrRecordingTimesCanTouch() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        String literal = jdbc.sql("""
                explain (costs off) select count(*) from bordercontrol.crossing
                 where id >= bordercontrol.uuid7_floor(cast(:from as timestamptz))
                   and id < bordercontrol.uuid7_floor(cast(:to as timestamptz))
                """).param("from", now.atDay(1).toString()).param("to", now.plusMonths(1).atDay(1).toString())
                .query(String.class).list().toString();
        assertThat(literal).contains(partitionName(now)).doesNotContain(partitionName(now.minusMonths(1)))
                .doesNotContain(partitionName(now.plusMonths(1))).doesNotContain("crossing_default");

        // A prepared statement's generic plan: the bounds are known only when it runs, and it prunes then.
        String generic = transaction.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            jdbc.sql("""
                    prepare partition_probe (timestamptz, timestamptz) as
                    select count(*) from bordercontrol.crossing
                     where id >= bordercontrol.uuid7_floor($1) and id < bordercontrol.uuid7_floor($2)
                    """).update();
            try {
                return jdbc.sql("explain (costs off) execute partition_probe('%s', '%s')".formatted(
                        now.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        now.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .query(String.class).list().toString();
            } finally {
                jdbc.sql("deallocate partition_probe").update();
            }
        });
        assertThat(generic).contains("Subplans Removed").contains(partitionName(now))
                .doesNotContain(partitionName(now.minusMonths(1)));
    }

    private JsonNode record(UUID id, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(number(), surname(), "ALI REZA", "IRN", LocalDate.of(1985, 3, 14)));
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", decision);
        ApiClient.Response response = officer().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private ApiClient officer() {
        return new ApiClient(port).as("officer", "manfadh-demo");
    }

    private String partitionOf(UUID id) {
        return jdbc.sql("select tableoid::regclass::text from bordercontrol.crossing where id = :id").param("id", id)
                .query(String.class).single();
    }

    private List<String> rows(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(String.class).list();
    }

    private static String partitionName(YearMonth month) {
        return "crossing_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }

    /** A UUIDv7 made at this instant, as Ids makes one now. */
    private static UUID idAt(Instant at) {
        UUID random = Ids.newId();
        long high = (at.toEpochMilli() << 16) | (random.getMostSignificantBits() & 0xFFFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }

    private static String number() {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()))
                + String.format("%07d", r.nextInt(10_000_000));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("PARTITION");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + r.nextInt(26)));
        }
        return s.toString();
    }
}
