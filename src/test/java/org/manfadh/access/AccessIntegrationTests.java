package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Jurisdictions where records are read, lock-out, the audit trail and the accounts API, through
 * the real server. The demo officer and supervisor work at Zurbatiyah (ZRB, federal); officer_kri
 * at Ibrahim Khalil (IBK, Kurdistan Region); admin and analyst are national.
 */
@ManfadhIntegrationTest
class AccessIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail auditTrail;

    /** The tables' owner, as a database administrator (or an intruder with the owner's password) would connect. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private ApiClient as(String username) {
        return new ApiClient(port).as(username, "manfadh-demo");
    }

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private static String number() {
        return Passports.number('J');
    }

    private static String surname() {
        return Passports.surname("JURIS", 8);
    }

    private static Map<String, Object> crossing(String point, String direction, String mrz) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", direction);
        body.put("mrz", mrz);
        body.put("decision", "ADMITTED");
        return body;
    }

    private static String passport(String surname) {
        return Passports.td3(number(), surname, "SAMI", "IRN", LocalDate.of(1979, 4, 2));
    }

    private JsonNode record(ApiClient client, Map<String, Object> body) {
        ApiClient.Response response = client.post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String newAccount(String roles, Map<String, Object> jurisdiction) {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of(roles.split(",")), "jurisdiction", jurisdiction)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private ApiClient.Response patch(ApiClient client, String path, Object body) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    // --- jurisdiction -------------------------------------------------------------------------

    @Test
    void refusesToRecordACrossingAtABorderPointOutsideTheOfficersJurisdiction() {
        ApiClient.Response outside = as("officer").post("/api/v1/crossings",
                ApiClient.json(crossing("IBK", "ENTRY", passport(surname()))));

        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(outside.json().get("detail").asString()).contains("IBK");
        record(as("officer"), crossing("ZRB", "ENTRY", passport(surname())));
        record(as("officer_kri"), crossing("IBK", "ENTRY", passport(surname())));
    }

    @Test
    void showsEachOfficerTheCrossingsOfTheirOwnBorderPointsOnly() {
        String atZurbatiyah = record(as("officer"), crossing("ZRB", "ENTRY", passport(surname()))).get("id").asString();
        String atIbrahimKhalil = record(as("officer_kri"), crossing("IBK", "ENTRY", passport(surname())))
                .get("id").asString();

        assertThat(as("officer").get("/api/v1/crossings/" + atZurbatiyah).status()).isEqualTo(200);
        assertThat(as("officer").get("/api/v1/crossings/" + atIbrahimKhalil).status()).isEqualTo(404);
        assertThat(as("officer_kri").get("/api/v1/crossings/" + atZurbatiyah).status()).isEqualTo(404);
        assertThat(as("analyst").get("/api/v1/crossings/" + atIbrahimKhalil).status()).isEqualTo(200);

        JsonNode listed = as("officer").get("/api/v1/crossings?size=1000").json();
        List<String> points = new ArrayList<>();
        listed.get("content").forEach(c -> points.add(c.get("borderPoint").asString()));
        assertThat(points).isNotEmpty().containsOnly("ZRB");
        assertThat(as("officer").get("/api/v1/crossings?borderPoint=IBK").json().get("page").get("totalElements")
                .asLong()).isZero();
        assertThat(admin().get("/api/v1/crossings?borderPoint=IBK").json().get("page").get("totalElements")
                .asLong()).isPositive();
    }

    @Test
    void showsATravellerOnlyWithTheCrossingsInTheCallersJurisdiction() {
        String name = surname();
        String mrz = passport(name);
        JsonNode entry = record(admin(), crossing("IBK", "ENTRY", mrz));
        String traveller = entry.get("travellerId").asString();

        // Seen only at Ibrahim Khalil: not found for the Zurbatiyah officer, in a read or a search.
        assertThat(as("officer").get("/api/v1/travellers/" + traveller).status()).isEqualTo(404);
        assertThat(as("officer").get("/api/v1/travellers?name=" + name).json().get("page").get("totalElements")
                .asLong()).isZero();
        assertThat(as("officer_kri").get("/api/v1/travellers?name=" + name).json().get("content").get(0)
                .get("id").asString()).isEqualTo(traveller);

        record(admin(), crossing("ZRB", "EXIT", mrz));
        JsonNode seenByOfficer = as("officer").get("/api/v1/travellers/" + traveller).json();
        JsonNode seenByAdmin = admin().get("/api/v1/travellers/" + traveller).json();

        assertThat(seenByOfficer.get("crossings").size()).isEqualTo(1);
        assertThat(seenByOfficer.get("crossings").get(0).get("borderPoint").asString()).isEqualTo("ZRB");
        assertThat(seenByAdmin.get("crossings").size()).isEqualTo(2);
    }

    @Test
    void listsOverstayersByTheBorderPointOfTheirLastEntry() {
        Instant hundredDaysAgo = Instant.now().minus(100, ChronoUnit.DAYS);
        LocalDate entryDay = LocalDate.ofInstant(hundredDaysAgo, BAGHDAD);
        Map<String, Object> entry = crossing("IBK", "ENTRY", Passports.td3(number(), surname(), "SAMI", "BGD",
                LocalDate.of(1979, 4, 2)));
        entry.put("occurredAt", hundredDaysAgo.toString());
        entry.put("lateReason", "Paper register");
        entry.put("visa", Map.of("number", "E" + number(), "type", "E_VISA", "validFrom", entryDay.toString(),
                "validUntil", entryDay.plusDays(89).toString(), "permittedStayDays", 30));
        String traveller = record(admin(), entry).get("travellerId").asString();

        assertThat(as("officer_kri").get("/api/v1/overstays?size=1000").body()).contains(traveller);
        assertThat(as("analyst").get("/api/v1/overstays?size=1000").body()).contains(traveller);
        JsonNode officers = as("officer").get("/api/v1/overstays?size=1000").json();
        assertThat(officers.toString()).doesNotContain(traveller);
        officers.get("content").forEach(o -> assertThat(o.get("entryBorderPoint").asString()).isEqualTo("ZRB"));
    }

    @Test
    void appliesAChangedJurisdictionAtTheNextRequest() {
        String username = newAccount("OFFICER", Map.of("authority", "FEDERAL", "borderPoints", List.of("ZRB")));
        ApiClient user = new ApiClient(port).as(username, PASSWORD);
        String atSafwan = record(admin(), crossing("SFW", "ENTRY", passport(surname()))).get("id").asString();
        assertThat(user.get("/api/v1/crossings/" + atSafwan).status()).isEqualTo(404);

        ApiClient.Response changed = patch(admin(), "/api/v1/users/" + username,
                Map.of("jurisdiction", Map.of("authority", "FEDERAL", "governorates", List.of("IQ-BA"))));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("jurisdiction").get("governorates").get(0).asString()).isEqualTo("IQ-BA");
        assertThat(user.get("/api/v1/crossings/" + atSafwan).status()).isEqualTo(200);
    }

    // --- lock-out -----------------------------------------------------------------------------

    @Test
    void locksAnAccountAfterFiveFailedSignInsUntilAnAdministratorUnlocksIt() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient right = new ApiClient(port).as(username, PASSWORD);
        ApiClient wrong = new ApiClient(port).as(username, "not-the-password");
        assertThat(right.get("/api/v1/border-points").status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            ApiClient.Response refused = wrong.get("/api/v1/border-points");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:manfadh:problem:unauthenticated");
        }
        ApiClient.Response fifth = wrong.get("/api/v1/border-points");
        ApiClient.Response rightPassword = right.get("/api/v1/border-points");
        ApiClient.Response wrongPassword = wrong.get("/api/v1/border-points");

        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.json().get("type").asString()).isEqualTo("urn:manfadh:problem:account-locked");
        // Locked: the right password is refused too, with the very same answer as a wrong one.
        assertThat(rightPassword.status()).isEqualTo(401);
        assertThat(rightPassword.json().get("type").asString()).isEqualTo("urn:manfadh:problem:account-locked");
        assertThat(rightPassword.json().get("detail").asString())
                .isEqualTo(wrongPassword.json().get("detail").asString());
        JsonNode account = admin().get("/api/v1/users/" + username).json();
        assertThat(account.get("locked").asBoolean()).isTrue();
        Instant until = Instant.parse(account.get("lockedUntil").asString());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        ApiClient.Response unlocked = patch(admin(), "/api/v1/users/" + username, Map.of("unlock", true));

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
        assertThat(right.get("/api/v1/border-points").status()).isEqualTo(200);
    }

    @Test
    void letsALockedAccountSignInAgainOnceItsLockHasExpired() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient right = new ApiClient(port).as(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            new ApiClient(port).as(username, "wrong-" + i).get("/api/v1/countries");
        }
        assertThat(right.get("/api/v1/countries").status()).isEqualTo(401);

        // Fifteen minutes on: the lock's end has passed.
        jdbc.sql("update access.sign_in_lockout set locked_until = :past where username = :username")
                .param("past", OffsetDateTime.now().minusSeconds(1)).param("username", username).update();

        assertThat(right.get("/api/v1/countries").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/users/" + username).json().get("locked").asBoolean()).isFalse();
    }

    @Test
    void stopsALockedOrDisabledAccountAtOnceThoughItsSignInIsRemembered() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient right = new ApiClient(port).as(username, PASSWORD);
        assertThat(right.get("/api/v1/countries").status()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            new ApiClient(port).as(username, "wrong-" + i).get("/api/v1/countries");
        }
        assertThat(right.get("/api/v1/countries").status()).isEqualTo(401);

        patch(admin(), "/api/v1/users/" + username, Map.of("unlock", true));
        assertThat(right.get("/api/v1/countries").status()).isEqualTo(200);
        patch(admin(), "/api/v1/users/" + username, Map.of("enabled", false));
        assertThat(right.get("/api/v1/countries").status()).isEqualTo(401);
    }

    // --- audit trail --------------------------------------------------------------------------

    private JsonNode audit(String query) {
        ApiClient.Response response = admin().get("/api/v1/audit?size=1000&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("content");
    }

    @Test
    void recordsSignInsAndFailedSignInsOnceEachNotOnceARequest() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient user = new ApiClient(port).as(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(user.get("/api/v1/countries").status()).isEqualTo(200);
        }
        new ApiClient(port).as(username, "wrong-password").get("/api/v1/countries");

        JsonNode signIns = audit("username=" + username + "&action=SIGN_IN");
        JsonNode failures = audit("username=" + username + "&action=SIGN_IN_FAILED");

        assertThat(signIns.size()).isEqualTo(1);
        assertThat(signIns.get(0).get("outcome").asInt()).isEqualTo(200);
        assertThat(signIns.get(0).get("clientAddress").asString()).isNotBlank();
        assertThat(failures.size()).isEqualTo(1);
        assertThat(failures.get(0).get("outcome").asInt()).isEqualTo(401);
    }

    @Test
    void recordsAChangeWithItsOutcomeAndTheCreatedRecordsId() {
        String name = surname();
        JsonNode recorded = record(as("officer"), crossing("ZRB", "ENTRY", passport(name)));
        String id = recorded.get("id").asString();

        JsonNode events = audit("recordId=" + id + "&action=CHANGE");

        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).get("username").asString()).isEqualTo("officer");
        assertThat(events.get(0).get("what").asString()).isEqualTo("POST /api/v1/crossings");
        assertThat(events.get(0).get("outcome").asInt()).isEqualTo(201);
        assertThat(events.get(0).get("recordIds").toString()).contains(recorded.get("travellerId").asString());

        as("officer").post("/api/v1/crossings", ApiClient.json(crossing("IBK", "ENTRY", passport(name))));
        JsonNode refused = audit("username=officer&action=CHANGE&size=1");
        assertThat(refused.get(0).get("outcome").asInt()).isEqualTo(403);
    }

    @Test
    void recordsEveryReadOfATravellersPersonalData() {
        JsonNode recorded = record(as("officer"), crossing("ZRB", "ENTRY", passport(surname())));
        String traveller = recorded.get("travellerId").asString();
        String crossingId = recorded.get("id").asString();

        as("supervisor").get("/api/v1/travellers/" + traveller);
        as("officer_kri").get("/api/v1/travellers/" + traveller);
        as("analyst").get("/api/v1/crossings/" + crossingId);

        JsonNode reads = audit("recordId=" + traveller + "&action=READ_PERSONAL_DATA");
        List<String> readers = new ArrayList<>();
        reads.forEach(r -> readers.add(r.get("username").asString() + " " + r.get("outcome").asInt()));
        assertThat(readers).contains("supervisor 200", "officer_kri 404", "analyst 200");
        JsonNode crossingReads = audit("recordId=" + crossingId + "&action=READ_PERSONAL_DATA");
        assertThat(crossingReads.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void recordsTheTravellersASearchReturned() {
        String name = surname();
        String traveller = record(as("officer"), crossing("ZRB", "ENTRY", passport(name))).get("travellerId").asString();

        as("officer").get("/api/v1/travellers?name=" + name);

        JsonNode reads = audit("recordId=" + traveller + "&action=READ_PERSONAL_DATA&username=officer");
        assertThat(reads.size()).isEqualTo(1);
        assertThat(reads.get(0).get("what").asString()).startsWith("GET /api/v1/travellers");
    }

    @Test
    void recordsTheReadsOfAPostsRecordsOfAWatchlistFeedAndOfTheAuditTrailItself() {
        record(as("officer"), crossing("ZRB", "ENTRY", passport(surname())));
        ApiClient.Response list = as("watchlist_manager").post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Audited feed " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        assertThat(list.status()).isEqualTo(201);
        String listId = list.json().get("id").asString();

        ApiClient.Response records = admin().get("/api/v1/sync/records?borderPoint=ZRB&limit=1000");
        int feed = feedStatus("/api/v1/sync/watchlists/" + listId + "?borderPoint=ZRB");
        ApiClient.Response search = admin().get("/api/v1/audit?username=nobody-at-all");

        assertThat(records.status()).isEqualTo(200);
        assertThat(feed).isEqualTo(200);
        assertThat(search.status()).isEqualTo(200);
        JsonNode reads = audit("username=admin&action=READ_PERSONAL_DATA&size=50");
        List<String> what = new java.util.ArrayList<>();
        reads.forEach(e -> what.add(e.get("what").asString()));
        assertThat(what).contains("GET /api/v1/sync/records", "GET /api/v1/audit",
                "GET /api/v1/sync/watchlists/" + listId + "?after=0");
        assertThat(audit("recordId=" + listId + "&action=READ_PERSONAL_DATA").size()).isEqualTo(1);
        JsonNode taken = records.json().get("records");
        assertThat(taken.size()).as("the officer's crossing is at ZRB").isPositive();
        JsonNode recordsRead = null;
        for (JsonNode e : reads) {
            if (recordsRead == null && e.get("what").asString().equals("GET /api/v1/sync/records")) {
                recordsRead = e;
            }
        }
        assertThat(recordsRead.get("recordIds").get(0).asString())
                .as("the crossings taken back are named").isEqualTo(taken.get(0).get("crossing").get("crossing").get("id").asString());
    }

    /** The feed is gzip-compressed JSON: fetched whole, not read. */
    private int feedStatus(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:manfadh-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verifiesAnIntactChain() {
        as("officer").get("/api/v1/crossings?size=1");

        ApiClient.Response verified = admin().get("/api/v1/audit/verify");

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("valid").asBoolean()).isTrue();
        assertThat(verified.json().get("checked").asLong()).isPositive();
        assertThat(verified.json().has("firstBrokenId")).isFalse();
    }

    @Test
    void refusesToUpdateOrDeleteAnAuditEvent() {
        as("officer").get("/api/v1/crossings?size=1");

        // The application's own role may not; the owner is stopped by the trigger.
        for (JdbcClient client : List.of(jdbc, owner())) {
            String refusal = client == jdbc ? "permission denied" : "append-only";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sql(
                    "update access.audit_event set outcome = 200 where seq = (select max(seq) from access.audit_event)")
                    .update()).rootCause().hasMessageContaining(refusal);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sql(
                    "delete from access.audit_event where seq = (select max(seq) from access.audit_event)")
                    .update()).rootCause().hasMessageContaining(refusal);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sql("truncate access.audit_event").update())
                    .rootCause().hasMessageContaining(refusal);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "alter table access.audit_event disable trigger audit_event_append_only").update())
                .rootCause().hasMessageContaining("must be owner");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "update access.audit_chain_head set seq = seq - 1").update())
                .rootCause().hasMessageContaining("only moves forward");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from access.audit_chain_head").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .isFalse();
    }

    @Test
    void detectsATamperedEventAndNamesIt() {
        JsonNode recorded = record(as("officer"), crossing("ZRB", "ENTRY", passport(surname())));
        JsonNode event = audit("recordId=" + recorded.get("id").asString()).get(0);
        String id = event.get("id").asString();
        String original = event.get("username").asString();
        as("officer").get("/api/v1/crossings?size=1");

        alter(id, "someone-else");
        try {
            JsonNode verified = admin().get("/api/v1/audit/verify").json();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("firstBrokenId").asString()).isEqualTo(id);
        } finally {
            alter(id, original);
        }
        assertThat(admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void detectsARemovedEventByTheOneAfterIt() {
        JsonNode recorded = record(as("officer"), crossing("ZRB", "ENTRY", passport(surname())));
        JsonNode event = audit("recordId=" + recorded.get("id").asString()).get(0);
        long seq = event.get("seq").asLong();
        as("officer").get("/api/v1/crossings?size=1");

        // A plain table, not a temporary one: the pool may hand out another connection for each statement.
        owner().sql("create table public.removed_audit_event as select * from access.audit_event where seq = :seq")
                .param("seq", seq).update();
        owner().sql("alter table access.audit_event disable trigger audit_event_append_only").update();
        try {
            owner().sql("delete from access.audit_event where seq = :seq").param("seq", seq).update();
            JsonNode verified = admin().get("/api/v1/audit/verify").json();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("firstBrokenSeq").asLong()).isEqualTo(seq + 1);
        } finally {
            owner().sql("insert into access.audit_event select * from public.removed_audit_event").update();
            owner().sql("drop table public.removed_audit_event").update();
            owner().sql("alter table access.audit_event enable trigger audit_event_append_only").update();
        }
        assertThat(admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void recordsAReadThatAScreenReports() {
        String traveller = UUID.randomUUID().toString();

        auditTrail.personalDataRead("screen: traveller profile", List.of(UUID.fromString(traveller)));

        JsonNode reads = audit("recordId=" + traveller);
        assertThat(reads.size()).isEqualTo(1);
        assertThat(reads.get(0).get("action").asString()).isEqualTo("READ_PERSONAL_DATA");
        assertThat(reads.get(0).get("what").asString()).isEqualTo("screen: traveller profile");
    }

    /** As a superuser could: with the guard switched off for a moment. */
    private void alter(String id, String username) {
        owner().sql("alter table access.audit_event disable trigger audit_event_append_only").update();
        try {
            owner().sql("update access.audit_event set username = :username where id = :id")
                    .param("username", username).param("id", UUID.fromString(id)).update();
        } finally {
            owner().sql("alter table access.audit_event enable trigger audit_event_append_only").update();
        }
    }

    @Test
    void letsNobodyButAnAdministratorReadTheAuditTrail() {
        for (String user : List.of("officer", "supervisor", "analyst", "watchlist_manager", "health_officer",
                "capacity_manager", "node")) {
            assertThat(as(user).get("/api/v1/audit").status()).as(user).isEqualTo(403);
            assertThat(as(user).get("/api/v1/audit/verify").status()).as(user).isEqualTo(403);
        }
    }

    // --- accounts API -------------------------------------------------------------------------

    @Test
    void refusesAnAccountWithInvalidFieldsNamingEachOne() {
        ApiClient.Response bad = admin().post("/api/v1/users", ApiClient.json(Map.of("username", "Bad Name!",
                "password", "short", "roles", List.of("OFFICER", "PILOT"),
                "jurisdiction", Map.of("authority", "FEDERAL", "borderPoints", List.of("IBK", "XXX"),
                        "governorates", List.of("IQ-ZZ")))));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        bad.json().get("fields").forEach(f -> fields.add(f.get("field").asString()));
        assertThat(fields).contains("username", "password", "roles", "jurisdiction.borderPoints",
                "jurisdiction.governorates");
    }

    @Test
    void refusesASecondAccountOfTheSameNameAndAnUnknownAccount() {
        String username = newAccount("OFFICER", Map.of("authority", "KRI", "borderPoints", List.of("IBK")));

        ApiClient.Response again = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of("OFFICER"), "jurisdiction", Map.of("authority", "KRI"))));

        assertThat(again.status()).isEqualTo(409);
        assertThat(patch(admin(), "/api/v1/users/nobody-at-all", Map.of("unlock", true)).status()).isEqualTo(404);
    }

    @Test
    void listsAccountsByPageWithRolesAndJurisdiction() {
        JsonNode page = admin().get("/api/v1/users?size=1000").json();

        JsonNode officer = null;
        for (JsonNode a : page.get("content")) {
            if (a.get("username").asString().equals("officer")) {
                officer = a;
            }
        }
        assertThat(officer).isNotNull();
        assertThat(officer.get("roles").get(0).asString()).isEqualTo("OFFICER");
        assertThat(officer.get("jurisdiction").get("authority").asString()).isEqualTo("FEDERAL");
        assertThat(officer.get("jurisdiction").get("borderPoints").get(0).asString()).isEqualTo("ZRB");
        assertThat(officer.toString()).doesNotContain("passwordHash", "{bcrypt}");
        assertThat(as("supervisor").get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void keepsAnAdministratorFromLockingThemselvesOut() {
        String username = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        ApiClient self = new ApiClient(port).as(username, PASSWORD);

        assertThat(patch(self, "/api/v1/users/" + username, Map.of("enabled", false)).status()).isEqualTo(400);
        assertThat(patch(self, "/api/v1/users/" + username, Map.of("roles", List.of("ANALYST"))).status())
                .isEqualTo(400);
    }
}
