package org.manfadh.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ManfadhIntegrationTest
class ReportControllerIntegrationTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> pdf(String user, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/statistics/reports/monthly?" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":manfadh-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf")
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheMonthsReportAsPdfInEachLanguage() throws Exception {
        String month = YearMonth.now(BAGHDAD).toString();
        for (String lang : new String[] {"en", "ar", "ckb"}) {
            HttpResponse<byte[]> response = pdf("analyst", "authority=KRI&month=" + month + "&lang=" + lang);
            assertThat(response.statusCode()).as(lang + ": " + new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/pdf"));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    d -> assertThat(d).contains("manfadh-kri-" + month + "-" + lang + ".pdf"));
            assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.write(out.resolve("report-served-" + lang + ".pdf"), response.body());
        }
    }

    @Test
    void refusesABadMonthAuthorityOrLanguageAsProblemJson() {
        ApiClient analyst = new ApiClient(port).as("analyst", "manfadh-demo");
        ApiClient.Response badMonth = analyst.get("/api/v1/statistics/reports/monthly?authority=KRI&month=2026-13");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.contentType()).contains("application/problem+json");
        assertThat(badMonth.body()).contains("month");

        ApiClient.Response future = analyst.get("/api/v1/statistics/reports/monthly?authority=FEDERAL&month="
                + YearMonth.now(BAGHDAD).plusMonths(2));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("has not begun");

        ApiClient.Response wrong = analyst.get("/api/v1/statistics/reports/monthly?authority=MARS&month=2026-03"
                + "&lang=fr");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("authority", "lang");
    }

    @Test
    void isForAnalystsAndAdministratorsOnly() throws Exception {
        String month = LocalDate.now(BAGHDAD).toString().substring(0, 7);
        assertThat(pdf("officer", "authority=FEDERAL&month=" + month).statusCode()).isEqualTo(403);
        assertThat(pdf("admin", "authority=FEDERAL&month=" + month).statusCode()).isEqualTo(200);
    }
}
