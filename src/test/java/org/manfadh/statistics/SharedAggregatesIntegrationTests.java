package org.manfadh.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Where the authorities share their aggregates, an analyst of one sees the other's counts, and only counts. */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.access.shared-between-authorities=AGGREGATES")
class SharedAggregatesIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Test
    void showsAKurdistanRegionAnalystTheFederalPointsCountsButNotItsCrossings() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("ARG", "SH" + (100_000 + (int) (Math.random() * 899_999)), "SHAREDCOUNT", "LUZ",
                "ARG", LocalDate.of(1991, 4, 4), 'F', LocalDate.now(BAGHDAD).plusYears(4)));
        body.put("purpose", "TOURISM");
        body.put("decision", "ADMITTED");
        ApiClient.Response recorded = admin.post("/api/v1/crossings", ApiClient.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        ApiClient kri = new ApiClient(port).as(FlowStatisticsIntegrationTests.analystOf(admin, "KRI"),
                "a-long-enough-password");
        String day = LocalDate.now(BAGHDAD).toString();
        JsonNode counts = kri.get("/api/v1/statistics/flows?from=" + day + "&to=" + day
                + "&interval=none&nationality=ARG&by=borderPoint").json();
        assertThat(counts.get("rows").toString()).contains("\"ZRB\"");
        // Counts are shared; the crossing itself is not.
        assertThat(kri.get("/api/v1/crossings/" + recorded.json().get("id").asString()).status()).isEqualTo(404);
    }
}
