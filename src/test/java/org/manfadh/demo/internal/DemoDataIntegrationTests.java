package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.internal.StayProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** The demo year of crossings, loaded in the background at a small scale, as the screens and the API see it. */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.demo.data=true", "manfadh.demo.data.scale=10000"})
class DemoDataIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    void waitUntilReady() throws InterruptedException {
        ApiClient anonymous = new ApiClient(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC || loader.loading()
                || anonymous.get("/actuator/health/readiness").status() != 200) {
            assertThat(System.nanoTime()).as("ready within five minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
        // The earlier years follow: the figures below are of all three.
        while (loader.loadingEarlierYears()) {
            assertThat(System.nanoTime()).as("the earlier years loaded within five minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void spreadsCrossingsOverTheBorderPointsAndTheYear() throws InterruptedException {
        waitUntilReady();
        Map<String, Object> row = jdbc.sql("""
                select count(distinct border_point) as points,
                       count(distinct date_trunc('month', occurred_at at time zone 'Asia/Baghdad')) as months,
                       extract(day from max(occurred_at) - min(occurred_at)) as span,
                       count(*) filter (where border_point = 'MDL') as uncertain,
                       count(*) filter (where border_point = 'MNT') as open
                  from bordercontrol.crossing where request_hash = 'demo'
                """).query().singleRow();

        assertThat(((Number) row.get("points")).intValue()).isGreaterThanOrEqualTo(15);
        assertThat(((Number) row.get("months")).intValue()).isGreaterThanOrEqualTo(12);
        assertThat(((Number) row.get("span")).intValue()).isGreaterThanOrEqualTo(330);
        // Mandali's status is uncertain: a trickle beside its open neighbour Munthiriya.
        assertThat(((Number) row.get("uncertain")).longValue() * 10).isLessThan(((Number) row.get("open")).longValue());
        assertThat(count("select count(*) from bordercontrol.crossing where request_hash = 'demo'")).isBetween(9_000L, 11_000L);
    }

    @Test
    void surgesAtZurbatiyahAndShalamchehForArbaeen() throws InterruptedException {
        waitUntilReady();
        LocalDate arbaeen = lastArbaeenWithItsPeakWeek();
        double peakWeek = perDay(arbaeen.minusDays(7), arbaeen.minusDays(1), null);
        double normal = normalPerDay(arbaeen, null);
        double returnWave = perDay(arbaeen, arbaeen.plusDays(9), "EXIT");
        double normalExits = normalPerDay(arbaeen, "EXIT");

        assertThat(peakWeek).isGreaterThan(5 * normal);
        assertThat(returnWave).isGreaterThan(3 * Math.max(normalExits, 0.1));
        long pilgrimGroups = jdbc.sql("""
                select count(distinct g.id) from bordercontrol.crossing_group g
                  join bordercontrol.crossing c on c.group_id = g.id
                  join bordercontrol.visa v on v.id = c.visa_id
                 where g.border_point in ('ZRB', 'SLM') and g.kind in ('PILGRIM_GROUP', 'BUS')
                   and c.purpose = 'PILGRIMAGE' and v.type = 'VISA_EXEMPT'
                """).query(Long.class).single();
        assertThat(pilgrimGroups).isPositive();
    }

    private LocalDate lastArbaeenWithItsPeakWeek() {
        List<LocalDate> days = DemoTraffic.arbaeenDays(today().minusDays(364), today());
        return days.stream().filter(a -> a.minusDays(7).isAfter(today().minusDays(364)) && a.isBefore(today()))
                .reduce((a, b) -> b).orElseThrow();
    }

    private double perDay(LocalDate from, LocalDate to, String direction) {
        long n = jdbc.sql("""
                select count(*) from bordercontrol.crossing
                 where request_hash = 'demo' and border_point in ('ZRB', 'SLM')
                   and (cast(:direction as text) is null or direction = :direction)
                   and (occurred_at at time zone 'Asia/Baghdad')::date between :from and :to
                """).param("direction", direction).param("from", from).param("to", to).query(Long.class).single();
        return (double) n / (to.toEpochDay() - from.toEpochDay() + 1);
    }

    /** The days of the year away from Arbaeen's weeks. */
    private double normalPerDay(LocalDate arbaeen, String direction) {
        LocalDate from = today().minusDays(364);
        long all = Math.round(perDay(from, today(), direction) * 365);
        long season = Math.round(perDay(arbaeen.minusDays(20), arbaeen.plusDays(20), direction) * 41);
        return (double) (all - season) / (365 - 41);
    }

    @Test
    void bringsAirportArrivalsInAroundTheFlights() throws InterruptedException {
        waitUntilReady();
        // A flight lands at the same time every day and its passengers reach the booth 8 to 48 minutes
        // later: whatever the day, a flight's arrivals fall within two neighbouring hours of the clock.
        record Flight(String airport, String number, long arrivals, long hours) {
        }
        List<Flight> flights = jdbc.sql("""
                select c.border_point, c.transport_reference, count(*),
                       count(distinct extract(hour from c.occurred_at at time zone 'Asia/Baghdad'))
                  from bordercontrol.crossing c
                 where c.request_hash = 'demo' and c.direction = 'ENTRY'
                   and c.border_point in (select code from referencedata.border_point where type = 'AIR')
                 group by c.border_point, c.transport_reference
                """).query((rs, n) -> new Flight(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
        long total = flights.stream().mapToLong(Flight::arrivals).sum();
        assertThat(total).isGreaterThan(200);
        assertThat(flights).filteredOn(f -> f.arrivals() >= 5).hasSizeGreaterThan(10)
                .allSatisfy(f -> assertThat(f.hours()).as(f.toString()).isBetween(1L, 2L));
        assertThat(jdbc.sql("""
                select transport_reference from bordercontrol.crossing
                 where request_hash = 'demo' and transport_mode = 'AIR'
                """).query(String.class).list()).allMatch(flight -> flight.matches("[A-Z0-9]{2} [0-9]{3,4}"));
    }

    @Test
    void listsTheOverstayersInTheStaysAndThroughTheApi() throws InterruptedException {
        waitUntilReady();
        long overstaying = jdbc.sql("""
                select count(*) from bordercontrol.stay
                 where last_legal_day < :today and exit_day is null
                """).param("today", today()).query(Long.class).single();
        JsonNode page = new ApiClient(port).asDemoAdmin().get("/api/v1/overstays?size=1000").json();

        assertThat(overstaying).isPositive();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(overstaying);
        assertThat(page.get("content").get(0).get("daysOver").asLong()).isPositive();
    }

    @Test
    void loadsNothingTheSecondTime() throws InterruptedException {
        waitUntilReady();
        long crossings = count("select count(*) from bordercontrol.crossing");
        long travellersBefore = count("select count(*) from bordercontrol.traveller");

        assertThat(loader.load()).isEmpty();
        assertThat(count("select count(*) from bordercontrol.crossing")).isEqualTo(crossings);
        assertThat(count("select count(*) from bordercontrol.traveller")).isEqualTo(travellersBefore);
    }

    @Test
    void givesEveryCrossingExactlyOneInitialDecision() throws InterruptedException {
        waitUntilReady();
        assertThat(count("""
                select count(*) from bordercontrol.crossing c
                 where (select count(*) from bordercontrol.decision d
                         where d.crossing_id = c.id and d.kind = 'INITIAL') <> 1
                """)).isZero();
        assertThat(count("""
                select count(*) from bordercontrol.decision f join bordercontrol.decision i on i.id = f.supersedes
                 where f.kind = 'FINAL' and (i.crossing_id <> f.crossing_id or f.decided_at <= i.decided_at)
                """)).isZero();
        assertThat(count("select count(*) from bordercontrol.decision where kind = 'FINAL'")).isPositive();
    }

    @Test
    void storesTheStaysTheApplicationWouldWorkOut() throws InterruptedException {
        waitUntilReady();
        List<UUID> sample = jdbc.sql("""
                (select traveller_id from bordercontrol.stay where exit_day is null and last_legal_day < :today limit 15)
                union (select traveller_id from bordercontrol.stay group by traveller_id having count(*) > 1 limit 15)
                union (select traveller_id from bordercontrol.stay where basis = 'CITIZEN' limit 15)
                union (select traveller_id from bordercontrol.stay where exit_day is not null and basis = 'VISA' limit 15)
                union (select traveller_id from bordercontrol.stay where basis in ('RESIDENCE_PERMIT', 'UNKNOWN') limit 5)
                union (select traveller_id from bordercontrol.crossing where 'OVERSTAY' = any(flags) limit 10)
                """).param("today", today()).query(UUID.class).list();
        assertThat(sample).hasSizeGreaterThan(40);

        StayProbe probe = new StayProbe(context);
        for (UUID traveller : sample) {
            List<String> loaded = storedStays(probe, traveller);
            List<String> rebuilt = probe.rebuilt(traveller, today());
            assertThat(loaded).as("stays of traveller %s", traveller).isEqualTo(rebuilt);

            for (StayProbe.Flags c : probe.admittedCrossingFlags(traveller, today())) {
                assertThat(c.stored()).containsAll(c.fromStays());
            }
        }
    }

    private List<String> storedStays(StayProbe probe, UUID traveller) {
        return probe.stored(traveller);
    }

    @Test
    void recordsTheExitOfADemoOverstayerThroughTheApi() throws InterruptedException {
        waitUntilReady();
        ApiClient admin = new ApiClient(port).asDemoAdmin();
        JsonNode overstayer = admin.get("/api/v1/overstays?size=1").json().get("content").get(0);
        String traveller = overstayer.get("travellerId").asString();
        Map<String, Object> document = jdbc.sql("""
                select d.document_code, d.issuing_state, d.document_number, t.surname, t.given_names, t.nationality,
                       t.date_of_birth, t.sex, d.date_of_expiry
                  from bordercontrol.travel_document d join bordercontrol.traveller t on t.id = d.traveller_id
                 where t.id = :id order by d.first_seen_at desc limit 1
                """).param("id", UUID.fromString(traveller)).query().singleRow();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("documentCode", document.get("document_code"));
        typed.put("issuingState", document.get("issuing_state"));
        typed.put("documentNumber", document.get("document_number"));
        typed.put("surname", document.get("surname"));
        typed.put("givenNames", document.get("given_names"));
        typed.put("nationality", document.get("nationality"));
        typed.put("dateOfBirth", document.get("date_of_birth"));
        typed.put("sex", document.get("sex"));
        typed.put("dateOfExpiry", document.get("date_of_expiry").toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", overstayer.get("entryBorderPoint").asString());
        body.put("direction", "EXIT");
        body.put("document", typed);
        body.put("decision", "ADMITTED");

        // The overstayer entered anywhere in Iraq: the national administrator may record their exit there.
        ApiClient.Response response = new ApiClient(port).asDemoAdmin()
                .post("/api/v1/crossings", ApiClient.json(body));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("travellerId").asString()).isEqualTo(traveller);
        List<String> flags = new ArrayList<>();
        response.json().get("flags").forEach(f -> flags.add(f.asString()));
        assertThat(flags).contains(CrossingFlag.OVERSTAY.name());
        assertThat(admin.get("/api/v1/overstays?size=1000").body()).doesNotContain(traveller);
    }
}
