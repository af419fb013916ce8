package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
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
import org.manfadh.ManfadhApplication;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.Passports;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * One headquarters and one border post, each a whole application with its own embedded
 * PostgreSQL, in one JVM. The post records while headquarters is down; once it is up, a push
 * brings everything over, and a repeated batch changes nothing.
 */
class SyncIntegrationTests {

    private static ConfigurableApplicationContext post;
    private static ConfigurableApplicationContext hq;
    private static int hqPort;

    @BeforeAll
    static void startPostWithHeadquartersDown() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            hqPort = free.getLocalPort();
        }
        post = start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + hqPort, "manfadh.sync.interval=PT1H", "server.port=0");
    }

    @AfterAll
    static void stop() {
        if (post != null) {
            post.close();
        }
        if (hq != null) {
            hq.close();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ManfadhApplication.class).profiles("test").properties(properties).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ApiClient admin(ConfigurableApplicationContext context) {
        return new ApiClient(port(context)).asDemoAdmin();
    }

    @Test
    void bringsRecordsMadeWhileHeadquartersWasDownOnceAndOnlyOnce() {
        ApiClient atPost = admin(post);
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
        assertThat(owed.get("post").get("backlog").asLong()).isEqualTo(6);
        assertThat(owed.get("post").get("acknowledgedSeq").asLong()).isZero();

        hq = start("server.port=" + hqPort);
        ApiClient.Response pushed = atPost.post("/api/v1/sync/push", "");
        assertThat(pushed.json().get("error").isNull()).as(pushed.body()).isTrue();
        assertThat(pushed.json().get("acknowledged").asInt()).isEqualTo(6);

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
        Map<String, Long> before = counts(hq);
        post.getBean(JdbcClient.class).sql("update sync.push_state set acknowledged_seq = 0").update();
        ApiClient.Response again = atPost.post("/api/v1/sync/push", "");
        assertThat(again.json().get("error").isNull()).as(again.body()).isTrue();
        assertThat(counts(hq)).isEqualTo(before);
        assertSameRecords(ids);
    }

    @Test
    void refusesBatchesFromAccountsThatAreNotNodes() {
        ApiClient.Response officer = new ApiClient(port(post)).as("officer", "manfadh-demo")
                .post("/api/v1/sync/batches", "{\"node\":\"" + UUID.randomUUID() + "\",\"records\":[]}");
        assertThat(officer.status()).isEqualTo(403);
    }

    /** Every crossing reads the same, as a whole record with its decisions, at both ends. */
    private static void assertSameRecords(List<String> ids) {
        CrossingReplication atPost = post.getBean(CrossingReplication.class);
        CrossingReplication atHq = hq.getBean(CrossingReplication.class);
        for (String id : ids) {
            assertThat(atPost.export(UUID.fromString(id))).isPresent();
            assertThat(atHq.export(UUID.fromString(id))).isEqualTo(atPost.export(UUID.fromString(id)));
        }
        Map<String, Long> postCounts = counts(post);
        assertThat(counts(hq)).isEqualTo(postCounts);
    }

    private static Map<String, Long> counts(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("crossing", "decision", "traveller", "travel_document", "crossing_amendment")) {
            counts.put(table, jdbc.sql("select count(*) from bordercontrol." + table).query(Long.class).single());
        }
        return counts;
    }

    private static String record(ApiClient client, String decision) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(number(), surname(), "ALI REZA", "IRN", LocalDate.of(1985, 3, 14)));
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", decision);
        ApiClient.Response response = client.post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String number() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "S" + (char) ('A' + r.nextInt(26)) + String.format("%07d", r.nextInt(10_000_000));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("KARIMI");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + r.nextInt(26)));
        }
        return s.toString();
    }
}
