package org.manfadh.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.admin;
import static org.manfadh.Nodes.eventually;
import static org.manfadh.Nodes.port;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.FlowFacts;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.health.HealthOutcomes;
import org.manfadh.screening.HitOutcomes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The rollups are a function of the register: after any sequence of records, late records,
 * corrections, voids, later decisions and synchronisations, in any order and interleaved with the
 * folding of changes, every rollup equals a recount of the raw crossings — at the post and at
 * headquarters. Random sequences from fixed seeds; {@code -Dmanfadh.statistics.recount.operations=N}
 * makes each longer.
 */
class RollupRecountIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final int OPERATIONS = Integer.getInteger("manfadh.statistics.recount.operations", 60);
    private static final String[] HQ_POINTS = {"IBK", "BGW", "NJF", "MNT", "SFW"};
    private static final String[] NATIONALITIES = {"IRN", "PAK", "AZE", "LBN", "KWT", "TUR"};
    private static final String[] PURPOSES = {"PILGRIMAGE", "TOURISM", "FAMILY", "BUSINESS"};

    private static ConfigurableApplicationContext hq;
    private static ConfigurableApplicationContext post;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString();
        hq = Nodes.start("server.port=0", "manfadh.sync.clock-tolerance=PT8H", "manfadh.statistics.compact-interval=PT0.7S",
                "manfadh.data-dir=target/test-data/recount-hq-" + run);
        post = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + port(hq), "manfadh.sync.interval=PT1S",
                "manfadh.statistics.compact-interval=PT0.9S", "server.port=0",
                "manfadh.data-dir=target/test-data/recount-zrb-" + run);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {post, hq}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void everyRollupEqualsARecountAfterRandomChangesAtThePostAndHeadquarters() {
        for (long seed : new long[] {18L, 1_800L, 18_000L}) {
            run(new Random(seed), seed);
        }
        eventually(() -> admin(post).get("/api/v1/sync/status").json().get("post").get("backlog").asLong() == 0,
                "the post has sent everything");
        eventually(() -> agreesWithRecount(post).isEmpty(), "the post's rollups equal a recount");
        eventually(() -> agreesWithRecount(hq).isEmpty(), "headquarters' rollups equal a recount");
        assertThat(agreesWithRecount(post)).isEmpty();
        assertThat(agreesWithRecount(hq)).isEmpty();

        // What headquarters counts at the post's border point is what the post counts.
        String from = LocalDate.now(BAGHDAD).minusDays(40).toString();
        String to = LocalDate.now(BAGHDAD).toString();
        String query = "/api/v1/statistics/flows?from=" + from + "&to=" + to
                + "&interval=day&borderPoint=ZRB&by=direction,nationality,purpose,decision";
        assertThat(admin(hq).get(query).json().get("rows").toString())
                .isEqualTo(admin(post).get(query).json().get("rows").toString());
    }

    private void run(Random random, long seed) {
        List<String> atPost = new ArrayList<>();
        List<String> atHq = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int op = random.nextInt(10);
            boolean here = random.nextBoolean();
            ConfigurableApplicationContext node = here ? post : hq;
            List<String> mine = here ? atPost : atHq;
            String context = "seed " + seed + ", operation " + i;
            switch (op) {
                case 0, 1, 2, 3 -> mine.add(record(node, here, random, false, context));
                case 4 -> mine.add(record(node, here, random, true, context));
                case 5, 6 -> {
                    if (!mine.isEmpty()) {
                        correct(node, here, mine.get(random.nextInt(mine.size())), random, context);
                    }
                }
                case 7 -> {
                    if (!mine.isEmpty()) {
                        ApiClient.Response r = booth(node).post("/api/v1/crossings/" + mine.get(random.nextInt(mine.size()))
                                + "/void", ApiClient.json(Map.of("reason", "Recorded twice (" + context + ")")));
                        assertThat(r.status()).as(context + ": " + r.body()).isIn(200, 409);
                    }
                }
                case 8 -> {
                    if (!mine.isEmpty()) {
                        boolean refuse = random.nextBoolean();
                        Map<String, Object> decision = new LinkedHashMap<>();
                        decision.put("decision", refuse ? "REFUSED" : "ADMITTED");
                        if (refuse) {
                            decision.put("reasonCode", "I");
                        }
                        decision.put("note", "Second line (" + context + ")");
                        ApiClient.Response r = booth(node).post("/api/v1/crossings/" + mine.get(random.nextInt(mine.size()))
                                + "/decisions", ApiClient.json(decision));
                        assertThat(r.status()).as(context + ": " + r.body()).isIn(200, 201, 409, 422);
                    }
                }
                default -> node.getBean(RollupCompactor.class).compact();
            }
        }
    }

    private String record(ConfigurableApplicationContext node, boolean atPost, Random random, boolean late,
                          String context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", atPost ? "ZRB" : HQ_POINTS[random.nextInt(HQ_POINTS.length)]);
        body.put("direction", random.nextBoolean() ? "ENTRY" : "EXIT");
        if (late) {
            body.put("occurredAt", Instant.now().minus(1 + random.nextInt(30 * 24), ChronoUnit.HOURS).toString());
            body.put("lateReason", "Paper register typed in (" + context + ")");
        }
        String nationality = NATIONALITIES[random.nextInt(NATIONALITIES.length)];
        StringBuilder surname = new StringBuilder("RECOUNT");
        for (int i = 0; i < 8; i++) {
            surname.append((char) ('A' + random.nextInt(26)));
        }
        body.put("mrz", Passports.td3(nationality, "R" + (char) ('A' + random.nextInt(26))
                        + String.format("%07d", random.nextInt(10_000_000)), surname.toString(), "ZAHRA", nationality,
                LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                random.nextBoolean() ? 'F' : 'M', LocalDate.now(BAGHDAD).plusYears(3)));
        body.put("purpose", PURPOSES[random.nextInt(PURPOSES.length)]);
        body.put("transport", Map.of("mode", random.nextBoolean() ? "BUS" : "CAR", "reference", "7 IR"));
        int decision = random.nextInt(6);
        body.put("decision", decision == 0 ? "REFERRED" : decision == 1 ? "REFUSED" : "ADMITTED");
        if (decision == 1) {
            body.put("reasonCode", "I");
        }
        ApiClient.Response r = booth(node).post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(context + ": " + r.body()).isIn(200, 201);
        return r.json().get("id").asString();
    }

    private void correct(ConfigurableApplicationContext node, boolean atPost, String id, Random random, String context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "Typed wrong (" + context + ")");
        switch (random.nextInt(atPost ? 3 : 4)) {
            case 0 -> body.put("purpose", PURPOSES[random.nextInt(PURPOSES.length)]);
            case 1 -> body.put("occurredAt", Instant.now().minus(random.nextInt(20 * 24), ChronoUnit.HOURS).toString());
            case 2 -> body.put("direction", random.nextBoolean() ? "ENTRY" : "EXIT");
            default -> body.put("borderPoint", HQ_POINTS[random.nextInt(HQ_POINTS.length)]);
        }
        ApiClient.Response r = booth(node).post("/api/v1/crossings/" + id + "/corrections", ApiClient.json(body));
        assertThat(r.status()).as(context + ": " + r.body()).isIn(200, 409, 422);
    }

    /** Who records at the node: headquarters' administrator there, the border point's own administrator at the post. */
    private static ApiClient booth(ConfigurableApplicationContext node) {
        return node == post ? org.manfadh.Nodes.pointAdmin(post, hq) : admin(node);
    }

    /** Where the node's rollups (folded and waiting) differ from a recount of its crossings: empty when they agree. */
    private static Map<String, String> agreesWithRecount(ConfigurableApplicationContext node) {
        FlowFacts facts = node.getBean(FlowFacts.class);
        HitOutcomes hits = node.getBean(HitOutcomes.class);
        HealthOutcomes health = node.getBean(HealthOutcomes.class);
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        List<Cell> cells = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<FlowFacts.Fact> page = facts.page(after, 2_000);
            if (page.isEmpty()) {
                break;
            }
            List<UUID> ids = page.stream().map(FlowFacts.Fact::crossingId).toList();
            var outcomes = hits.of(ids);
            Map<UUID, HealthOutcomes.Counted> screened = health.of(ids);
            for (FlowFacts.Fact f : page) {
                Cell cell = Cell.of(f, outcomes.get(f.crossingId()), screened.get(f.crossingId()), BAGHDAD);
                if (cell != null) {
                    cells.add(cell);
                }
            }
            after = page.getLast().crossingId();
        }
        Map<String, String> differences = new TreeMap<>();
        for (Cuboid cuboid : Cuboid.values()) {
            String cols = cuboid.columns.stream().map(c -> c.name).collect(Collectors.joining(", "));
            String dayCols = cuboid == Cuboid.HOURS ? "day, hour, " + cols : "day, " + cols;
            Map<String, Long> stored = read(jdbc, "select " + dayCols + ", sum(n) as n from (select " + dayCols
                    + ", n from " + cuboid.byDay() + " union all select " + dayCols + ", n from statistics.flow_change) x"
                    + " group by " + dayCols + " having sum(n) <> 0", cuboid.columns.size() + (cuboid == Cuboid.HOURS ? 2 : 1));
            Map<String, Long> recounted = recount(cells, cuboid, false);
            compare(cuboid.byDay(), stored, recounted, differences);
            if (cuboid.byMonth() != null) {
                Map<String, Long> storedMonths = read(jdbc, "select month, " + cols + ", sum(n) as n from (select month, "
                        + cols + ", n from " + cuboid.byMonth() + " union all select date_trunc('month', day)::date, " + cols
                        + ", n from statistics.flow_change) x group by month, " + cols + " having sum(n) <> 0",
                        cuboid.columns.size() + 1);
                compare(cuboid.byMonth(), storedMonths, recount(cells, cuboid, true), differences);
            }
        }
        return differences;
    }

    private static Map<String, Long> read(JdbcClient jdbc, String sql, int keys) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= keys; i++) {
                key.add(rs.getString(i).strip());
            }
            counts.put(String.join("|", key), rs.getLong("n"));
        });
        return counts;
    }

    private static Map<String, Long> recount(List<Cell> cells, Cuboid cuboid, boolean months) {
        Map<String, Long> counts = new HashMap<>();
        for (Cell c : cells) {
            List<String> key = new ArrayList<>();
            key.add((months ? c.day().withDayOfMonth(1) : c.day()).toString());
            if (cuboid == Cuboid.HOURS) {
                key.add(Integer.toString(c.hour()));
            }
            List<String> values = c.values();
            for (Cuboid.Column column : cuboid.columns) {
                key.add(values.get(column.ordinal()));
            }
            counts.merge(String.join("|", key), 1L, Long::sum);
        }
        return counts;
    }

    private static void compare(String table, Map<String, Long> stored, Map<String, Long> recounted,
                                Map<String, String> differences) {
        for (String key : union(stored, recounted)) {
            Long s = stored.get(key);
            Long r = recounted.get(key);
            if (!java.util.Objects.equals(s, r)) {
                differences.put(table + " " + key, "stored " + s + ", recounted " + r);
            }
        }
    }

    private static java.util.Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
