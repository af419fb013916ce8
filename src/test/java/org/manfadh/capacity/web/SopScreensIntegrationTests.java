package org.manfadh.capacity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.access.ScreenSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SOP screens' refusals as a browser meets them: a border point outside the manager's jurisdiction is neither
 * shown nor recorded, an unanswered checklist item is named beside it with what was entered kept, a made-up address
 * is not found, and other roles are refused.
 */
@ManfadhIntegrationTest
class SopScreensIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private UUID sop() {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ApiClient.Response created = new ApiClient(port).as("capacity_manager", "manfadh-demo").post(
                "/api/v1/capacity/sops", ApiClient.json(Map.of("code", code, "kind", "REFUSAL",
                        "title", Map.of("en", "Refusal " + code), "version", Map.of("body", Map.of("en", "Refuse well."),
                                "checklist", List.of(Map.of("en", "Reason code"), Map.of("en", "Notice handed over"))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private ScreenSession kriManager() {
        String username = "cs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response account = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("CAPACITY_MANAGER"),
                "jurisdiction", Map.of("authority", "KRI", "borderPoints", List.of("IBK")))));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        ScreenSession session = new ScreenSession(port);
        session.signIn(username, PASSWORD);
        return session;
    }

    @Test
    void keepsAPointOutsideTheJurisdictionOffTheMatrixAndRefusesItsSteps() {
        UUID id = sop();
        ScreenSession kri = kriManager();
        ScreenSession.Page matrix = kri.get("/capacity/sops/adoption?lang=en");
        assertThat(matrix.status()).isEqualTo(200);
        assertThat(matrix.body()).contains("id=\"row-IBK\"").doesNotContain("id=\"row-ZRB\"");

        ScreenSession.Page refused = kri.post("/capacity/sops/adoption", Map.of("sop", id.toString(),
                "borderPoint", "ZRB", "stage", "ADOPTED", "onDate", LocalDate.now(ZoneId.of("Asia/Baghdad")).toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("This border point is outside your jurisdiction.");

        kri.get("/capacity/sops/adoption?lang=en");
        ScreenSession.Page recorded = kri.post("/capacity/sops/adoption", Map.of("sop", id.toString(),
                "borderPoint", "IBK", "stage", "ADOPTED", "onDate", "2026-13-01"));
        assertThat(recorded.status()).isEqualTo(422);
        assertThat(recorded.body()).contains("Give a day as YYYY-MM-DD.");
    }

    @Test
    void namesTheUnansweredItemAndKeepsTheAnswersGiven() {
        UUID id = sop();
        ScreenSession manager = new ScreenSession(port);
        manager.signIn("capacity_manager", "manfadh-demo");
        assertThat(manager.get("/capacity/sops/" + id + "/audits/new?lang=en").status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", "1");
        form.put("borderPoint", "ZRB");
        form.put("auditedOn", LocalDate.now(ZoneId.of("Asia/Baghdad")).toString());
        form.put("auditor", "Team 7");
        form.put("result-1", "PARTLY");
        ScreenSession.Page refused = manager.post("/capacity/sops/" + id + "/audits/new", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-2\"").doesNotContain("id=\"error-1\"")
                .containsPattern("value=\"PARTLY\"\\s+id=\"result-1-PARTLY\"\\s+checked");

        manager.get("/capacity/sops/" + id + "/audits/new?lang=en");
        form.put("result-2", "NOT_MET");
        ScreenSession.Page saved = manager.post("/capacity/sops/" + id + "/audits/new", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("/capacity/sops/audits/");
        ScreenSession.Page audit = manager.get(java.net.URI.create(saved.location()).getRawPath() + "?lang=en");
        assertThat(audit.body()).contains("<strong>25.0 %</strong>");

        // The audit at Zurbatiyah does not exist for a manager of Ibrahim Khalil.
        assertThat(kriManager().get(java.net.URI.create(saved.location()).getRawPath()).status()).isEqualTo(404);
    }

    @Test
    void retiresAnSopOnlyWhenTheRetirementIsConfirmed() {
        UUID id = sop();
        ScreenSession manager = new ScreenSession(port);
        manager.signIn("capacity_manager", "manfadh-demo");
        manager.get("/capacity/sops/" + id + "?lang=en");
        assertThat(manager.post("/capacity/sops/" + id + "/retire", Map.of()).status()).isEqualTo(302);
        assertThat(manager.get("/capacity/sops/" + id + "?lang=en").body())
                .contains("Tick the box to confirm that the SOP is to be retired.").contains("id=\"sop-retire\"");
        assertThat(manager.post("/capacity/sops/" + id + "/retire", Map.of("confirm", "yes")).status()).isEqualTo(302);
        assertThat(manager.get("/capacity/sops/" + id + "?lang=en").body()).contains("Retired on")
                .doesNotContain("id=\"sop-retire\"");
    }

    @Test
    void findsNothingAtAMadeUpAddressAndRefusesOtherRoles() {
        ScreenSession manager = new ScreenSession(port);
        manager.signIn("capacity_manager", "manfadh-demo");
        assertThat(manager.get("/capacity/sops/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(manager.get("/capacity/sops/not-an-id").status()).isEqualTo(404);
        assertThat(manager.get("/capacity/sops/audits/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(manager.get("/capacity/sops?kind=NONSENSE&page=x").status()).isEqualTo(200);

        ScreenSession analyst = new ScreenSession(port);
        analyst.signIn("analyst", "manfadh-demo");
        assertThat(analyst.get("/capacity/sops").status()).isEqualTo(403);
        assertThat(analyst.get("/capacity/sops/adoption").status()).isEqualTo(403);
    }
}
