package org.manfadh.bordercontrol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * A traveller first seen at a crossing has their stays worked out without reading them back; what
 * is stored must be exactly what rebuilding from the register gives.
 */
@ManfadhIntegrationTest
class FirstCrossingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StayService stays;

    @Autowired
    Travellers travellers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @ParameterizedTest
    @CsvSource({
            "IRN, ENTRY, ADMITTED, VISA_ON_ARRIVAL, 30, 0",
            "IRN, ENTRY, ADMITTED, , , 0",
            "IRQ, ENTRY, ADMITTED, , , 0",
            "TUR, EXIT, ADMITTED, , , 0",
            "PAK, ENTRY, REFERRED, E_VISA, , 0",
            "SYR, ENTRY, ADMITTED, VISIT_VISA, 30, 45",
    })
    void storesTheStaysARebuildWouldGive(String nationality, String direction, String decision, String visaType,
                                          Integer permittedStayDays, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "IBK");
        body.put("direction", direction);
        body.put("mrz", Passports.td3("N" + (System.nanoTime() % 100_000_000), "FIRST" + UUID.randomUUID().toString()
                .replaceAll("[^a-f]", "").toUpperCase(), "SEEN", nationality, LocalDate.of(1980, 5, 5)));
        body.put("decision", decision);
        if (daysAgo > 0) {
            body.put("occurredAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).toString());
            body.put("lateReason", "Paper register");
        }
        if (visaType != null) {
            Map<String, Object> visa = new LinkedHashMap<>();
            visa.put("number", "F" + System.nanoTime());
            visa.put("type", visaType);
            if (permittedStayDays != null) {
                visa.put("permittedStayDays", permittedStayDays);
            }
            body.put("visa", visa);
        }
        JsonNode recorded = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body)).json();
        UUID traveller = UUID.fromString(recorded.get("travellerId").asString());
        List<String> stored = storedStays(traveller);

        List<String> rebuilt = transaction.execute(status -> {
            status.setRollbackOnly();
            travellers.lockTraveller(traveller);
            StayService.Stay stay = stays.rebuild(traveller, LocalDate.now(clock));
            assertThat(CrossingViews.stay(stay.status()).lastLegalDay() == null
                    ? recorded.get("stay").get("lastLegalDay").isNull()
                    : recorded.get("stay").get("lastLegalDay").asString()
                            .equals(stay.status().lastLegalDay().toString())).isTrue();
            return storedStays(traveller);
        });

        assertThat(stored).isEqualTo(rebuilt);
    }

    private List<String> storedStays(UUID traveller) {
        return StoredStays.of(jdbc, traveller);
    }
}
