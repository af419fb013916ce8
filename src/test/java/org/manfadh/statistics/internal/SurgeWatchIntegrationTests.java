package org.manfadh.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.statistics.SurgeAlerts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class SurgeWatchIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    SurgeWatch watch;

    @Autowired
    MeterRegistry meters;

    private void record(String point) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("NZL", "S" + (char) ('A' + r.nextInt(26)) + String.format("%07d", r.nextInt(10_000_000)),
                "SURGE" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)), "ALI", "NZL",
                LocalDate.of(1980, 1, 1), 'M', LocalDate.now(BAGHDAD).plusYears(5)));
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12 IR"));
        body.put("decision", "ADMITTED");
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    @Test
    void raisesASurgeOnceWhenAPointWithoutHistoryFillsUp() {
        // Bashmaq has no crossings before this test: its band is zero, and 31 crossings are above it.
        for (int i = 0; i < 31; i++) {
            record("BSQ");
        }
        ZonedDateTime now = ZonedDateTime.now(BAGHDAD);
        List<SurgeAlerts.Surge> first = watch.check(now);
        List<SurgeAlerts.Surge> again = watch.check(now);

        String today = now.toLocalDate().toString();
        ApiClient.Response listed = new ApiClient(port).as("analyst", "manfadh-demo")
                .get("/api/v1/statistics/surges?from=" + today + "&to=" + today);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode day = null;
        for (JsonNode s : listed.json()) {
            if (s.get("borderPoint").asString().equals("BSQ") && s.get("window").asString().equals("DAY")) {
                day = s;
            }
        }
        assertThat(day).as("the day's surge at BSQ is listed").isNotNull();
        assertThat(day.get("observed").asLong()).isGreaterThanOrEqualTo(31);
        assertThat(day.get("high").asLong()).isLessThan(day.get("observed").asLong());
        // Raised once: a second check (or the scheduled one, had it come first) stores nothing new.
        assertThat(again).noneMatch(s -> s.borderPoint().equals("BSQ") && s.window() == SurgeAlerts.Window.DAY);
        assertThat(first.stream().filter(s -> s.borderPoint().equals("BSQ")).count()
                + again.stream().filter(s -> s.borderPoint().equals("BSQ")).count()).isLessThanOrEqualTo(3);
        assertThat(meters.get("manfadh.statistics.surges.active").tag("borderPoint", "BSQ").gauge().value())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void refusesARangeTheWrongWayRound() {
        ApiClient.Response response = new ApiClient(port).as("analyst", "manfadh-demo")
                .get("/api/v1/statistics/surges?from=2026-08-10&to=2026-08-01");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("to");
    }
}
