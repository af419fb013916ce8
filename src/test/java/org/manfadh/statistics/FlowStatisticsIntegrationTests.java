package org.manfadh.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class FlowStatisticsIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private ApiClient analyst() {
        return new ApiClient(port).as("analyst", "manfadh-demo");
    }

    private ApiClient supervisor() {
        return new ApiClient(port).as("supervisor", "manfadh-demo");
    }

    private static String today() {
        return LocalDate.now(BAGHDAD).toString();
    }

    private static String number() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "S" + (char) ('A' + r.nextInt(26)) + String.format("%07d", r.nextInt(10_000_000));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("FLOW");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('A' + r.nextInt(26)));
        }
        return s.toString();
    }

    private JsonNode record(String point, String direction, String nationality, String sex, LocalDate born,
                            String purpose, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", direction);
        body.put("mrz", Passports.td3(nationality, number(), surname(), "SARA", nationality, born, sex.charAt(0),
                LocalDate.now(BAGHDAD).plusYears(5)));
        body.put("purpose", purpose);
        body.put("transport", Map.of("mode", "BUS", "reference", "44 IR"));
        body.put("decision", decision);
        if ("REFUSED".equals(decision)) {
            body.put("reasonCode", "B");
        }
        ApiClient.Response response = admin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    private JsonNode flows(ApiClient client, String query) {
        ApiClient.Response response = client.get("/api/v1/statistics/flows?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long count(JsonNode table, Map<String, String> values) {
        long n = 0;
        for (JsonNode row : table.get("rows")) {
            boolean match = values.entrySet().stream().allMatch(e -> row.has(e.getKey())
                    && row.get(e.getKey()).asString().equals(e.getValue()));
            if (match) {
                n += row.get("count").asLong();
            }
        }
        return n;
    }

    @Test
    void countsRecordedCrossingsByEveryDimensionAsked() {
        String day = today();
        String query = "from=" + day + "&to=" + day + "&interval=day&nationality=NZL"
                + "&by=borderPoint,direction,sex,ageBand,purpose,decision,authority";
        JsonNode before = flows(analyst(), query);

        record("ZRB", "ENTRY", "NZL", "F", LocalDate.now(BAGHDAD).minusYears(33), "PILGRIMAGE", "ADMITTED");
        record("ZRB", "ENTRY", "NZL", "F", LocalDate.now(BAGHDAD).minusYears(34), "PILGRIMAGE", "ADMITTED");
        record("ZRB", "EXIT", "NZL", "F", LocalDate.now(BAGHDAD).minusYears(3), "FAMILY", "ADMITTED");
        record("IBK", "ENTRY", "NZL", "M", LocalDate.now(BAGHDAD).minusYears(70), "TOURISM", "REFUSED");

        JsonNode after = flows(analyst(), query);
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(4);
        Map<String, String> pilgrims = Map.of("period", day, "borderPoint", "ZRB", "direction", "ENTRY", "sex", "F",
                "ageBand", "30-44", "purpose", "PILGRIMAGE", "decision", "ADMITTED");
        assertThat(count(after, pilgrims) - count(before, pilgrims)).isEqualTo(2);
        Map<String, String> child = Map.of("direction", "EXIT", "ageBand", "0-4", "purpose", "FAMILY");
        assertThat(count(after, child) - count(before, child)).isEqualTo(1);
        Map<String, String> refused = Map.of("borderPoint", "IBK", "authority", "KRI", "ageBand", "60+",
                "decision", "REFUSED");
        assertThat(count(after, refused) - count(before, refused)).isEqualTo(1);

        JsonNode byReason = flows(analyst(), "from=" + day + "&to=" + day + "&interval=none&nationality=NZL"
                + "&by=decision,reason");
        assertThat(byReason.get("rows").get(0).has("period")).isFalse();
        assertThat(count(byReason, Map.of("decision", "REFUSED", "reason", "B"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void movesTheCountWhenACorrectionMovesTheCrossingAndDropsItWhenVoided() {
        String day = today();
        JsonNode crossing = record("ZRB", "ENTRY", "CHL", "M", LocalDate.of(1990, 5, 5), "BUSINESS", "ADMITTED");
        String id = crossing.get("id").asString();
        String query = "from=" + day + "&to=" + day + "&interval=none&nationality=CHL&by=borderPoint,purpose";
        long atZrb = count(flows(analyst(), query), Map.of("borderPoint", "ZRB", "purpose", "BUSINESS"));
        long atMnd = count(flows(analyst(), query), Map.of("borderPoint", "MNT", "purpose", "WORK"));

        ApiClient.Response corrected = admin().post("/api/v1/crossings/" + id + "/corrections",
                ApiClient.json(Map.of("reason", "Recorded at the wrong post", "borderPoint", "MNT",
                        "purpose", "WORK")));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode moved = flows(analyst(), query);
        assertThat(count(moved, Map.of("borderPoint", "ZRB", "purpose", "BUSINESS"))).isEqualTo(atZrb - 1);
        assertThat(count(moved, Map.of("borderPoint", "MNT", "purpose", "WORK"))).isEqualTo(atMnd + 1);

        ApiClient.Response voided = admin().post("/api/v1/crossings/" + id + "/void",
                ApiClient.json(Map.of("reason", "Recorded twice")));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(count(flows(analyst(), query), Map.of("borderPoint", "MNT", "purpose", "WORK"))).isEqualTo(atMnd);
    }

    @Test
    void countsALateRecordOnTheDayItHappened() {
        LocalDate dayBefore = LocalDate.now(BAGHDAD).minusDays(2);
        String query = "from=" + dayBefore + "&to=" + dayBefore + "&interval=day&nationality=URY&by=borderPoint";
        long before = flows(analyst(), query).get("total").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("occurredAt", dayBefore.atTime(11, 0).atZone(BAGHDAD).toInstant().toString());
        body.put("lateReason", "Paper register typed in after the outage");
        body.put("mrz", Passports.td3("URY", number(), surname(), "ANA", "URY", LocalDate.of(1980, 1, 1), 'F',
                LocalDate.now(BAGHDAD).plusYears(5)));
        body.put("purpose", "TOURISM");
        body.put("decision", "ADMITTED");
        ApiClient.Response response = admin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isIn(200, 201);

        JsonNode after = flows(analyst(), query);
        assertThat(after.get("total").asLong()).isEqualTo(before + 1);
        assertThat(after.get("rows").get(0).get("period").asString()).isEqualTo(dayBefore.toString());
        JsonNode hours = flows(analyst(), "from=" + dayBefore + "&to=" + dayBefore
                + "&interval=hour&borderPoint=ZRB&by=direction");
        assertThat(count(hours, Map.of("hour", "11", "direction", "ENTRY"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void showsABorderPointsManagerOnlyTheirOwnPoint() {
        String day = today();
        record("IBK", "ENTRY", "ISL", "F", LocalDate.of(1975, 2, 2), "TOURISM", "ADMITTED");
        record("ZRB", "ENTRY", "ISL", "F", LocalDate.of(1975, 2, 2), "TOURISM", "ADMITTED");
        JsonNode seen = flows(supervisor(), "from=" + day + "&to=" + day + "&interval=none&nationality=ISL&by=borderPoint");
        assertThat(seen.get("rows")).allSatisfy(r -> assertThat(r.get("borderPoint").asString()).isEqualTo("ZRB"));
        assertThat(seen.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode filtered = flows(supervisor(), "from=" + day + "&to=" + day + "&interval=none&borderPoint=IBK");
        assertThat(filtered.get("total").asLong()).isZero();
        assertThat(new ApiClient(port).as("officer", "manfadh-demo")
                .get("/api/v1/statistics/flows?from=" + day + "&to=" + day).status()).isEqualTo(403);
    }

    /** An analyst of a whole authority, as the administrator creates one. */
    static String analystOf(ApiClient admin, String authority) {
        String username = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = admin.post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", "a-long-enough-password", "roles", List.of("ANALYST"),
                "jurisdiction", Map.of("authority", authority))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void showsAKurdistanRegionAnalystOnlyTheRegionsPointsWhileTheFederalSideSharesNothing() {
        String day = today();
        record("IBK", "ENTRY", "MEX", "F", LocalDate.of(1975, 2, 2), "TOURISM", "ADMITTED");
        record("ZRB", "ENTRY", "MEX", "F", LocalDate.of(1975, 2, 2), "TOURISM", "ADMITTED");
        ApiClient kri = new ApiClient(port).as(analystOf(admin(), "KRI"), "a-long-enough-password");
        JsonNode seen = flows(kri, "from=" + day + "&to=" + day + "&interval=none&nationality=MEX&by=borderPoint,authority");
        assertThat(seen.get("rows")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("authority").asString()).isEqualTo("KRI"));
        assertThat(flows(kri, "from=" + day + "&to=" + day + "&interval=none&borderPoint=ZRB").get("total").asLong())
                .isZero();
        assertThat(flows(analyst(), "from=" + day + "&to=" + day + "&interval=none&nationality=MEX&by=authority")
                .get("rows")).hasSize(2);
    }

    @Test
    void suppressesASharedTablesSmallCellsSoThatItsMarginsDoNotGiveThemAway() {
        LocalDate today = LocalDate.now(BAGHDAD);
        // Three Peruvian women, seven Peruvian men, six Bolivian women, nine Bolivian men at one point.
        for (int i = 0; i < 3; i++) record("SFW", "ENTRY", "PER", "F", LocalDate.of(1980, 1, 1), "TOURISM", "ADMITTED");
        for (int i = 0; i < 7; i++) record("SFW", "ENTRY", "PER", "M", LocalDate.of(1980, 1, 1), "TOURISM", "ADMITTED");
        for (int i = 0; i < 6; i++) record("SFW", "ENTRY", "BOL", "F", LocalDate.of(1980, 1, 1), "TOURISM", "ADMITTED");
        for (int i = 0; i < 9; i++) record("SFW", "ENTRY", "BOL", "M", LocalDate.of(1980, 1, 1), "TOURISM", "ADMITTED");
        String month = "from=" + today.withDayOfMonth(1) + "&to=" + today.withDayOfMonth(today.lengthOfMonth())
                + "&interval=none&borderPoint=SFW&nationality=PER,BOL&shared=true";
        JsonNode cells = flows(analyst(), month + "&by=nationality,sex");
        JsonNode byNationality = flows(analyst(), month + "&by=nationality");
        JsonNode bySex = flows(analyst(), month + "&by=sex");

        // No count below the threshold is shown, in the table or its margins.
        for (JsonNode table : List.of(cells, byNationality, bySex)) {
            assertThat(table.get("shared").asBoolean()).isTrue();
            for (JsonNode row : table.get("rows")) {
                if (!row.path("suppressed").asBoolean(false)) {
                    assertThat(row.get("count").asLong()).as(row.toString()).isGreaterThanOrEqualTo(5);
                } else {
                    assertThat(row.get("count").isNull()).isTrue();
                }
            }
        }
        // The Peruvian women are suppressed, and so is a partner in each of their lines: neither the
        // Peruvian margin nor the women's margin, less what is shown, pins them down.
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        cells.get("rows").forEach(r -> rows.put(r.get("nationality").asString() + "/" + r.get("sex").asString(), r));
        assertThat(rows.get("PER/F").get("suppressed").asBoolean()).isTrue();
        assertThat(rows.get("PER/M").get("suppressed").asBoolean()).as("the Peruvian line's partner").isTrue();
        assertThat(rows.get("BOL/F").get("suppressed").asBoolean()).as("the women's line's partner").isTrue();
        // A shared table is whole months only.
        ApiClient.Response partial = analyst().get("/api/v1/statistics/flows?from=" + today.withDayOfMonth(1)
                + "&to=" + today.withDayOfMonth(1).plusDays(9) + "&interval=none&shared=true");
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("\"to\"");
    }

    @Test
    void countsARangeOfWholeAndPartMonthsAsTheSumOfItsDays() throws InterruptedException {
        LocalDate today = LocalDate.now(BAGHDAD);
        for (int back : new int[] {0, 3, 40, 70}) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", UUID.randomUUID().toString());
            body.put("borderPoint", "BGW");
            body.put("direction", "ENTRY");
            // Noon of that day, or, for today before noon on the border's clock, now: never a time ahead.
            java.time.Instant noon = today.minusDays(back).atTime(12, 0).atZone(BAGHDAD).toInstant();
            java.time.Instant now = java.time.Instant.now();
            body.put("occurredAt", (noon.isAfter(now) ? now.minusSeconds(5) : noon).toString());
            body.put("lateReason", "Typed in from the paper register");
            body.put("mrz", Passports.td3("PRY", number(), surname(), "EVA", "PRY", LocalDate.of(1990, 1, 1), 'F',
                    today.plusYears(5)));
            body.put("purpose", "TOURISM");
            body.put("decision", "ADMITTED");
            assertThat(admin().post("/api/v1/crossings", ApiClient.json(body)).status()).isIn(200, 201);
        }
        Thread.sleep(3_000); // the compactor folds the changes into the day and month rollups meanwhile
        String range = "from=" + today.minusDays(80) + "&to=" + today + "&nationality=PRY";
        JsonNode whole = flows(analyst(), range + "&interval=none&by=borderPoint");
        JsonNode months = flows(analyst(), range + "&interval=month&by=borderPoint");
        JsonNode days = flows(analyst(), range + "&interval=day&by=borderPoint");
        assertThat(count(whole, Map.of("borderPoint", "BGW"))).isGreaterThanOrEqualTo(4)
                .isEqualTo(count(months, Map.of("borderPoint", "BGW")))
                .isEqualTo(count(days, Map.of("borderPoint", "BGW")));
        assertThat(whole.get("total").asLong()).isEqualTo(days.get("total").asLong());
    }

    @Test
    void refusesAMalformedTableWithTheParameterAtFault() {
        ApiClient.Response backwards = analyst().get("/api/v1/statistics/flows?from=2026-08-10&to=2026-08-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).contains("application/problem+json");
        assertThat(backwards.body()).contains("\"to\"");
        ApiClient.Response dimension = analyst().get("/api/v1/statistics/flows?from=2026-08-01&to=2026-08-10&by=colour");
        assertThat(dimension.status()).isEqualTo(400);
        assertThat(dimension.body()).contains("colour");
        ApiClient.Response value = analyst().get("/api/v1/statistics/flows?from=2026-08-01&to=2026-08-10&direction=UP");
        assertThat(value.status()).isEqualTo(400);
        assertThat(value.body()).contains("UP");
        ApiClient.Response misspelt = analyst().get("/api/v1/statistics/flows?from=2026-08-01&to=2026-08-10&bordrPoint=ZRB");
        assertThat(misspelt.status()).isEqualTo(400);
        ApiClient.Response day = analyst().get("/api/v1/statistics/flows?from=yesterday&to=2026-08-10");
        assertThat(day.status()).isEqualTo(400);
        ApiClient.Response hours = analyst().get("/api/v1/statistics/flows?from=2026-01-01&to=2026-08-10&interval=hour");
        assertThat(hours.status()).isEqualTo(400);
    }
}
