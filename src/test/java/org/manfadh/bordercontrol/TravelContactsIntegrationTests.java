package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The register's reads for contact tracing, over crossings recorded through the API: the same transport on the
 * same border day whatever way its reference is written, the border point's hours either side to the minute,
 * voided crossings left out, and only the caller's jurisdiction.
 */
@ManfadhIntegrationTest
class TravelContactsIntegrationTests {

    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    static final Caller HEALTH = new Caller("health_officer", Set.of("HEALTH_OFFICER"));

    @LocalServerPort
    int port;

    @Autowired
    TravelContacts contacts;

    /** A moment some weeks back at a random minute, on the border's clock, so that no other test crosses near it. */
    static LocalDateTime quietMoment(int hour) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return LocalDate.now(BAGHDAD).minusDays(20 + r.nextInt(300)).atTime(hour, r.nextInt(60));
    }

    static Instant at(LocalDateTime borderTime) {
        return borderTime.atZone(BAGHDAD).toInstant();
    }

    /** Records a crossing of an Iraqi citizen as the administrator; its id. */
    static UUID record(int port, String point, String direction, Instant occurredAt, Map<String, Object> transport,
                       String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", direction);
        body.put("mrz", Passports.td3(Passports.number('T'), Passports.surname("TRACE", 6), "ALI", "IRQ",
                LocalDate.of(1985, 3, 4)));
        body.put("occurredAt", occurredAt.toString());
        body.put("lateReason", "Typed in from the paper register");
        if (transport != null) {
            body.put("transport", transport);
        }
        body.put("decision", decision);
        if (decision.equals("REFUSED")) {
            body.put("reasonCode", "A");
        }
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(body.get("id").toString());
    }

    UUID record(String point, String direction, Instant occurredAt, Map<String, Object> transport) {
        return record(port, point, direction, occurredAt, transport, "ADMITTED");
    }

    static Map<String, Object> transport(String mode, String reference) {
        return Map.of("mode", mode, "reference", reference);
    }

    private static List<UUID> ids(List<TravelContacts.Contact> list) {
        return list.stream().map(TravelContacts.Contact::crossingId).toList();
    }

    @Test
    void findsTheSameFlightOnTheSameBorderDayButNotTheNext() {
        String flight = "IA " + ThreadLocalRandom.current().nextInt(1000, 9999);
        LocalDateTime evening = quietMoment(20);
        UUID index = record("BGW", "ENTRY", at(evening), transport("AIR", flight));
        UUID beside = record("BGW", "ENTRY", at(evening.plusMinutes(3)), transport("AIR", flight));
        UUID earlier = record("BGW", "EXIT", at(evening.withHour(6)), transport("AIR", flight));
        // Five hours on, but after midnight on the border's clock: another day, another flight.
        UUID nextDay = record("BGW", "ENTRY", at(evening.plusHours(5)), transport("AIR", flight));

        List<TravelContacts.Contact> same = contacts.sameTransport(index, HEALTH).orElseThrow();

        assertThat(ids(same)).containsExactly(earlier, beside).doesNotContain(index, nextDay);
        assertThat(same.get(1).transport().reference()).isEqualTo(flight);
        assertThat(contacts.sameTransport(nextDay, HEALTH).orElseThrow()).isEmpty();
    }

    @Test
    void matchesABusReferenceWrittenDifferentlyButNotAnotherMode() {
        int number = ThreadLocalRandom.current().nextInt(100, 999);
        LocalDateTime noon = quietMoment(12);
        UUID index = record("ZRB", "ENTRY", at(noon), transport("BUS", "ba-" + number));
        UUID spaced = record("ZRB", "ENTRY", at(noon.plusMinutes(1)), transport("BUS", "BA " + number));
        UUID joined = record("ZRB", "ENTRY", at(noon.plusMinutes(2)), transport("BUS", "Ba" + number));
        UUID car = record("ZRB", "ENTRY", at(noon.plusMinutes(2)), transport("CAR", "BA-" + number));

        assertThat(ids(contacts.sameTransport(index, HEALTH).orElseThrow())).containsExactly(spaced, joined);
        assertThat(ids(contacts.sameTransport(car, HEALTH).orElseThrow())).isEmpty();
    }

    @Test
    void keepsTheBorderPointsHoursToTheMinuteNearestFirstWithoutTheTransportsOwn() {
        LocalDateTime morning = quietMoment(9);
        String bus = "BUS-" + ThreadLocalRandom.current().nextInt(10000, 99999);
        UUID index = record("ZRB", "ENTRY", at(morning), transport("BUS", bus));
        UUID onTheBus = record("ZRB", "ENTRY", at(morning.plusMinutes(1)), transport("BUS", bus));
        UUID twoHoursBefore = record("ZRB", "EXIT", at(morning.minusHours(2)), null);
        UUID twoHoursAfter = record("ZRB", "ENTRY", at(morning.plusHours(2)), transport("CAR", "12345"));
        UUID justAfter = record("ZRB", "ENTRY", at(morning.plusHours(2).plusMinutes(1)), null);
        UUID justBefore = record("ZRB", "ENTRY", at(morning.minusHours(2).minusMinutes(1)), null);
        UUID elsewhere = record("MDL", "ENTRY", at(morning.plusMinutes(5)), null);
        UUID near = record("ZRB", "ENTRY", at(morning.plusMinutes(30)), null);

        TravelContacts.Nearby nearby = contacts.sameBorderPoint(index, 2, 100, HEALTH).orElseThrow();

        assertThat(ids(nearby.contacts())).containsExactly(near, twoHoursBefore, twoHoursAfter)
                .doesNotContain(index, onTheBus, justAfter, justBefore, elsewhere);
        assertThat(nearby.total()).isEqualTo(3);
        TravelContacts.Nearby first = contacts.sameBorderPoint(index, 2, 1, HEALTH).orElseThrow();
        assertThat(ids(first.contacts())).containsExactly(near);
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(contacts.sameBorderPoint(index, 0, 100, HEALTH).orElseThrow().contacts())).isEmpty();
    }

    @Test
    void leavesVoidedCrossingsOut() {
        LocalDateTime afternoon = quietMoment(15);
        String flight = "FZ " + ThreadLocalRandom.current().nextInt(1000, 9999);
        UUID index = record("BGW", "ENTRY", at(afternoon), transport("AIR", flight));
        UUID kept = record("BGW", "ENTRY", at(afternoon.plusMinutes(2)), transport("AIR", flight));
        UUID voided = record("BGW", "ENTRY", at(afternoon.plusMinutes(3)), transport("AIR", flight));
        UUID voidedNear = record("BGW", "ENTRY", at(afternoon.plusMinutes(40)), null);
        for (UUID id : List.of(voided, voidedNear)) {
            ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings/" + id + "/void",
                    ApiClient.json(Map.of("reason", "Recorded twice")));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }

        assertThat(ids(contacts.sameTransport(index, HEALTH).orElseThrow())).containsExactly(kept);
        assertThat(ids(contacts.sameBorderPoint(index, 2, 100, HEALTH).orElseThrow().contacts()))
                .doesNotContain(voidedNear, voided);
        assertThat(contacts.sameTransport(voided, HEALTH)).isEmpty();
        assertThat(contacts.crossing(voided, HEALTH)).isEmpty();
    }

    @Test
    void findsACrossingWhereAndWhenACorrectionPutIt() {
        LocalDateTime morning = quietMoment(7);
        String flight = "RJ " + ThreadLocalRandom.current().nextInt(1000, 9999);
        UUID index = record("ZRB", "ENTRY", at(morning), transport("BUS", flight));
        UUID recordedElsewhere = record("MNT", "ENTRY", at(morning.plusMinutes(10)), null);
        UUID recordedLater = record("ZRB", "ENTRY", at(morning.plusHours(5)), transport("BUS", flight));
        UUID movedAway = record("ZRB", "ENTRY", at(morning.plusMinutes(20)), null);
        correct(recordedElsewhere, Map.of("borderPoint", "ZRB"));
        correct(recordedLater, Map.of("occurredAt", at(morning.plusMinutes(15)).toString()));
        correct(movedAway, Map.of("borderPoint", "MNT"));

        assertThat(ids(contacts.sameTransport(index, HEALTH).orElseThrow())).containsExactly(recordedLater);
        assertThat(ids(contacts.sameBorderPoint(index, 1, 100, HEALTH).orElseThrow().contacts()))
                .containsExactly(recordedElsewhere).doesNotContain(movedAway, recordedLater);
    }

    private void correct(UUID id, Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>(change);
        body.put("reason", "Recorded wrongly");
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings/" + id + "/corrections",
                ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void answersOnlyInsideTheCallersJurisdiction() {
        LocalDateTime evening = quietMoment(18);
        String bus = "KRI-" + ThreadLocalRandom.current().nextInt(10000, 99999);
        UUID atZurbatiyah = record("ZRB", "ENTRY", at(evening), transport("BUS", bus));
        UUID atIbrahimKhalil = record("IBK", "ENTRY", at(evening.plusMinutes(5)), transport("BUS", bus));
        Caller kri = new Caller("officer_kri", Set.of("OFFICER"));
        Caller federal = new Caller("officer", Set.of("OFFICER"));

        assertThat(contacts.sameTransport(atZurbatiyah, kri)).isEmpty();
        assertThat(contacts.sameBorderPoint(atZurbatiyah, 2, 10, kri)).isEmpty();
        assertThat(ids(contacts.sameTransport(atZurbatiyah, federal).orElseThrow())).isEmpty();
        assertThat(ids(contacts.sameTransport(atZurbatiyah, HEALTH).orElseThrow())).containsExactly(atIbrahimKhalil);
        assertThat(ids(contacts.crossings(List.of(atZurbatiyah, atIbrahimKhalil), kri))).containsExactly(atIbrahimKhalil);
    }

    @Test
    void listsEntriesFromCountriesOverTheirBorderFromTheirAirportsOrThroughThem() {
        LocalDateTime day = quietMoment(11);
        String origin = "CHN";
        UUID overLand = record("ZRB", "ENTRY", at(day), null);
        UUID leaving = record("ZRB", "EXIT", at(day.plusMinutes(1)), null);
        UUID refused = record(port, "ZRB", "ENTRY", at(day.plusMinutes(2)), null, "REFUSED");
        UUID flown = record("BGW", "ENTRY", at(day.plusMinutes(3)),
                Map.of("mode", "AIR", "reference", "CA 9" + ThreadLocalRandom.current().nextInt(100, 999), "origin", origin));
        UUID through = record("BGW", "ENTRY", at(day.plusMinutes(4)),
                Map.of("mode", "AIR", "reference", "EK 1", "origin", "ARE", "via", List.of(origin)));
        UUID fromElsewhere = record("BGW", "ENTRY", at(day.plusMinutes(5)),
                Map.of("mode", "AIR", "reference", "TK 2", "origin", "TUR"));
        LocalDate d = day.toLocalDate();

        List<UUID> fromIran = ids(contacts.arrivalsFrom(Set.of("IRN"), d, d, 10_000, HEALTH));
        List<UUID> fromChina = ids(contacts.arrivalsFrom(Set.of(origin), d, d, 10_000, HEALTH));

        assertThat(fromIran).contains(overLand).doesNotContain(leaving, refused, flown, through, fromElsewhere);
        assertThat(fromChina).containsExactlyInAnyOrder(flown, through);
        assertThat(ids(contacts.arrivalsFrom(Set.of(origin), d.plusDays(1), d.plusDays(2), 10, HEALTH))).isEmpty();
    }
}
