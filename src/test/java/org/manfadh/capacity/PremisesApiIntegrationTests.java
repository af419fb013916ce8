package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Premises projects through the API: milestones, spending against the budget, status, mistakes and scope. */
@ManfadhIntegrationTest
class PremisesApiIntegrationTests {

    private static final String BASE = "/api/v1/capacity/premises";

    @LocalServerPort
    int port;

    private ApiClient manager() {
        return new ApiClient(port).as("capacity_manager", "manfadh-demo");
    }

    private static String body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return ApiClient.json(map);
    }

    private JsonNode project(String point, int budget) {
        String title = "Border management centre " + UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response r = manager().post(BASE, body("borderPoint", point,
                "titles", Map.of("en", title, "ar", "مركز إدارة الحدود", "ckb", "ناوەندی بەڕێوەبردنی سنوور"),
                "donor", "EU", "budget", budget, "currency", "USD", "startDate", LocalDate.now().minusMonths(2).toString(),
                "plannedEnd", LocalDate.now().plusMonths(6).toString(),
                "milestones", List.of(Map.of("title", "Design approved"), Map.of("title", "Hall built",
                        "dueOn", LocalDate.now().plusMonths(3).toString()), Map.of("title", "Cabling and power"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void keepsBudgetSpentAndRemainingAndFlagsSpendingPastTheBudget() {
        JsonNode created = project("SHB", 10000);
        String id = created.get("project").get("id").asString();
        assertThat(created.get("project").get("status").asString()).isEqualTo("PLANNED");
        assertThat(created.get("milestones")).hasSize(3);
        assertThat(created.get("milestones").get(1).get("ordinal").asInt()).isEqualTo(2);
        assertThat(created.get("project").get("title").get("ar").asString()).isEqualTo("مركز إدارة الحدود");

        ApiClient.Response first = manager().post(BASE + "/" + id + "/spend", body("spentOn", LocalDate.now().toString(),
                "amount", 6000.25, "note", "Contractor's first payment"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("project").get("spent").decimalValue()).isEqualByComparingTo("6000.25");
        assertThat(first.json().get("project").get("remaining").decimalValue()).isEqualByComparingTo("3999.75");
        assertThat(first.json().get("project").get("overBudget").asBoolean()).isFalse();

        ApiClient.Response second = manager().post(BASE + "/" + id + "/spend", body("spentOn", LocalDate.now().toString(),
                "amount", 4500));
        assertThat(second.status()).isEqualTo(201);
        JsonNode p = second.json().get("project");
        assertThat(p.get("spent").decimalValue()).isEqualByComparingTo("10500.25");
        assertThat(p.get("remaining").decimalValue()).isEqualByComparingTo("-500.25");
        assertThat(p.get("overBudget").asBoolean()).isTrue();
        assertThat(second.json().get("spending")).hasSize(2);

        ApiClient.Response none = manager().post(BASE + "/" + id + "/spend", body("spentOn", LocalDate.now().toString(),
                "amount", 0));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("fields").get(0).get("field").asString()).isEqualTo("amount");

        JsonNode listed = manager().get(BASE + "?borderPoint=SHB&size=1000").json();
        JsonNode row = null;
        for (JsonNode r : listed.get("content")) {
            if (r.get("id").asString().equals(id)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("budget").decimalValue()).isEqualByComparingTo("10000");
        assertThat(row.get("spent").decimalValue()).isEqualByComparingTo("10500.25");
        assertThat(row.get("overBudget").asBoolean()).isTrue();
    }

    @Test
    void marksMilestonesDoneAndMovesTheProjectToItsEnd() {
        String id = project("TRB", 50000).get("project").get("id").asString();
        ApiClient.Response done = manager().post(BASE + "/" + id + "/milestones/2/done",
                body("doneOn", LocalDate.now().minusDays(1).toString()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("milestones").get(1).get("doneOn").asString())
                .isEqualTo(LocalDate.now().minusDays(1).toString());
        assertThat(done.json().get("project").get("milestonesDone").asInt()).isEqualTo(1);
        assertThat(manager().post(BASE + "/" + id + "/milestones/9/done", "{}").status()).isEqualTo(404);
        assertThat(manager().post(BASE + "/" + id + "/milestones/two/done", "{}").status()).isEqualTo(404);

        assertThat(manager().post(BASE + "/" + id + "/status", body("status", "IN_PROGRESS")).status()).isEqualTo(200);
        ApiClient.Response completed = manager().post(BASE + "/" + id + "/status", body("status", "COMPLETED"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("project").get("completedOn").isNull()).isFalse();
        ApiClient.Response reopened = manager().post(BASE + "/" + id + "/status", body("status", "IN_PROGRESS"));
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.json().get("detail").asString()).contains("COMPLETED").contains("IN_PROGRESS");
        assertThat(manager().post(BASE + "/" + id + "/status", body("status", "FINISHED")).status()).isEqualTo(400);
        assertThat(manager().get(BASE + "?status=FINISHED").status()).isEqualTo(400);
    }

    @Test
    void refusesBadProjectsByFieldAndKeepsAManagerOfTheRegionToItsPoints() {
        ApiClient.Response bad = manager().post(BASE, body("borderPoint", "XYZ", "budget", -5,
                "startDate", "2026-05-01", "plannedEnd", "2026-01-01"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("XYZ");
        ApiClient.Response missing = manager().post(BASE, body("borderPoint", "ZRB"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("title").contains("budget");

        String federal = project("ZRB", 1000).get("project").get("id").asString();
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", "kri_premises_" + UUID.randomUUID().toString().substring(0, 8), "password", "a long enough password",
                "roles", List.of("CAPACITY_MANAGER"), "jurisdiction", Map.of("authority", "KRI"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient kri = new ApiClient(port).as(created.json().get("username").asString(), "a long enough password");
        assertThat(kri.get(BASE + "/" + federal).status()).isEqualTo(404);
        assertThat(kri.post(BASE + "/" + federal + "/spend", body("spentOn", LocalDate.now().toString(), "amount", 5))
                .status()).isEqualTo(404);
        assertThat(kri.post(BASE, body("borderPoint", "ZRB", "title", "Hall", "budget", 5)).status()).isEqualTo(403);
        kri.get(BASE + "?size=1000").json().get("content").forEach(p ->
                assertThat(p.get("borderPoint").asString()).isIn("IBK", "FKB", "HJO", "BSQ", "PWK", "EBL", "ISU"));
        assertThat(kri.post(BASE, body("borderPoint", "IBK", "title", "Hall", "budget", 5)).status()).isEqualTo(201);
    }
}
