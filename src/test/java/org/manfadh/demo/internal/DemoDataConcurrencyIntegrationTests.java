package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Crossings recorded through the API while the demo data goes in: both are kept, apart. The
 * application starts without demo data (as every test does); the test starts the load itself, so
 * that the two surely run at the same time.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.demo.data.scale=20000")
class DemoDataConcurrencyIntegrationTests {

    private static final int SCALE = 20_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CrossingBacklog backlog;

    @Autowired
    DemoYears years;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    org.manfadh.statistics.HijriMonthStarts monthStarts;

    /** The demo's outbreak alerts stay out of the shared test database: other tests make their own. */
    private static final org.manfadh.health.OutbreakAlerts NO_ALERTS = null;

    @Test
    void recordsCrossingsThroughTheApiWhileTheDemoDataLoadsAndReportsReadyOnlyAfterIt() throws Exception {
        DemoDataLoader loader = new DemoDataLoader(backlog, years, referenceData, clock, events, SCALE, 1, monthStarts, NO_ALERTS);
        ApiClient officer = new ApiClient(port).as("officer", "manfadh-demo");
        List<String> recorded = new ArrayList<>();
        int whileLoading = 0;
        // The first request of a run pays for the password hash and cold code paths; paid before
        // the load starts, so that a short load cannot finish before the first crossing is in.
        ApiClient.Response warm = officer.post("/api/v1/crossings", ApiClient.json(entry(UUID.randomUUID().toString(), 9_999)));
        assertThat(warm.status()).as(warm.body()).isEqualTo(201);

        loader.start();
        // As Spring Boot does once the application has started.
        loader.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        ReadinessState readiness = availability.getReadinessState();
        boolean stillLoading = loader.loading();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (loader.loading()) {
            assertThat(System.nanoTime()).as("loaded within three minutes").isLessThan(deadline);
            String id = UUID.randomUUID().toString();
            ApiClient.Response response = officer.post("/api/v1/crossings", ApiClient.json(entry(id, recorded.size())));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            recorded.add(id);
            if (loader.loading()) {
                whileLoading++;
            }
        }

        assertThat(stillLoading).as("the load outlasts its start").isTrue();
        assertThat(readiness).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(whileLoading).isPositive();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(jdbc.sql("select count(*) from bordercontrol.crossing where request_hash = 'demo'")
                .query(Long.class).single()).isGreaterThan(SCALE * 9L / 10);
        for (String id : recorded) {
            assertThat(jdbc.sql("""
                    select c.request_hash <> 'demo' and t.surname like 'ALONGSIDE%'
                      from bordercontrol.crossing c join bordercontrol.traveller t on t.id = c.traveller_id
                     where c.id = :id
                    """).param("id", UUID.fromString(id)).query(Boolean.class).single()).isTrue();
        }
        assertThat(loader.load()).isEmpty();
        // The earlier years follow in the background; the test lets them finish before the database goes.
        while (loader.loadingEarlierYears()) {
            assertThat(System.nanoTime()).as("the earlier years loaded within six minutes")
                    .isLessThan(deadline + Duration.ofMinutes(3).toNanos());
            Thread.sleep(100);
        }
    }

    private Map<String, Object> entry(String id, int n) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuingState", "IRN");
        document.put("documentNumber", "Q" + (70_000_000 + n));
        document.put("surname", "ALONGSIDE" + (char) ('A' + n % 26) + (char) ('A' + n / 26 % 26));
        document.put("givenNames", "TEST");
        document.put("dateOfBirth", "1980-01-01");
        document.put("sex", "M");
        document.put("dateOfExpiry", LocalDate.now(clock).plusYears(3).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("document", document);
        body.put("decision", "ADMITTED");
        return body;
    }
}
