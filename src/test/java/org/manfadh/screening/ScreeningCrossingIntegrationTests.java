package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Every crossing is screened before it is recorded: a hit is referred whatever the officer asked,
 * waits for a supervisor, and a cleared false positive stays cleared for that traveller.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.test.context=screening")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningCrossingIntegrationTests {

    @LocalServerPort
    int port;

    private String refuseListId;
    private String referListId;
    private String documentsListId;
    private String notifyListId;

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "manfadh-demo");
    }

    @BeforeAll
    void lists() {
        refuseListId = list("Travel ban " + UUID.randomUUID(), "TRAVEL_BAN", "REFUSE");
        referListId = list("National alerts " + UUID.randomUUID(), "NATIONAL_ALERT", "REFER");
        documentsListId = list("Lost and stolen " + UUID.randomUUID(), "LOST_STOLEN_DOCUMENTS", "REFER");
        notifyListId = list("Persons of interest " + UUID.randomUUID(), "OTHER", "NOTIFY_AND_ADMIT");
        importCsv(notifyListId, """
                externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note,notifyOnHit
                PI-1,,OYELARAN-BJORKQVIST,THEODORIC,,,1959-11-30,NOR,M,,,,Liaison office
                """);
        importCsv(refuseListId, """
                externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                TB-1,,QUINTAVALLE,ZEPHYRINUS OKONKWO,,,1971-02-03,ITA,M,,,
                """);
        importCsv(referListId, """
                externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                NA-1,Bartholomew Vanderstraeten,,,,Barth Vanderstraten,1966,BEL,M,,,
                """);
        importCsv(documentsListId, """
                externalId,documentNumber,issuingState,documentType,reportedOn
                LS-1,XQ7788123,FRA,PASSPORT,2026-01-05
                """);
    }

    private String list(String name, String kind, String action) {
        ApiClient.Response created = as("watchlist_manager").post("/api/v1/watchlists",
                ApiClient.json(Map.of("name", name, "kind", kind, "actionOnHit", action)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void importCsv(String listId, String csv) {
        ApiClient.Response imported = as("watchlist_manager").send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/watchlists/" + listId + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
        // A national list file takes effect once a second watchlist manager approves it.
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = as("admin").post("/api/v1/watchlists/" + listId + "/pending/"
                + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private static String number() {
        return Passports.number('K');
    }

    private ApiClient.Response record(String mrz, String direction, String decision, Boolean reviewed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", direction);
        body.put("mrz", mrz);
        body.put("purpose", "TOURISM");
        body.put("decision", decision);
        if (reviewed != null) {
            body.put("screeningReviewed", reviewed);
        }
        return as("officer").post("/api/v1/crossings", ApiClient.json(body));
    }

    private static String uniqueSurname() {
        StringBuilder s = new StringBuilder("TERRITORIO");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    @Test
    void showsEachSupervisorTheHitsOfTheirOwnBorderPointsOnly() {
        String surname = uniqueSurname();
        String listId = list("Border points " + UUID.randomUUID(), "NATIONAL_ALERT", "REFER");
        importCsv(listId, """
                externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,documentNumber,issuingState,note
                BP-1,,%s,ILARIO,,,1975-05-06,ITA,M,,,
                """.formatted(surname));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "IBK");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3("ITA", number(), surname, "ILARIO", "ITA", LocalDate.of(1975, 5, 6), 'M',
                LocalDate.now().plusYears(3)));
        body.put("decision", "ADMITTED");
        ApiClient.Response recorded = as("officer_kri").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String hitId = recorded.json().get("screening").get("matches").get(0).get("hitId").asString();

        assertThat(as("admin").get("/api/v1/screening/hits?size=1000").body()).contains(hitId);
        assertThat(as("admin").get("/api/v1/screening/hits/" + hitId).json().get("borderPoint").asString())
                .isEqualTo("IBK");
        // The supervisor works at Zurbatiyah: a hit at Ibrahim Khalil is not theirs to see or decide.
        assertThat(as("supervisor").get("/api/v1/screening/hits?size=1000").body()).doesNotContain(hitId);
        assertThat(as("supervisor").get("/api/v1/screening/hits/" + hitId).status()).isEqualTo(404);
        assertThat(as("supervisor").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "TRUE_MATCH"))).status()).isEqualTo(404);
    }

    @Test
    void showsEachAuthorityOnlyTheListsItScreensAgainst() {
        ApiClient.Response kri = as("watchlist_manager").post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Kurdistan Region alerts " + UUID.randomUUID(), "kind", "NATIONAL_ALERT",
                "actionOnHit", "REFER", "authority", "KRI")));
        assertThat(kri.status()).as(kri.body()).isEqualTo(201);
        String kriList = kri.json().get("id").asString();

        // The supervisor is federal (Zurbatiyah); the watchlist manager and admin are national.
        assertThat(as("supervisor").get("/api/v1/watchlists/" + kriList).status()).isEqualTo(404);
        assertThat(as("supervisor").get("/api/v1/watchlists?size=1000").body()).doesNotContain(kriList)
                .contains(referListId);
        assertThat(as("admin").get("/api/v1/watchlists/" + kriList).status()).isEqualTo(200);
        assertThat(as("watchlist_manager").get("/api/v1/watchlists?size=1000").body()).contains(kriList);
    }

    private static List<String> flags(JsonNode crossing) {
        List<String> flags = new ArrayList<>();
        crossing.get("flags").forEach(f -> flags.add(f.asString()));
        return flags;
    }

    @Test
    void checksANameAgainstTheListsAndExplainsTheMatch() {
        ApiClient.Response hit = as("officer").post("/api/v1/screening/check", ApiClient.json(Map.of(
                "surname", "QUINTAVALLE", "givenNames", "ZEPHYRINUS OKONKWO", "dateOfBirth", "1971-02-03",
                "nationality", "ITA")));
        assertThat(hit.status()).as(hit.body()).isEqualTo(200);
        assertThat(hit.json().get("outcome").asString()).isEqualTo("HIT");
        JsonNode best = hit.json().get("matches").get(0);
        assertThat(best.get("externalId").asString()).isEqualTo("TB-1");
        assertThat(best.get("listId").asString()).isEqualTo(refuseListId);
        assertThat(best.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(best.get("explanation").isArray()).isTrue();
        assertThat(best.get("explanation").size()).isPositive();

        ApiClient.Response clear = as("officer").post("/api/v1/screening/check",
                ApiClient.json(Map.of("fullName", "Agnieszka Wroblewska-Nowicka", "nationality", "POL")));
        assertThat(clear.json().get("outcome").asString()).isEqualTo("CLEAR");
        assertThat(clear.json().get("matches").size()).isZero();
    }

    @Test
    void refusesACheckWithoutAName() {
        ApiClient.Response bad = as("officer").post("/api/v1/screening/check",
                ApiClient.json(Map.of("dateOfBirth", "1971-13-45", "nationality", "ITALY")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("fullName").contains("dateOfBirth").contains("nationality");
    }

    @Test
    void refersAHitWhateverTheOfficerAskedAndBarsAdmissionUntilASupervisorDecides() {
        String mrz = Passports.td3("BEL", number(), "VANDERSTRAETEN", "BARTHOLOMEW", "BEL",
                LocalDate.of(1966, 7, 1), 'M', LocalDate.now().plusYears(3));
        ApiClient.Response recorded = record(mrz, "ENTRY", "ADMITTED", null);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode crossing = recorded.json();
        assertThat(crossing.get("decision").asString()).isEqualTo("REFERRED");
        assertThat(flags(crossing)).contains("WATCHLIST_HIT", "REFERRED_BY_SCREENING");
        assertThat(crossing.get("screening").get("outcome").asString()).isEqualTo("HIT");
        JsonNode match = crossing.get("screening").get("matches").get(0);
        assertThat(match.get("externalId").asString()).isEqualTo("NA-1");
        assertThat(match.get("hitStatus").asString()).isEqualTo("OPEN");
        String hitId = match.get("hitId").asString();
        String crossingId = crossing.get("id").asString();

        ApiClient.Response admit = as("supervisor").post("/api/v1/crossings/" + crossingId + "/decisions",
                ApiClient.json(Map.of("decision", "ADMITTED")));
        assertThat(admit.status()).as(admit.body()).isEqualTo(409);
        assertThat(admit.json().get("type").asString()).endsWith("watchlist-hit-open");

        ApiClient.Response queue = as("supervisor").get("/api/v1/screening/hits?size=1000");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(hitId);

        assertThat(as("officer").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "FALSE_POSITIVE", "note", "other person"))).status()).isEqualTo(403);
        ApiClient.Response noNote = as("supervisor").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "FALSE_POSITIVE")));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");

        ApiClient.Response cleared = as("supervisor").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "FALSE_POSITIVE", "note", "Different father's name; born in July.")));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("status").asString()).isEqualTo("FALSE_POSITIVE");
        assertThat(as("supervisor").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "TRUE_MATCH"))).status()).isEqualTo(409);

        ApiClient.Response admitted = as("supervisor").post("/api/v1/crossings/" + crossingId + "/decisions",
                ApiClient.json(Map.of("decision", "ADMITTED")));
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.json().get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.json().get("screening").get("matches").get(0).get("hitStatus").asString())
                .isEqualTo("FALSE_POSITIVE");

        // The same traveller leaves and comes back: the cleared entry no longer alerts.
        ApiClient.Response exit = record(mrz, "EXIT", "ADMITTED", null);
        assertThat(exit.status()).as(exit.body()).isEqualTo(201);
        assertThat(exit.json().get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(exit.json().get("screening").get("outcome").asString()).isEqualTo("CLEAR");
        assertThat(exit.json().get("screening").get("suppressed").get(0).get("externalId").asString())
                .isEqualTo("NA-1");
    }

    @Test
    void closesAReferralWithARefusalWhenAHitOnARefusingListIsConfirmed() {
        String mrz = Passports.td3("ITA", number(), "QUINTAVALLE", "ZEPHYRINUS OKONKWO", "ITA",
                LocalDate.of(1971, 2, 3), 'M', LocalDate.now().plusYears(3));
        ApiClient.Response recorded = record(mrz, "ENTRY", "ADMITTED", true);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decision").asString()).isEqualTo("REFERRED");
        String hitId = recorded.json().get("screening").get("matches").get(0).get("hitId").asString();

        ApiClient.Response confirmed = as("supervisor").post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", "TRUE_MATCH", "note", "Fingerprints match the alert.")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        ApiClient.Response crossing = as("supervisor").get("/api/v1/crossings/" + recorded.json().get("id").asString());
        assertThat(crossing.json().get("decision").asString()).isEqualTo("REFUSED");
        assertThat(crossing.json().get("reasonCode").asString()).isEqualTo("H");
        ApiClient.Response admit = as("supervisor").post("/api/v1/crossings/" + recorded.json().get("id").asString()
                + "/decisions", ApiClient.json(Map.of("decision", "ADMITTED")));
        assertThat(admit.status()).isEqualTo(409);
        assertThat(admit.json().get("type").asString()).endsWith("watchlist-refusal");
    }

    @Test
    void admitsAndNotifiesWhenAHitOnANotifyAndAdmitListIsConfirmed() {
        String mrz = Passports.td3("NOR", number(), "OYELARAN BJORKQVIST", "THEODORIC", "NOR",
                LocalDate.of(1959, 11, 30), 'M', LocalDate.now().plusYears(3));
        ApiClient.Response recorded = record(mrz, "ENTRY", "ADMITTED", null);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decision").asString()).isEqualTo("REFERRED");
        JsonNode match = recorded.json().get("screening").get("matches").get(0);
        assertThat(match.get("listId").asString()).isEqualTo(notifyListId);

        ApiClient.Response confirmed = as("supervisor").post("/api/v1/screening/hits/" + match.get("hitId").asString()
                + "/adjudication", ApiClient.json(Map.of("verdict", "TRUE_MATCH")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        JsonNode crossing = as("supervisor").get("/api/v1/crossings/" + recorded.json().get("id").asString()).json();
        assertThat(crossing.get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(crossing.get("note").asString()).contains("Liaison office");
    }

    @Test
    void findsALostPassportByItsNumberAndLetsARefusalStand() {
        String mrz = Passports.td3("FRA", "XQ7788123", "DUPONTEL", "MARGUERITE", "FRA",
                LocalDate.of(1990, 4, 4), 'F', LocalDate.now().plusYears(3));
        // The officer refuses on the reported document: a refusal stands, the hit is still kept.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", mrz);
        body.put("decision", "REFUSED");
        body.put("reasonCode", "A");
        ApiClient.Response refused = as("officer").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(201);
        assertThat(refused.json().get("decision").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().get("screening").get("outcome").asString()).isEqualTo("HIT");
        assertThat(refused.json().get("screening").get("matches").get(0).get("externalId").asString())
                .isEqualTo("LS-1");
    }

    @Test
    void recordsAnOrdinaryTravellerAsAskedWithAClearScreening() {
        String mrz = Passports.td3("TUR", number(), "YILDIRIMOGLU", "MEHMET EMRE", "TUR",
                LocalDate.of(1988, 9, 9), 'M', LocalDate.now().plusYears(3));
        ApiClient.Response recorded = record(mrz, "ENTRY", "ADMITTED", null);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(recorded.json().get("screening").get("outcome").asString()).isEqualTo("CLEAR");
        assertThat(flags(recorded.json())).doesNotContain("WATCHLIST_HIT", "WATCHLIST_POSSIBLE_MATCH");
    }
}
