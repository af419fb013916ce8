package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class CrossingApiIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private ApiClient officer() {
        return new ApiClient(port).as("officer", "manfadh-demo");
    }

    private static String number() {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()))
                + String.format("%07d", r.nextInt(10_000_000));
    }

    /** A passport of a traveller of its own: a unique name, so that tests never share a person. */
    private static String passport(String number, String nationality) {
        return Passports.td3(number, surname(), "ALI REZA", nationality, LocalDate.of(1985, 3, 14));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("HOSSEINI");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + r.nextInt(26)));
        }
        return s.toString();
    }

    private static Map<String, Object> crossing(String direction, String mrz, String decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", direction);
        body.put("mrz", mrz);
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", decision);
        return body;
    }

    private ApiClient.Response post(ApiClient client, Map<String, Object> body) {
        return client.post("/api/v1/crossings", ApiClient.json(body));
    }

    private static List<String> flags(JsonNode crossing) {
        List<String> flags = new ArrayList<>();
        crossing.get("flags").forEach(f -> flags.add(f.asString()));
        return flags;
    }

    @Test
    void recordsAnEntryWithTheTravellersIdentityAndStay() {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");
        body.put("visa", Map.of("number", "V" + number(), "type", "VISA_ON_ARRIVAL", "permittedStayDays", 30));

        ApiClient.Response response = post(officer(), body);

        assertThat(response.status()).isEqualTo(201);
        JsonNode c = response.json();
        assertThat(c.get("id").asString()).isEqualTo(body.get("id"));
        assertThat(c.get("travellerId").asString()).isNotBlank();
        assertThat(c.get("decision").asString()).isEqualTo("ADMITTED");
        LocalDate today = LocalDate.now(BAGHDAD);
        assertThat(c.get("stay").get("lastLegalDay").asString()).isEqualTo(today.plusDays(29).toString());
        assertThat(c.get("stay").get("daysRemaining").asInt()).isEqualTo(29);
        assertThat(c.get("stay").get("overstay").asBoolean()).isFalse();
        assertThat(c.get("officer").asString()).isEqualTo("officer");
        assertThat(c.get("nodeId").asString()).isNotBlank();
        assertThat(c.get("document").get("documentNumber").asString()).isNotBlank();
    }

    @Test
    void recordsARepeatedRequestOnceAndAnswersItTheSame() {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");

        ApiClient.Response first = post(officer(), body);
        ApiClient.Response again = post(officer(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("travellerId").asString()).isEqualTo(first.json().get("travellerId").asString());
        JsonNode traveller = admin().get("/api/v1/travellers/" + first.json().get("travellerId").asString()).json();
        assertThat(traveller.get("crossings").size()).isEqualTo(1);
    }

    @Test
    void refusesTheSameIdWithOtherContent() {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");
        assertThat(post(officer(), body).status()).isEqualTo(201);

        body.put("purpose", "BUSINESS");
        ApiClient.Response conflict = post(officer(), body);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asString()).isEqualTo("urn:manfadh:problem:id-conflict");
    }

    @Test
    void recordsTheSameRequestOnceWhenOfficersSendItConcurrently() throws Exception {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "SYR"), "ADMITTED");
        List<Integer> statuses = concurrently(12, () -> post(officer(), body).status());

        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void resolvesOneTravellerWhenTwoOfficersRecordTheSameNewDocumentAtOnce() throws Exception {
        String mrz = passport(number(), "PAK");
        List<String> travellers = concurrently(10, () -> {
            JsonNode c = post(officer(), crossing("ENTRY", mrz, "ADMITTED")).json();
            return c.get("travellerId").asString();
        });

        assertThat(travellers).hasSize(10).containsOnly(travellers.getFirst());
        JsonNode traveller = admin().get("/api/v1/travellers/" + travellers.getFirst()).json();
        assertThat(traveller.get("crossings").size()).isEqualTo(10);
        assertThat(traveller.get("documents").size()).isEqualTo(1);
    }

    @Test
    void refusesToAdmitOnADocumentThatFailsValidationAndWritesNothing() {
        String mrz = passport(number(), "IRN");
        String broken = mrz.substring(0, mrz.length() - 1) + (mrz.endsWith("0") ? "1" : "0");
        Map<String, Object> body = crossing("ENTRY", broken, "ADMITTED");

        ApiClient.Response response = post(officer(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("problems").get(0).get("code").asString()).isEqualTo("COMPOSITE_CHECK_DIGIT");
        assertThat(admin().get("/api/v1/crossings/" + body.get("id")).status()).isEqualTo(404);
    }

    @Test
    void refusesToAdmitOnAnExpiredDocument() {
        String mrz = Passports.td3("IRN", number(), surname(), "SARA", "IRN", LocalDate.of(1990, 1, 1), 'F',
                LocalDate.now(BAGHDAD).minusDays(3));

        ApiClient.Response response = post(officer(), crossing("ENTRY", mrz, "ADMITTED"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("problems").get(0).get("code").asString()).isEqualTo("DOCUMENT_EXPIRED");
    }

    @Test
    void recordsARefusalOnAFailingDocument() {
        String mrz = Passports.td3("IRN", number(), surname(), "SARA", "IRN", LocalDate.of(1990, 1, 1), 'F',
                LocalDate.now(BAGHDAD).minusDays(3));
        Map<String, Object> body = crossing("ENTRY", mrz, "REFUSED");
        body.put("reasonCode", "A");
        body.put("note", "Passport expired three days ago");

        ApiClient.Response response = post(officer(), body);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("reasonCode").asString()).isEqualTo("A");
        assertThat(flags(response.json())).contains("DOCUMENT_INVALID");
        assertThat(response.json().get("stay").get("present").asBoolean()).isFalse();
    }

    @Test
    void letsOnlyASupervisorOverrideAFailingDocument() {
        String mrz = Passports.td3("IRN", number(), surname(), "SARA", "IRN", LocalDate.of(1990, 1, 1), 'F',
                LocalDate.now(BAGHDAD).minusDays(3));
        Map<String, Object> body = crossing("ENTRY", mrz, "ADMITTED");
        body.put("override", Map.of("reason", "Renewal receipt seen; humanitarian case"));

        assertThat(post(officer(), body).status()).isEqualTo(403);
        ApiClient.Response supervised = post(new ApiClient(port).as("supervisor", "manfadh-demo"), body);

        assertThat(supervised.status()).isEqualTo(201);
        assertThat(flags(supervised.json())).contains("DOCUMENT_INVALID", "DOCUMENT_OVERRIDE");
    }

    @Test
    void namesEveryBadFieldAndWritesNothing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "XXX");
        body.put("direction", "ENTRY");
        body.put("decision", "REFUSED");

        ApiClient.Response response = post(officer(), body);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("fields").forEach(f -> fields.add(f.get("field").asString()));
        assertThat(fields).contains("borderPoint", "reasonCode", "mrz");
        assertThat(admin().get("/api/v1/crossings/" + body.get("id")).status()).isEqualTo(404);
    }

    @Test
    void namesAnUnknownEnumValueInTheBody() {
        Map<String, Object> body = crossing("SIDEWAYS", passport(number(), "IRN"), "ADMITTED");

        ApiClient.Response response = post(officer(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("direction");
    }

    @Test
    void refusesALateRecordWithoutTheRoleOrAReason() {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");
        body.put("occurredAt", Instant.now().minus(3, ChronoUnit.DAYS).toString());

        assertThat(post(officer(), body).status()).isEqualTo(400);
        ApiClient.Response noReason = post(admin(), body);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("lateReason");

        body.put("lateReason", "Paper register typed in after the link outage");
        ApiClient.Response late = post(admin(), body);
        assertThat(late.status()).isEqualTo(201);
        assertThat(flags(late.json())).contains("LATE_RECORD");
    }

    @Test
    void refusesACrossingInTheFutureOrBeyondTheLateLimit() {
        Map<String, Object> future = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");
        future.put("occurredAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        assertThat(post(admin(), future).status()).isEqualTo(400);

        Map<String, Object> ancient = crossing("ENTRY", passport(number(), "IRN"), "ADMITTED");
        ancient.put("occurredAt", Instant.now().minus(401, ChronoUnit.DAYS).toString());
        ancient.put("lateReason", "Old ledger");
        assertThat(post(admin(), ancient).status()).isEqualTo(400);
    }

    @Test
    void flagsAnExitWithoutEntryAndTwoEntriesInARow() {
        String mrz = passport(number(), "TUR");
        JsonNode exit = post(officer(), crossing("EXIT", mrz, "ADMITTED")).json();
        assertThat(flags(exit)).contains("NO_ENTRY_RECORDED");

        post(officer(), crossing("ENTRY", mrz, "ADMITTED"));
        JsonNode second = post(officer(), crossing("ENTRY", mrz, "ADMITTED")).json();
        assertThat(flags(second)).contains("NO_EXIT_RECORDED");
    }

    @Test
    void doesNotFlagACitizensFirstRecordedExit() {
        String mrz = passport(number(), "IRQ");

        JsonNode exit = post(officer(), crossing("EXIT", mrz, "ADMITTED")).json();

        assertThat(flags(exit)).doesNotContain("NO_ENTRY_RECORDED");
    }

    @Test
    void givesIraqiCitizensNoStayLimit() {
        String mrz = passport(number(), "IRQ");

        JsonNode entry = post(officer(), crossing("ENTRY", mrz, "ADMITTED")).json();

        assertThat(entry.get("stay").get("basis").asString()).isEqualTo("CITIZEN");
        assertThat(entry.get("stay").get("lastLegalDay").isNull()).isTrue();
        assertThat(flags(entry)).doesNotContain("MISSING_VISA");
    }

    @Test
    void flagsAMissingVisaWithoutRefusingTheRecord() {
        JsonNode entry = post(officer(), crossing("ENTRY", passport(number(), "CHN"), "ADMITTED")).json();

        assertThat(flags(entry)).contains("MISSING_VISA", "STAY_UNKNOWN");
        assertThat(entry.get("decision").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void listsAnOverstayerAsOfADayWithFilters() {
        String mrz = passport(number(), "BGD");
        Map<String, Object> entry = crossing("ENTRY", mrz, "ADMITTED");
        Instant hundredDaysAgo = Instant.now().minus(100, ChronoUnit.DAYS);
        entry.put("occurredAt", hundredDaysAgo.toString());
        entry.put("lateReason", "Paper register");
        entry.put("visa", Map.of("number", "E" + number(), "type", "E_VISA", "validFrom",
                LocalDate.ofInstant(hundredDaysAgo, BAGHDAD).toString(), "validUntil",
                LocalDate.ofInstant(hundredDaysAgo, BAGHDAD).plusDays(89).toString(), "permittedStayDays", 30));
        JsonNode recorded = post(admin(), entry).json();
        String traveller = recorded.get("travellerId").asString();
        LocalDate entryDay = LocalDate.ofInstant(hundredDaysAgo, BAGHDAD);
        LocalDate today = LocalDate.now(BAGHDAD);

        assertThat(recorded.get("stay").get("overstay").asBoolean()).isTrue();
        JsonNode page = admin().get("/api/v1/overstays?nationality=BGD&authority=FEDERAL&size=1000").json();
        JsonNode row = find(page.get("content"), traveller);
        assertThat(row).isNotNull();
        assertThat(row.get("lastLegalDay").asString()).isEqualTo(entryDay.plusDays(29).toString());
        assertThat(row.get("daysOver").asLong()).isEqualTo(ChronoUnit.DAYS.between(entryDay.plusDays(29), today));
        assertThat(page.get("page").get("size").asInt()).isEqualTo(1000);

        String before = admin().get("/api/v1/overstays?nationality=BGD&size=1000&asOf=" + entryDay.plusDays(10)).body();
        assertThat(before).doesNotContain(traveller);
        assertThat(admin().get("/api/v1/overstays?nationality=BGD&authority=KRI&size=1000").body()).doesNotContain(traveller);

        JsonNode exit = post(officer(), crossing("EXIT", mrz, "ADMITTED")).json();
        assertThat(flags(exit)).contains("OVERSTAY");
        assertThat(admin().get("/api/v1/overstays?nationality=BGD&size=1000").body()).doesNotContain(traveller);
    }

    @Test
    void keepsAnOverstayAsOfAnEarlierDayWhenALateExtensionEndsIt() {
        Map<String, Object> entry = crossing("ENTRY", passport(number(), "NPL"), "ADMITTED");
        Instant hundredDaysAgo = Instant.now().minus(100, ChronoUnit.DAYS);
        LocalDate entryDay = LocalDate.ofInstant(hundredDaysAgo, BAGHDAD);
        entry.put("occurredAt", hundredDaysAgo.toString());
        entry.put("lateReason", "Paper register");
        entry.put("visa", Map.of("number", "W" + number(), "type", "VISIT_VISA", "validFrom", entryDay.toString(),
                "validUntil", entryDay.plusDays(29).toString(), "permittedStayDays", 30));
        JsonNode recorded = post(admin(), entry).json();
        String traveller = recorded.get("travellerId").asString();

        ApiClient.Response extended = admin().post("/api/v1/visas/" + recorded.get("visaId").asString() + "/extensions",
                ApiClient.json(Map.of("extraDays", 90, "reason", "Medical treatment")));
        assertThat(extended.status()).isEqualTo(201);

        assertThat(admin().get("/api/v1/overstays?nationality=NPL&size=1000").body()).doesNotContain(traveller);
        JsonNode earlier = admin().get("/api/v1/overstays?nationality=NPL&size=1000&asOf=" + entryDay.plusDays(50)).json();
        JsonNode row = find(earlier.get("content"), traveller);
        assertThat(row).isNotNull();
        assertThat(row.get("lastLegalDay").asString()).isEqualTo(entryDay.plusDays(29).toString());
        assertThat(row.get("daysOver").asLong()).isEqualTo(21);
    }

    @Test
    void recognisesATravellerOnANewPassportAndLetsASupervisorSplitIt() {
        String name = surname();
        String first = Passports.td3("IRN", number(), name, "REZA", "IRN", LocalDate.of(1979, 6, 2), 'M',
                LocalDate.now().plusYears(3));
        String renewed = Passports.td3("IRN", number(), name, "REZA", "IRN", LocalDate.of(1979, 6, 2), 'M',
                LocalDate.now().plusYears(8));
        JsonNode a = post(officer(), crossing("ENTRY", first, "ADMITTED")).json();
        post(officer(), crossing("EXIT", first, "ADMITTED"));

        JsonNode b = post(officer(), crossing("ENTRY", renewed, "ADMITTED")).json();

        assertThat(b.get("travellerId").asString()).isEqualTo(a.get("travellerId").asString());
        assertThat(flags(b)).contains("PROBABLE_IDENTITY_MATCH");
        assertThat(b.get("identity").get("confidence").asDouble()).isLessThan(1.0);

        String documentId = b.get("identity").get("documentId").asString();
        ApiClient.Response split = new ApiClient(port).as("supervisor", "manfadh-demo")
                .post("/api/v1/travel-documents/" + documentId + "/identity/split",
                        ApiClient.json(Map.of("reason", "Different person: photo does not match")));
        assertThat(split.status()).isEqualTo(200);
        assertThat(split.json().get("id").asString()).isNotEqualTo(a.get("travellerId").asString());
        assertThat(split.json().get("crossings").size()).isEqualTo(1);
    }

    @Test
    void decidesAGroupTogetherButLeavesAFailingDocumentForItsOwnDecision() {
        Map<String, Object> open = new LinkedHashMap<>();
        String groupId = UUID.randomUUID().toString();
        open.put("id", groupId);
        open.put("borderPoint", "ZRB");
        open.put("direction", "ENTRY");
        open.put("kind", "BUS");
        open.put("vehicle", "IR 44 B 123");
        open.put("leaderName", "HASSAN RAHIMI");
        assertThat(officer().post("/api/v1/groups", ApiClient.json(open)).status()).isEqualTo(201);

        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> member = crossing("ENTRY", passport(number(), "IRN"), null);
            member.remove("decision");
            member.put("groupId", groupId);
            JsonNode c = post(officer(), member).json();
            assertThat(c.get("decision").asString()).isEqualTo("PENDING");
            members.add(c.get("id").asString());
        }
        String expired = Passports.td3("IRN", number(), surname(), "ZAHRA", "IRN", LocalDate.of(2001, 1, 1), 'F',
                LocalDate.now(BAGHDAD).minusDays(1));
        Map<String, Object> failing = crossing("ENTRY", expired, null);
        failing.remove("decision");
        failing.put("groupId", groupId);
        assertThat(post(officer(), failing).status()).isEqualTo(201);

        JsonNode decision = officer().post("/api/v1/groups/" + groupId + "/decision",
                ApiClient.json(Map.of("decision", "ADMITTED"))).json();

        assertThat(decision.get("decided").size()).isEqualTo(3);
        assertThat(decision.get("skipped").size()).isEqualTo(1);
        for (String id : members) {
            assertThat(admin().get("/api/v1/crossings/" + id).json().get("decision").asString()).isEqualTo("ADMITTED");
        }
    }

    @Test
    void closesAReferralWithAFinalDecisionAndKeepsTheHistory() {
        Map<String, Object> body = crossing("ENTRY", passport(number(), "AFG"), "REFERRED");
        body.put("note", "Purpose unclear");
        body.put("vulnerability", List.of("TRAFFICKING_INDICATORS"));
        body.put("protectionReferral", "IOM protection desk");
        JsonNode referred = post(officer(), body).json();
        assertThat(referred.get("stay").get("present").asBoolean()).isFalse();

        JsonNode refused = new ApiClient(port).as("supervisor", "manfadh-demo").post(
                "/api/v1/crossings/" + referred.get("id").asString() + "/decisions",
                ApiClient.json(Map.of("decision", "REFUSED", "reasonCode", "E", "note", "No documents for the stated purpose"))).json();

        assertThat(refused.get("decision").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("reasonCode").asString()).isEqualTo("E");
    }

    @Test
    void voidsACrossingWithAReasonAndTheStayFollows() {
        String mrz = passport(number(), "JOR");
        Map<String, Object> body = crossing("ENTRY", mrz, "ADMITTED");
        body.put("visa", Map.of("number", "J" + number(), "type", "VISIT_VISA"));
        JsonNode entry = post(officer(), body).json();
        assertThat(entry.get("stay").get("present").asBoolean()).isTrue();

        ApiClient supervisor = new ApiClient(port).as("supervisor", "manfadh-demo");
        assertThat(officer().post("/api/v1/crossings/" + entry.get("id").asString() + "/void",
                ApiClient.json(Map.of("reason", "Recorded twice"))).status()).isEqualTo(403);
        JsonNode voided = supervisor.post("/api/v1/crossings/" + entry.get("id").asString() + "/void",
                ApiClient.json(Map.of("reason", "Recorded for the wrong traveller"))).json();

        assertThat(voided.get("voided").asBoolean()).isTrue();
        assertThat(voided.get("voidReason").asString()).isEqualTo("Recorded for the wrong traveller");
        assertThat(voided.get("stay").get("present").asBoolean()).isFalse();
    }

    @Test
    void pagesTravellerSearchesTheSameWayAsEveryList() {
        String number = number();
        post(officer(), crossing("ENTRY", passport(number, "LBN"), "ADMITTED"));

        JsonNode page = admin().get("/api/v1/travellers?documentNumber=" + number + "&page=0&size=5").json();

        assertThat(page.get("content").size()).isEqualTo(1);
        assertThat(page.get("page").get("number").asInt()).isZero();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(1);
        assertThat(admin().get("/api/v1/travellers?documentNumber=" + number + "&size=1001").status()).isEqualTo(400);
    }

    @Test
    void listsATravellersCrossingsNewestFirstByPage() {
        String mrz = passport(number(), "KWT");
        Map<String, Object> entry = crossing("ENTRY", mrz, "ADMITTED");
        entry.put("borderPoint", "SFW");
        // Safwan is outside the demo officer's jurisdiction (Zurbatiyah); the national administrator records there.
        JsonNode first = post(admin(), entry).json();
        Map<String, Object> exit = crossing("EXIT", mrz, "ADMITTED");
        exit.put("borderPoint", "SFW");
        JsonNode second = post(admin(), exit).json();
        String traveller = first.get("travellerId").asString();

        JsonNode page = admin().get("/api/v1/crossings?borderPoint=SFW&travellerId=" + traveller + "&size=1").json();

        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(second.get("id").asString());
        JsonNode exits = admin().get("/api/v1/crossings?travellerId=" + traveller + "&direction=EXIT").json();
        assertThat(exits.get("content").size()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode rows, String travellerId) {
        for (JsonNode row : rows) {
            if (row.get("travellerId").asString().equals(travellerId)) {
                return row;
            }
        }
        return null;
    }

    private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
