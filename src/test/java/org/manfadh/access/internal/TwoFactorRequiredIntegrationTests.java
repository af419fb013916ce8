package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.access.ScreenSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two-factor sign-in required, as it is by default outside demo mode: the headquarters roles
 * (administrator, watchlist manager, analyst) cannot use their password alone, and set their factor
 * up half-way through their first sign-in on the screens; the other roles sign in as before. A
 * server of its own, since the shared test server runs in demo mode, where it is only offered.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.security.two-factor.required=true")
class TwoFactorRequiredIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String code(String username, int steps) {
        byte[] secret = jdbc.sql("select secret from access.two_factor where username = :u").param("u", username)
                .query((rs, n) -> rs.getBytes(1)).single();
        return Totp.code(secret, Totp.step(Instant.now()) + steps);
    }

    @Test
    void makesHeadquartersRolesSetTheirFactorUpAtTheirFirstSignIn() {
        ApiClient.Response passwordOnly = new ApiClient(port).as("analyst", "manfadh-demo").get("/api/v1/countries");
        assertThat(passwordOnly.status()).isEqualTo(401);
        assertThat(passwordOnly.json().get("type").asString())
                .isEqualTo("urn:manfadh:problem:second-factor-not-enrolled");

        ScreenSession browser = new ScreenSession(port);
        ScreenSession.Page password = browser.signIn("analyst", "manfadh-demo");
        assertThat(password.location()).endsWith("/login/enrol");
        assertThat(browser.get("/travellers").location()).endsWith("/login");
        ScreenSession.Page enrolment = browser.get("/login/enrol");
        assertThat(enrolment.body()).contains("otpauth://totp/Manfadh:analyst");
        assertThat(browser.post("/login/enrol", Map.of("code", "000000")).location()).endsWith("/login/enrol?wrong");

        ScreenSession.Page confirmed = browser.post("/login/enrol", Map.of("code", code("analyst", 0)));

        assertThat(confirmed.location()).doesNotContain("/login");
        assertThat(browser.get("/travellers").status()).isEqualTo(200);
        ApiClient.Response withCode = new ApiClient(port).as("analyst", "manfadh-demo").send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/countries")).header("X-Manfadh-OTP", code("analyst", 1))
                .GET());
        assertThat(withCode.status()).isEqualTo(200);
    }

    @Test
    void letsTheOtherRolesSignInWithTheirPassword() {
        assertThat(new ApiClient(port).as("officer", "manfadh-demo").get("/api/v1/countries").status()).isEqualTo(200);
        ScreenSession browser = new ScreenSession(port);
        assertThat(browser.signIn("supervisor", "manfadh-demo").location()).doesNotContain("/login");
        assertThat(browser.get("/second-line").status()).isEqualTo(200);
    }
}
