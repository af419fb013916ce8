package org.manfadh.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An alert's follow-up list and the contact-tracing manifest through the API: who is on the list and for how many
 * days, who drops off, the contacts recorded, and the files for the Ministry of Health read back row by row.
 */
@ManfadhIntegrationTest
class FollowUpIntegrationTests {

    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    UUID alert;
    UUID threeDaysAgo;
    UUID twentyDaysAgo;
    UUID twentyOneDaysAgo;
    UUID screenedByAir;
    UUID leaving;

    private Instant daysAgo(int days) {
        return today.minusDays(days).atTime(10, ThreadLocalRandom.current().nextInt(60)).atZone(BAGHDAD).toInstant();
    }

    /** Records an Iraqi citizen's admitted crossing, typed in late, as the administrator; its id. */
    private UUID record(String point, String direction, Instant at, Map<String, Object> transport) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", direction);
        body.put("mrz", Passports.td3(Passports.number('F'), Passports.surname("FOLLOW", 6), "ZAINAB", "IRQ",
                LocalDate.of(1990, 6, 1)));
        body.put("occurredAt", at.toString());
        body.put("lateReason", "Typed in from the paper register");
        if (transport != null) {
            body.put("transport", transport);
        }
        body.put("decision", "ADMITTED");
        ApiClient.Response r = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(body.get("id").toString());
    }

    /**
     * Entries over the Iranian border 3, 20 and 21 days ago, an exit, and a flight from Türkiye whose traveller
     * declared Iran at screening; then an Ebola alert on Iran (21 days), ended yesterday, so it asks nothing of the
     * booth today while its travellers are still followed.
     */
    @BeforeEach
    void anAlertWithTravellersToFollow() {
        today = LocalDate.now(BAGHDAD);
        threeDaysAgo = record("ZRB", "ENTRY", daysAgo(3), Map.of("mode", "BUS", "reference", "FU-" + UUID.randomUUID()));
        twentyDaysAgo = record("ZRB", "ENTRY", daysAgo(20), null);
        twentyOneDaysAgo = record("ZRB", "ENTRY", daysAgo(21), null);
        leaving = record("ZRB", "EXIT", daysAgo(2), null);
        screenedByAir = record("BGW", "ENTRY", daysAgo(4), Map.of("mode", "AIR", "reference", "TK 788", "origin", "TUR"));
        alert = UUID.randomUUID();
        jdbc.sql("""
                insert into health.alert (id, node_id, disease, countries, monitoring_days, valid_from, valid_until, source,
                                          created_by, created_at)
                values (:id, :id, 'EBOLA', array['IRN'], 21, :from, :until, 'WHO', 'health_officer', now())
                """).param("id", alert).param("from", today.minusDays(30)).param("until", today.minusDays(1)).update();
        jdbc.sql("""
                insert into health.screening (id, node_id, crossing_id, traveller_id, border_point, occurred_at, alert_ids,
                       rule_codes, exposure_countries, last_exposure_on, temperature_c, outcome, address, phone,
                       screened_by, screened_at)
                select gen_random_uuid(), node_id, id, traveller_id, border_point, occurred_at, array[cast(:alert as uuid)],
                       array['EBOLA_IRN'], array['IRN'], :exposed, 36.8, 'CLEARED', 'Karrada, Baghdad', '+964 770 123 4567',
                       'officer', now()
                  from bordercontrol.crossing where id = :crossing
                """).param("alert", alert).param("exposed", today.minusDays(5)).param("crossing", screenedByAir).update();
    }

    private ApiClient health() {
        return new ApiClient(port).as("health_officer", "manfadh-demo");
    }

    private Map<UUID, JsonNode> entries(String query) {
        ApiClient.Response r = health().get("/api/v1/health/alerts/" + alert + "/follow-up?size=1000" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<UUID, JsonNode> found = new HashMap<>();
        r.json().get("entries").get("content").forEach(e -> found.put(UUID.fromString(e.get("crossingId").asString()), e));
        return found;
    }

    @Test
    void listsTravellersWithTheirDaysLeftAndDropsThoseWhoseWindowEnded() {
        Map<UUID, JsonNode> list = entries("");

        assertThat(list).containsKeys(threeDaysAgo, twentyDaysAgo, screenedByAir)
                .doesNotContainKeys(twentyOneDaysAgo, leaving);
        assertThat(list.get(threeDaysAgo).get("daysLeft").asInt()).isEqualTo(18);
        assertThat(list.get(threeDaysAgo).get("screened").asBoolean()).isFalse();
        assertThat(list.get(twentyDaysAgo).get("daysLeft").asInt()).isEqualTo(1);
        JsonNode screened = list.get(screenedByAir);
        assertThat(screened.get("daysLeft").asInt()).isEqualTo(16);
        assertThat(screened.get("lastExposure").asString()).isEqualTo(today.minusDays(5).toString());
        assertThat(screened.get("address").asString()).isEqualTo("Karrada, Baghdad");
        assertThat(screened.get("phone").asString()).isEqualTo("+964 770 123 4567");

        Map<UUID, JsonNode> all = entries("&all=true");
        assertThat(all).containsKey(twentyOneDaysAgo).doesNotContainKey(leaving);
        assertThat(all.get(twentyOneDaysAgo).get("daysLeft").asInt()).isZero();
    }

    @Test
    void recordsContactsAndShowsTheLatest() {
        ApiClient.Response first = health().post("/api/v1/health/follow-ups", ApiClient.json(Map.of(
                "crossingId", threeDaysAgo.toString(), "alertId", alert.toString(), "method", "PHONE",
                "outcome", "NOT_REACHED", "contactedAt", Instant.now().minusSeconds(3600).toString())));
        ApiClient.Response second = health().post("/api/v1/health/follow-ups", ApiClient.json(Map.of(
                "crossingId", threeDaysAgo.toString(), "alertId", alert.toString(), "method", "VISIT",
                "outcome", "WELL", "notes", "No fever")));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode entry = entries("").get(threeDaysAgo);
        assertThat(entry.get("contacts")).hasSize(2);
        assertThat(entry.get("latest").asString()).isEqualTo("WELL");

        ApiClient.Response wrong = health().post("/api/v1/health/follow-ups", ApiClient.json(Map.of(
                "crossingId", threeDaysAgo.toString(), "alertId", alert.toString(), "method", "PIGEON",
                "outcome", "WELL")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("method");
        ApiClient.Response anExit = health().post("/api/v1/health/follow-ups", ApiClient.json(Map.of(
                "crossingId", leaving.toString(), "alertId", alert.toString(), "method", "SMS", "outcome", "WELL")));
        assertThat(anExit.status()).isEqualTo(400);
        assertThat(anExit.body()).contains("crossingId");
        ApiClient.Response officer = new ApiClient(port).as("officer", "manfadh-demo").post(
                "/api/v1/health/follow-ups", ApiClient.json(Map.of("crossingId", threeDaysAgo.toString())));
        assertThat(officer.status()).isEqualTo(403);
        assertThat(health().get("/api/v1/health/alerts/" + UUID.randomUUID() + "/follow-up").status()).isEqualTo(404);
        assertThat(health().get("/api/v1/health/alerts/not-an-id/follow-up").status()).isEqualTo(400);
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "health_officer:manfadh-demo".getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void exportsTheListAsCsvAndXlsxThatReadBack() throws Exception {
        HttpResponse<byte[]> csv = download("/api/v1/health/alerts/" + alert + "/follow-up?format=csv&lang=ar&all=true");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("follow-up-ebola-" + alert + "-" + today + ".csv");
        byte[] bytes = csv.body();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.getFirst()).startsWith("العبور,اللقب,الاسم,الجنسية");
        Map<String, String[]> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = csvCells(line);
            assertThat(cells).hasSize(17);
            rows.put(cells[0], cells);
        }
        assertThat(rows).containsKeys(threeDaysAgo.toString(), twentyOneDaysAgo.toString(), screenedByAir.toString())
                .doesNotContainKey(leaving.toString());
        assertThat(rows.get(threeDaysAgo.toString())[11]).isEqualTo("18");
        assertThat(rows.get(twentyOneDaysAgo.toString())[11]).isEqualTo("0");
        assertThat(rows.get(screenedByAir.toString())[12]).isEqualTo("Karrada, Baghdad");
        assertThat(rows.get(screenedByAir.toString())[13]).isEqualTo("+964 770 123 4567");

        HttpResponse<byte[]> xlsx = download("/api/v1/health/alerts/" + alert + "/follow-up?format=xlsx&lang=en");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Days left");
            Map<String, Row> byId = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                byId.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r));
            }
            assertThat(byId).containsKeys(threeDaysAgo.toString(), twentyDaysAgo.toString())
                    .doesNotContainKeys(twentyOneDaysAgo.toString(), leaving.toString());
            assertThat(byId.get(twentyDaysAgo.toString()).getCell(11).getNumericCellValue()).isEqualTo(1.0);
        }
        assertThat(new ApiClient(port).as("analyst", "manfadh-demo")
                .get("/api/v1/health/alerts/" + alert + "/follow-up?format=csv").status()).isEqualTo(403);
        assertThat(health().get("/api/v1/health/alerts/" + alert + "/follow-up?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void givesTheManifestWithFollowUpStateAndExportsBothLists() throws Exception {
        Instant boarding = daysAgo(6);
        String flight = "W5 " + ThreadLocalRandom.current().nextInt(1000, 9999);
        UUID index = record("BGW", "ENTRY", boarding, Map.of("mode", "AIR", "reference", flight));
        UUID fellow = record("BGW", "ENTRY", boarding.plusSeconds(60), Map.of("mode", "AIR", "reference", flight.replace(" ", "-")));
        UUID near = record("BGW", "ENTRY", boarding.plusSeconds(3000), null);
        ApiClient.Response contact = health().post("/api/v1/health/follow-ups", ApiClient.json(Map.of(
                "crossingId", fellow.toString(), "alertId", alert.toString(), "method", "PHONE", "outcome", "SYMPTOMS")));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);

        ApiClient.Response manifest = health().get("/api/v1/health/contacts?crossingId=" + index + "&hours=1");

        assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
        JsonNode m = manifest.json();
        assertThat(m.get("indexCase").get("crossingId").asString()).isEqualTo(index.toString());
        assertThat(m.get("sameTransport")).hasSize(1);
        assertThat(m.get("sameTransport").get(0).get("crossingId").asString()).isEqualTo(fellow.toString());
        assertThat(m.get("sameTransport").get(0).get("followUp").get("lastOutcome").asString()).isEqualTo("SYMPTOMS");
        List<String> near1h = new ArrayList<>();
        m.get("sameBorderPoint").forEach(p -> near1h.add(p.get("crossingId").asString()));
        assertThat(near1h).contains(near.toString()).doesNotContain(fellow.toString(), index.toString());
        assertThat(m.get("sameBorderPointTotal").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(personalDataReads(fellow)).anyMatch(what -> what.startsWith("travel contacts: same transport as " + index));
        assertThat(personalDataReads(near)).anyMatch(what -> what.startsWith("travel contacts: at BGW within 1 h of " + index));

        HttpResponse<byte[]> xlsx = download("/api/v1/health/contacts?crossingId=" + index + "&hours=1&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("contacts-" + index);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, String> listOf = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                listOf.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(listOf).containsEntry(index.toString(), "Index case")
                    .containsEntry(fellow.toString(), "Same transport").containsEntry(near.toString(), "Same border point");
        }
        HttpResponse<byte[]> csv = download("/api/v1/health/contacts?crossingId=" + index + "&hours=1&format=csv&lang=ckb");
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.getFirst()).startsWith("لیست,پەڕینەوە");
        assertThat(lines.get(1)).startsWith("حاڵەتی سەرەکی," + index);
        assertThat(lines).anyMatch(l -> l.startsWith("هەمان گواستنەوە," + fellow));

        assertThat(health().get("/api/v1/health/contacts?crossingId=" + index + "&hours=73").status()).isEqualTo(400);
        assertThat(health().get("/api/v1/health/contacts").status()).isEqualTo(400);
        assertThat(health().get("/api/v1/health/contacts?crossingId=" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(new ApiClient(port).as("officer", "manfadh-demo")
                .get("/api/v1/health/contacts?crossingId=" + index).status()).isEqualTo(403);
    }

    /** What the health officer's audited reads of a crossing's personal data say they were, once they are written. */
    private List<String> personalDataReads(UUID crossing) throws InterruptedException {
        List<String> found = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && found.stream().noneMatch(w -> w.startsWith("travel contacts")); attempt++) {
            found.clear();
            ApiClient.Response r = new ApiClient(port).asDemoAdmin().get("/api/v1/audit?size=1000&recordId=" + crossing
                    + "&action=READ_PERSONAL_DATA&username=health_officer");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().get("content").forEach(e -> found.add(e.get("what").asString()));
            if (found.stream().noneMatch(w -> w.startsWith("travel contacts"))) {
                Thread.sleep(200);
            }
        }
        return found;
    }

    /** One CSV record's fields (RFC 4180: quoted fields, doubled quotes). */
    static String[] csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
