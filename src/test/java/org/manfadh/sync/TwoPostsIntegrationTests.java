package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.admin;
import static org.manfadh.Nodes.eventually;
import static org.manfadh.Nodes.nodeId;
import static org.manfadh.Nodes.port;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.screening.WatchlistReplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Headquarters and two posts, each a whole application with its own embedded PostgreSQL: a
 * federal post (Zurbatiyah) and a Kurdistan Region post (Ibrahim Khalil) whose clock runs seven
 * hours ahead. Both ask headquarters every two seconds, as a connected post does every minute.
 * Headquarters takes records dated up to eight hours ahead of its clock here, so that the post whose
 * clock is wrong still delivers (HostilePostIntegrationTests has the default tolerance refuse them).
 */
class TwoPostsIntegrationTests {

    private static ConfigurableApplicationContext hq;
    private static ConfigurableApplicationContext federal;
    private static ConfigurableApplicationContext kri;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString();
        hq = Nodes.start("server.port=0", "manfadh.sync.clock-tolerance=PT8H",
                "manfadh.data-dir=target/test-data/two-posts-hq-" + run);
        String hqUrl = "http://localhost:" + port(hq);
        federal = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB", "manfadh.sync.hq-url=" + hqUrl,
                "manfadh.sync.interval=PT2S", "server.port=0", "manfadh.data-dir=target/test-data/two-posts-zrb-" + run);
        kri = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=IBK", "manfadh.sync.hq-url=" + hqUrl,
                "manfadh.sync.interval=PT2S", "manfadh.clock-offset=PT7H", "server.port=0",
                "manfadh.data-dir=target/test-data/two-posts-ibk-" + run);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {kri, federal, hq}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void watchlistChangesAtHeadquartersReachThePostsThatScreenAgainstThemAndTheirScreeningUsesThem() {
        String both = surname();
        String federalOnly = surname();
        UUID bothList = list("BOTH", both);
        UUID federalList = list("FEDERAL", federalOnly);

        eventually(() -> hit(federal, both) && hit(federal, federalOnly) && hit(kri, both),
                "both posts screen against the new lists");
        assertThat(hit(kri, federalOnly)).as("a Kurdistan Region post does not receive a federal list").isFalse();
        assertThat(versions(kri)).containsKey(bothList).doesNotContainKey(federalList);
        assertThat(versions(federal)).containsEntry(bothList, versions(hq).get(bothList))
                .containsEntry(federalList, versions(hq).get(federalList));
        // Headquarters knows which versions each post holds from the post's next question.
        pull(federal);
        String federalNode = nodeId(federal).toString();
        JsonNode nodes = admin(hq).get("/api/v1/sync/status").json().get("nodes");
        JsonNode atFederal = null;
        for (JsonNode n : nodes) {
            if (n.get("nodeId").asString().equals(federalNode)) {
                atFederal = n;
            }
        }
        assertThat(atFederal).as(nodes.toString()).isNotNull();
        assertThat(atFederal.get("watchlistsBehind").asInt()).as(atFederal.toString()).isZero();
        assertThat(admin(federal).get("/api/v1/sync/status").json().get("post").get("received").get("watchlists")
                .toString()).contains(bothList.toString()).contains(federalList.toString());

        // A removal is a new version, and travels like any other.
        ApiClient manager = admin(hq);
        String entry = manager.get("/api/v1/watchlists/" + bothList + "/entries").json().get("content").get(0)
                .get("id").asString();
        ApiClient.Response removed = manager.post("/api/v1/watchlists/" + bothList + "/entries/" + entry + "/remove",
                ApiClient.json(Map.of("reason", "Listing withdrawn by the originating agency")));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        eventually(() -> !hit(federal, both) && !hit(kri, both), "both posts stop matching the removed entry");
        assertThat(versions(federal).get(bothList)).isEqualTo(versions(hq).get(bothList));
        assertThat(admin(federal).get("/api/v1/watchlists/" + bothList + "/changes").json().get("page").get("totalElements").asLong())
                .isEqualTo(admin(hq).get("/api/v1/watchlists/" + bothList + "/changes").json().get("page").get("totalElements").asLong());
    }

    @Test
    void accountsMadeAtHeadquartersSignInAtTheirPostOnlyAndADisabledOneNoLonger() {
        String username = "zrb_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String password = "a long enough password " + username;
        ApiClient.Response created = admin(hq).post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", password, "roles", List.of("OFFICER"),
                "jurisdiction", Map.of("authority", "FEDERAL", "borderPoints", List.of("ZRB")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        pull(federal);
        pull(kri);
        assertThat(new ApiClient(port(federal)).as(username, password).get("/api/v1/border-points").status())
                .isEqualTo(200);
        assertThat(new ApiClient(port(kri)).as(username, password).get("/api/v1/border-points").status())
                .as("an account working at Zurbatiyah is not sent to Ibrahim Khalil").isEqualTo(401);

        ApiClient.Response disabled = admin(hq).send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port(hq) + "/api/v1/users/" + username))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        pull(federal);
        assertThat(new ApiClient(port(federal)).as(username, password).get("/api/v1/border-points").status())
                .isEqualTo(401);
    }

    @Test
    void headquartersHoldsTheUnionOfBothPostsRecordsWhateverTheirClocksSay() {
        List<String> atFederal = new ArrayList<>();
        List<String> atKri = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atFederal.add(record(federal, "ZRB"));
            atKri.add(record(kri, "IBK"));
        }
        push(federal);
        push(kri);
        CrossingReplication there = hq.getBean(CrossingReplication.class);
        // As made, but for the traveller's first sighting, which is headquarters' own.
        for (String id : atFederal) {
            assertThat(Nodes.withoutFirstSighting(there.export(UUID.fromString(id))))
                    .isEqualTo(Nodes.withoutFirstSighting(federal.getBean(CrossingReplication.class).export(UUID.fromString(id))));
        }
        for (String id : atKri) {
            assertThat(Nodes.withoutFirstSighting(there.export(UUID.fromString(id))))
                    .isEqualTo(Nodes.withoutFirstSighting(kri.getBean(CrossingReplication.class).export(UUID.fromString(id))));
        }
        // The Kurdistan Region post's records carry its own (fast) clock; headquarters keeps them as made.
        JsonNode late = admin(hq).get("/api/v1/crossings/" + atKri.getFirst()).json();
        JsonNode early = admin(hq).get("/api/v1/crossings/" + atFederal.getFirst()).json();
        assertThat(java.time.Instant.parse(late.get("recordedAt").asString()))
                .isAfter(java.time.Instant.parse(early.get("recordedAt").asString()).plus(Duration.ofHours(6)));
        // Headquarters works out the posts' travellers' stays in the background, the same as the post did.
        String traveller = traveller(hq, atFederal.getFirst());
        JdbcClient hqDb = hq.getBean(JdbcClient.class);
        JdbcClient postDb = federal.getBean(JdbcClient.class);
        String stays = "select entry_crossing_id::text || ' ' || last_legal_day from bordercontrol.stay where traveller_id = :id";
        eventually(() -> !hqDb.sql(stays).param("id", UUID.fromString(traveller)).query(String.class).list().isEmpty(),
                "headquarters works out the stay of a post's traveller");
        assertThat(hqDb.sql(stays).param("id", UUID.fromString(traveller)).query(String.class).list())
                .isEqualTo(postDb.sql(stays).param("id", UUID.fromString(traveller)).query(String.class).list());
        for (ConfigurableApplicationContext post : List.of(federal, kri)) {
            UUID node = nodeId(post);
            assertThat(count(hq, node)).isEqualTo(count(post, node)).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aTravellerFirstSeenAtBothPostsBecomesOnePersonAtHeadquartersAndTheMergeReachesThePosts() {
        String surname = surname();
        String passport = Passports.td3(number(), surname, "ZAINAB", "IRN", LocalDate.of(1990, 1, 20));
        String atFederal = record(federal, "ZRB", passport);
        String atKri = record(kri, "IBK", passport);
        // A new passport of the same person: same name, full date of birth and nationality.
        String renewed = record(kri, "IBK", Passports.td3(number(), surname, "ZAINAB", "IRN", LocalDate.of(1990, 1, 20)));
        assertThat(traveller(federal, atFederal)).isNotEqualTo(traveller(kri, atKri));

        push(federal);
        push(kri);
        String person = traveller(hq, atFederal);
        assertThat(traveller(hq, atKri)).isEqualTo(person);
        assertThat(traveller(hq, renewed)).isEqualTo(person);

        pull(federal);
        pull(kri);
        assertThat(traveller(kri, atKri)).isEqualTo(person);
        assertThat(traveller(kri, renewed)).isEqualTo(person);
        assertThat(traveller(federal, atFederal)).isEqualTo(person);
        JsonNode profile = admin(kri).get("/api/v1/travellers/" + person).json();
        assertThat(profile.get("crossings").size()).as(profile.toString()).isEqualTo(2);
        // Asking again changes nothing.
        pull(kri);
        assertThat(traveller(kri, atKri)).isEqualTo(person);
    }

    @Test
    void aStayRuleAddedAtHeadquartersReachesThePostsWhichAddNoneOfTheirOwn() {
        String from = LocalDate.now().plusDays(10 + ThreadLocalRandom.current().nextInt(300)).toString();
        Map<String, Object> rule = Map.of("nationality", "PAK", "visaType", "VISA_ON_ARRIVAL", "permittedDays", 45,
                "effectiveFrom", from, "note", "Pilgrimage season");
        ApiClient.Response added = admin(hq).post("/api/v1/stay-rules", ApiClient.json(rule));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        pull(federal);
        pull(kri);
        for (ConfigurableApplicationContext post : List.of(federal, kri)) {
            assertThat(admin(post).get("/api/v1/stay-rules?size=200").body()).contains(id);
        }
        ApiClient.Response refused = admin(federal).post("/api/v1/stay-rules", ApiClient.json(Map.of(
                "nationality", "PAK", "visaType", "VISA_ON_ARRIVAL", "permittedDays", 60, "effectiveFrom",
                LocalDate.now().plusDays(400).toString())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    }

    @Test
    void aNodesOwnCredentialsSpeakForItsBorderPointOnlyUntilRevoked() {
        ApiClient.Response issued = admin(hq).post("/api/v1/sync/nodes", ApiClient.json(Map.of("borderPoint", "SFW")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String username = issued.json().get("username").asString();
        ApiClient node = new ApiClient(port(hq)).as(username, issued.json().get("password").asString());
        String feed = "{\"node\":\"" + UUID.randomUUID() + "\",\"borderPoint\":\"%s\",\"watchlists\":[]}";
        assertThat(node.post("/api/v1/sync/feed", feed.formatted("SFW")).status()).isEqualTo(200);
        assertThat(node.post("/api/v1/sync/feed", feed.formatted("ZRB")).status()).isEqualTo(403);
        assertThat(node.post("/api/v1/sync/batches", "{\"node\":\"" + UUID.randomUUID()
                + "\",\"borderPoint\":\"ZRB\",\"records\":[]}").status()).isEqualTo(403);
        assertThat(node.get("/api/v1/users").status()).as("a node is not an administrator").isEqualTo(403);

        ApiClient.Response revoked = admin(hq).post("/api/v1/sync/nodes/" + username + "/revoke", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(node.post("/api/v1/sync/feed", feed.formatted("SFW")).status()).isEqualTo(401);
        assertThat(admin(hq).post("/api/v1/sync/nodes", ApiClient.json(Map.of("borderPoint", "XXX"))).status())
                .isEqualTo(400);
    }

    @Test
    void aPostWhoseDiskWasLostTakesBackItsRecordsFromHeadquartersWithoutDuplicatingAny() {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(record(federal, "ZRB"));
        }
        push(federal);
        long atHq = hq.getBean(JdbcClient.class)
                .sql("select count(*) from bordercontrol.crossing where border_point = 'ZRB'").query(Long.class).single();
        ConfigurableApplicationContext rebuilt = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + port(hq), "manfadh.sync.interval=PT1H", "server.port=0",
                "manfadh.data-dir=target/test-data/two-posts-zrb-rebuilt-" + UUID.randomUUID());
        try {
            pull(rebuilt);
            CrossingReplication there = rebuilt.getBean(CrossingReplication.class);
            for (String id : before) {
                assertThat(there.export(UUID.fromString(id)))
                        .isEqualTo(hq.getBean(CrossingReplication.class).export(UUID.fromString(id)));
            }
            assertThat(rebuilt.getBean(JdbcClient.class)
                    .sql("select count(*) from bordercontrol.crossing where border_point = 'ZRB'").query(Long.class)
                    .single()).isEqualTo(atHq);
            // What came back is not owed back; what the rebuilt post records next is.
            assertThat(admin(rebuilt).get("/api/v1/sync/status").json().get("post").get("backlog").asLong()).isZero();
            String after = record(rebuilt, "ZRB");
            push(rebuilt);
            assertThat(hq.getBean(JdbcClient.class)
                    .sql("select count(*) from bordercontrol.crossing where border_point = 'ZRB'").query(Long.class)
                    .single()).isEqualTo(atHq + 1);
            assertThat(admin(hq).get("/api/v1/crossings/" + after).status()).isEqualTo(200);
        } finally {
            rebuilt.close();
        }
    }

    // ---- helpers

    private static String traveller(ConfigurableApplicationContext node, String crossing) {
        ApiClient.Response found = admin(node).get("/api/v1/crossings/" + crossing);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("travellerId").asString();
    }




    /** A list of one person, made at headquarters by import. */
    private static UUID list(String authority, String surname) {
        ApiClient atHq = admin(hq);
        ApiClient.Response created = atHq.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Alerts " + authority + " " + UUID.randomUUID(), "kind", "NATIONAL_ALERT",
                "actionOnHit", "REFER", "authority", authority)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        ApiClient.Response imported = atHq.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port(hq) + "/api/v1/watchlists/" + id + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                        A-1,,%s,HASSAN ALI,,,1979-06-02,IRN,M,,,
                        """.formatted(surname))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = new ApiClient(port(hq)).as("watchlist_manager", "manfadh-demo").post(
                "/api/v1/watchlists/" + id + "/pending/" + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static boolean hit(ConfigurableApplicationContext node, String surname) {
        ApiClient.Response checked = admin(node).post("/api/v1/screening/check", ApiClient.json(Map.of(
                "surname", surname, "givenNames", "HASSAN ALI", "dateOfBirth", "1979-06-02", "nationality", "IRN")));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        return checked.json().get("outcome").asString().equals("HIT");
    }

    private static Map<UUID, Long> versions(ConfigurableApplicationContext node) {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        node.getBean(WatchlistReplication.class).lists().forEach(l -> versions.put(l.id(), l.version()));
        return versions;
    }

    private static void pull(ConfigurableApplicationContext post) {
        JsonNode pulled = admin(post).post("/api/v1/sync/pull", "").json();
        assertThat(pulled.get("error").isNull()).as(pulled.toString()).isTrue();
    }

    private static void push(ConfigurableApplicationContext post) {
        JsonNode pushed = admin(post).post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
    }

    private static long count(ConfigurableApplicationContext context, UUID node) {
        return context.getBean(JdbcClient.class).sql("select count(*) from bordercontrol.crossing where node_id = :node")
                .param("node", node).query(Long.class).single();
    }

    private static String record(ConfigurableApplicationContext post, String borderPoint) {
        return record(post, borderPoint, Passports.td3(number(), surname(), "ALI REZA", "IRN", LocalDate.of(1985, 3, 14)));
    }

    private static String record(ConfigurableApplicationContext post, String borderPoint, String mrz) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", borderPoint);
        body.put("direction", "ENTRY");
        body.put("mrz", mrz);
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", "ADMITTED");
        ApiClient.Response response = Nodes.pointAdmin(post, hq).post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String number() {
        return Passports.number('T');
    }

    private static String surname() {
        return Passports.surname("QASIMI", 6);
    }
}
