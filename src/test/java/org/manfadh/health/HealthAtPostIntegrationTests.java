package org.manfadh.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.Passports;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * A border post with headquarters out of reach: it changes no alert or rule (they are made at headquarters), and
 * still screens with the rules it holds and decides on its own holds.
 */
class HealthAtPostIntegrationTests {

    private static ConfigurableApplicationContext post;

    @BeforeAll
    static void startAPostWithoutHeadquarters() throws Exception {
        int nowhere;
        try (ServerSocket free = new ServerSocket(0)) {
            nowhere = free.getLocalPort();
        }
        post = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + nowhere, "manfadh.sync.interval=PT1H", "server.port=0",
                "manfadh.data-dir=target/test-data/health-post-" + UUID.randomUUID());
        // As headquarters would have published it before the link went: the yellow fever rule switched on.
        post.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update health.rule set active = true where code = 'YELLOW_FEVER_CERTIFICATE'").update();
        post.publishEvent(new HealthRulesChanged());
    }

    @AfterAll
    static void stop() {
        if (post != null) {
            post.close();
        }
    }

    private static ApiClient as(String user) {
        return new ApiClient(Nodes.port(post)).as(user, "manfadh-demo");
    }

    @Test
    void refusesToChangeAlertsOrRulesAtAPost() {
        ApiClient.Response alert = as("health_officer").post("/api/v1/health/alerts", ApiClient.json(Map.of(
                "disease", "EBOLA", "countries", List.of("COD"), "validFrom", "2026-12-01")));
        assertThat(alert.status()).as(alert.body()).isEqualTo(409);
        assertThat(alert.json().get("type").asString()).isEqualTo("urn:manfadh:problem:hq-only");

        String ruleId = as("health_officer").get("/api/v1/health/rules").json().get(0).get("id").asString();
        ApiClient.Response change = as("health_officer").send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + Nodes.port(post) + "/api/v1/health/rules/" + ruleId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"active\":false}")));
        assertThat(change.status()).isEqualTo(409);
        assertThat(as("officer").get("/api/v1/health/rules").json().get(0).get("active").asBoolean()).isTrue();
    }

    @Test
    void screensAndDecidesWithTheRulesItHolds() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('G'), "MENSAH", "KOFI", "GHA", LocalDate.of(1990, 2, 2)));
        body.put("transport", Map.of("mode", "AIR", "reference", "KQ310", "origin", "GHA"));
        body.put("decision", "ADMITTED");
        body.put("visa", Map.of("number", "V" + Passports.number('V'), "type", "VISA_ON_ARRIVAL", "permittedStayDays", 30));
        body.put("healthScreening", Map.of("yellowFeverCertificate", "NONE", "outcome", "SECONDARY"));

        ApiClient.Response held = as("officer").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("health").asString()).isEqualTo("HOLD");

        ApiClient.Response national = as("health_officer").post("/api/v1/health/holds/" + body.get("id")
                + "/decisions", "{\"outcome\":\"CLEARED\",\"notes\":\"vaccinated at the post\"}");
        assertThat(national.status()).as("the national health officer is not sent to posts: " + national.body())
                .isEqualTo(403);
        ApiClient.Response decided = as("health_officer_zrb").post("/api/v1/health/holds/" + body.get("id")
                + "/decisions", "{\"outcome\":\"CLEARED\",\"notes\":\"vaccinated at the post\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode crossing = as("officer").get("/api/v1/crossings/" + body.get("id")).json();
        assertThat(crossing.get("health").asString()).isEqualTo("CLEARED");
    }
}
