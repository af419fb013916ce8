package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** An arrival's route (origin, transit, the countries a traveller declares) as the register takes and keeps it. */
@ManfadhIntegrationTest
class CrossingRouteIntegrationTests {

    @LocalServerPort
    int port;

    private ApiClient officer() {
        return new ApiClient(port).as("officer", "manfadh-demo");
    }

    private static Map<String, Object> entry(Map<String, Object> transport, List<Map<String, Object>> visited) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("R" + String.format("%07d", r.nextInt(10_000_000)),
                "ROUTE" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)),
                "HASSAN", "IRN", LocalDate.of(1979, 6, 2)));
        body.put("transport", transport);
        if (visited != null) {
            body.put("visited", visited);
        }
        body.put("decision", "ADMITTED");
        return body;
    }

    @Test
    void keepsTheOriginAndTransitOfAnArrival() {
        var response = officer().post("/api/v1/crossings", ApiClient.json(entry(
                Map.of("mode", "BUS", "reference", "IR 4471", "origin", "irn", "via", List.of("TUR")),
                List.of(Map.of("country", "AFG", "left", LocalDate.now().minusDays(9).toString())))));

        assertThat(response.status()).isEqualTo(201);
        JsonNode transport = response.json().path("transport");
        assertThat(transport.path("origin").asString()).isEqualTo("IRN");
        assertThat(transport.path("via").get(0).asString()).isEqualTo("TUR");

        String id = response.json().path("id").asString();
        JsonNode again = officer().get("/api/v1/crossings/" + id).json();
        assertThat(again.path("transport").path("origin").asString()).isEqualTo("IRN");
        assertThat(again.path("transport").path("via").size()).isEqualTo(1);
    }

    @Test
    void refusesUnknownCountriesOnTheRouteNamingEach() {
        var response = officer().post("/api/v1/crossings", ApiClient.json(entry(
                Map.of("mode", "AIR", "reference", "IA 112", "origin", "XXY", "via", List.of("TUR", "QQQ")),
                List.of(Map.of("country", "ZZZ")))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("transport.origin").contains("transport.via[1]")
                .contains("visited[0].country").doesNotContain("transport.via[0]");
    }

    @Test
    void refusesADeclaredDayAfterTheCrossing() {
        var response = officer().post("/api/v1/crossings", ApiClient.json(entry(Map.of("mode", "BUS"),
                List.of(Map.of("country", "AFG", "left", LocalDate.now(java.time.ZoneId.of("Asia/Baghdad")).plusDays(2).toString())))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("visited[0].left").contains("is after the crossing");
    }

    @Test
    void refusesAHealthScreeningNoRuleAsksFor() {
        Map<String, Object> body = entry(Map.of("mode", "BUS", "reference", "IR 4471"), null);
        body.put("healthScreening", Map.of("temperatureC", 36.8, "symptoms", List.of(), "outcome", "CLEARED"));

        var response = officer().post("/api/v1/crossings", ApiClient.json(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("healthScreening").contains("no health screening rule applies");
    }
}
