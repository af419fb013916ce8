package org.manfadh.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Screening rules as data: a standing rule made, applied at the booth at once, its least outcome enforced, and
 * set aside again; the seeded yellow fever certificate rule; the outcomes statistics count.
 */
@ManfadhIntegrationTest
class HealthRulesApiIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    HealthOutcomes outcomes;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "manfadh-demo");
    }

    private ApiClient.Response patch(String path, Object body) {
        return as("health_officer").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    private static Map<String, Object> entry(Map<String, Object> transport, List<Map<String, Object>> visited) {
        StringBuilder surname = new StringBuilder("TABUNA");
        for (int i = 0; i < 6; i++) {
            surname.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('N'), surname.toString(), "ALOFA", "JOR", LocalDate.of(1979, 9, 9)));
        body.put("purpose", "TOURISM");
        body.put("transport", transport);
        body.put("visited", visited);
        body.put("decision", "ADMITTED");
        body.put("visa", Map.of("number", "V" + Passports.number('V'), "type", "VISA_ON_ARRIVAL",
                "permittedStayDays", 30));
        return body;
    }

    private ApiClient.Response record(Map<String, Object> body) {
        return as("officer").post("/api/v1/crossings", ApiClient.json(body));
    }

    @Test
    void appliesAStandingRuleAtOnceEnforcesItsLeastOutcomeAndStopsWhenSetAside() {
        String code = "NAURU_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("code", code);
        input.put("name", Map.of("en", "Nauru arrivals", "ar", "القادمون من ناورو", "ckb", "هاتووان لە ناورو"));
        input.put("countries", List.of("NRU"));
        input.put("routes", List.of("DECLARED"));
        input.put("windowDays", 10);
        input.put("measureTemperature", true);
        input.put("onFever", "ISOLATED");
        input.put("referralFacility", "Al-Kindi quarantine unit");
        ApiClient.Response created = as("health_officer").post("/api/v1/health/rules", ApiClient.json(input));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String ruleId = created.json().get("id").asString();
        assertThat(as("health_officer").post("/api/v1/health/rules", ApiClient.json(input)).status()).isEqualTo(409);

        List<Map<String, Object>> fromNauru = List.of(Map.of("country", "NRU",
                "left", LocalDate.now(BAGHDAD).minusDays(3).toString()));
        Map<String, Object> bus = Map.of("mode", "BUS", "reference", "77 IQ");
        ApiClient.Response unscreened = record(entry(bus, fromNauru));
        assertThat(unscreened.status()).as(unscreened.body()).isEqualTo(422);
        assertThat(unscreened.json().get("alerts").toString()).contains(code);

        Map<String, Object> referred = entry(bus, fromNauru);
        referred.put("healthScreening", Map.of("temperatureC", 38.2, "outcome", "REFERRED"));
        ApiClient.Response milder = record(referred);
        assertThat(milder.status()).as(milder.body()).isEqualTo(400);
        assertThat(milder.json().get("fields").toString()).contains("healthScreening.outcome", "ISOLATED", code);

        Map<String, Object> isolated = entry(bus, fromNauru);
        isolated.put("healthScreening", Map.of("temperatureC", 38.2, "outcome", "ISOLATED"));
        ApiClient.Response held = record(isolated);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("health").asString()).isEqualTo("HOLD");
        UUID crossing = UUID.fromString(held.json().get("id").asString());
        assertThat(outcomes.of(List.of(crossing))).containsEntry(crossing, HealthOutcomes.Counted.ISOLATED);

        // An isolation decided keeps the hold; a referral names the rule's facility and releases it.
        ApiClient.Response stillIsolated = as("health_officer").post("/api/v1/health/holds/" + crossing + "/decisions",
                "{\"outcome\":\"ISOLATED\"}");
        assertThat(stillIsolated.json().get("held").asBoolean()).isTrue();
        ApiClient.Response released = as("health_officer").post("/api/v1/health/holds/" + crossing + "/decisions",
                "{\"outcome\":\"REFERRED\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("decisions").get(1).get("facility").asString())
                .isEqualTo("Al-Kindi quarantine unit");
        assertThat(outcomes.of(List.of(crossing))).containsEntry(crossing, HealthOutcomes.Counted.REFERRED);

        ApiClient.Response off = patch("/api/v1/health/rules/" + ruleId, Map.of("active", false));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(record(entry(bus, fromNauru)).status()).isEqualTo(201);
        // Left eleven days ago is outside the window anyway.
        ApiClient.Response renamed = patch("/api/v1/health/rules/" + ruleId, Map.of("code", "OTHER"));
        assertThat(renamed.status()).isEqualTo(400);
    }

    @Test
    void refusesAnIncompleteRuleByField() {
        ApiClient.Response empty = as("health_officer").post("/api/v1/health/rules", "{}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().get("fields").toString())
                .contains("\"code\"", "\"name\"", "\"countries\"", "\"windowDays\"", "\"measureTemperature\"");
        ApiClient.Response cleared = as("health_officer").post("/api/v1/health/rules", ApiClient.json(Map.of(
                "code", "NEVER_SAVED", "name", Map.of("en", "x", "ar", "x", "ckb", "x"), "countries", List.of("NRU"),
                "windowDays", 3, "measureTemperature", true, "onFever", "CLEARED")));
        assertThat(cleared.json().get("fields").toString()).contains("onFever");
    }

    @Test
    void asksForTheYellowFeverCertificateOfAnArrivalFromAnEndemicCountry() {
        Map<String, Object> flight = Map.of("mode", "AIR", "reference", "ET3810", "origin", "NGA");
        Map<String, Object> unanswered = entry(flight, List.of());
        unanswered.put("healthScreening", Map.of("outcome", "CLEARED"));
        ApiClient.Response noAnswer = record(unanswered);
        assertThat(noAnswer.status()).as(noAnswer.body()).isEqualTo(400);
        assertThat(noAnswer.json().get("fields").toString()).contains("healthScreening.yellowFeverCertificate");

        Map<String, Object> none = entry(flight, List.of());
        none.put("healthScreening", Map.of("yellowFeverCertificate", "NONE", "outcome", "CLEARED"));
        assertThat(record(none).json().get("fields").toString()).contains("healthScreening.outcome", "SECONDARY");

        Map<String, Object> valid = entry(flight, List.of());
        valid.put("healthScreening", Map.of("yellowFeverCertificate", "VALID", "outcome", "CLEARED"));
        ApiClient.Response admitted = record(valid);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        assertThat(admitted.json().get("health").asString()).isEqualTo("CLEARED");
        JsonNode detail = as("health_officer").get("/api/v1/health/screenings/" + admitted.json().get("id").asString())
                .json();
        assertThat(detail.get("ruleCodes").toString()).contains("YELLOW_FEVER_CERTIFICATE");
        assertThat(detail.get("alertIds").size()).isZero();
        assertThat(detail.get("yellowFeverCertificate").asString()).isEqualTo("VALID");
    }
}
