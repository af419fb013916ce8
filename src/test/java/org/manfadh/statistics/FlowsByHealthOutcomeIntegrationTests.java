package org.manfadh.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Flows by health outcome: a crossing screened and cleared at the booth, one held for health and then decided, and
 * one never screened each count under their outcome (NONE for the last), and a decision on a hold moves its
 * crossing from one outcome to the other. Counts only: the statistics read health through HealthOutcomes.
 */
@ManfadhIntegrationTest
class FlowsByHealthOutcomeIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    /** A country of its own, so that the alert below changes no other test's crossings. */
    private static final String AFFECTED = "KIR";

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private static String number() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "H" + (char) ('A' + r.nextInt(26)) + String.format("%07d", r.nextInt(10_000_000));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("HEALTH");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** An entry at Baghdad airport on a flight from the given country, with a screening when one is given. */
    private JsonNode arrive(String origin, Map<String, Object> screening, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "BGW");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("NZL", number(), surname(), "ANA", "NZL", LocalDate.of(1985, 4, 2), 'F',
                LocalDate.now(BAGHDAD).plusYears(5)));
        body.put("purpose", "TOURISM");
        body.put("transport", Map.of("mode", "AIR", "reference", "QR 454", "origin", origin));
        body.put("decision", decision);
        if (screening != null) {
            body.put("healthScreening", screening);
        }
        ApiClient.Response r = admin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    /** Nationality and border point: counted from the nationalities rollup. */
    private static final String NEW_ZEALANDERS = "&borderPoint=BGW&direction=ENTRY&nationality=NZL";
    /** Border point and direction only: counted from the points rollup. */
    private static final String ALL_ENTRIES = "&borderPoint=BGW&direction=ENTRY";

    /** Today's entries at Baghdad airport, filtered as given, by health outcome. */
    private Map<String, Long> byOutcome(String filters) {
        String day = LocalDate.now(BAGHDAD).toString();
        ApiClient.Response r = admin().get("/api/v1/statistics/flows?from=" + day + "&to=" + day
                + "&interval=none&by=healthOutcome" + filters);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String outcome : List.of("NONE", "CLEARED", "SECONDARY", "REFERRED", "ISOLATED")) {
            counts.put(outcome, 0L);
        }
        for (JsonNode row : r.json().get("rows")) {
            counts.put(row.get("healthOutcome").asString(), row.get("count").asLong());
        }
        return counts;
    }

    private static Map<String, Long> plus(Map<String, Long> before, String outcome, long n) {
        Map<String, Long> after = new LinkedHashMap<>(before);
        after.merge(outcome, n, Long::sum);
        return after;
    }

    private Map<String, Long> eventually(String filters, Map<String, Long> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Long> now = byOutcome(filters);
        while (!now.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = byOutcome(filters);
        }
        return now;
    }

    @Test
    void countsCrossingsByTheOutcomeOfTheirHealthScreeningAndMovesOneWhenItsHoldIsDecided() {
        ApiClient.Response alert = new ApiClient(port).as("health_officer", "manfadh-demo").post("/api/v1/health/alerts",
                ApiClient.json(Map.of("disease", "MARBURG", "countries", List.of(AFFECTED), "monitoringDays", 21,
                        "validFrom", LocalDate.now(BAGHDAD).minusDays(3).toString())));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        Map<String, Long> before = byOutcome(NEW_ZEALANDERS);
        Map<String, Long> allBefore = byOutcome(ALL_ENTRIES);

        Map<String, Object> well = new LinkedHashMap<>();
        well.put("temperatureC", 36.8);
        well.put("symptoms", List.of());
        well.put("exposures", List.of());
        well.put("outcome", "CLEARED");
        arrive(AFFECTED, well, "ADMITTED");

        Map<String, Object> feverish = new LinkedHashMap<>();
        feverish.put("temperatureC", 38.9);
        feverish.put("symptoms", List.of("FEVER", "HEADACHE"));
        feverish.put("exposures", List.of());
        feverish.put("outcome", "REFERRED");
        feverish.put("facility", "Ibn Al-Khatib Hospital");
        JsonNode held = arrive(AFFECTED, feverish, "REFERRED");

        arrive("NZL", null, "ADMITTED");

        Map<String, Long> expected = plus(plus(plus(before, "CLEARED", 1), "REFERRED", 1), "NONE", 1);
        assertThat(eventually(NEW_ZEALANDERS, expected)).isEqualTo(expected);
        Map<String, Long> allExpected = plus(plus(plus(allBefore, "CLEARED", 1), "REFERRED", 1), "NONE", 1);
        assertThat(eventually(ALL_ENTRIES, allExpected)).isEqualTo(allExpected);

        // The health officer clears the held traveller: the crossing moves from REFERRED to CLEARED.
        decide(UUID.fromString(held.get("id").asString()), "CLEARED");
        Map<String, Long> decided = plus(plus(expected, "REFERRED", -1), "CLEARED", 1);
        assertThat(eventually(NEW_ZEALANDERS, decided)).isEqualTo(decided);
        Map<String, Long> allDecided = plus(plus(allExpected, "REFERRED", -1), "CLEARED", 1);
        assertThat(eventually(ALL_ENTRIES, allDecided)).isEqualTo(allDecided);

        // The dimension is also a filter, and its values are checked.
        String day = LocalDate.now(BAGHDAD).toString();
        JsonNode cleared = admin().get("/api/v1/statistics/flows?from=" + day + "&to=" + day
                + "&interval=none&borderPoint=BGW&nationality=NZL&healthOutcome=CLEARED").json();
        assertThat(cleared.get("total").asLong()).isEqualTo(decided.get("CLEARED"));
        ApiClient.Response wrong = admin().get("/api/v1/statistics/flows?from=" + day + "&to=" + day
                + "&healthOutcome=HEALTHY");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("healthOutcome", "HEALTHY");
    }

    /** The health officer's decision on a traveller held for health. */
    private void decide(UUID crossingId, String outcome) {
        ApiClient.Response r = new ApiClient(port).as("health_officer", "manfadh-demo").post(
                "/api/v1/health/holds/" + crossingId + "/decisions", ApiClient.json(Map.of("outcome", outcome)));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }
}
