package org.manfadh.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The core-capacity self-assessment through the API: the checklist, scoring, history, mistakes and jurisdiction. */
@ManfadhIntegrationTest
class CapacityApiIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    private ApiClient healthOfficer() {
        return new ApiClient(port).as("health_officer", "manfadh-demo");
    }

    private List<JsonNode> items() {
        ApiClient.Response r = healthOfficer().get("/api/v1/health/capacity/checklist");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    /** Every item answered: YES where {@code yes} holds, else the given answer. */
    private static List<Map<String, Object>> answers(List<JsonNode> items, java.util.function.Function<JsonNode, String> answer) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("item", item.get("code").asString());
            a.put("answer", answer.apply(item));
            answers.add(a);
        }
        return answers;
    }

    private static String body(String point, LocalDate on, List<Map<String, Object>> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("borderPoint", point);
        body.put("assessedOn", on.toString());
        body.put("answers", answers);
        body.put("notes", "Walked through with the airport operator");
        return ApiClient.json(body);
    }

    @Test
    void scoresAnAssessmentOverallAndByAreaAndKeepsItsHistoryNewestFirst() {
        List<JsonNode> items = items();
        assertThat(items).hasSizeBetween(30, 45);
        LocalDate today = LocalDate.now(BAGHDAD);

        // Routine all YES, emergency all PARTIAL, coordination all NOT_APPLICABLE.
        ApiClient.Response first = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("BGW", today.minusDays(200), answers(items, i -> switch (i.get("area").asString()) {
                    case "ROUTINE" -> "YES";
                    case "EMERGENCY" -> "PARTIAL";
                    default -> "NOT_APPLICABLE";
                })));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode score = first.json().get("score");
        assertThat(score.get("areas").get("ROUTINE").asDouble()).isEqualTo(100.0);
        assertThat(score.get("areas").get("EMERGENCY").asDouble()).isEqualTo(50.0);
        assertThat(score.get("areas").get("COORDINATION").isNull()).isTrue();
        double routine = weight(items, "ROUTINE");
        double emergency = weight(items, "EMERGENCY");
        double expected = Math.round((routine + emergency / 2) / (routine + emergency) * 1000) / 10.0;
        assertThat(score.get("overall").asDouble()).isEqualTo(expected);
        assertThat(first.json().get("answers")).hasSize(items.size());

        ApiClient.Response second = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("BGW", today, answers(items, i -> "YES")));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("score").get("overall").asDouble()).isEqualTo(100.0);

        JsonNode history = healthOfficer().get("/api/v1/health/capacity/assessments?borderPoint=BGW").json();
        assertThat(history.get("content").get(0).get("id").asString()).isEqualTo(second.json().get("id").asString());
        assertThat(history.get("content").get(1).get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(history.get("content").get(1).get("score").get("overall").asDouble()).isEqualTo(expected);
        assertThat(history.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode one = healthOfficer().get("/api/v1/health/capacity/assessments/" + first.json().get("id").asString()).json();
        assertThat(one.get("borderPoint").asString()).isEqualTo("BGW");
        assertThat(one.get("assessedBy").asString()).isEqualTo("health_officer");
        assertThat(one.get("score").get("overall").asDouble()).isEqualTo(expected);
    }

    private static double weight(List<JsonNode> items, String area) {
        return items.stream().filter(i -> i.get("area").asString().equals(area)).mapToInt(i -> i.get("weight").asInt()).sum();
    }

    @Test
    void refusesAnUnknownItemAnUnknownAnswerARepeatAndAMissingItemNamingEach() {
        List<JsonNode> items = items();
        List<Map<String, Object>> answers = answers(items, i -> "YES");
        String missing = (String) answers.removeLast().get("item");
        answers.get(0).put("answer", "MAYBE");
        answers.add(new LinkedHashMap<>(Map.of("item", "Z99", "answer", "YES")));
        answers.add(new LinkedHashMap<>(Map.of("item", answers.get(1).get("item"), "answer", "NO")));
        ApiClient.Response r = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("BGW", LocalDate.now(BAGHDAD), answers));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        String body = r.body();
        assertThat(body).contains("answers[0].answer", "MAYBE", "Z99", "more than once", missing);

        ApiClient.Response future = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("BGW", LocalDate.now(BAGHDAD).plusDays(2), answers(items, i -> "YES")));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("assessedOn");

        ApiClient.Response nowhere = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("XXX", LocalDate.now(BAGHDAD), answers(items, i -> "YES")));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("borderPoint");

        ApiClient.Response badDate = healthOfficer().post("/api/v1/health/capacity/assessments",
                "{\"borderPoint\":\"BGW\",\"assessedOn\":\"2026-13-40\",\"answers\":[]}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(healthOfficer().get("/api/v1/health/capacity/assessments?page=first").status()).isEqualTo(400);
        assertThat(healthOfficer().get("/api/v1/health/capacity/assessments/not-an-id").status()).isEqualTo(400);
        assertThat(healthOfficer().get("/api/v1/health/capacity/assessments/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void keepsAHealthOfficerToTheBorderPointsOfTheirJurisdiction() {
        String username = "capacity_zrb_" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("HEALTH_OFFICER"),
                "jurisdiction", Map.of("authority", "FEDERAL", "borderPoints", List.of("ZRB")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient zrb = new ApiClient(port).as(username, PASSWORD);
        List<JsonNode> items = items();

        ApiClient.Response outside = zrb.post("/api/v1/health/capacity/assessments",
                body("BGW", LocalDate.now(BAGHDAD), answers(items, i -> "YES")));
        assertThat(outside.status()).as(outside.body()).isEqualTo(403);
        ApiClient.Response inside = zrb.post("/api/v1/health/capacity/assessments",
                body("ZRB", LocalDate.now(BAGHDAD), answers(items, i -> "NO")));
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        assertThat(inside.json().get("score").get("overall").asDouble()).isEqualTo(0.0);

        // Another point's assessments are out of sight: as if they did not exist.
        ApiClient.Response bgw = healthOfficer().post("/api/v1/health/capacity/assessments",
                body("BGW", LocalDate.now(BAGHDAD), answers(items, i -> "YES")));
        assertThat(zrb.get("/api/v1/health/capacity/assessments/" + bgw.json().get("id").asString()).status())
                .isEqualTo(404);
        assertThat(zrb.get("/api/v1/health/capacity/assessments?borderPoint=BGW").status()).isEqualTo(404);
        JsonNode mine = zrb.get("/api/v1/health/capacity/assessments").json();
        mine.get("content").forEach(a -> assertThat(a.get("borderPoint").asString()).isEqualTo("ZRB"));
        assertThat(mine.get("content")).isNotEmpty();

        // An officer at the booth has no business here.
        assertThat(new ApiClient(port).as("officer", "manfadh-demo").get("/api/v1/health/capacity/checklist").status())
                .isEqualTo(403);
    }
}
