package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.access.ScreenSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-factor sign-in as demo mode has it: offered to every account, required of none, and once an
 * account has it, asked for after the password on the form and in {@code X-Manfadh-OTP} with HTTP
 * Basic; every code is accepted once.
 */
@ManfadhIntegrationTest
class TwoFactorIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String newAccount(String role) {
        String username = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of(role),
                "jurisdiction", Map.of("authority", "NATIONAL"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private byte[] secret(String username) {
        return jdbc.sql("select secret from access.two_factor where username = :u").param("u", username)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    /** The code the owner's app shows, {@code steps} time steps from now. */
    private String code(String username, int steps) {
        return Totp.code(secret(username), Totp.step(Instant.now()) + steps);
    }

    /** Signs in (no factor yet), sets the factor up on the account's own screen; the session carries on. */
    private ScreenSession enrol(String username) {
        ScreenSession browser = new ScreenSession(port);
        assertThat(browser.signIn(username, PASSWORD).location()).doesNotContain("/login");
        assertThat(browser.get("/account/two-factor").body()).contains("id=\"two-factor-none\"");
        assertThat(browser.post("/account/two-factor", Map.of()).status()).isEqualTo(302);
        ScreenSession.Page shown = browser.get("/account/two-factor");
        String secret = Totp.base32(secret(username));
        assertThat(shown.body()).contains(secret).contains("otpauth://totp/Manfadh:" + username);

        ScreenSession.Page confirmed = browser.post("/account/two-factor/confirm", Map.of("code", code(username, 0)));

        assertThat(confirmed.location()).endsWith("/account/two-factor");
        assertThat(browser.get("/account/two-factor").body()).contains("id=\"two-factor-enrolled\"");
        return browser;
    }

    @Test
    void asksForTheCodeAfterThePasswordOnceEnrolledAndAcceptsEachCodeOnce() {
        String username = newAccount("ANALYST");
        enrol(username);

        ScreenSession browser = new ScreenSession(port);
        ScreenSession.Page password = browser.signIn(username, PASSWORD);
        assertThat(password.location()).endsWith("/login/code");
        // The password alone signs nobody in.
        assertThat(browser.get("/travellers").location()).endsWith("/login");
        assertThat(browser.get("/login/code").body()).contains("id=\"code-form\"");
        assertThat(browser.post("/login/code", Map.of("code", "000000")).location()).endsWith("/login/code?wrong");

        String code = code(username, 1);
        ScreenSession.Page signedIn = browser.post("/login/code", Map.of("code", code));

        assertThat(signedIn.location()).doesNotContain("/login");
        assertThat(browser.get("/travellers").status()).isEqualTo(200);
        // The same code again, on another browser: refused, as is an older one.
        ScreenSession replay = new ScreenSession(port);
        replay.signIn(username, PASSWORD);
        assertThat(replay.post("/login/code", Map.of("code", code)).location()).endsWith("/login/code?wrong");
        assertThat(replay.post("/login/code", Map.of("code", code(username, 0))).location())
                .endsWith("/login/code?wrong");
    }

    @Test
    void asksHttpBasicForTheCodeInAHeaderOnceEnrolled() {
        String username = newAccount("WATCHLIST_MANAGER");
        ApiClient api = new ApiClient(port).as(username, PASSWORD);
        assertThat(api.get("/api/v1/watchlists").status()).isEqualTo(200);
        enrol(username);

        ApiClient.Response without = api.get("/api/v1/watchlists");
        ApiClient.Response wrong = withCode(username, "123456");
        String code = code(username, 1);
        ApiClient.Response right = withCode(username, code);

        assertThat(without.status()).isEqualTo(401);
        assertThat(without.json().get("type").asString()).isEqualTo("urn:manfadh:problem:second-factor-required");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("type").asString()).isEqualTo("urn:manfadh:problem:second-factor-rejected");
        assertThat(right.status()).isEqualTo(200);
        // The code is used up: the sign-in form does not take it again.
        ScreenSession browser = new ScreenSession(port);
        browser.signIn(username, PASSWORD);
        assertThat(browser.post("/login/code", Map.of("code", code)).location()).endsWith("/login/code?wrong");
    }

    @Test
    void locksTheAccountForTheAddressAfterFiveWrongCodesWhateverPasswordsCameBetween() {
        String username = newAccount("ANALYST");
        enrol(username);
        ScreenSession browser = new ScreenSession(port);
        browser.signIn(username, PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertThat(browser.post("/login/code", Map.of("code", "00000" + i)).location())
                    .endsWith("/login/code?wrong");
        }
        // The right password again buys no more guesses at the code.
        assertThat(browser.signIn(username, PASSWORD).location()).endsWith("/login/code");
        for (int i = 2; i < 4; i++) {
            assertThat(browser.post("/login/code", Map.of("code", "00000" + i)).location())
                    .endsWith("/login/code?wrong");
        }

        ScreenSession.Page fifth = browser.post("/login/code", Map.of("code", "000009"));

        assertThat(fifth.location()).endsWith("/login?error");
        assertThat(browser.get("/login/code").location()).endsWith("/login");
        assertThat(new ApiClient(port).asDemoAdmin().get("/api/v1/users/" + username).json().get("locked")
                .asBoolean()).isTrue();
    }

    @Test
    void letsAnotherAdministratorResetALostFactorButNotOnesOwn() {
        String username = newAccount("ANALYST");
        ScreenSession session = enrol(username);
        assertThat(new ApiClient(port).asDemoAdmin().get("/api/v1/users/" + username).json().get("twoFactor")
                .asBoolean()).isTrue();
        ApiClient self = new ApiClient(port).asDemoAdmin();
        assertThat(patch(self, "admin", Map.of("resetTwoFactor", true)).status()).isEqualTo(400);

        ApiClient.Response reset = patch(new ApiClient(port).asDemoAdmin(), username, Map.of("resetTwoFactor", true));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("twoFactor").asBoolean()).isFalse();
        // Its sessions ended with the factor; the password alone signs in again (nothing requires one here).
        assertThat(session.get("/travellers").location()).endsWith("/login");
        assertThat(new ScreenSession(port).signIn(username, PASSWORD).location()).doesNotContain("/login");
    }

    @Test
    void letsAnAdministratorRemoveAFactorOnTheUsersScreen() {
        String username = newAccount("WATCHLIST_MANAGER");
        enrol(username);
        ScreenSession admin = new ScreenSession(port);
        admin.signIn("admin", "manfadh-demo");
        admin.get("/users");

        ScreenSession.Page reset = admin.post("/users/" + username + "/reset-two-factor", Map.of());
        String done = admin.get("/users").body();
        ScreenSession.Page own = admin.post("/users/admin/reset-two-factor", Map.of());

        assertThat(reset.location()).endsWith("/users");
        assertThat(done).contains("id=\"user-done\"");
        assertThat(new ApiClient(port).asDemoAdmin().get("/api/v1/users/" + username).json().get("twoFactor")
                .asBoolean()).isFalse();
        assertThat(own.location()).endsWith("/users");
        assertThat(admin.get("/users").body()).contains("id=\"user-failed\"");
    }

    private ApiClient.Response withCode(String username, String code) {
        return new ApiClient(port).as(username, PASSWORD).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/watchlists")).header("X-Manfadh-OTP", code).GET());
    }

    private ApiClient.Response patch(ApiClient client, String username, Object body) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users/" + username))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }
}
