package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.platform.Ids;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A backlog of crossings goes in as the booth's crossings do: each screened against the lists in
 * force (a hit refers the crossing and waits for a supervisor), the stays worked out, all or nothing,
 * and once for each source.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=backlog")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossingBacklogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CrossingBacklog backlog;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "manfadh-demo");
    }

    @BeforeAll
    void listsAPersonOfInterest() {
        ApiClient.Response created = as("watchlist_manager").post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Backlog alerts " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listId = created.json().get("id").asString();
        ApiClient.Response imported = as("watchlist_manager").send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/watchlists/" + listId + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                        BA-1,,VANTERPOOL-HOLMGAARD,ISIDORUS MAXENTIUS,,,1968-05-17,DNK,M,,,
                        """)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = as("admin").post("/api/v1/watchlists/" + listId + "/pending/"
                + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    /** Two travellers entering at Zurbatiyah yesterday and admitted: one is on the list. */
    private CrossingBacklog.Batch backlog(String source) {
        Instant at = clock.instant().minus(Duration.ofDays(1));
        LocalDate expiry = LocalDate.now(clock).plusYears(4);
        var listed = new CrossingBacklog.Traveller(Ids.newId(), "VANTERPOOL-HOLMGAARD", "ISIDORUS MAXENTIUS", null,
                "1968-05-17", "DNK", "M");
        var other = new CrossingBacklog.Traveller(Ids.newId(), "ABERNETHY-QUILLON", "CASIMIR", null, "1990-03-02", "GBR",
                "M");
        var listedPassport = new CrossingBacklog.Document(Ids.newId(), listed.id(), "TD3", "P", "DNK",
                "2" + (10_000_000 + (int) (Math.random() * 80_000_000)), expiry);
        var otherPassport = new CrossingBacklog.Document(Ids.newId(), other.id(), "TD3", "P", "GBR",
                "5" + (10_000_000 + (int) (Math.random() * 80_000_000)), expiry);
        var point = referenceData.borderPoint("ZRB").orElseThrow();
        return new CrossingBacklog.Batch(source, List.of(listed, other), List.of(listedPassport, otherPassport), List.of(),
                List.of(), List.of(crossing(point, at, listed, listedPassport), crossing(point, at.plusSeconds(60), other,
                        otherPassport)));
    }

    private static CrossingBacklog.Crossing crossing(org.manfadh.referencedata.BorderPoint point, Instant at,
                                                     CrossingBacklog.Traveller t, CrossingBacklog.Document d) {
        return new CrossingBacklog.Crossing(Ids.newId(), point, Direction.ENTRY, at, at.plusSeconds(10), t.id(), d.id(),
                Purpose.TOURISM, TransportMode.CAR, null, null, null, "officer", null, null, null,
                List.of(new CrossingBacklog.Ruling(Ids.newId(), Decision.ADMITTED, null, null, List.of(), null, "officer",
                        at.plusSeconds(10))));
    }

    private Map<String, Object> crossingOf(String surname, String source) {
        return jdbc.sql("""
                select c.id, array_to_string(c.flags, ',') as flags, d.decision, d.note,
                       (select s.outcome from screening.screening s where s.crossing_id = c.id) as outcome,
                       (select count(*) from screening.hit h where h.crossing_id = c.id and h.initial_status = 'OPEN') as open_hits
                  from bordercontrol.crossing c
                  join bordercontrol.traveller t on t.id = c.traveller_id
                  join bordercontrol.decision d on d.crossing_id = c.id and d.kind = 'INITIAL'
                 where t.surname = :surname and c.request_hash = :source
                """).param("surname", surname).param("source", source).query().singleRow();
    }

    @Test
    void refersACrossingWhoseTravellerIsListedAndLeavesItsHitOpenForASupervisor() {
        String source = "register-backlog-" + UUID.randomUUID();

        CrossingBacklog.Loaded loaded = backlog.load(backlog(source)).orElseThrow();

        assertThat(loaded.crossings()).isEqualTo(2);
        assertThat(loaded.referredByScreening()).isEqualTo(1);
        Map<String, Object> listed = crossingOf("VANTERPOOL-HOLMGAARD", source);
        assertThat(listed.get("decision")).isEqualTo("REFERRED");
        assertThat((String) listed.get("flags")).contains("WATCHLIST_HIT", "REFERRED_BY_SCREENING");
        assertThat((String) listed.get("note")).startsWith("Referred by screening");
        assertThat(listed.get("outcome")).isEqualTo("HIT");
        assertThat(((Number) listed.get("open_hits")).longValue()).isEqualTo(1);
        Map<String, Object> other = crossingOf("ABERNETHY-QUILLON", source);
        assertThat(other.get("decision")).isEqualTo("ADMITTED");
        assertThat(other.get("outcome")).isEqualTo("CLEAR");
        assertThat(((Number) other.get("open_hits")).longValue()).isZero();
        // The second line sees the hit as it sees a booth's.
        assertThat(as("supervisor").get("/api/v1/screening/hits?size=100").body()).contains(listed.get("id").toString());
    }

    @Test
    void loadsASourceOnce() {
        String source = "register-backlog-" + UUID.randomUUID();
        assertThat(backlog.load(backlog(source))).isPresent();
        long crossings = jdbc.sql("select count(*) from bordercontrol.crossing").query(Long.class).single();

        assertThat(backlog.holds(source)).isTrue();
        assertThat(backlog.load(backlog(source))).isEmpty();
        assertThat(jdbc.sql("select count(*) from bordercontrol.crossing").query(Long.class).single()).isEqualTo(crossings);
    }

    @Test
    void refusesABacklogWhoseCrossingNamesAnUnknownTravellerAndKeepsNothing() {
        String source = "register-backlog-" + UUID.randomUUID();
        CrossingBacklog.Batch good = backlog(source);
        CrossingBacklog.Crossing first = good.crossings().getFirst();
        CrossingBacklog.Crossing stray = new CrossingBacklog.Crossing(first.id(), first.borderPoint(), first.direction(),
                first.occurredAt(), first.recordedAt(), UUID.randomUUID(), first.documentId(), first.purpose(),
                first.transport(), first.transportReference(), null, null, first.officer(), null, null, null,
                first.rulings());
        CrossingBacklog.Batch bad = new CrossingBacklog.Batch(source, good.travellers(), good.documents(), List.of(),
                List.of(), List.of(stray, good.crossings().get(1)));

        assertThatThrownBy(() -> backlog.load(bad)).isInstanceOf(Rejection.class).hasMessageContaining(first.id().toString());
        assertThat(backlog.holds(source)).isFalse();
        assertThat(jdbc.sql("select count(*) from screening.screening where crossing_id = :id")
                .param("id", good.crossings().get(1).id()).query(Long.class).single()).isZero();
    }
}
