package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Standard operating procedures through the API, as the training directorate uses them: an SOP is written, changed
 * in a second version, trained on and adopted at a border point, audited item by item with its score; what is wrong
 * in a request is named, and a border point outside the caller's jurisdiction is neither seen nor written.
 */
@ManfadhIntegrationTest
class SopApiIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";
    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Procedures procedures;

    private ApiClient manager() {
        return new ApiClient(port).as("capacity_manager", "manfadh-demo");
    }

    private static String code() {
        return "T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static Map<String, Object> texts(String en, String ar, String ckb) {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("en", en);
        texts.put("ar", ar);
        texts.put("ckb", ckb);
        return texts;
    }

    private static Map<String, Object> version(String body, int items) {
        List<Object> checklist = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            checklist.add(texts("Check " + i, "تحقق " + i, "پشکنین " + i));
        }
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("body", texts(body, "نص " + body, "دەق " + body));
        version.put("changeNote", "first issue");
        version.put("effectiveFrom", "2026-01-01");
        version.put("checklist", checklist);
        return version;
    }

    private UUID create(ApiClient client, String code, int items) {
        ApiClient.Response created = client.post("/api/v1/capacity/sops", ApiClient.json(Map.of("code", code,
                "kind", "REFERRAL", "title", texts("Referral to second line", "الإحالة إلى الخط الثاني",
                        "ڕەوانەکردن بۆ هێڵی دووەم"), "version", version("Refer when in doubt.", items))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static List<Map<String, Object>> answers(String... results) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            answers.add(Map.of("item", i + 1, "result", results[i]));
        }
        return answers;
    }

    private static String audit(String point, Integer version, List<?> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("borderPoint", point);
        if (version != null) {
            body.put("version", version);
        }
        body.put("auditedOn", LocalDate.now(BAGHDAD).minusDays(1).toString());
        body.put("auditor", "Audit team 3");
        body.put("answers", answers);
        return ApiClient.json(body);
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("fields");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field").asString() + ": " + e.get("message").asString()));
        }
        return fields;
    }

    @Test
    void createsAnSopAddsAVersionAdoptsItAndAuditsItWithItsScore() {
        ApiClient manager = manager();
        String code = code();
        ApiClient.Response created = manager.post("/api/v1/capacity/sops", ApiClient.json(Map.of("code",
                code.toLowerCase(), "kind", "REFERRAL", "title", texts("Referral", "الإحالة", "ڕەوانەکردن"),
                "version", version("Refer when in doubt.", 3))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo(code);
        assertThat(created.json().get("kind").asString()).isEqualTo("REFERRAL");
        assertThat(created.json().get("title").get("ar").asString()).isEqualTo("الإحالة");
        assertThat(created.json().get("latestVersion").asInt()).isEqualTo(1);
        assertThat(created.json().get("latest").get("checklist")).hasSize(3);
        UUID id = UUID.fromString(created.json().get("id").asString());

        ApiClient.Response again = manager.post("/api/v1/capacity/sops", ApiClient.json(Map.of("code", code,
                "kind", "REFUSAL", "title", texts("Other", null, null), "version", version("Other.", 1))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:manfadh:problem:sop-code-taken");

        Map<String, Object> second = version("Refer when in doubt, and say why.", 4);
        second.put("changeNote", "reasons are written down");
        second.put("effectiveFrom", "2026-06-01");
        ApiClient.Response v2 = manager.post("/api/v1/capacity/sops/" + id + "/versions", ApiClient.json(second));
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        JsonNode sop = manager.get("/api/v1/capacity/sops/" + id).json();
        assertThat(sop.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(sop.get("versions")).hasSize(2);
        assertThat(sop.get("versions").get(0).get("changeNote").asString()).isEqualTo("reasons are written down");
        assertThat(sop.get("latest").get("body").get("ckb").asString()).isEqualTo("دەق Refer when in doubt, and say why.");
        JsonNode first = manager.get("/api/v1/capacity/sops/" + id + "/versions/1").json();
        assertThat(first.get("body").get("en").asString()).isEqualTo("Refer when in doubt.");
        assertThat(first.get("checklist")).hasSize(3);
        assertThat(manager.get("/api/v1/capacity/sops/" + id + "/versions/3").status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/capacity/sops?kind=referral&size=1000").json().get("content").findValuesAsString("code"))
                .contains(code);
        assertThat(manager.get("/api/v1/capacity/sops?kind=REFUSAL&size=1000").json().get("content").findValuesAsString("code"))
                .doesNotContain(code);

        String yesterday = LocalDate.now(BAGHDAD).minusDays(1).toString();
        String twoDaysAgo = LocalDate.now(BAGHDAD).minusDays(2).toString();
        ApiClient.Response trained = manager.post("/api/v1/capacity/sops/" + id + "/adoptions",
                ApiClient.json(Map.of("borderPoint", "zrb", "stage", "TRAINED", "version", 1, "onDate", twoDaysAgo)));
        assertThat(trained.status()).as(trained.body()).isEqualTo(201);
        ApiClient.Response adopted = manager.post("/api/v1/capacity/sops/" + id + "/adoptions",
                ApiClient.json(Map.of("borderPoint", "ZRB", "stage", "ADOPTED", "version", 1, "onDate", twoDaysAgo)));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        JsonNode behind = standing(manager, "ZRB", id);
        assertThat(behind.get("stage").asString()).isEqualTo("ADOPTED");
        assertThat(behind.get("version").asInt()).isEqualTo(1);
        assertThat(behind.get("behind").asBoolean()).isTrue();
        assertThat(behind.get("lastAuditScore").isNull()).isTrue();

        // (MET + PARTLY/2) / applicable × 100 = (1 + 0.5) / 3 × 100
        ApiClient.Response audit = manager.post("/api/v1/capacity/sops/" + id + "/audits",
                audit("ZRB", null, answers("MET", "PARTLY", "NOT_MET", "NOT_APPLICABLE")));
        assertThat(audit.status()).as(audit.body()).isEqualTo(201);
        assertThat(audit.json().get("score").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(audit.json().get("version").asInt()).isEqualTo(2);
        UUID auditId = UUID.fromString(audit.json().get("id").asString());

        JsonNode audited = standing(manager, "ZRB", id);
        assertThat(audited.get("stage").asString()).isEqualTo("AUDITED");
        assertThat(audited.get("version").asInt()).isEqualTo(2);
        assertThat(audited.get("behind").asBoolean()).isFalse();
        assertThat(audited.get("lastAuditScore").decimalValue()).isEqualByComparingTo("50");
        assertThat(audited.get("lastAuditOn").asString()).isEqualTo(yesterday);

        JsonNode one = manager.get("/api/v1/capacity/sops/" + id + "/audits/" + auditId).json();
        assertThat(manager.get("/api/v1/capacity/sops/" + UUID.randomUUID() + "/audits/" + auditId).status())
                .as("an audit under another SOP's address").isEqualTo(404);
        assertThat(one.get("answers").findValuesAsString("result"))
                .containsExactly("MET", "PARTLY", "NOT_MET", "NOT_APPLICABLE");
        assertThat(one.get("answers").get(1).get("text").get("ar").asString()).isEqualTo("تحقق 2");
        JsonNode history = manager.get("/api/v1/capacity/sops/" + id + "/audits?borderPoint=ZRB").json();
        assertThat(history.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(manager.get("/api/v1/capacity/sops/" + id + "/adoptions").json().get("content")
                .findValuesAsString("stage")).containsExactly("AUDITED", "ADOPTED", "TRAINED");

        // Every change is in the audit trail with the SOP's id.
        Long recorded = jdbc.sql("select count(*) from access.audit_event where username = 'capacity_manager'"
                        + " and :id = any(record_ids)")
                .param("id", id.toString()).query(Long.class).single();
        assertThat(recorded).isGreaterThanOrEqualTo(4);

        ApiClient.Response retired = manager.post("/api/v1/capacity/sops/" + id + "/retire", "");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        ApiClient.Response late = manager.post("/api/v1/capacity/sops/" + id + "/versions",
                ApiClient.json(version("Too late.", 1)));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:manfadh:problem:sop-retired");
    }

    private static JsonNode standing(ApiClient client, String point, UUID sop) {
        ApiClient.Response rows = client.get("/api/v1/capacity/sops/adoption?borderPoint=" + point);
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        for (JsonNode row : rows.json().get("rows")) {
            if (row.get("sopId").asString().equals(sop.toString())) {
                return row;
            }
        }
        throw new AssertionError("no standing of " + sop + " at " + point + ": " + rows.body());
    }

    @Test
    void namesEveryFaultOfAnAuditAndRecordsNothing() {
        ApiClient manager = manager();
        UUID id = create(manager, code(), 3);
        String path = "/api/v1/capacity/sops/" + id + "/audits";

        ApiClient.Response missing = manager.post(path, audit("ZRB", null, answers("MET", "MET")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("answers: every item is answered once; not answered: 3");

        List<Map<String, Object>> extra = new ArrayList<>(answers("MET", "MET", "MET"));
        extra.add(Map.of("item", 7, "result", "MET"));
        extra.add(Map.of("item", 2, "result", "NOT_MET"));
        ApiClient.Response wrong = manager.post(path, audit("ZRB", null, extra));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly(
                "answers[3].item: item 7 is not in version 1's checklist (items 1 to 3)",
                "answers[4].item: item 2 is answered more than once");

        ApiClient.Response none = manager.post(path, audit("ZRB", null,
                answers("NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE")));
        assertThat(none.status()).isEqualTo(400);
        assertThat(fields(none)).singleElement().asString().startsWith("answers: are all NOT_APPLICABLE");

        ApiClient.Response version = manager.post(path, audit("ZRB", 5, answers("MET", "MET", "MET")));
        assertThat(version.status()).isEqualTo(400);
        assertThat(fields(version)).singleElement().asString().startsWith("version: ");

        ApiClient.Response result = manager.post(path, audit("ZRB", null,
                List.of(Map.of("item", 1, "result", "DONE"), Map.of("item", 2, "result", "MET"))));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("type").asString()).doesNotContain("internal");

        ApiClient.Response noResult = manager.post(path, audit("XXX", null,
                List.of(Map.of("item", 1), Map.of("item", 2, "result", "MET"), Map.of("item", 3, "result", "MET"))));
        assertThat(fields(noResult)).containsExactly("borderPoint: 'XXX' is not a border point's code",
                "answers[0].result: is required: MET, PARTLY, NOT_MET or NOT_APPLICABLE");

        ApiClient.Response future = manager.post(path, ApiClient.json(Map.of("borderPoint", "ZRB",
                "auditedOn", LocalDate.now(BAGHDAD).plusDays(2).toString(), "auditor", "x",
                "answers", answers("MET", "MET", "MET"))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(fields(future)).singleElement().asString().startsWith("auditedOn: is after today");

        ApiClient.Response badDate = manager.post(path, "{\"borderPoint\":\"ZRB\",\"auditedOn\":\"2026-13-40\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(manager.post("/api/v1/capacity/sops/not-an-id/audits", "{}").status()).isEqualTo(400);
        assertThat(manager.post("/api/v1/capacity/sops/" + UUID.randomUUID() + "/audits",
                audit("ZRB", null, answers("MET"))).status()).isEqualTo(404);

        ApiClient.Response adoptionVersion = manager.post("/api/v1/capacity/sops/" + id + "/adoptions",
                ApiClient.json(Map.of("borderPoint", "ZRB", "stage", "ADOPTED", "version", 2)));
        assertThat(adoptionVersion.status()).isEqualTo(400);
        assertThat(fields(adoptionVersion)).singleElement().asString().startsWith("version: ");
        ApiClient.Response stage = manager.post("/api/v1/capacity/sops/" + id + "/adoptions",
                "{\"borderPoint\":\"ZRB\",\"stage\":\"FINISHED\"}");
        assertThat(stage.status()).isEqualTo(400);

        assertThat(manager.get(path + "?borderPoint=ZRB").json().get("page").get("totalElements").asLong()).isZero();
        assertThat(manager.get("/api/v1/capacity/sops/" + id + "/adoptions").json().get("page")
                .get("totalElements").asLong()).isZero();
    }

    @Test
    void refusesAnSopWithoutItsRequiredFieldsNamingEach() {
        ApiClient.Response empty = manager().post("/api/v1/capacity/sops", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).extracting(f -> f.substring(0, f.indexOf(':')))
                .containsExactly("code", "kind", "title", "version");
        ApiClient.Response kind = manager().post("/api/v1/capacity/sops", ApiClient.json(Map.of("code", code(),
                "kind", "PAPERWORK", "title", texts("x", null, null), "version", version("x", 1))));
        assertThat(kind.status()).isEqualTo(400);
        ApiClient.Response blankItem = manager().post("/api/v1/capacity/sops", ApiClient.json(Map.of("code", "a",
                "kind", "OTHER", "title", texts("x", null, null), "version", Map.of("body", texts("", "نص", null),
                        "checklist", List.of(texts(" ", null, null))))));
        assertThat(fields(blankItem)).extracting(f -> f.substring(0, f.indexOf(':')))
                .containsExactly("code", "version.body.en", "version.checklist[0].en");
        assertThat(manager().get("/api/v1/capacity/sops?kind=PAPERWORK").status()).isEqualTo(400);
    }

    @Test
    void keepsBorderPointsOutsideTheCallersJurisdictionOutOfSightAndOutOfReach() {
        UUID id = create(manager(), code(), 2);
        ApiClient.Response zrb = manager().post("/api/v1/capacity/sops/" + id + "/audits",
                audit("ZRB", null, answers("MET", "NOT_MET")));
        assertThat(zrb.status()).isEqualTo(201);
        String auditId = zrb.json().get("id").asString();

        String username = "cm" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response account = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("CAPACITY_MANAGER"),
                "jurisdiction", Map.of("authority", "KRI", "borderPoints", List.of("IBK")))));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        ApiClient kri = new ApiClient(port).as(username, PASSWORD);

        ApiClient.Response refused = kri.post("/api/v1/capacity/sops/" + id + "/adoptions",
                ApiClient.json(Map.of("borderPoint", "ZRB", "stage", "TRAINED")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:manfadh:problem:out-of-jurisdiction");
        assertThat(kri.post("/api/v1/capacity/sops/" + id + "/audits", audit("ZRB", null, answers("MET", "MET")))
                .status()).isEqualTo(403);
        assertThat(kri.get("/api/v1/capacity/sops/" + id + "/audits/" + auditId).status()).isEqualTo(404);
        assertThat(kri.get("/api/v1/capacity/sops/adoption?borderPoint=ZRB").status()).isEqualTo(404);
        assertThat(kri.get("/api/v1/capacity/sops/" + id + "/audits").json().get("page").get("totalElements")
                .asLong()).isZero();
        assertThat(kri.get("/api/v1/capacity/sops/adoption").json().get("rows").findValuesAsString("borderPoint"))
                .doesNotContain("ZRB");
        // The SOP itself is everyone's: the KRI manager reads it and records at their own point.
        assertThat(kri.get("/api/v1/capacity/sops/" + id).status()).isEqualTo(200);
        assertThat(kri.post("/api/v1/capacity/sops/" + id + "/adoptions",
                ApiClient.json(Map.of("borderPoint", "IBK", "stage", "TRAINED"))).status()).isEqualTo(201);
        assertThat(new ApiClient(port).as("supervisor", "manfadh-demo").get("/api/v1/capacity/sops/" + id).status())
                .isEqualTo(403);
    }

    @Test
    void standsEachPointWhereItsLatestStepPutsItAfterRandomSteps() {
        ApiClient manager = manager();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<UUID> sops = List.of(create(manager, code(), 2), create(manager, code(), 2), create(manager, code(), 2));
        Map<UUID, Integer> versions = new HashMap<>();
        for (UUID sop : sops) {
            int extra = random.nextInt(3);
            for (int v = 0; v < extra; v++) {
                Map<String, Object> next = version("Revised " + v, 2);
                next.put("effectiveFrom", "2026-02-0" + (v + 1));
                assertThat(manager.post("/api/v1/capacity/sops/" + sop + "/versions", ApiClient.json(next)).status())
                        .isEqualTo(201);
            }
            versions.put(sop, 1 + extra);
        }
        List<String> points = List.of("ZRB", "IBK", "BGW", "SFW");
        LocalDate today = LocalDate.now(BAGHDAD);
        LocalDate asAt = today.minusDays(5);
        Map<String, Integer> adoptedBefore = procedures.adoptedByBorderPoint(asAt);

        record Step(String point, UUID sop, String stage, int version, LocalDate on, int order) {
        }
        List<Step> steps = new ArrayList<>();
        String[] stages = {"TRAINED", "ADOPTED", "AUDITED"};
        for (int n = 0; n < 40; n++) {
            UUID sop = sops.get(random.nextInt(sops.size()));
            Step step = new Step(points.get(random.nextInt(points.size())), sop, stages[random.nextInt(stages.length)],
                    1 + random.nextInt(versions.get(sop)), today.minusDays(random.nextInt(10)), n);
            ApiClient.Response recorded = manager.post("/api/v1/capacity/sops/" + step.sop() + "/adoptions",
                    ApiClient.json(Map.of("borderPoint", step.point(), "stage", step.stage(), "version", step.version(),
                            "onDate", step.on().toString())));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            steps.add(step);
        }

        // The recount: for each point and SOP, the step of the latest day, of one day the one recorded last.
        Map<String, Step> latest = new TreeMap<>();
        Map<String, Step> latestAsAt = new TreeMap<>();
        for (Step s : steps) {
            String key = s.point() + " " + s.sop();
            latest.merge(key, s, (a, b) -> b.on().isBefore(a.on()) ? a : b);
            if (!s.on().isAfter(asAt)) {
                latestAsAt.merge(key, s, (a, b) -> b.on().isBefore(a.on()) ? a : b);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        latest.forEach((key, s) -> expected.put(key, s.stage() + " v" + s.version() + " " + s.on()
                + (s.version() < versions.get(s.sop()) ? " behind" : "")));
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode row : manager.get("/api/v1/capacity/sops/adoption").json().get("rows")) {
            UUID sop = UUID.fromString(row.get("sopId").asString());
            if (sops.contains(sop)) {
                actual.put(row.get("borderPoint").asString() + " " + sop, row.get("stage").asString() + " v"
                        + row.get("version").asInt() + " " + row.get("onDate").asString()
                        + (row.get("behind").asBoolean() ? " behind" : ""));
            }
        }
        assertThat(actual).as("seed " + seed).isEqualTo(expected);

        Map<String, Integer> adoptedAfter = procedures.adoptedByBorderPoint(asAt);
        for (String point : points) {
            long mine = latestAsAt.values().stream().filter(s -> s.point().equals(point))
                    .filter(s -> Set.of("ADOPTED", "AUDITED").contains(s.stage())).count();
            assertThat(adoptedAfter.getOrDefault(point, 0) - adoptedBefore.getOrDefault(point, 0))
                    .as("SOPs adopted at " + point + " as at " + asAt + ", seed " + seed).isEqualTo((int) mine);
        }
    }

    @Test
    void averagesTheScoresOfTheAuditsWithinThePeriod() {
        ApiClient manager = manager();
        UUID id = create(manager, code(), 4);
        // Days long past that no other test audits on: the mean is of these audits alone.
        LocalDate from = LocalDate.of(1990 + new Random().nextInt(10), 3, 1);
        String[][] audits = {{"MET", "MET", "MET", "MET"}, {"MET", "NOT_MET", "NOT_APPLICABLE", "PARTLY"},
                {"NOT_MET", "NOT_MET", "NOT_MET", "PARTLY"}};
        String[] points = {"ZRB", "IBK", "ZRB"};
        for (int i = 0; i < audits.length; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("borderPoint", points[i]);
            body.put("auditedOn", from.plusDays(i * 10).toString());
            body.put("auditor", "Team " + i);
            body.put("answers", answers(audits[i]));
            assertThat(manager.post("/api/v1/capacity/sops/" + id + "/audits", ApiClient.json(body)).status())
                    .isEqualTo(201);
        }
        // 100, (1 + 0.5) / 3 = 50, 0.5 / 4 = 12.5
        assertThat(procedures.meanAuditScore(from, from.plusDays(20), null)).hasValueSatisfying(
                mean -> assertThat(mean).isEqualByComparingTo("54.17"));
        assertThat(procedures.meanAuditScore(from, from.plusDays(20), Set.of("ZRB"))).hasValueSatisfying(
                mean -> assertThat(mean).isEqualByComparingTo("56.25"));
        assertThat(procedures.meanAuditScore(from.plusDays(1), from.plusDays(10), null)).hasValueSatisfying(
                mean -> assertThat(mean).isEqualByComparingTo("50"));
        assertThat(procedures.meanAuditScore(from.minusDays(9), from.minusDays(1), null)).isEmpty();
    }
}
