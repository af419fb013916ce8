package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Capacity building's records are kept at headquarters: at a border post every write through the API answers
 * 409 {@code hq-only} before anything else is looked at (equipment, premises, SOPs, their adoption and audits),
 * and reads work.
 */
class CapacityAtPostIntegrationTests {

    private static ConfigurableApplicationContext post;

    @BeforeAll
    static void startAPost() throws Exception {
        int nowhere;
        try (ServerSocket free = new ServerSocket(0)) {
            nowhere = free.getLocalPort();
        }
        post = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + nowhere, "manfadh.sync.interval=PT1H", "server.port=0",
                "manfadh.data-dir=target/test-data/capacity-post-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        if (post != null) {
            post.close();
        }
    }

    @Test
    void refusesEveryChangeAtAPostAndStillReads() {
        ApiClient manager = new ApiClient(Nodes.port(post)).as("capacity_manager", "manfadh-demo");
        List<ApiClient.Response> writes = List.of(
                manager.post("/api/v1/capacity/equipment", ApiClient.json(Map.of("type", "DOCUMENT_READER",
                        "serialNumber", "POST1", "borderPoint", "ZRB", "status", "DEPLOYED", "lane", "1"))),
                manager.post("/api/v1/capacity/equipment/" + UUID.randomUUID() + "/status", "{\"status\": \"BROKEN\"}"),
                manager.post("/api/v1/capacity/premises", ApiClient.json(Map.of("borderPoint", "ZRB", "title", "Hall",
                        "budget", 100))),
                manager.post("/api/v1/capacity/premises/" + UUID.randomUUID() + "/spend", ApiClient.json(Map.of(
                        "spentOn", LocalDate.now().toString(), "amount", 5))));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:manfadh:problem:hq-only");
        }
        ApiClient.Response supervisor = new ApiClient(Nodes.port(post)).as("supervisor", "manfadh-demo")
                .post("/api/v1/capacity/equipment/" + UUID.randomUUID() + "/status", "{\"status\": \"BROKEN\"}");
        assertThat(supervisor.status()).isEqualTo(409);
        assertThat(manager.get("/api/v1/capacity/equipment?borderPoint=ZRB").status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/capacity/premises").status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/capacity/equipment/availability?borderPoint=ZRB").status()).isEqualTo(200);
    }

    @Test
    void refusesEveryWriteAtAPostAsHeadquartersOnlyAndStillReads() {
        ApiClient manager = new ApiClient(Nodes.port(post)).as("capacity_manager", "manfadh-demo");
        String sop = "/api/v1/capacity/sops/" + UUID.randomUUID();
        Map<String, String> writes = Map.of(
                "/api/v1/capacity/sops", ApiClient.json(Map.of("code", "PI-09", "kind", "OTHER",
                        "title", Map.of("en", "x"), "version", Map.of("body", Map.of("en", "x")))),
                sop + "/versions", ApiClient.json(Map.of("body", Map.of("en", "x"))),
                sop + "/retire", "",
                sop + "/adoptions", ApiClient.json(Map.of("borderPoint", "ZRB", "stage", "TRAINED")),
                sop + "/audits", ApiClient.json(Map.of("borderPoint", "ZRB", "auditedOn", "2026-01-05",
                        "auditor", "x", "answers", List.of(Map.of("item", 1, "result", "MET")))));
        writes.forEach((path, body) -> {
            ApiClient.Response refused = manager.post(path, body);
            assertThat(refused.status()).as(path).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).as(path).isEqualTo("urn:manfadh:problem:hq-only");
        });
        assertThat(manager.get("/api/v1/capacity/sops").status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/capacity/sops/adoption").status()).isEqualTo(200);
    }
}
