package org.manfadh.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The document check screen, through the real server: language, direction, CSRF and the reading. */
@ManfadhIntegrationTest
class MrzCheckScreenIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void speaksArabicRightToLeftAndRemembersTheChoice() throws Exception {
        HttpResponse<String> arabic = get("/documents/check?lang=ar");

        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(arabic.body()).contains("lang=\"ar\"", "dir=\"rtl\"", "فحص وثيقة سفر");
        assertThat(get("/documents/check").body()).contains("lang=\"ar\"");
        assertThat(get("/documents/check?lang=ckb").body()).contains("lang=\"ckb\"", "dir=\"rtl\"", "پشکنینی بەڵگەنامەی گەشت");
        assertThat(get("/documents/check?lang=en").body()).contains("lang=\"en\"", "dir=\"ltr\"");
    }

    @Test
    void ignoresALanguageItDoesNotSpeak() throws Exception {
        HttpResponse<String> response = get("/documents/check?lang=xx");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"en\"");
    }

    @Test
    void readsASubmittedZoneAndNamesItsProblemsInTheUsersLanguage() throws Exception {
        String form = get("/documents/check?lang=ar").body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        String zone = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10";

        HttpResponse<String> result = post("/documents/check", "_csrf=" + token.group(1) + "&mrz="
                + URLEncoder.encode(zone, StandardCharsets.UTF_8));

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("غير صالحة", "data-code=\"DOCUMENT_NUMBER_CHECK_DIGIT\"",
                "رقم الوثيقة لا يطابق رقم التحقق", "L898902C3");
    }

    @Test
    void refusesAFormPostWithoutItsCsrfToken() throws Exception {
        HttpResponse<String> response = post("/documents/check", "mrz=P%3CUTO");

        assertThat(response.statusCode()).isEqualTo(403);
    }
}
