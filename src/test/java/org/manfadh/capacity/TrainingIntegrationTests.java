package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The training workflow through the API as the training directorate works it: a course, a session, its participants,
 * attendance by day, certificates and the refreshers they bring due; what is refused (400, 403, 404, 409) and that a
 * refusal changes nothing; roster files good and bad, and hostile files.
 */
@ManfadhIntegrationTest
class TrainingIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));

    private ApiClient manager() {
        return new ApiClient(port).as("capacity_manager", "manfadh-demo");
    }

    private static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private JsonNode course(String code, Integer months) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("titles", Map.of("en", "Document examination " + code, "ar", "فحص الوثائق", "ckb", "پشکنینی بەڵگەنامە"));
        body.put("topic", "DOCUMENT_EXAMINATION");
        body.put("durationDays", 5);
        if (months != null) {
            body.put("certificateMonths", months);
        }
        body.put("passScore", 70);
        ApiClient.Response r = manager().post("/api/v1/capacity/courses", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode session(ApiClient as, String courseId, LocalDate start, LocalDate end, String centre, int capacity) {
        ApiClient.Response r = as.post("/api/v1/capacity/sessions", ApiClient.json(Map.of("courseId", courseId,
                "startDate", start.toString(), "endDate", end.toString(), "trainingCentre", centre,
                "trainers", List.of("Trainer One"), "capacity", capacity)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private ApiClient.Response participant(String sessionId, Map<String, Object> body) {
        return manager().post("/api/v1/capacity/sessions/" + sessionId + "/participants", ApiClient.json(body));
    }

    private static Map<String, Object> person(String name, String sex, String point) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sex", sex);
        body.put("agency", "BPC");
        body.put("rank", "Captain");
        if (point != null) {
            body.put("borderPoint", point);
        }
        return body;
    }

    private ApiClient.Response send(ApiClient as, String method, String path, String json) {
        return as.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private ApiClient.Response upload(ApiClient as, String sessionId, String fileName, byte[] content) {
        String boundary = "----manfadh" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/capacity/sessions/"
                        + sessionId + "/roster"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static String field(ApiClient.Response r) {
        return r.json().get("fields").get(0).get("field").asString();
    }

    private String scopedManager(String point) {
        String username = "cap" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("CAPACITY_MANAGER"),
                "jurisdiction", Map.of("authority", "FEDERAL", "borderPoints", List.of(point)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** An officer's account at Zurbatiyah, for a participant linked to their account. */
    private String officerAccount() {
        String username = "off" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("OFFICER"),
                "jurisdiction", Map.of("authority", "FEDERAL", "borderPoints", List.of("ZRB")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void runsACourseFromSessionToCertificatesAndTheRefreshersTheyBringDue() {
        String code = "DOC-" + suffix();
        JsonNode course = course(code, 1);
        LocalDate start = today.minusDays(24);
        LocalDate end = today.minusDays(20); // five days; a one-month certificate expires in about ten days
        JsonNode session = session(manager(), course.get("id").asString(), start, end, "BAGHDAD", 10);
        String sid = session.get("id").asString();
        assertThat(session.get("trainingCentre").asString()).isEqualTo("BAGHDAD");

        String account = officerAccount();
        Map<String, Object> amal = person("Amal Hassan " + code, "F", "ZRB");
        amal.put("account", account);
        amal.put("preTestScore", 40);
        amal.put("postTestScore", 85);
        amal.put("reaction", 5);
        ApiClient.Response a = participant(sid, amal);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Map<String, Object> karim = person("Karim Ali " + code, "M", "ZRB");
        karim.put("preTestScore", 50);
        karim.put("postTestScore", 90);
        ApiClient.Response k = participant(sid, karim);
        Map<String, Object> sara = person("Sara Aziz " + code, "F", "IBK");
        sara.put("preTestScore", 30);
        sara.put("postTestScore", 60); // below the pass score
        ApiClient.Response s = participant(sid, sara);
        assertThat(List.of(k.status(), s.status())).containsOnly(201);
        assertThat(a.json().get("gain").decimalValue()).isEqualByComparingTo("45");

        // Attendance: Amal 5 of 5 days, Karim 3 of 5 (below 80 %), Sara 4 of 5.
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            String day = start.plusDays(d).toString();
            grid.add(Map.of("participantId", a.json().get("id").asString(), "day", day, "present", true));
            grid.add(Map.of("participantId", k.json().get("id").asString(), "day", day, "present", d < 3));
            grid.add(Map.of("participantId", s.json().get("id").asString(), "day", day, "present", d != 2));
        }
        ApiClient.Response marked = send(manager(), "PUT", "/api/v1/capacity/sessions/" + sid + "/attendance",
                ApiClient.json(grid));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Map<String, Boolean> attended = new LinkedHashMap<>();
        marked.json().forEach(p -> attended.put(p.get("name").asString(), p.get("attended").asBoolean()));
        assertThat(attended).containsEntry("Amal Hassan " + code, true).containsEntry("Karim Ali " + code, false)
                .containsEntry("Sara Aziz " + code, true);

        // A day outside the session is refused, and nothing of the grid changes.
        ApiClient.Response outside = send(manager(), "PUT", "/api/v1/capacity/sessions/" + sid + "/attendance",
                ApiClient.json(List.of(Map.of("participantId", k.json().get("id").asString(), "day",
                        end.plusDays(1).toString(), "present", true))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(field(outside)).isEqualTo("[0].day");

        // The trainer's word overrides the days: Karim was there, the grid missed him.
        ApiClient.Response patched = send(manager(), "PATCH", "/api/v1/capacity/sessions/" + sid + "/participants/"
                + k.json().get("id").asString(), "{\"attended\": true}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("attended").asBoolean()).isTrue();

        ApiClient.Response issued = manager().post("/api/v1/capacity/sessions/" + sid + "/certificates", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("issued").asInt()).isEqualTo(2);
        List<String> numbers = new ArrayList<>();
        issued.json().get("certificates").forEach(c -> numbers.add(c.get("number").asString()));
        String prefix = "BPC-" + code + "-" + end.getYear() + "-";
        assertThat(numbers).containsExactly(prefix + "0001", prefix + "0002");
        JsonNode first = issued.json().get("certificates").get(0);
        assertThat(first.get("issuedOn").asString()).isEqualTo(end.toString());
        assertThat(first.get("expiresOn").asString()).isEqualTo(end.plusMonths(1).toString());
        ApiClient.Response again = manager().post("/api/v1/capacity/sessions/" + sid + "/certificates", "");
        assertThat(again.json().get("issued").asInt()).isZero();

        // Refreshers due at Zurbatiyah within 90 days: both certificate holders; Sara (Ibrahim Khalil) failed.
        ApiClient.Response due = manager().get("/api/v1/capacity/refreshers?borderPoint=ZRB&within=90");
        assertThat(due.status()).as(due.body()).isEqualTo(200);
        List<String> holders = new ArrayList<>();
        due.json().forEach(r -> holders.add(r.get("number").asString()));
        assertThat(holders).contains(prefix + "0001", prefix + "0002");
        ApiClient.Response soon = manager().get("/api/v1/capacity/refreshers?borderPoint=ZRB&within=0");
        List<String> soonNumbers = new ArrayList<>();
        soon.json().forEach(r -> soonNumbers.add(r.get("number").asString()));
        assertThat(soonNumbers).doesNotContain(prefix + "0001");

        // A newer session of the course certifies Amal again (by her account): her old certificate is due no more.
        JsonNode next = session(manager(), course.get("id").asString(), today.minusDays(2), today.minusDays(1),
                "BASRA", 5);
        Map<String, Object> again2 = new LinkedHashMap<>(Map.of("account", account, "agency", "BPC",
                "borderPoint", "ZRB", "postTestScore", 95, "attended", true));
        ApiClient.Response amalAgain = participant(next.get("id").asString(), again2);
        assertThat(amalAgain.status()).as(amalAgain.body()).isEqualTo(201);
        assertThat(amalAgain.json().get("personId").asString()).isEqualTo(a.json().get("personId").asString());
        assertThat(participant(next.get("id").asString(), again2).status()).isEqualTo(409);
        manager().post("/api/v1/capacity/sessions/" + next.get("id").asString() + "/certificates", "");
        List<String> stillDue = new ArrayList<>();
        manager().get("/api/v1/capacity/refreshers?borderPoint=ZRB&within=90").json()
                .forEach(r -> stillDue.add(r.get("number").asString()));
        assertThat(stillDue).doesNotContain(prefix + "0001").contains(prefix + "0002");

        // The refresher list as files.
        ApiClient.Response csv = manager().get("/api/v1/capacity/refreshers?borderPoint=ZRB&format=csv&lang=ar");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(prefix + "0002").contains("المنفذ");
        ApiClient.Response xlsx = manager().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/capacity/refreshers?borderPoint=ZRB")).header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");

        // The person's record; revoking a certificate, once.
        ApiClient.Response person = manager().get("/api/v1/capacity/people/" + a.json().get("personId").asString());
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.json().get("sessions").size()).isEqualTo(2);
        assertThat(person.json().get("certificates").size()).isEqualTo(2);
        String karimCertificate = issued.json().get("certificates").get(1).get("id").asString();
        assertThat(manager().post("/api/v1/capacity/certificates/" + karimCertificate + "/revoke", "{}").status())
                .isEqualTo(400);
        ApiClient.Response revoked = manager().post("/api/v1/capacity/certificates/" + karimCertificate + "/revoke",
                "{\"reason\": \"Issued in error\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(manager().post("/api/v1/capacity/certificates/" + karimCertificate + "/revoke",
                "{\"reason\": \"again\"}").status()).isEqualTo(409);

        // Kirkpatrick: a level 3 observation and a level 4 note, and the four levels' summary.
        ApiClient.Response l3 = manager().post("/api/v1/capacity/sessions/" + sid + "/evaluations", ApiClient.json(Map.of(
                "level", 3, "participantId", a.json().get("id").asString(), "observedOn", today.toString(), "score", 80)));
        assertThat(l3.status()).as(l3.body()).isEqualTo(201);
        ApiClient.Response l4 = manager().post("/api/v1/capacity/sessions/" + sid + "/evaluations", ApiClient.json(Map.of(
                "level", 4, "observedOn", today.toString(), "note", "Fewer forged documents missed at ZRB")));
        assertThat(l4.status()).as(l4.body()).isEqualTo(201);
        assertThat(manager().post("/api/v1/capacity/sessions/" + sid + "/evaluations", ApiClient.json(Map.of(
                "level", 2, "observedOn", today.toString()))).status()).isEqualTo(400);
        JsonNode summary = manager().get("/api/v1/capacity/sessions/" + sid + "/evaluations").json();
        assertThat(summary.get("meanReaction").decimalValue()).isEqualByComparingTo("5");
        assertThat(summary.get("meanGain").decimalValue()).isEqualByComparingTo("38.33");
        assertThat(summary.get("meanLevel3").decimalValue()).isEqualByComparingTo("80");
        assertThat(summary.get("level4Notes").get(0).asString()).contains("forged");

        // Cancelled: no more participants; cancelled twice is a conflict.
        assertThat(manager().post("/api/v1/capacity/sessions/" + sid + "/cancel", "{\"reason\":\"done\"}").status())
                .isEqualTo(200);
        assertThat(participant(sid, person("Late Comer " + code, "M", "ZRB")).status()).isEqualTo(409);
        assertThat(manager().post("/api/v1/capacity/sessions/" + sid + "/cancel", "{}").status()).isEqualTo(409);
    }

    @Test
    void refusesWhatIsWrongWithTheFieldAtFaultAndChangesNothing() {
        String code = "VAL-" + suffix();
        JsonNode course = course(code, 24);
        String courseId = course.get("id").asString();
        ApiClient.Response twice = manager().post("/api/v1/capacity/courses", ApiClient.json(Map.of("code", code,
                "title", "Again", "topic", "MANAGEMENT")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("duplicate-code");
        ApiClient.Response badTopic = manager().post("/api/v1/capacity/courses", ApiClient.json(Map.of("code",
                "X" + code, "title", "T", "topic", "JUGGLING")));
        assertThat(badTopic.status()).isEqualTo(400);
        assertThat(field(badTopic)).isEqualTo("topic");
        assertThat(manager().get("/api/v1/capacity/courses?topic=JUGGLING").status()).isEqualTo(400);
        assertThat(manager().get("/api/v1/capacity/courses/not-a-uuid").status()).isEqualTo(400);
        assertThat(manager().get("/api/v1/capacity/courses/" + UUID.randomUUID()).status()).isEqualTo(404);
        ApiClient.Response listed = manager().get("/api/v1/capacity/courses?topic=DOCUMENT_EXAMINATION&size=1000");
        assertThat(listed.body()).contains(code);

        ApiClient.Response backwards = manager().post("/api/v1/capacity/sessions", ApiClient.json(Map.of(
                "courseId", courseId, "startDate", today.toString(), "endDate", today.minusDays(1).toString(),
                "trainingCentre", "BAGHDAD")));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(field(backwards)).isEqualTo("endDate");
        ApiClient.Response nowhere = manager().post("/api/v1/capacity/sessions", ApiClient.json(Map.of(
                "courseId", courseId, "startDate", today.toString(), "endDate", today.toString(),
                "trainingCentre", "QQQ")));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(field(nowhere)).isEqualTo("trainingCentre");
        ApiClient.Response noCourse = manager().post("/api/v1/capacity/sessions", ApiClient.json(Map.of(
                "courseId", UUID.randomUUID().toString(), "startDate", today.toString(), "endDate", today.toString(),
                "trainingCentre", "BASRA")));
        assertThat(noCourse.status()).isEqualTo(400);
        assertThat(field(noCourse)).isEqualTo("courseId");
        ApiClient.Response badDate = manager().post("/api/v1/capacity/sessions", ApiClient.json(Map.of(
                "courseId", courseId, "startDate", "2026-13-40", "endDate", today.toString(), "trainingCentre", "BASRA")));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(manager().get("/api/v1/capacity/sessions?from=yesterday").status()).isEqualTo(400);

        JsonNode small = session(manager(), courseId, today, today.plusDays(1), "ZRB", 2);
        String sid = small.get("id").asString();
        ApiClient.Response high = participant(sid, Map.of("name", "Too High", "sex", "M", "agency", "BPC",
                "postTestScore", 101));
        assertThat(high.status()).isEqualTo(400);
        assertThat(field(high)).isEqualTo("postTestScore");
        ApiClient.Response nameless = participant(sid, Map.of("agency", "CUSTOMS", "sex", "F"));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(field(nameless)).isEqualTo("name");
        ApiClient.Response badAgency = participant(sid, Map.of("name", "N", "sex", "F", "agency", "NAVY"));
        assertThat(badAgency.status()).isEqualTo(400);
        assertThat(field(badAgency)).isEqualTo("agency");
        Map<String, Object> unknown = person("Nobody " + code, "F", "ZRB");
        unknown.put("account", "no-such-account-" + suffix().toLowerCase());
        ApiClient.Response noAccount = participant(sid, unknown);
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(field(noAccount)).isEqualTo("account");
        String account = officerAccount();
        Map<String, Object> first = person("First " + code, "F", "ZRB");
        first.put("account", account);
        assertThat(participant(sid, first).status()).isEqualTo(201);
        ApiClient.Response sameAccount = participant(sid, first);
        assertThat(sameAccount.status()).isEqualTo(409);
        assertThat(participant(sid, person("Second " + code, "M", "ZRB")).status()).isEqualTo(201);
        ApiClient.Response full = participant(sid, person("Third " + code, "M", "ZRB"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).endsWith("session-full");
        assertThat(manager().get("/api/v1/capacity/sessions/" + sid + "/participants").json().size()).isEqualTo(2);
        ApiClient.Response early = manager().post("/api/v1/capacity/sessions/" + sid + "/certificates", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("session-not-ended");

        // Nobody else reaches the training API.
        ApiClient officer = new ApiClient(port).as("officer", "manfadh-demo");
        assertThat(officer.get("/api/v1/capacity/sessions/" + sid).status()).isEqualTo(403);
        assertThat(new ApiClient(port).as("supervisor", "manfadh-demo").get("/api/v1/capacity/courses").status())
                .isEqualTo(403);
    }

    @Test
    void keepsSessionsAndParticipantsOfOtherBorderPointsOutOfAScopedManagersSight() {
        String code = "SCO-" + suffix();
        String courseId = course(code, 12).get("id").asString();
        ApiClient zurbatiyah = new ApiClient(port).as(scopedManager("ZRB"), PASSWORD);
        // Made at Ibrahim Khalil by a national manager, at Baghdad's centre with one participant of each point.
        String atIbk = session(manager(), courseId, today, today, "IBK", 5).get("id").asString();
        String atCentre = session(manager(), courseId, today, today, "BAGHDAD", 5).get("id").asString();
        assertThat(participant(atCentre, person("Zurbatiyah Officer " + code, "M", "ZRB")).status()).isEqualTo(201);
        assertThat(participant(atCentre, person("Kurdistan Officer " + code, "F", "IBK")).status()).isEqualTo(201);
        assertThat(participant(atCentre, person("Ministry Official " + code, "F", null)).status()).isEqualTo(201);

        assertThat(zurbatiyah.get("/api/v1/capacity/sessions/" + atIbk).status()).isEqualTo(404);
        assertThat(zurbatiyah.get("/api/v1/capacity/sessions?course=" + courseId).json().get("content").size())
                .isEqualTo(1);
        List<String> seen = new ArrayList<>();
        zurbatiyah.get("/api/v1/capacity/sessions/" + atCentre + "/participants").json()
                .forEach(p -> seen.add(p.get("name").asString()));
        assertThat(seen).containsExactly("Zurbatiyah Officer " + code);
        ApiClient.Response there = zurbatiyah.post("/api/v1/capacity/sessions", ApiClient.json(Map.of("courseId",
                courseId, "startDate", today.toString(), "endDate", today.toString(), "trainingCentre", "IBK")));
        assertThat(there.status()).isEqualTo(403);
        assertThat(there.json().get("type").asString()).endsWith("out-of-jurisdiction");
        ApiClient.Response theirs = zurbatiyah.post("/api/v1/capacity/sessions/" + atCentre + "/participants",
                ApiClient.json(person("Another Kurdistan Officer " + code, "M", "IBK")));
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(zurbatiyah.get("/api/v1/capacity/refreshers?borderPoint=IBK").status()).isEqualTo(403);
    }

    // --- roster files -------------------------------------------------------------------------------------------

    private String rosterSession(int capacity) {
        String courseId = course("ROS-" + suffix(), 12).get("id").asString();
        return session(manager(), courseId, today.minusDays(3), today.minusDays(1), "SULAYMANIYAH", capacity)
                .get("id").asString();
    }

    private int participantsOf(String sessionId) {
        return manager().get("/api/v1/capacity/sessions/" + sessionId + "/participants").json().size();
    }

    @Test
    void importsAGoodCsvRosterAndMatchesPeopleAlreadyKnownByFoldedName() {
        String sid = rosterSession(20);
        String tag = suffix();
        String csv = "\uFEFFname,sex,agency,rank,borderPoint,account,preTestScore,postTestScore,attended\r\n"
                + "Layla Karim " + tag + ",F,KRG_MOI,Lieutenant,IBK,,45,80,yes\r\n"
                + "\"Omar, Saleh " + tag + "\",M,CUSTOMS,,ZRB,,50,75.5,no\r\n"
                + "أحمد محمد " + tag + ",ذكر,BPC,,ZRB,,,,\r\n";
        ApiClient.Response r = upload(manager(), sid, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("added").asInt()).isEqualTo(3);
        assertThat(r.json().get("newPeople").asInt()).isEqualTo(3);

        // The same people on another session's roster, typed differently: matched, not made twice.
        String other = rosterSession(20);
        String again = "الاسم,الجنس,الجهة,المنفذ\n"
                + "LAYLA  KARIM " + tag + ",F,KRG_MOI,IBK\n"
                + "احمد محمد " + tag + ",M,BPC,ZRB\n";
        ApiClient.Response matched = upload(manager(), other, "roster.csv", again.getBytes(StandardCharsets.UTF_8));
        assertThat(matched.status()).as(matched.body()).isEqualTo(201);
        assertThat(matched.json().get("added").asInt()).isEqualTo(2);
        assertThat(matched.json().get("newPeople").asInt()).isZero();
    }

    @Test
    void importsAGoodXlsxRosterReadingFormulasAsTheirCachedValues() throws IOException {
        String sid = rosterSession(20);
        String tag = suffix();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Roster");
            String[][] rows = {{"Name", "Sex", "Agency", "Border point", "Pre-test score", "Post-test score", "Attended"},
                    {"Noor Jabbar " + tag, "F", "HEALTH", "NJF", "55", "", "TRUE"},
                    {"Haidar Salim " + tag, "M", "FEDERAL_MOI", "ZRB", "60", "", "FALSE"}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && (c == 4)) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else if (r > 0 && c == 5) {
                        row.createCell(c).setCellFormula("E" + (r + 1) + "+30");
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ApiClient.Response r = upload(manager(), sid, "roster.xlsx", xlsx);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Map<String, Double> post = new LinkedHashMap<>();
        r.json().get("participants").forEach(p -> post.put(p.get("name").asString(), p.get("postTestScore").asDouble()));
        assertThat(post).containsEntry("Noor Jabbar " + tag, 85.0).containsEntry("Haidar Salim " + tag, 90.0);
    }

    @Test
    void refusesARosterWithBadRowsNamingEveryOneAndWritesNothing() {
        String sid = rosterSession(20);
        String tag = suffix();
        String csv = "name,sex,agency,borderPoint,postTestScore,attended\n"
                + "Good Row " + tag + ",F,BPC,ZRB,80,yes\n"
                + "Bad Sex " + tag + ",X,BPC,ZRB,80,yes\n"
                + "Good Too " + tag + ",M,OTHER,ZRB,70,no\n"
                + "Bad Score " + tag + ",M,BPC,QQQ,180,perhaps\n"
                + "Good Row " + tag + ",F,BPC,ZRB,80,yes\n";
        ApiClient.Response r = upload(manager(), sid, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).endsWith("invalid-roster");
        List<String> faults = new ArrayList<>();
        r.json().get("errors").forEach(e -> faults.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(faults).containsExactlyInAnyOrder("3:sex", "5:borderPoint", "5:postTestScore", "5:attended",
                "6:name");
        assertThat(participantsOf(sid)).isZero();
        // A roster beyond the session's places: refused whole.
        String tiny = rosterSession(1);
        ApiClient.Response full = upload(manager(), tiny, "roster.csv", ("name,sex,agency\nOne " + tag
                + ",F,BPC\nTwo " + tag + ",M,BPC\n").getBytes(StandardCharsets.UTF_8));
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(participantsOf(tiny)).isZero();
    }

    @Test
    void answersHostileFilesWithAClearRefusalAndWritesNothing() throws IOException {
        String sid = rosterSession(20);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<byte[]> hostile = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            if (i % 3 == 0) { // garbage that claims to be a zip
                garbage = java.util.Arrays.copyOf(garbage, Math.max(garbage.length, 4));
                garbage[0] = 'P';
                garbage[1] = 'K';
                garbage[2] = 3;
                garbage[3] = 4;
            }
            hostile.add(garbage);
        }
        hostile.add("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        hostile.add("name,sex,agency\n\"unterminated,F,BPC\n".getBytes(StandardCharsets.UTF_8));
        hostile.add(zipBomb());
        hostile.add(xlsxWithExternalEntity());
        for (byte[] file : hostile) {
            ApiClient.Response r = upload(manager(), sid, "roster.xlsx", file);
            assertThat(r.status()).as(r.body()).isIn(400, 413);
            assertThat(r.contentType()).contains("problem+json");
            assertThat(r.body()).doesNotContain("root:");
        }
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(upload(manager(), sid, "huge.csv", huge).status()).isEqualTo(413);
        StringBuilder many = new StringBuilder("name,sex,agency\n");
        for (int i = 0; i < 1200; i++) {
            many.append("Person ").append(i).append(",F,BPC\n");
        }
        ApiClient.Response tooMany = upload(manager(), sid, "many.csv", many.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("1000 rows");
        assertThat(participantsOf(sid)).isZero();
    }

    /** A workbook whose one sheet inflates a thousandfold: a few KB that would be tens of MB in memory. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A workbook whose shared strings name an external entity: read as nothing, never fetched. */
    private static byte[] xlsxWithExternalEntity() throws IOException {
        byte[] good;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Roster").createRow(0).createCell(0).setCellValue("name");
            workbook.write(out);
            good = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(good));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    content = ("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" "
                            + "uniqueCount=\"1\"><si><t>&x;</t></si></sst>").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
