package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import org.manfadh.screening.Thresholds;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class WatchlistApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WatchlistIndex index;

    @Autowired
    Watchlists watchlists;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Lists lists() {
        return new Lists(port);
    }

    private boolean listed(UUID list, String name) {
        return index.matchPersons(new PersonQuery(name, null, null, null, null, null, null), Thresholds.DEFAULT_HIT, 10_000).stream()
                .map(NameMatch::listId).anyMatch(list::equals);
    }

    private static String entry(String fullName) {
        return ApiClient.json(Map.of("externalId", "ALERT-" + UUID.randomUUID(), "fullName", fullName,
                "aliases", List.of("Abu " + fullName), "datesOfBirth", List.of("1975"), "nationalities", List.of("IRQ"),
                "originatingAgency", "Ministry of Interior", "legalBasis", "Court order 12/2025",
                "notifyOnHit", "MoI operations room"));
    }

    @Test
    void createsAListWithDefaultThresholdsAndChangesItAsANewVersion() {
        Lists lists = lists();
        ApiClient.Response created = lists.manager().post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Travel bans " + UUID.randomUUID(), "kind", "TRAVEL_BAN", "actionOnHit", "REFUSE")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode list = created.json();
        assertThat(list.get("hitThreshold").asDouble()).isEqualTo(Thresholds.DEFAULT_HIT);
        assertThat(list.get("possibleMatchThreshold").asDouble()).isEqualTo(Thresholds.DEFAULT_POSSIBLE_MATCH);
        assertThat(list.get("authority").asText()).isEqualTo("BOTH");
        assertThat(list.get("version").asLong()).isEqualTo(1);
        UUID id = UUID.fromString(list.get("id").asText());

        ApiClient.Response changed = lists.manager().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/watchlists/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"hitThreshold\": 0.9, \"actionOnHit\": \"REFER\", \"authority\": \"KRI\", \"reason\": \"tuning\"}")));

        assertThat(changed.status()).as(changed.body()).isEqualTo(202);
        assertThat(watchlists.find(id).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFUSE);
        ApiClient.Response approved = lists.approved(id, changed);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("appliedVersion").asLong()).isEqualTo(2);
        assertThat(lists.get(id).json().get("hitThreshold").asDouble()).isEqualTo(0.9);
        WatchlistSummary summary = watchlists.find(id).orElseThrow();
        assertThat(summary.actionOnHit()).isEqualTo(ActionOnHit.REFER);
        assertThat(summary.authority()).isEqualTo(ListAuthority.KRI);
        assertThat(summary.hitThreshold()).isEqualTo(0.9);
        assertThat(summary.version()).isEqualTo(2);
        JsonNode change = lists.manager().get("/api/v1/watchlists/" + id + "/changes").json().get("content").get(0);
        assertThat(change.get("action").asText()).isEqualTo("SETTINGS_CHANGED");
        assertThat(change.get("reason").asText()).isEqualTo("tuning");
        assertThat(change.get("detail").get("before").get("actionOnHit").asText()).isEqualTo("REFUSE");
    }

    @Test
    void refusesInvalidListsAndDuplicateNames() {
        Lists lists = lists();
        String name = "Alerts " + UUID.randomUUID();
        ApiClient.Response inverted = lists.manager().post("/api/v1/watchlists", ApiClient.json(Map.of("name", name,
                "kind", "NATIONAL_ALERT", "actionOnHit", "REFER", "hitThreshold", 0.6, "possibleMatchThreshold", 0.8)));
        ApiClient.Response badKind = lists.manager().post("/api/v1/watchlists", ApiClient.json(Map.of("name", name,
                "kind", "RUMOURS", "actionOnHit", "REFER")));
        ApiClient.Response first = lists.manager().post("/api/v1/watchlists", ApiClient.json(Map.of("name", name,
                "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        ApiClient.Response second = lists.manager().post("/api/v1/watchlists", ApiClient.json(Map.of("name", name,
                "kind", "OTHER", "actionOnHit", "MONITOR")));

        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.json().get("fields").get(0).get("field").asText()).isEqualTo("possibleMatchThreshold");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asText()).isEqualTo("urn:manfadh:problem:watchlist-name-taken");
    }

    @Test
    void aManualEntryMatchesOnlyOnceASecondManagerApprovesIt() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        String name = "Zayd" + Long.toString(System.nanoTime(), 36).toUpperCase() + " Karimi";

        ApiClient.Response proposed = lists.manager().post("/api/v1/watchlists/" + list + "/entries", entry(name));

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(proposed.json().get("inForce").asBoolean()).isFalse();
        String entryId = proposed.json().get("id").asText();
        assertThat(listed(list, name)).isFalse();
        assertThat(lists.get(list).json().get("pendingCount").asLong()).isEqualTo(1);

        ApiClient.Response self = lists.manager().post("/api/v1/watchlists/" + list + "/entries/" + entryId + "/approve", "");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("type").asText()).isEqualTo("urn:manfadh:problem:four-eyes");
        assertThat(listed(list, name)).isFalse();

        ApiClient.Response approved = lists.secondManager()
                .post("/api/v1/watchlists/" + list + "/entries/" + entryId + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("admin");
        assertThat(listed(list, name)).isTrue();
        assertThat(listed(list, "Abu " + name)).isTrue();
        WatchlistEntrySummary summary = watchlists.entry(UUID.fromString(entryId)).orElseThrow();
        assertThat(summary.inForce()).isTrue();
        assertThat(summary.notifyOnHit()).isEqualTo("MoI operations room");

        ApiClient.Response twice = lists.secondManager()
                .post("/api/v1/watchlists/" + list + "/entries/" + entryId + "/approve", "");
        assertThat(twice.status()).isEqualTo(409);

        ApiClient.Response noReason = lists.manager()
                .post("/api/v1/watchlists/" + list + "/entries/" + entryId + "/remove", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response removed = lists.manager().post("/api/v1/watchlists/" + list + "/entries/" + entryId + "/remove",
                "{\"reason\": \"court order lifted\"}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("status").asText()).isEqualTo("REMOVED");
        assertThat(listed(list, name)).isFalse();

        JsonNode changes = lists.manager().get("/api/v1/watchlists/" + list + "/changes?entryId=" + entryId).json();
        assertThat(changes.get("content")).extracting(c -> c.get("action").asText())
                .containsExactly("ENTRY_REMOVED", "ENTRY_APPROVED", "ENTRY_PROPOSED");
        assertThat(changes.get("content").get(0).get("reason").asText()).isEqualTo("court order lifted");
        assertThat(changes.get("content")).extracting(c -> c.get("madeBy").asText())
                .containsExactly("watchlist_manager", "admin", "watchlist_manager");
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(4);
    }

    @Test
    void refusesAManualEntryWithInvalidFields() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        ApiClient.Response refused = lists.manager().post("/api/v1/watchlists/" + list + "/entries", ApiClient.json(
                Map.of("datesOfBirth", List.of("03/05/1971"), "nationalities", List.of("QQQ"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("fields")).extracting(f -> f.get("field").asText())
                .contains("fullName", "datesOfBirth[0]", "nationalities[0]");
    }

    @Test
    void pagesEntriesAndFindsThemByText() {
        Lists lists = lists();
        UUID list = lists.create("OTHER");
        StringBuilder csv = new StringBuilder("externalId,fullName,surname,givenNames,nameOriginalScript,aliases,"
                + "dateOfBirth,nationality,sex,documentNumber,issuingState,note\n");
        for (int i = 0; i < 25; i++) {
            csv.append("P-").append(i).append(",Person Number").append(i).append(",,,,,,,,,,\n");
        }
        assertThat(lists.importApproved(list, "text/csv", csv.toString()).status()).isEqualTo(200);

        JsonNode page = lists.manager().get("/api/v1/watchlists/" + list + "/entries?page=2&size=10").json();
        JsonNode found = lists.manager().get("/api/v1/watchlists/" + list + "/entries?text=number17").json();
        ApiClient.Response tooBig = lists.manager().get("/api/v1/watchlists/" + list + "/entries?size=5000");

        assertThat(page.get("content")).hasSize(5);
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(25);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(3);
        assertThat(found.get("content")).hasSize(1);
        assertThat(found.get("content").get(0).get("externalId").asText()).isEqualTo("P-17");
        assertThat(tooBig.status()).isEqualTo(400);
        JsonNode all = lists.manager().get("/api/v1/watchlists?size=1000").json();
        assertThat(all.get("content").toString()).contains(list.toString());
    }

    @Test
    void onlyWatchlistManagersChangeListsAndSupervisorsOnlyReadThem() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");

        assertThat(lists.officer().get("/api/v1/watchlists").status()).isEqualTo(403);
        assertThat(lists.officer().get("/api/v1/watchlists/" + list).status()).isEqualTo(403);
        ApiClient.Response officerCreates = lists.officer().post("/api/v1/watchlists",
                "{\"name\":\"x\",\"kind\":\"OTHER\",\"actionOnHit\":\"REFER\"}");
        assertThat(officerCreates.status()).isEqualTo(403);
        assertThat(officerCreates.contentType()).contains("application/problem+json");
        assertThat(lists.officer().post("/api/v1/watchlists/" + list + "/entries", entry("Some One")).status())
                .isEqualTo(403);
        assertThat(lists.importFile(lists.officer(), list, "text/csv",
                () -> new java.io.ByteArrayInputStream("externalId\n".getBytes())).status()).isEqualTo(403);
        assertThat(lists.supervisor().get("/api/v1/watchlists/" + list).status()).isEqualTo(200);
        assertThat(lists.supervisor().get("/api/v1/watchlists").status()).isEqualTo(200);
        assertThat(lists.supervisor().get("/api/v1/watchlists/" + list + "/entries").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/watchlists").status()).isEqualTo(401);
        assertThat(lists.manager().get("/api/v1/watchlists/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private ApiClient.Response patch(ApiClient client, UUID list, String body) {
        return client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/watchlists/" + list))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aNewActionOrThresholdTakesEffectOnlyOnceASecondManagerApprovesIt() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT", Map.of("actionOnHit", "REFER"));
        String renamed = "Renamed alerts " + UUID.randomUUID();

        ApiClient.Response rename = patch(lists.manager(), list, ApiClient.json(Map.of("name", renamed)));
        ApiClient.Response proposed = patch(lists.manager(), list,
                "{\"actionOnHit\": \"MONITOR\", \"hitThreshold\": 0.99, \"reason\": \"fewer referrals\"}");

        assertThat(rename.status()).as(rename.body()).isEqualTo(200);
        assertThat(rename.json().get("name").asString()).isEqualTo(renamed);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(proposed.json().get("settings").get("actionOnHit").asString()).isEqualTo("MONITOR");
        String change = proposed.json().get("id").asString();
        String base = "/api/v1/watchlists/" + list + "/pending/" + change;
        assertThat(watchlists.find(list).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFER);
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(2);
        assertThat(lists.manager().get("/api/v1/watchlists/" + list + "/pending").json().get("content"))
                .extracting(c -> c.get("id").asString()).containsExactly(change);

        ApiClient.Response self = lists.manager().post(base + "/approve", "");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("type").asString()).isEqualTo("urn:manfadh:problem:four-eyes");
        assertThat(watchlists.find(list).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFER);

        ApiClient.Response approved = lists.secondManager().post(base + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("admin");
        assertThat(approved.json().get("appliedVersion").asLong()).isEqualTo(3);
        WatchlistSummary summary = watchlists.find(list).orElseThrow();
        assertThat(summary.actionOnHit()).isEqualTo(ActionOnHit.MONITOR);
        assertThat(summary.hitThreshold()).isEqualTo(0.99);
        assertThat(summary.name()).isEqualTo(renamed);
        JsonNode logged = lists.manager().get("/api/v1/watchlists/" + list + "/changes").json().get("content").get(0);
        assertThat(logged.get("action").asString()).isEqualTo("SETTINGS_CHANGED");
        assertThat(logged.get("madeBy").asString()).isEqualTo("admin");
        assertThat(logged.get("proposedBy").asString()).isEqualTo("watchlist_manager");
        assertThat(logged.get("reason").asString()).isEqualTo("fewer referrals");
        assertThat(logged.get("detail").get("before").get("actionOnHit").asString()).isEqualTo("REFER");
        assertThat(lists.secondManager().post(base + "/approve", "").status()).isEqualTo(409);
        assertThat(lists.manager().post(base + "/withdraw", "").status()).isEqualTo(409);
        assertThat(lists.manager().get("/api/v1/watchlists/" + list + "/pending").json().get("content")).isEmpty();
    }

    @Test
    void aNationalListFileWaitsForASecondManagerAndAWithdrawnOneLeavesNothing() {
        Lists lists = lists();
        UUID list = lists.create("NATIONAL_ALERT");
        String name = "Zubayda" + Long.toString(System.nanoTime(), 36).toUpperCase().replaceAll("[0-9]", "Q")
                + " Tikriti";
        String csv = "externalId,fullName,surname,givenNames,nameOriginalScript,aliases,dateOfBirth,nationality,sex,"
                + "documentNumber,issuingState,note\nFE-1," + name + ",,,,,1966,IRQ,F,,,\n";

        ApiClient.Response first = lists.importFile(list, "text/csv", csv);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("kind").asString()).isEqualTo("IMPORT");
        assertThat(first.json().get("entryCount").asLong()).isEqualTo(1);
        assertThat(first.json().get("sourceSha256").asString()).matches("[0-9a-f]{64}");
        UUID firstId = UUID.fromString(first.json().get("id").asString());
        assertThat(staged(firstId)).isEqualTo(1);
        assertThat(listed(list, name)).isFalse();
        assertThat(lists.get(list).json().get("entryCount").asLong()).isZero();
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(1);

        ApiClient.Response withdrawn = lists.manager().post("/api/v1/watchlists/" + list + "/pending/" + firstId
                + "/withdraw", "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(staged(firstId)).isZero();
        assertThat(lists.secondManager().post("/api/v1/watchlists/" + list + "/pending/" + firstId + "/approve", "")
                .status()).isEqualTo(409);
        assertThat(listed(list, name)).isFalse();

        ApiClient.Response second = lists.importFile(list, "text/csv", csv);
        ApiClient.Response self = lists.manager().post("/api/v1/watchlists/" + list + "/pending/"
                + second.json().get("id").asString() + "/approve", "");
        ApiClient.Response approved = lists.approved(list, second);

        assertThat(self.status()).isEqualTo(403);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("added").asInt()).isEqualTo(1);
        assertThat(listed(list, name)).isTrue();
        assertThat(lists.get(list).json().get("version").asLong()).isEqualTo(2);
        JsonNode logged = lists.manager().get("/api/v1/watchlists/" + list + "/changes").json().get("content").get(0);
        assertThat(logged.get("action").asString()).isEqualTo("IMPORTED");
        assertThat(logged.get("madeBy").asString()).isEqualTo("admin");
        assertThat(logged.get("proposedBy").asString()).isEqualTo("watchlist_manager");
        assertThat(logged.get("sourceSha256").asString()).isEqualTo(first.json().get("sourceSha256").asString());
        JsonNode all = lists.manager().get("/api/v1/watchlists/" + list + "/pending?all=true").json();
        assertThat(all.get("content")).extracting(c -> c.get("status").asString())
                .containsExactly("APPROVED", "WITHDRAWN");
    }

    @Test
    void documentsThePendingChangesAndTheTwoAnswersOfAChange() {
        ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/watchlists/{id}/pending/{changeId}/approve")).isTrue();
        assertThat(paths.has("/api/v1/watchlists/{id}/pending/{changeId}/withdraw")).isTrue();
        assertThat(paths.get("/api/v1/watchlists/{id}").get("patch").get("summary").asString()).contains("202");
    }

    private long staged(UUID change) {
        return jdbc.sql("select count(*) from screening.pending_import_entry where change_id = :c").param("c", change)
                .query(Long.class).single();
    }
}
