package org.manfadh.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class ForecastApiIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private ApiClient analyst() {
        return new ApiClient(port).as("analyst", "manfadh-demo");
    }

    private ApiClient.Response put(ApiClient client, String path, Object body) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    private ApiClient.Response delete(ApiClient client, String path) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE());
    }

    private static List<String> events(JsonNode day) {
        List<String> names = new ArrayList<>();
        day.get("events").forEach(e -> names.add(e.asString()));
        return names;
    }

    @Test
    void forecastsEachDayWithItsBandAndEvents() {
        LocalDate from = LocalDate.now(BAGHDAD);
        ApiClient.Response response = analyst().get("/api/v1/statistics/forecast?borderPoint=zrb&from=" + from + "&days=400");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode days = response.json();
        assertThat(days).hasSize(400);
        assertThat(days.get(0).get("date").asString()).isEqualTo(from.toString());
        boolean arbaeen = false;
        for (JsonNode day : days) {
            assertThat(day.get("low").asLong()).isLessThanOrEqualTo(day.get("expected").asLong());
            assertThat(day.get("expected").asLong()).isLessThanOrEqualTo(day.get("high").asLong());
            arbaeen |= events(day).contains("ARBAEEN");
        }
        assertThat(arbaeen).as("400 days hold an Arbaeen").isTrue();

        ApiClient.Response entries = analyst().get("/api/v1/statistics/forecast?borderPoint=ZRB&from=" + from
                + "&days=3&direction=ENTRY");
        assertThat(entries.status()).as(entries.body()).isEqualTo(200);
        assertThat(entries.json()).hasSize(3);
    }

    @Test
    void refusesDaysOutsideOneTo400AndAnUnknownPoint() {
        LocalDate from = LocalDate.now(BAGHDAD);
        for (String days : List.of("0", "401", "-3")) {
            ApiClient.Response response = analyst().get("/api/v1/statistics/forecast?borderPoint=ZRB&from=" + from + "&days=" + days);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.body()).contains("days");
        }
        ApiClient.Response badDate = analyst().get("/api/v1/statistics/forecast?borderPoint=ZRB&from=2026-13-01&days=3");
        assertThat(badDate.status()).as(badDate.body()).isEqualTo(400);
        ApiClient.Response unknown = analyst().get("/api/v1/statistics/forecast?borderPoint=XXX&from=" + from + "&days=3");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        ApiClient.Response missing = analyst().get("/api/v1/statistics/forecast?borderPoint=ZRB");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("from").contains("days");
        ApiClient.Response direction = analyst().get("/api/v1/statistics/forecast?borderPoint=ZRB&from=" + from
                + "&days=3&direction=SIDEWAYS");
        assertThat(direction.status()).as(direction.body()).isEqualTo(400);
    }

    @Test
    void hidesAPointOutsideTheCallersJurisdiction() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of("ANALYST"),
                "jurisdiction", Map.of("authority", "KRI", "borderPoints", List.of("IBK")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient kri = new ApiClient(port).as(username, PASSWORD);
        LocalDate from = LocalDate.now(BAGHDAD);

        assertThat(kri.get("/api/v1/statistics/forecast?borderPoint=IBK&from=" + from + "&days=2").status()).isEqualTo(200);
        ApiClient.Response zrb = kri.get("/api/v1/statistics/forecast?borderPoint=ZRB&from=" + from + "&days=2");
        assertThat(zrb.status()).as(zrb.body()).isEqualTo(404);
    }

    @Test
    void aRecordedSafarStartMovesArbaeensWindowInTheForecast() {
        // Arbaeen 1449 by Umm al-Qura: 24 July 2027; its window ends seven days after, on the 31st.
        String path = "/api/v1/statistics/forecast?borderPoint=ZRB&from=2027-08-01&days=1";
        assertThat(events(analyst().get(path).json().get(0))).isEmpty();

        ApiClient.Response recorded = put(admin(), "/api/v1/statistics/hijri-month-starts",
                Map.of("hijriYear", 1449, "month", 2, "firstDay", "2027-07-06"));
        try {
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
            assertThat(recorded.json().get("ummAlQura").asString()).isEqualTo("2027-07-05");
            assertThat(recorded.json().get("firstDay").asString()).isEqualTo("2027-07-06");
            assertThat(recorded.json().get("recordedBy").asString()).isEqualTo("admin");
            assertThat(events(analyst().get(path).json().get(0))).containsExactly("ARBAEEN");
        } finally {
            assertThat(delete(admin(), "/api/v1/statistics/hijri-month-starts/1449-2").status()).isEqualTo(200);
        }
        assertThat(events(analyst().get(path).json().get(0))).isEmpty();
    }

    @Test
    void listsAYearsMonthsAndRefusesAStartFarFromUmmAlQura() {
        ApiClient.Response year = analyst().get("/api/v1/statistics/hijri-month-starts?year=1460");
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        assertThat(year.json()).hasSize(12);
        assertThat(year.json().get(1).get("monthName").asString()).isEqualTo("SAFAR");
        String ummAlQura = year.json().get(1).get("ummAlQura").asString();
        LocalDate safar = LocalDate.parse(ummAlQura);

        ApiClient.Response far = put(admin(), "/api/v1/statistics/hijri-month-starts",
                Map.of("hijriYear", 1460, "month", 2, "firstDay", safar.plusDays(3).toString()));
        assertThat(far.status()).as(far.body()).isEqualTo(422);
        assertThat(far.contentType()).contains("application/problem+json");
        assertThat(far.body()).contains("month-start-far-from-umm-al-qura").contains(ummAlQura);

        ApiClient.Response missing = put(admin(), "/api/v1/statistics/hijri-month-starts", Map.of("hijriYear", 1460));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("month").contains("firstDay");

        ApiClient.Response notAdmin = put(analyst(), "/api/v1/statistics/hijri-month-starts",
                Map.of("hijriYear", 1460, "month", 2, "firstDay", safar.plusDays(1).toString()));
        assertThat(notAdmin.status()).isEqualTo(403);

        ApiClient.Response ok = put(admin(), "/api/v1/statistics/hijri-month-starts",
                Map.of("hijriYear", 1460, "month", 2, "firstDay", safar.plusDays(1).toString()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode muharram = analyst().get("/api/v1/statistics/hijri-month-starts?year=1460").json().get(0);
        assertThat(muharram.get("days").asInt()).isEqualTo(year.json().get(0).get("days").asInt() + 1);

        JsonNode audit = admin().get("/api/v1/audit?size=50&action=CHANGE&username=admin").json().get("content");
        boolean audited = false;
        for (JsonNode event : audit) {
            audited |= event.get("what").asString().contains("/api/v1/statistics/hijri-month-starts");
        }
        assertThat(audited).as("the change is in the audit trail").isTrue();
        assertThat(delete(admin(), "/api/v1/statistics/hijri-month-starts/1460-2").status()).isEqualTo(200);
        assertThat(delete(admin(), "/api/v1/statistics/hijri-month-starts/1460-2").status()).isEqualTo(404);
    }
}
