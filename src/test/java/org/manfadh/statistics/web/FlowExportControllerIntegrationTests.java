package org.manfadh.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class FlowExportControllerIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final List<String> DIMENSIONS = List.of("borderPoint", "direction", "nationality", "sex", "purpose");

    @LocalServerPort
    int port;

    @Autowired
    ReferenceData reference;

    private HttpResponse<byte[]> download(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":manfadh-demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String path) {
        ApiClient.Response response = new ApiClient(port).as("analyst", "manfadh-demo").get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void record(String point, String direction, String nationality, char sex, String purpose) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", point);
        body.put("direction", direction);
        body.put("mrz", Passports.td3(nationality, "E" + (char) ('A' + r.nextInt(26))
                        + String.format("%07d", r.nextInt(10_000_000)), "EXPORT" + (char) ('A' + r.nextInt(26))
                        + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)), "LAYLA", nationality,
                LocalDate.of(1985, 3, 3), sex, LocalDate.now(BAGHDAD).plusYears(5)));
        body.put("purpose", purpose);
        body.put("transport", Map.of("mode", "BUS", "reference", "12 FJ"));
        body.put("decision", "ADMITTED");
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().post("/api/v1/crossings",
                ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    /** The JSON table's rows as "period|codes…|count|suppressed", then the total, in the order served. */
    private static List<String> lines(JsonNode table, boolean period) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            List<String> cells = new ArrayList<>();
            if (period) {
                cells.add(row.get("period").asString());
            }
            DIMENSIONS.forEach(d -> cells.add(row.get(d).asString()));
            cells.add(row.get("count").isNull() ? "" : Long.toString(row.get("count").asLong()));
            cells.add(Boolean.toString(row.has("suppressed") && row.get("suppressed").asBoolean()));
            lines.add(String.join("|", cells));
        }
        lines.add("total|" + (table.get("total").isNull() ? "" : table.get("total").asLong()));
        return lines;
    }

    /** The same from a file's rows (header first, total last), the code columns found by their header. */
    private static List<String> lines(List<List<String>> records, boolean period, List<String> codeHeaders) {
        List<String> header = records.getFirst();
        List<String> lines = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size() - 1)) {
            List<String> cells = new ArrayList<>();
            if (period) {
                cells.add(record.get(0));
            }
            codeHeaders.forEach(h -> cells.add(record.get(header.indexOf(h))));
            cells.add(record.get(record.size() - 2));
            cells.add(record.get(record.size() - 1));
            lines.add(String.join("|", cells));
        }
        List<String> total = records.getLast();
        lines.add("total|" + total.get(total.size() - 2));
        return lines;
    }

    private static List<List<String>> rows(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        int width = sheet.getRow(0).getLastCellNum();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.NUMERIC && org.apache.poi.ss.usermodel.DateUtil
                        .isCellDateFormatted(cell)) {
                    cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    cells.add(Long.toString((long) cell.getNumericCellValue()));
                } else if (cell.getCellType() == CellType.BOOLEAN) {
                    cells.add(Boolean.toString(cell.getBooleanCellValue()));
                } else {
                    cells.add(formatter.formatCellValue(cell));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void servesTheFlowsAsCsvEqualToTheJsonTable() throws Exception {
        record("ZRB", "ENTRY", "FJI", 'F', "PILGRIMAGE");
        record("ZRB", "ENTRY", "FJI", 'F', "PILGRIMAGE");
        record("IBK", "EXIT", "FJI", 'M', "BUSINESS");
        String day = LocalDate.now(BAGHDAD).toString();
        String query = "from=" + day + "&to=" + day + "&interval=day&nationality=FJI&by=" + String.join(",", DIMENSIONS);

        HttpResponse<byte[]> csv = download("analyst", "/api/v1/statistics/flows/export?format=csv&" + query);
        assertThat(csv.statusCode()).as(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("manfadh-flows-" + day + "-" + day + ".csv"));
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);

        List<List<String>> records = FlowExportCsvReader.read(
                new String(csv.body(), StandardCharsets.UTF_8).substring(1));
        assertThat(records.getFirst()).containsExactly("Day", "Border point", "Border point name", "Direction",
                "Direction name", "Nationality", "Country name", "Sex", "Sex name", "Purpose", "Purpose name",
                "Count", "Suppressed");
        JsonNode table = json("/api/v1/statistics/flows?" + query);
        assertThat(table.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(lines(records, true, List.of("Border point", "Direction", "Nationality", "Sex", "Purpose")))
                .isEqualTo(lines(table, true));
        assertThat(records).anySatisfy(r -> assertThat(r).containsSequence("ZRB", "Zurbatiyah")
                .contains("Fiji", "Female", "Pilgrimage"));
        assertThat(records.getLast().getFirst()).isEqualTo("Total");
    }

    @Test
    void servesTheFlowsAsAnArabicRightToLeftWorkbookEqualToTheJsonTable() throws Exception {
        record("ZRB", "ENTRY", "TON", 'F', "TOURISM");
        record("BGW", "EXIT", "TON", 'X', "WORK");
        String day = LocalDate.now(BAGHDAD).toString();
        String query = "from=" + day + "&to=" + day + "&interval=day&nationality=TON&by=" + String.join(",", DIMENSIONS);

        HttpResponse<byte[]> xlsx = download("analyst", "/api/v1/statistics/flows/export?format=xlsx&lang=ar&" + query);
        assertThat(xlsx.statusCode()).as(new String(xlsx.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("manfadh-flows-" + day + "-" + day + ".xlsx"));
        assertThat(xlsx.headers().firstValue("Content-Language")).hasValue("ar");
        java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.write(out.resolve("flows-export-ar.xlsx"), xlsx.body());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("الجدول");
            assertThat(sheet.getCTWorksheet().getSheetViews().getSheetViewArray(0).getRightToLeft()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            List<List<String>> rows = rows(sheet);
            assertThat(rows.getFirst()).containsExactly("اليوم", "المنفذ الحدودي", "اسم المنفذ الحدودي", "الاتجاه",
                    "اسم الاتجاه", "الجنسية", "اسم البلد", "الجنس", "اسم الجنس", "الغرض", "اسم الغرض", "العدد",
                    "محجوب");
            JsonNode table = json("/api/v1/statistics/flows?" + query);
            assertThat(lines(rows, true, List.of("المنفذ الحدودي", "الاتجاه", "الجنسية", "الجنس", "الغرض")))
                    .isEqualTo(lines(table, true));
            String tonga = reference.countries().stream().filter(c -> c.code().equals("TON")).findFirst()
                    .orElseThrow().nameAr();
            String zurbatiyah = reference.borderPoint("ZRB").orElseThrow().nameAr();
            assertThat(rows).anySatisfy(r -> assertThat(r).contains(zurbatiyah, tonga, "دخول", "أنثى", "سياحة"));
            assertThat(sheet.getRow(1).getCell(rows.getFirst().size() - 2).getCellType()).isEqualTo(CellType.NUMERIC);

            XSSFSheet about = workbook.getSheetAt(1);
            assertThat(about.getCTWorksheet().getSheetViews().getSheetViewArray(0).getRightToLeft()).isTrue();
            List<List<String>> lines = rows(about);
            assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly("من", day));
            assertThat(lines).anySatisfy(l -> assertThat(l).containsExactly("المجموع", table.get("total").asString()));
            assertThat(lines).anySatisfy(l -> assertThat(l.getFirst()).isEqualTo("وقت الإعداد (بتوقيت بغداد)"));
        }
    }

    @Test
    void servesAWholeRangeInKurdishWithoutAPeriodColumn() throws Exception {
        String day = LocalDate.now(BAGHDAD).toString();
        HttpResponse<byte[]> csv = download("admin", "/api/v1/statistics/flows/export?format=csv&lang=ckb&from="
                + day + "&to=" + day + "&interval=none&by=direction");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<List<String>> records = FlowExportCsvReader.read(new String(csv.body(), StandardCharsets.UTF_8)
                .substring(1));
        assertThat(records.getFirst()).containsExactly("ئاراستە", "ناوی ئاراستە", "ژمارە", "شاردراوە");
        assertThat(records.getLast().getFirst()).isEqualTo("کۆ");
    }

    @Test
    void servesTheOverstayersAsCsvEqualToTheJsonTable() throws Exception {
        String day = LocalDate.now(BAGHDAD).toString();
        HttpResponse<byte[]> csv = download("analyst", "/api/v1/statistics/overstayers/export?format=csv&asOf="
                + day + "&by=nationality,authority");
        assertThat(csv.statusCode()).as(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("manfadh-overstayers-" + day + ".csv"));
        List<List<String>> records = FlowExportCsvReader.read(new String(csv.body(), StandardCharsets.UTF_8)
                .substring(1));
        assertThat(records.getFirst()).containsExactly("Nationality", "Country name", "Authority", "Authority name",
                "Count", "Suppressed");
        JsonNode table = json("/api/v1/statistics/overstayers?asOf=" + day + "&by=nationality,authority");
        List<String> expected = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            expected.add(row.get("nationality").asString() + "|" + row.get("authority").asString() + "|"
                    + row.get("count").asLong());
        }
        List<String> served = records.subList(1, records.size() - 1).stream()
                .map(r -> r.get(0) + "|" + r.get(2) + "|" + r.get(4)).toList();
        assertThat(served).isEqualTo(expected);
        assertThat(records.getLast().get(4)).isEqualTo(table.get("total").asString());
    }

    @Test
    void refusesBadParametersAsProblemJsonNamingEachOne() {
        ApiClient analyst = new ApiClient(port).as("analyst", "manfadh-demo");
        ApiClient.Response bad = analyst.get("/api/v1/statistics/flows/export?format=pdf&lang=fr&from=2026-08-01"
                + "&to=yesterday&colour=red");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.body()).contains("\"format\"", "\"lang\"", "\"to\"", "\"colour\"");

        ApiClient.Response missing = analyst.get("/api/v1/statistics/flows/export?from=2026-08-01&to=2026-08-31");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"format\"");

        ApiClient.Response backwards = analyst.get("/api/v1/statistics/flows/export?format=xlsx&from=2026-08-10"
                + "&to=2026-08-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).contains("application/problem+json");

        ApiClient.Response overstayers = analyst.get("/api/v1/statistics/overstayers/export?format=csv&asOf=soon"
                + "&by=purpose&extra=1");
        assertThat(overstayers.status()).isEqualTo(400);
        assertThat(overstayers.body()).contains("\"asOf\"", "\"extra\"");

        ApiClient.Response wrongDimension = analyst.get("/api/v1/statistics/overstayers/export?format=csv"
                + "&asOf=2026-08-01&by=purpose");
        assertThat(wrongDimension.status()).isEqualTo(400);
        assertThat(wrongDimension.body()).contains("purpose");
    }

    @Test
    void givesASharedTableExactlyAsTheJsonTableDoes() throws Exception {
        LocalDate first = LocalDate.now(BAGHDAD).withDayOfMonth(1).minusMonths(1);
        String query = "from=" + first + "&to=" + first.withDayOfMonth(first.lengthOfMonth())
                + "&interval=month&shared=true&by=" + String.join(",", DIMENSIONS);
        ApiClient.Response json = new ApiClient(port).as("analyst", "manfadh-demo")
                .get("/api/v1/statistics/flows?" + query);
        HttpResponse<byte[]> csv = download("analyst", "/api/v1/statistics/flows/export?format=csv&" + query);
        assertThat(csv.statusCode()).isEqualTo(json.status());
        if (json.status() != 200) {
            // Until shared tables are served, the export refuses them with the same problem.
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(json.json().get("type").asString());
            return;
        }
        List<List<String>> records = FlowExportCsvReader.read(new String(csv.body(), StandardCharsets.UTF_8)
                .substring(1));
        assertThat(lines(records, true, List.of("Border point", "Direction", "Nationality", "Sex", "Purpose")))
                .isEqualTo(lines(json.json(), true));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("-shared.csv"));
    }

    @Test
    void isForAnalystsSupervisorsAndAdministrators() throws Exception {
        String day = LocalDate.now(BAGHDAD).toString();
        String path = "/api/v1/statistics/flows/export?format=csv&from=" + day + "&to=" + day;
        assertThat(download("officer", path).statusCode()).isEqualTo(403);
        assertThat(download("supervisor", path).statusCode()).isEqualTo(200);
    }
}
