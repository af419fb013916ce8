package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.admin;
import static org.manfadh.Nodes.pointAdmin;
import static org.manfadh.Nodes.eventually;
import static org.manfadh.Nodes.nodeId;
import static org.manfadh.Nodes.port;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.screening.ScreeningReplication;
import org.manfadh.sync.SyncStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One headquarters and one border post, each a whole application with its own embedded
 * PostgreSQL, in one JVM. The post records while headquarters is down; once it is up, a push
 * brings everything over, and a repeated batch changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIntegrationTests {

    private static ConfigurableApplicationContext post;
    private static ConfigurableApplicationContext hq;
    private static int hqPort;
    private static FaultyLink link;
    private static String[] postSettings;
    private static String[] hqSettings;

    @BeforeAll
    static void startPostWithHeadquartersDown() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            hqPort = free.getLocalPort();
        }
        link = new FaultyLink(hqPort);
        String run = UUID.randomUUID().toString();
        postSettings = new String[] {"manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + link.port(), "manfadh.sync.interval=PT1H", "manfadh.sync.timeout=PT5S",
                "server.port=0", "server.shutdown=immediate",
                "manfadh.data-dir=target/test-data/sync-post-" + run};
        // Stopped at once, as a node that loses power is: requests in flight are cut, not finished first.
        hqSettings = new String[] {"server.port=" + hqPort, "server.shutdown=immediate",
                "manfadh.data-dir=target/test-data/sync-hq-" + run};
        post = Nodes.start(postSettings);
    }

    @AfterAll
    static void stop() throws IOException {
        link.close();
        if (post != null) {
            post.close();
        }
        if (hq != null) {
            hq.close();
        }
    }




    @Test
    @Order(1)
    void bringsRecordsMadeWhileHeadquartersWasDownOnceAndOnlyOnce() {
        ApiClient atPost = pointAdmin(post, hq);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(record(atPost, i == 0 ? "REFERRED" : "ADMITTED"));
        }
        // A later decision on the referral travels as the crossing as it then stands.
        assertThat(atPost.post("/api/v1/crossings/" + ids.getFirst() + "/decisions",
                ApiClient.json(Map.of("decision", "ADMITTED"))).status()).isEqualTo(200);

        ApiClient.Response failed = atPost.post("/api/v1/sync/push", "");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("error").isNull()).isFalse();
        JsonNode owed = atPost.get("/api/v1/sync/status").json();
        assertThat(owed.get("role").asString()).isEqualTo("post");
        assertThat(owed.get("post").get("backlog").asLong()).isEqualTo(12);
        assertThat(owed.get("post").get("acknowledgedSeq").asLong()).isZero();

        hq = Nodes.start(hqSettings);
        // Headquarters made the border point's administrator before the post went live; the post had it from then.
        pointAdmin(post, hq);
        ApiClient.Response pushed = atPost.post("/api/v1/sync/push", "");
        assertThat(pushed.json().get("error").isNull()).as(pushed.body()).isTrue();
        assertThat(pushed.json().get("acknowledged").asInt()).isEqualTo(12);

        JsonNode status = atPost.get("/api/v1/sync/status").json();
        assertThat(status.get("post").get("backlog").asLong()).isZero();
        assertThat(status.get("post").get("lastContact").isNull()).isFalse();
        String postNode = status.get("nodeId").asString();
        JsonNode hqStatus = admin(hq).get("/api/v1/sync/status").json();
        assertThat(hqStatus.get("role").asString()).isEqualTo("hq");
        assertThat(hqStatus.get("nodes").get(0).get("nodeId").asString()).isEqualTo(postNode);
        assertThat(hqStatus.get("nodes").get(0).get("lastSeq").asLong())
                .isEqualTo(status.get("post").get("acknowledgedSeq").asLong());

        for (String id : ids) {
            ApiClient.Response there = admin(hq).get("/api/v1/crossings/" + id);
            assertThat(there.status()).as(there.body()).isEqualTo(200);
            JsonNode here = atPost.get("/api/v1/crossings/" + id).json();
            assertThat(there.json().get("decision")).isEqualTo(here.get("decision"));
            assertThat(there.json().get("borderPoint")).isEqualTo(here.get("borderPoint"));
        }
        assertSameRecords(ids);

        // The answer was lost: the post sends the same batch again, and headquarters changes nothing.
        UUID node = UUID.fromString(status.get("nodeId").asString());
        Map<String, Long> before = counts(hq, node);
        post.getBean(JdbcClient.class).sql("update sync.push_state set acknowledged_seq = 0").update();
        ApiClient.Response again = atPost.post("/api/v1/sync/push", "");
        assertThat(again.json().get("error").isNull()).as(again.body()).isTrue();
        assertThat(counts(hq, node)).isEqualTo(before);
        assertSameRecords(ids);

    }

    @Test
    @Order(3)
    void linksAPostsCrossingToADocumentHeadquartersAlreadyHolds() {
        ApiClient atPost = pointAdmin(post, hq);
        String mrz = passport();
        String atHq = record(admin(hq), "ADMITTED", mrz);
        String fromPost = record(atPost, "ADMITTED", mrz);
        ApiClient.Response joined = atPost.post("/api/v1/sync/push", "");
        assertThat(joined.json().get("error").isNull()).as(joined.body()).isTrue();
        JsonNode there = admin(hq).get("/api/v1/crossings/" + fromPost).json();
        assertThat(there.get("id").asString()).isEqualTo(fromPost);
        assertThat(there.get("travellerId").asString())
                .isEqualTo(admin(hq).get("/api/v1/crossings/" + atHq).json().get("travellerId").asString());
    }

    /**
     * Rounds of records pushed over a link that refuses connections, cuts requests, loses answers and
     * stalls part way into them, with now and then headquarters or the post stopped while
     * headquarters applies a batch and started again; afterwards headquarters holds exactly the post's records. More rounds with
     * {@code -Dmanfadh.sync.fault-rounds=200}, another seed with {@code -Dmanfadh.sync.fault-seed}.
     */
    @Test
    @Order(2)
    void holdsExactlyThePostsRecordsAfterRoundsOfBrokenLinks() {
        int rounds = Integer.getInteger("manfadh.sync.fault-rounds", 4);
        long seed = Long.getLong("manfadh.sync.fault-seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<UUID> visas = new ArrayList<>();
        int failedPushes = 0;
        Map<End, Integer> stopped = new java.util.EnumMap<>(End.class);
        link.faults(0.6, random);
        for (int round = 0; round < rounds; round++) {
            ApiClient atPost = pointAdmin(post, hq);
            for (int i = random.nextInt(4); i >= 0; i--) {
                ids.add(record(atPost, random.nextInt(5) == 0 ? "REFERRED" : "ADMITTED"));
            }
            if (random.nextInt(3) == 0) {
                // A permit issued on its own, between crossings.
                String traveller = atPost.get("/api/v1/crossings/" + ids.getLast()).json().get("travellerId").asString();
                ApiClient.Response issued = atPost.post("/api/v1/travellers/" + traveller + "/visas", ApiClient.json(
                        Map.of("visa", Map.of("number", "RP-" + UUID.randomUUID().toString().substring(0, 8), "type",
                                "RESIDENCE_PERMIT", "validUntil", LocalDate.now().plusYears(1).toString()))));
                assertThat(issued.status()).as(issued.body()).isEqualTo(201);
                visas.add(UUID.fromString(issued.json().get("id").asString()));
            }
            for (int attempt = random.nextInt(3); attempt >= 0; attempt--) {
                // Each push on a connection of its own, so that each meets the link's faults.
                link.cutAll();
                JsonNode pushed = atPost.post("/api/v1/sync/push", "").json();
                if (!pushed.get("error").isNull()) {
                    failedPushes++;
                }
            }
            if (random.nextInt(6) == 0) {
                // One end stops while headquarters is applying a push, and starts again.
                End end = random.nextBoolean() ? End.HEADQUARTERS : End.POST;
                link.cutAll();
                stopMidApply(end);
                failedPushes++;
                stopped.merge(end, 1, Integer::sum);
                if (end == End.HEADQUARTERS) {
                    hq = Nodes.start(hqSettings);
                } else {
                    post = Nodes.start(postSettings);
                }
            }
        }
        ApiClient atPost = pointAdmin(post, hq);
        link.faults(0, random);
        link.cutAll();
        JsonNode last = atPost.post("/api/v1/sync/push", "").json();
        assertThat(last.get("error").isNull()).as(last.toString()).isTrue();
        assertThat(atPost.get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isZero();
        assertSameRecords(ids);
        for (UUID visa : visas) {
            assertThat(post.getBean(CrossingReplication.class).exportVisa(visa)).isPresent();
            assertThat(Nodes.withoutFirstSighting(hq.getBean(CrossingReplication.class).exportVisa(visa)))
                    .isEqualTo(Nodes.withoutFirstSighting(post.getBean(CrossingReplication.class).exportVisa(visa)));
        }
        System.out.printf("Sync under faults: seed %d, %d rounds, %d crossings and %d permits, connections broken: %s;"
                + " headquarters stopped mid-apply %d times, the post %d times; %d pushes failed;"
                + " headquarters holds exactly the post's records%n", seed, rounds, ids.size(), visas.size(),
                link.faultsInjected(), stopped.getOrDefault(End.HEADQUARTERS, 0), stopped.getOrDefault(End.POST, 0),
                failedPushes);
    }

    @Test
    @Order(4)
    void keepsWhatItOwesAcrossRestartsOfEitherEnd() {
        List<String> ids = new ArrayList<>();
        link.faults(1, new Random(4));
        link.cutAll();
        for (int i = 0; i < 3; i++) {
            ids.add(record(pointAdmin(post, hq), "ADMITTED"));
        }
        assertThat(pointAdmin(post, hq).post("/api/v1/sync/push", "").json().get("error").isNull()).isFalse();
        post.close();
        post = Nodes.start(postSettings);
        assertThat(pointAdmin(post, hq).get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isEqualTo(6);

        hq.close();
        hq = Nodes.start(hqSettings);
        link.faults(0, new Random(4));
        JsonNode pushed = pointAdmin(post, hq).post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        assertThat(pushed.get("acknowledged").asInt()).isEqualTo(6);
        for (String id : ids) {
            assertThat(admin(hq).get("/api/v1/crossings/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void appliesNoneOfABatchWhenHeadquartersStopsInTheMiddleOfApplyingIt() {
        Owed owed = threeCrossingsOwed();

        assertThat(stopMidApply(End.HEADQUARTERS)).as("the push headquarters stopped under").isTrue();
        hq = Nodes.start(hqSettings);
        // The batch's travellers and documents were written before its crossings: none of it stayed.
        assertThat(counts(hq, owed.node())).isEqualTo(owed.atHq());
        assertThat(admin(hq).get("/api/v1/crossings/" + owed.ids().getFirst()).status()).isEqualTo(404);

        JsonNode pushed = pointAdmin(post, hq).post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        assertThat(pushed.get("acknowledged").asInt()).isEqualTo(6);
        owed.arrivedOnce(counts(hq, owed.node()));
    }

    @Test
    @Order(4)
    void takesNothingTwiceWhenThePostStopsWhileHeadquartersAppliesItsBatch() {
        Owed owed = threeCrossingsOwed();

        assertThat(stopMidApply(End.POST)).as("the push the post stopped during").isTrue();
        // Headquarters finished the batch, but the post never heard so.
        eventually(() -> admin(hq).get("/api/v1/crossings/" + owed.ids().getLast()).status() == 200,
                "headquarters finishes the batch the post stopped during");
        Map<String, Long> applied = counts(hq, owed.node());
        post = Nodes.start(postSettings);
        assertThat(pointAdmin(post, hq).get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isEqualTo(6);

        JsonNode pushed = pointAdmin(post, hq).post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        assertThat(pointAdmin(post, hq).get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isZero();
        assertThat(counts(hq, owed.node())).isEqualTo(applied);
        owed.arrivedOnce(applied);
    }

    /** Crossings the post owes headquarters, and what each end held of the post's node before them. */
    private record Owed(UUID node, List<String> ids, Map<String, Long> atHq, Map<String, Long> atPost) {

        /** The crossings read the same at both ends, and headquarters added as many rows of each kind as the post. */
        void arrivedOnce(Map<String, Long> nowAtHq) {
            assertSameCrossings(ids);
            assertThat(added(atHq, nowAtHq)).isEqualTo(added(atPost, counts(post, node)));
        }
    }

    /** With everything before pushed over a sound link, three crossings recorded at the post. */
    private static Owed threeCrossingsOwed() {
        link.faults(0, new Random(5));
        link.cutAll();
        assertThat(pointAdmin(post, hq).post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();
        UUID node = nodeId(post);
        Owed owed = new Owed(node, new ArrayList<>(), counts(hq, node), counts(post, node));
        for (int i = 0; i < 3; i++) {
            owed.ids().add(record(pointAdmin(post, hq), "ADMITTED"));
        }
        return owed;
    }

    /** How many rows of each kind were added between two counts. */
    private static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new LinkedHashMap<>();
        after.forEach((table, count) -> added.put(table, count - before.get(table)));
        return added;
    }

    /** The end of the link that stops. */
    private enum End { HEADQUARTERS, POST }

    /**
     * Starts a push from the post and stops one end while headquarters is inside the batch's
     * transaction: the batch's crossings are held back by a lock on their table, taken before the
     * push, so the apply has written the travellers and documents and waits. Stopping headquarters
     * ends that transaction with the server; stopping the post leaves headquarters to finish the
     * batch once the lock is let go, with nobody left to hear the answer. Headquarters or the post
     * stays stopped for the caller to start again. Answers whether the push reached the apply (a
     * faulty link may break it first; the end is stopped all the same).
     */
    private static boolean stopMidApply(End end) {
        Connection lock = null;
        try {
            lock = hq.getBean(DataSource.class).getConnection();
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table bordercontrol.crossing in share mode");
            }
            ApiClient atPost = pointAdmin(post, hq);
            CompletableFuture<ApiClient.Response> push = CompletableFuture.supplyAsync(
                    () -> atPost.post("/api/v1/sync/push", ""));
            JdbcClient atHq = hq.getBean(JdbcClient.class);
            boolean reached = false;
            for (int i = 0; i < 600 && !reached && !push.isDone(); i++) {
                reached = atHq.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()").query(Long.class).single() > 0;
                if (!reached) {
                    Thread.sleep(50);
                }
            }
            if (end == End.HEADQUARTERS) {
                hq.close();
                hq = null;
                lock = null; // ended with the server
            } else {
                post.close();
                post = null;
                lock.commit();
            }
            return reached;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (lock != null) {
                try {
                    lock.close();
                } catch (SQLException ignored) {
                    // the node is stopping
                }
            }
        }
    }

    @Test
    @Order(5)
    void bringsAHitAndItsAdjudicationWithTheDecisionItMade() {
        ApiClient atPost = pointAdmin(post, hq);
        ApiClient atHq = admin(hq);
        ApiClient.Response list = atHq.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Travel bans " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFUSE")));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        String surname = surname();
        ApiClient.Response imported = atHq.send(java.net.http.HttpRequest.newBuilder()
                .uri(java.net.URI.create("http://localhost:" + port(hq) + "/api/v1/watchlists/"
                        + list.json().get("id").asString() + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                        SY-1,,%s,ALI REZA,,,1985-03-14,IRN,M,,,
                        """.formatted(surname))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = new ApiClient(port(hq)).as("watchlist_manager", "manfadh-demo").post(
                "/api/v1/watchlists/" + list.json().get("id").asString() + "/pending/"
                        + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        // Lists are kept at headquarters: the post takes the new version and refuses to change it.
        JsonNode pulled = atPost.post("/api/v1/sync/pull", "").json();
        assertThat(pulled.get("error").isNull()).as(pulled.toString()).isTrue();
        ApiClient.Response refused = atPost.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Local list " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFUSE")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("watchlists-kept-at-headquarters");
        String crossing = record(atPost, "ADMITTED",
                Passports.td3(number(), surname, "ALI REZA", "IRN", LocalDate.of(1985, 3, 14)));
        JsonNode recorded = atPost.get("/api/v1/crossings/" + crossing).json();
        String hitId = recorded.get("screening").get("matches").get(0).get("hitId").asString();
        ApiClient.Response verdict = atPost.post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "TRUE_MATCH", "note", "Same person")));
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(atPost.get("/api/v1/crossings/" + crossing).json().get("decision").asString()).isEqualTo("REFUSED");

        JsonNode pushed = atPost.post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        assertThat(admin(hq).get("/api/v1/crossings/" + crossing).json().get("decision").asString())
                .isEqualTo("REFUSED");
        String exportedAtHq = hq.getBean(ScreeningReplication.class).exportOfCrossing(UUID.fromString(crossing)).orElseThrow();
        assertThat(exportedAtHq).contains(hitId).contains("TRUE_MATCH")
                .isEqualTo(post.getBean(ScreeningReplication.class).exportOfCrossing(UUID.fromString(crossing))
                        .orElseThrow());
    }

    @Test
    @Order(6)
    void owesNothingForARequestThatRecordedNothing() {
        ApiClient atPost = pointAdmin(post, hq);
        String id = record(atPost, "ADMITTED");
        long before = atPost.get("/api/v1/sync/status").json().get("post").get("backlog").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "EXIT");
        body.put("mrz", passport());
        body.put("decision", "ADMITTED");
        assertThat(atPost.post("/api/v1/crossings", ApiClient.json(body)).status()).isEqualTo(409);
        assertThat(atPost.get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void tellsHeadquartersAQuietPostIsAliveWithAnEmptyBatch() {
        ApiClient atPost = pointAdmin(post, hq);
        assertThat(atPost.post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();
        assertThat(atPost.get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isZero();
        String node = nodeId(post).toString();
        java.time.Instant before = hq.getBean(SyncStatus.class).status().nodes().stream()
                .filter(n -> n.nodeId().toString().equals(node)).findFirst().orElseThrow().lastContact();

        ApiClient.Response quiet = atPost.post("/api/v1/sync/push", "");
        assertThat(quiet.json().get("error").isNull()).as(quiet.body()).isTrue();
        assertThat(quiet.json().get("acknowledged").asInt()).isZero();
        assertThat(hq.getBean(SyncStatus.class).status().nodes().stream()
                .filter(n -> n.nodeId().toString().equals(node)).findFirst().orElseThrow().lastContact())
                .isAfter(before);
    }

    @Test
    @Order(8)
    void flagsContactOlderThanTheAlertSettingAsOverdueAtBothEnds() {
        ApiClient atPost = pointAdmin(post, hq);
        assertThat(atPost.post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();
        String node = nodeId(post).toString();
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant later = now.plus(java.time.Duration.ofHours(6).plusMinutes(1));

        SyncStatus atHq = hq.getBean(SyncStatus.class);
        assertThat(atHq.status(now).nodes()).filteredOn(n -> n.nodeId().toString().equals(node))
                .singleElement().satisfies(n -> assertThat(n.overdue()).isFalse());
        assertThat(atHq.status(later).nodes()).filteredOn(n -> n.nodeId().toString().equals(node))
                .singleElement().satisfies(n -> {
                    assertThat(n.overdue()).isTrue();
                    assertThat(n.lagSeconds()).isGreaterThan(6 * 3600);
                });
        JsonNode json = admin(hq).get("/api/v1/sync/status").json();
        assertThat(json.get("alertAfterSeconds").asLong()).isEqualTo(6 * 3600);
        assertThat(json.get("nodes").get(0).get("overdue").asBoolean()).isFalse();

        SyncStatus here = post.getBean(SyncStatus.class);
        assertThat(here.status(now).post().overdue()).isFalse();
        assertThat(here.status(later).post().overdue()).isTrue();
        assertThat(atPost.get("/api/v1/sync/status").json().get("post").get("overdue").asBoolean()).isFalse();

        MeterRegistry hqMeters = hq.getBean(MeterRegistry.class);
        assertThat(hqMeters.get("manfadh.sync.nodes.overdue").gauge().value()).isZero();
        assertThat(hqMeters.get("manfadh.sync.node.lag").tag("border_point", "ZRB").tag("node", node).gauge().value())
                .isGreaterThanOrEqualTo(0);
        assertThat(post.getBean(MeterRegistry.class).get("manfadh.sync.lag").gauge().value())
                .isGreaterThanOrEqualTo(0).isLessThan(6 * 3600);
    }

    @Test
    @Order(7)
    void bringsAVisaIssuedAndExtendedWithoutACrossing() {
        ApiClient atPost = pointAdmin(post, hq);
        String crossing = record(atPost, "ADMITTED");
        String traveller = atPost.get("/api/v1/crossings/" + crossing).json().get("travellerId").asString();
        ApiClient.Response issued = atPost.post("/api/v1/travellers/" + traveller + "/visas", ApiClient.json(Map.of(
                "visa", Map.of("number", "RP-" + UUID.randomUUID().toString().substring(0, 8), "type",
                        "RESIDENCE_PERMIT", "validUntil", LocalDate.now().plusYears(1).toString()))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String visa = issued.json().get("id").asString();
        ApiClient.Response extended = atPost.post("/api/v1/visas/" + visa + "/extensions", ApiClient.json(Map.of(
                "extraDays", 30, "reason", "Medical treatment")));
        assertThat(extended.status()).as(extended.body()).isIn(200, 201);

        JsonNode pushed = atPost.post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        ApiClient.Response there = admin(hq).get("/api/v1/visas/" + visa);
        assertThat(there.status()).as(there.body()).isEqualTo(200);
        assertThat(there.json().get("extensions")).isEqualTo(atPost.get("/api/v1/visas/" + visa).json().get("extensions"));
        assertThat(there.json().get("extensions").size()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void bringsASupervisorsIdentityDecisionsAndAGroupClosedWithoutACrossing() {
        ApiClient atPost = pointAdmin(post, hq);
        String name = surname();
        LocalDate born = LocalDate.of(1979, 6, 2);
        String first = Passports.td3("IRN", number(), name, "REZA", "IRN", born, 'M', LocalDate.now().plusYears(3));
        String renewed = Passports.td3("IRN", number(), name, "REZA", "IRN", born, 'M', LocalDate.now().plusYears(8));
        String a = record(atPost, "ADMITTED", first);
        String b = record(atPost, "ADMITTED", renewed);
        JsonNode crossingB = atPost.get("/api/v1/crossings/" + b).json();
        String together = crossingB.get("travellerId").asString();
        assertThat(atPost.get("/api/v1/crossings/" + a).json().get("travellerId").asString()).isEqualTo(together);
        String firstDocument = atPost.get("/api/v1/crossings/" + a).json().get("identity").get("documentId").asString();
        String renewedDocument = crossingB.get("identity").get("documentId").asString();
        // Headquarters holds both crossings, as one traveller, before the decisions are made.
        assertThat(atPost.post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();
        assertThat(admin(hq).get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(together);

        ApiClient.Response confirmed = atPost.post("/api/v1/travel-documents/" + firstDocument + "/identity/confirm",
                ApiClient.json(Map.of("reason", "Photo and fingerprints match")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        ApiClient.Response split = atPost.post("/api/v1/travel-documents/" + renewedDocument + "/identity/split",
                ApiClient.json(Map.of("reason", "Different person: photo does not match")));
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        String apart = split.json().get("id").asString();

        String group = UUID.randomUUID().toString();
        assertThat(atPost.post("/api/v1/groups", ApiClient.json(Map.of("id", group, "borderPoint", "ZRB",
                "direction", "ENTRY", "kind", "BUS", "vehicle", "12345 IR"))).status()).isEqualTo(201);
        assertThat(atPost.post("/api/v1/groups/" + group + "/close", "").status()).isEqualTo(200);

        JsonNode pushed = atPost.post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
        assertThat(pushed.get("acknowledged").asInt()).isEqualTo(3);

        ApiClient atHq = admin(hq);
        assertThat(atHq.get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(atHq.get("/api/v1/crossings/" + a).json().get("travellerId").asString()).isEqualTo(together);
        JsonNode there = atHq.get("/api/v1/travellers/" + apart).json();
        assertThat(there.get("documents").size()).isEqualTo(1);
        assertThat(there.get("documents").get(0).get("linkBasis").asString()).isEqualTo("SPLIT");
        assertThat(atHq.get("/api/v1/travellers/" + together).json().get("documents")).singleElement()
                .satisfies(d -> assertThat(d.get("linkBasis").asString()).isEqualTo("CONFIRMED"));
        JsonNode closed = atHq.get("/api/v1/groups/" + group).json();
        assertThat(closed.get("closedAt").isNull()).as(closed.toString()).isFalse();
        assertThat(closed.get("closedBy").asString()).isEqualTo("admin_zrb");

        // Applied again, the decisions change nothing.
        String decisions = post.getBean(JdbcClient.class).sql("""
                select jsonb_agg(payload order by seq)::text from sync.outbox where kind = 'IDENTITY'
                """).query(String.class).single();
        hq.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(
                tx -> hq.getBean(org.manfadh.bordercontrol.IdentityReplication.class).apply(decisions));
        assertThat(atHq.get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(hq.getBean(JdbcClient.class)
                .sql("select count(*) from bordercontrol.identity_decision where to_traveller = cast(:t as uuid)")
                .param("t", apart).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(8)
    void keepsASplitMadeAtHeadquartersAndBringsItToThePost() {
        ApiClient atPost = pointAdmin(post, hq);
        String name = surname();
        LocalDate born = LocalDate.of(1983, 11, 20);
        String first = Passports.td3("IRN", number(), name, "HOSSEIN", "IRN", born, 'M', LocalDate.now().plusYears(2));
        String other = Passports.td3("IRN", number(), name, "HOSSEIN", "IRN", born, 'M', LocalDate.now().plusYears(9));
        String a = record(atPost, "ADMITTED", first);
        String b = record(atPost, "ADMITTED", other);
        String together = atPost.get("/api/v1/crossings/" + a).json().get("travellerId").asString();
        assertThat(atPost.get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(together);
        String otherDocument = atPost.get("/api/v1/crossings/" + b).json().get("identity").get("documentId").asString();
        assertThat(atPost.post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();

        ApiClient atHq = admin(hq);
        ApiClient.Response split = atHq.post("/api/v1/travel-documents/" + otherDocument + "/identity/split",
                ApiClient.json(Map.of("reason", "Two brothers: the photos do not match")));
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        String apart = split.json().get("id").asString();

        // The post, which has not heard of the split, links the second passport to the one traveller again.
        String c = record(atPost, "ADMITTED", other);
        assertThat(atPost.get("/api/v1/crossings/" + c).json().get("travellerId").asString()).isEqualTo(together);
        JsonNode pushed = atPost.post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();

        assertThat(atHq.get("/api/v1/crossings/" + c).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(atHq.get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(atHq.get("/api/v1/crossings/" + a).json().get("travellerId").asString()).isEqualTo(together);
        assertThat(hq.getBean(JdbcClient.class).sql("""
                select count(*) from bordercontrol.identity_merge
                 where merged in (cast(:a as uuid), cast(:b as uuid)) or survivor in (cast(:a as uuid), cast(:b as uuid))
                """).param("a", together).param("b", apart).query(Long.class).single()).isZero();

        // The decision reaches the post with its next pull: the post now links the second passport apart too.
        JsonNode pulled = atPost.post("/api/v1/sync/pull", "").json();
        assertThat(pulled.get("error").isNull()).as(pulled.toString()).isTrue();
        assertThat(atPost.get("/api/v1/crossings/" + b).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(atPost.get("/api/v1/crossings/" + c).json().get("travellerId").asString()).isEqualTo(apart);
        assertThat(atPost.get("/api/v1/crossings/" + a).json().get("travellerId").asString()).isEqualTo(together);
        assertThat(atPost.get("/api/v1/travellers/" + apart).json().get("documents")).singleElement()
                .satisfies(d -> assertThat(d.get("linkBasis").asString()).isEqualTo("SPLIT"));
        String d = record(atPost, "ADMITTED", other);
        assertThat(atPost.get("/api/v1/crossings/" + d).json().get("travellerId").asString()).isEqualTo(apart);
        // Pulled again, nothing changes: every decision is applied once, the post's own included.
        long decisions = post.getBean(JdbcClient.class).sql("select count(*) from bordercontrol.identity_decision")
                .query(Long.class).single();
        assertThat(atPost.post("/api/v1/sync/pull", "").json().get("error").isNull()).isTrue();
        assertThat(post.getBean(JdbcClient.class).sql("select count(*) from bordercontrol.identity_decision")
                .query(Long.class).single()).isEqualTo(decisions);
        assertThat(atPost.post("/api/v1/sync/push", "").json().get("error").isNull()).isTrue();
        assertThat(atHq.get("/api/v1/crossings/" + d).json().get("travellerId").asString()).isEqualTo(apart);
    }

    @Test
    @Order(9)
    void refusesABatchWithARecordItsTablesCannotHoldAndAppliesNoneOfIt() {
        String crossing = record(pointAdmin(post, hq), "ADMITTED");
        ObjectNode exported = (ObjectNode) hq.getBean(JsonMapper.class)
                .readTree(post.getBean(CrossingReplication.class).export(UUID.fromString(crossing)).orElseThrow());
        String fresh = UUID.randomUUID().toString();
        String node = UUID.randomUUID().toString();
        // A record the new node could have made, but for one value.
        ((ObjectNode) exported.get("crossing")).put("id", fresh);
        for (String part : List.of("crossing", "document", "traveller")) {
            ((ObjectNode) exported.get(part)).put("node_id", node);
        }
        for (JsonNode decision : exported.get("decisions")) {
            ((ObjectNode) decision).put("id", UUID.randomUUID().toString()).put("crossing_id", fresh).put("node_id", node);
        }
        ((ObjectNode) exported.get("document")).put("date_of_expiry", "not a date");

        ApiClient.Response refused = admin(hq).post("/api/v1/sync/batches", batchOfOne(node, fresh, exported));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).endsWith("invalid-batch");
        assertThat(refused.json().get("detail").asString()).contains("not of its column's form")
                .doesNotContain("not a date");
        assertThat(admin(hq).get("/api/v1/crossings/" + fresh).status()).isEqualTo(404);
        assertThat(hq.getBean(JdbcClient.class).sql("select count(*) from sync.node_progress where node_id = cast(:n as uuid)")
                .param("n", node).query(Long.class).single()).isZero();

        exported.remove("traveller");
        ApiClient.Response withoutTraveller = admin(hq).post("/api/v1/sync/batches", batchOfOne(node, fresh, exported));
        assertThat(withoutTraveller.status()).isEqualTo(400);
        assertThat(withoutTraveller.json().get("detail").asString()).contains("traveller's ids");
    }

    /** A batch as a post sends it, holding one crossing record. */
    private static String batchOfOne(String node, String crossing, JsonNode payload) {
        return "{\"node\":\"" + node + "\",\"borderPoint\":\"ZRB\",\"records\":[{\"seq\":1,\"id\":\""
                + UUID.randomUUID() + "\",\"kind\":\"CROSSING\",\"recordId\":\"" + crossing + "\",\"payload\":"
                + payload + "}]}";
    }

    @Test
    void refusesBatchesFromAccountsThatAreNotNodes() {
        ApiClient.Response officer = new ApiClient(port(post)).as("officer", "manfadh-demo")
                .post("/api/v1/sync/batches", "{\"node\":\"" + UUID.randomUUID() + "\",\"records\":[]}");
        assertThat(officer.status()).isEqualTo(403);
    }

    /**
     * Every crossing reads the same, as a whole record with its decisions, at both ends, and
     * headquarters holds as many rows of each kind from the post's node as the post.
     */
    private static void assertSameRecords(List<String> ids) {
        assertSameCrossings(ids);
        UUID node = nodeId(post);
        assertThat(counts(hq, node)).isEqualTo(counts(post, node));
    }

    /** Every crossing reads the same, as a whole record with its decisions and screening, at both ends. */
    private static void assertSameCrossings(List<String> ids) {
        CrossingReplication atPost = post.getBean(CrossingReplication.class);
        CrossingReplication atHq = hq.getBean(CrossingReplication.class);
        for (String id : ids) {
            assertThat(atPost.export(UUID.fromString(id))).isPresent();
            assertThat(Nodes.withoutFirstSighting(atHq.export(UUID.fromString(id))))
                    .isEqualTo(Nodes.withoutFirstSighting(atPost.export(UUID.fromString(id))));
            assertThat(hq.getBean(ScreeningReplication.class).exportOfCrossing(UUID.fromString(id)))
                    .isPresent()
                    .isEqualTo(post.getBean(ScreeningReplication.class).exportOfCrossing(UUID.fromString(id)));
        }
    }

    /** Rows of each kind the post's node made, as held by one end. */
    private static Map<String, Long> counts(ConfigurableApplicationContext context, UUID node) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("bordercontrol.crossing", "bordercontrol.decision", "bordercontrol.traveller",
                "bordercontrol.travel_document", "bordercontrol.crossing_amendment", "screening.screening",
                "screening.hit", "screening.adjudication")) {
            counts.put(table, jdbc.sql("select count(*) from " + table + " where node_id = :node").param("node", node)
                    .query(Long.class).single());
        }
        return counts;
    }

    private static String record(ApiClient client, String decision) {
        return record(client, decision, passport());
    }

    private static String passport() {
        return Passports.td3(number(), surname(), "ALI REZA", "IRN", LocalDate.of(1985, 3, 14));
    }

    private static String record(ApiClient client, String decision, String mrz) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", mrz);
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", decision);
        ApiClient.Response response = client.post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String number() {
        return Passports.number('S');
    }

    private static String surname() {
        return Passports.surname("KARIMI", 6);
    }
}
