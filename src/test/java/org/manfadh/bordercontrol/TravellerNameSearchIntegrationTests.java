package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.internal.TravellerNameKeys;
import org.manfadh.screening.NameKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Travellers found by name however the name is written, through the API and the screen: in Arabic
 * script or Latin letters whichever way it is stored, given name first or surname first, without a
 * middle name, misspelt, in Gulf and Iraqi spellings; best first and paged; never beyond the
 * caller's jurisdiction; and travellers that arrive from a post keyed by this node itself.
 *
 * <p>The travellers share a birth date no other test uses, and the searches ask for it, so that
 * other tests' travellers never enter the results; one search without it shows the name alone finds.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravellerNameSearchIntegrationTests {

    private static final LocalDate BORN = LocalDate.of(1941, 7, 23);

    @LocalServerPort
    int port;

    @Autowired
    CrossingReplication replication;

    @Autowired
    TravellerNameKeys travellerNameKeys;

    @Autowired
    NameKeys nameKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    /** Aljubouri Mohammed Kadhim, with the name in Arabic script: at Zurbatiyah. */
    private String both;
    /** The Gulf spelling, Latin letters only: at Zurbatiyah. */
    private String gulf;
    /** The document's ICAO transliteration (ALJBWRY MHMD KZM) beside the name in Arabic script: at Zurbatiyah. */
    private String icao;
    /** Another man born the same day: at Zurbatiyah. */
    private String other;
    /** The same name as {@link #both}, seen only at Ibrahim Khalil (KRI). */
    private String atIbrahimKhalil;

    @BeforeAll
    void recordTravellers() {
        both = record("ZRB", "ALJUBOURI", "MOHAMMED KADHIM", "محمد كاظم الجبوري", "IRQ");
        gulf = record("ZRB", "AL JUBOURI", "MUHAMMAD KAZIM", null, "IRQ");
        icao = record("ZRB", "ALJBWRY", "MHMD KZM", "محمد كاظم الجبوري", "IRQ");
        other = record("ZRB", "ALTIKRITI", "MAHMOUD HASSAN", "محمود حسن التكريتي", "IRQ");
        // another nationality: not taken for the same person as the first
        atIbrahimKhalil = record("IBK", "ALJUBOURI", "MOHAMMED KADHIM", "محمد كاظم الجبوري", "JOR");
    }

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private ApiClient as(String user) {
        return new ApiClient(port).as(user, "manfadh-demo");
    }

    private String record(String borderPoint, String surname, String givenNames, String original, String nationality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", borderPoint);
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(nationality, Passports.number('N'), surname, givenNames, nationality, BORN, 'M',
                LocalDate.now().plusYears(5)));
        if (original != null) {
            body.put("nameOriginalScript", original);
        }
        body.put("purpose", "FAMILY");
        body.put("decision", "ADMITTED");
        ApiClient.Response response = admin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("travellerId").asString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode search(ApiClient client, String name, String more) {
        ApiClient.Response response = client.get("/api/v1/travellers?name=" + encoded(name) + more);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The travellers a search finds, best first, among those born on the test's day. */
    private List<String> found(ApiClient client, String name) {
        List<String> ids = new ArrayList<>();
        search(client, name, "&dateOfBirth=" + BORN + "&size=50").get("content").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }

    @Test
    void findsAnArabicScriptNameStoredExactlySoAndInLatinLettersOnly() {
        List<String> ids = found(admin(), "محمد كاظم الجبوري");

        assertThat(ids).contains(both, gulf, icao, atIbrahimKhalil).doesNotContain(other);
        // the names stored in Arabic script exactly so come before the one written in Latin letters only
        assertThat(ids.indexOf(gulf)).isGreaterThan(ids.indexOf(both)).isGreaterThan(ids.indexOf(icao));
    }

    @Test
    void findsALatinNameStoredInArabicScript() {
        // ALJBWRY MHMD KZM is found through its name in Arabic script
        assertThat(found(admin(), "Mohammed Kadhim Al-Jubouri")).contains(both, gulf, icao).doesNotContain(other);
    }

    @Test
    void findsGivenNameFirstAndSurnameFirstAndWithoutTheMiddleName() {
        assertThat(found(admin(), "Mohammed Kadhim Aljubouri")).startsWith(both).contains(gulf, icao);
        assertThat(found(admin(), "ALJUBOURI MOHAMMED KADHIM")).startsWith(both).contains(gulf, icao);
        assertThat(found(admin(), "Aljubouri Mohammed")).contains(both, gulf, icao).doesNotContain(other);
    }

    @Test
    void findsSmallMisspellingsAndGulfAndIraqiSpellings() {
        assertThat(found(admin(), "Mohamad Kadim Jubori")).contains(both, gulf, icao).doesNotContain(other);
        // the traveller spelt exactly as searched first
        assertThat(found(admin(), "Muhammad Kazim Al Jubouri")).startsWith(gulf).contains(both, icao);
        assertThat(found(admin(), "Kazim Aljubouri")).contains(both, gulf, icao);
    }

    @Test
    void findsByNameAloneWithoutABirthDate() {
        List<String> ids = new ArrayList<>();
        search(admin(), "محمد كاظم الجبوري", "&size=1000").get("content").forEach(t -> ids.add(t.get("id").asString()));
        assertThat(ids).contains(both, gulf, icao);
    }

    @Test
    void pagesTheRankedTravellers() {
        List<String> all = found(admin(), "Mohammed Kadhim Aljubouri");
        JsonNode second = search(admin(), "Mohammed Kadhim Aljubouri", "&dateOfBirth=" + BORN + "&size=1&page=1");

        assertThat(second.get("page").get("totalElements").asLong()).isEqualTo(all.size());
        assertThat(second.get("content").size()).isEqualTo(1);
        assertThat(second.get("content").get(0).get("id").asString()).isEqualTo(all.get(1));
    }

    @Test
    void findsNoTravellerOutsideTheCallersJurisdiction() {
        // officer: Zurbatiyah's side (federal); officer_kri: Ibrahim Khalil's (KRI)
        JsonNode federal = search(as("officer"), "محمد كاظم الجبوري", "&dateOfBirth=" + BORN + "&size=50");
        JsonNode kri = search(as("officer_kri"), "Mohammed Kadhim Aljubouri", "&dateOfBirth=" + BORN + "&size=50");

        assertThat(federal.toString()).doesNotContain(atIbrahimKhalil).contains(both);
        assertThat(federal.get("page").get("totalElements").asLong()).isEqualTo(federal.get("content").size());
        assertThat(kri.get("content").size()).isEqualTo(1);
        assertThat(kri.get("content").get(0).get("id").asString()).isEqualTo(atIbrahimKhalil);
        assertThat(kri.get("page").get("totalElements").asLong()).isEqualTo(1);

        String screen = as("officer_kri").get("/travellers?name=" + encoded("محمد كاظم الجبوري")
                + "&dateOfBirth=" + BORN).body();
        assertThat(screen).contains("/travellers/" + atIbrahimKhalil).doesNotContain(both).doesNotContain(gulf);
    }

    @Test
    void showsTheTravellersFoundOnTheScreen() {
        String arabic = as("officer").get("/travellers?name=" + encoded("محمد كاظم الجبوري") + "&dateOfBirth=" + BORN
                + "&lang=ar").body();
        String misspelt = as("officer").get("/travellers?name=" + encoded("Kadim Mohamad") + "&dateOfBirth=" + BORN).body();

        assertThat(arabic).contains("/travellers/" + both, "/travellers/" + gulf, "/travellers/" + icao)
                .doesNotContain("/travellers/" + other).doesNotContain("/travellers/" + atIbrahimKhalil);
        assertThat(arabic.indexOf("/travellers/" + both)).isLessThan(arabic.indexOf("/travellers/" + gulf));
        assertThat(misspelt).contains("/travellers/" + both, "/travellers/" + gulf, "/travellers/" + icao);
    }

    @Test
    void refusesANameWithoutLettersClearly() {
        ApiClient.Response response = admin().get("/api/v1/travellers?name=" + encoded("- ' -"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body()).contains("name");
        assertThat(as("officer").get("/travellers?name=" + encoded("--")).status()).isEqualTo(200);
    }

    @Test
    void keysATravellerFromAPostItselfAndFindsThem() {
        // A post's record of a crossing as headquarters applies it: a traveller this node has never keyed, with
        // keys the post made up beside it (which a traveller's record has no place for, and which are not taken).
        String crossing = as("officer").get("/api/v1/travellers/" + both).json().get("crossings").get(0).get("id")
                .asString();
        ObjectNode record = (ObjectNode) JsonMapper.builder().build().readTree(replication.export(UUID.fromString(crossing))
                .orElseThrow());
        UUID traveller = UUID.randomUUID();
        UUID document = UUID.randomUUID();
        UUID crossingId = UUID.randomUUID();
        ObjectNode t = (ObjectNode) record.get("traveller");
        t.put("id", traveller.toString());
        t.put("surname", "ALKHAZRAJI");
        t.put("given_names", "ABBAS FADHIL");
        t.put("name_original", "عباس فاضل الخزرجي");
        t.put("name_key", "ALKHAZRAJI ABBAS FADHIL");
        nameKeys.keysOf(List.of("SADDAM")).forEach(t.putArray("keys")::add);
        ObjectNode d = (ObjectNode) record.get("document");
        d.put("id", document.toString());
        d.put("traveller_id", traveller.toString());
        d.put("document_number", Passports.number('P'));
        ObjectNode c = (ObjectNode) record.get("crossing");
        c.put("id", crossingId.toString());
        c.put("traveller_id", traveller.toString());
        c.put("document_id", document.toString());
        record.get("decisions").forEach(decision -> {
            ((ObjectNode) decision).put("id", UUID.randomUUID().toString());
            ((ObjectNode) decision).put("crossing_id", crossingId.toString());
        });
        ((ObjectNode) record).putArray("amendments");
        transaction.executeWithoutResult(status -> replication.apply(List.of(record)));

        travellerNameKeys.catchUp();

        List<String> stored = jdbc.sql("select unnest(keys) from bordercontrol.traveller_name_keys where traveller_id = :id")
                .param("id", traveller).query(String.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
                nameKeys.keysOf(List.of("ALKHAZRAJI ABBAS FADHIL", "عباس فاضل الخزرجي")));
        assertThat(found(admin(), "عباس فاضل الخزرجي")).containsExactly(traveller.toString());
        assertThat(found(admin(), "Abbas Fadil Khazraji")).containsExactly(traveller.toString());
        assertThat(found(admin(), "Saddam")).isEmpty();
    }
}
