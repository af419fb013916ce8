package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

/**
 * The screens' reads of travellers' personal data are in the audit trail as the API's are: who,
 * when, from where, what and the ids of the records the screen showed. Each test signs in with an
 * account of its own, so the account's latest read is the screen it just asked for.
 */
@ManfadhIntegrationTest
class ScreenAuditIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    /** The tables' owner: the application's own role may not alter the audit trail's table. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private String username;
    private HttpClient browser;

    @BeforeEach
    void signIn() {
        username = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of("SUPERVISOR"), "jurisdiction", Map.of("authority", "NATIONAL"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String token = token(get("/inspection").body());
        StringBuilder body = new StringBuilder("_csrf=").append(token);
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The account's latest read of personal data. */
    private JsonNode lastRead() {
        ApiClient.Response response = admin().get("/api/v1/audit?size=1&action=READ_PERSONAL_DATA&username=" + username);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode content = response.json().get("content");
        assertThat(content.size()).as("a read is recorded").isEqualTo(1);
        return content.get(0);
    }

    private static List<String> ids(JsonNode event) {
        List<String> ids = new ArrayList<>();
        event.get("recordIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static Set<String> idsIn(String html, String prefix) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(" + UUID_TEXT.pattern() + ")").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String number() {
        return Passports.number('S');
    }

    private static String surname() {
        return Passports.surname("AUDITED", 8);
    }

    private JsonNode cross(String mrz, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", mrz);
        body.put("decision", decision);
        if (decision.equals("REFUSED")) {
            body.put("reasonCode", "A");
        }
        ApiClient.Response response = new ApiClient(port).as("officer", "manfadh-demo")
                .post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String passport(String number, String surname) {
        return Passports.td3(number, surname, "SAMI", "IRN", LocalDate.of(1979, 4, 2));
    }

    private void assertRead(JsonNode event, String what, String... recordIds) {
        assertThat(event.get("username").asString()).isEqualTo(username);
        assertThat(event.get("what").asString()).startsWith(what);
        assertThat(event.get("outcome").asInt()).isEqualTo(200);
        assertThat(event.get("clientAddress").asString()).isNotBlank();
        if (recordIds.length > 0) {
            assertThat(ids(event)).contains(recordIds);
        }
    }

    @Test
    void recordsTheTravellersASearchShowed() {
        String name = surname();
        String traveller = cross(passport(number(), name), "ADMITTED").get("travellerId").asString();

        HttpResponse<String> page = get("/travellers?name=" + name);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name);
        assertRead(lastRead(), "GET /travellers", traveller);
    }

    @Test
    void recordsATravellersProfileWithItsCrossings() {
        String name = surname();
        String number = number();
        JsonNode first = cross(passport(number, name), "ADMITTED");
        String traveller = first.get("travellerId").asString();

        HttpResponse<String> page = get("/travellers/" + traveller);

        assertThat(page.statusCode()).isEqualTo(200);
        assertRead(lastRead(), "GET /travellers/" + traveller, traveller, first.get("id").asString());
    }

    @Test
    void recordsAProfileAskedForThatCannotBeShown() {
        String unknown = UUID.randomUUID().toString();

        assertThat(get("/travellers/" + unknown).statusCode()).isEqualTo(404);

        JsonNode read = lastRead();
        assertThat(read.get("outcome").asInt()).isEqualTo(404);
        assertThat(ids(read)).containsExactly(unknown);
    }

    @Test
    void recordsTheOverstayersListed() {
        HttpResponse<String> page = get("/overstays?asOf=" + LocalDate.now().plusYears(2));

        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode read = lastRead();
        assertRead(read, "GET /overstays");
        assertThat(ids(read)).containsAll(idsIn(page.body(), "/travellers/"));
    }

    @Test
    void recordsTheRefusedCrossingOnARefusalNotice() {
        JsonNode refused = cross(passport(number(), surname()), "REFUSED");
        String id = refused.get("id").asString();

        HttpResponse<String> page = get("/crossings/" + id + "/refusal-notice");

        assertThat(page.statusCode()).isEqualTo(200);
        assertRead(lastRead(), "GET /crossings/" + id + "/refusal-notice", id, refused.get("travellerId").asString());
    }

    @Test
    void recordsTheReferralsAndHitsInTheSecondLinesQueues() {
        String number = number();
        ApiClient manager = new ApiClient(port).as("watchlist_manager", "manfadh-demo");
        ApiClient.Response list = manager.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Lost " + UUID.randomUUID(), "kind", "LOST_STOLEN_DOCUMENTS", "actionOnHit", "REFER")));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        ApiClient.Response imported = manager.send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/watchlists/" + list.json().get("id").asString()
                        + "/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,documentNumber,issuingState,documentType,reportedOn
                        LS-1,%s,IRN,PASSPORT,2026-01-05
                        """.formatted(number))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        ApiClient.Response approved = new ApiClient(port).asDemoAdmin().post("/api/v1/watchlists/"
                + list.json().get("id").asString() + "/pending/" + imported.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode referred = cross(passport(number, surname()), "ADMITTED");
        assertThat(referred.get("decision").asString()).isEqualTo("REFERRED");

        HttpResponse<String> queue = get("/second-line");
        assertThat(queue.statusCode()).isEqualTo(200);
        Set<String> shown = idsIn(queue.body(), "id=\"crossing-");
        assertThat(shown).isNotEmpty();
        JsonNode queueRead = lastRead();
        assertRead(queueRead, "GET /second-line");
        assertThat(ids(queueRead)).containsAll(shown);

        HttpResponse<String> hits = get("/second-line/hits");
        assertThat(hits.statusCode()).isEqualTo(200);
        Set<String> hitsShown = idsIn(hits.body(), "id=\"open-hit-");
        assertThat(hitsShown).isNotEmpty();
        JsonNode hitsRead = lastRead();
        assertRead(hitsRead, "GET /second-line/hits");
        assertThat(ids(hitsRead)).containsAll(hitsShown).containsAll(idsIn(hits.body(), "#crossing-"));
    }

    @Test
    void recordsTheTravellerAndHistoryAnInspectionShowed() {
        String number = number();
        String mrz = passport(number, surname());
        JsonNode earlier = cross(mrz, "ADMITTED");

        HttpResponse<String> booth = post("/inspection/read", Map.of("mrz", mrz));

        assertThat(booth.statusCode()).isEqualTo(200);
        assertRead(lastRead(), "POST /inspection/read", earlier.get("travellerId").asString(),
                earlier.get("id").asString());
        ApiClient.Response changes = admin().get("/api/v1/audit?size=5&action=CHANGE&username=" + username);
        assertThat(changes.json().get("content").size()).as("reading a document changes nothing").isZero();
    }

    @Test
    void showsNothingWhenTheReadCannotBeRecorded() {
        String name = surname();
        String traveller = cross(passport(number(), name), "ADMITTED").get("travellerId").asString();
        // Signed in (and the sign-in recorded) before the trail refuses this account's events.
        assertThat(get("/inspection").statusCode()).isEqualTo(200);
        owner().sql("alter table access.audit_event add constraint screen_audit_test check (username <> '" + username
                + "') not valid").update();
        HttpResponse<String> page;
        try {
            page = get("/travellers/" + traveller);
        } finally {
            owner().sql("alter table access.audit_event drop constraint screen_audit_test").update();
        }

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain(name);
    }
}
