package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The screens' pages carry a content security policy that allows no inline script or style, and the
 * session cookie is HttpOnly, SameSite=Lax, and Secure when the page was asked for over HTTPS — also
 * through a reverse proxy on this machine that says so with X-Forwarded-Proto.
 */
@ManfadhIntegrationTest
class ScreenSecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    private ApiClient.Response loginPage(String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        ApiClient.Response response = new ApiClient(port).send(request);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private static String sessionCookie(ApiClient.Response response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).hasSize(1);
        return cookies.getFirst();
    }

    @Test
    void allowsNoInlineScriptOrStyle() {
        String policy = loginPage().headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void keepsTheSessionCookieFromScriptsAndOtherSites() {
        String cookie = sessionCookie(loginPage());

        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void sendsTheSessionCookieOverHttpsOnlyWhenThePageCameOverHttps() {
        assertThat(sessionCookie(loginPage())).doesNotContainIgnoringCase("Secure");

        ApiClient.Response forwarded = loginPage("X-Forwarded-Proto", "https");
        String cookie = sessionCookie(forwarded);

        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        assertThat(forwarded.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void holdsTheApiDocumentationsScriptsToTheSameRule() {
        ApiClient.Response page = new ApiClient(port).get("/swagger-ui/index.html");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(page.status()).isEqualTo(200);
        assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval");
    }
}
