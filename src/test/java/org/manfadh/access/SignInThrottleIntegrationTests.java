package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A client address that keeps failing to sign in waits, whichever accounts it tries, before any
 * account is locked. The shared test server lets its own address fail freely (its tests fail on
 * purpose), so this class runs a server of its own that allows three failures from an address.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.security.throttle.free-failures=3",
        "manfadh.security.throttle.first-delay=30s"})
class SignInThrottleIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private String newAccount() {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = new ApiClient(port).asDemoAdmin().post("/api/v1/users", ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "roles", List.of("OFFICER"),
                "jurisdiction", Map.of("authority", "FEDERAL"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    @Test
    void makesAnAddressWaitAfterThreeFailuresAcrossAccountsWithoutLockingThem() {
        List<String> accounts = List.of(newAccount(), newAccount(), newAccount(), newAccount());
        FromAddress guesser = new FromAddress("127.0.0.5", port);
        FromAddress elsewhere = new FromAddress("127.0.0.6", port);

        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/api/v1/countries", accounts.get(i), "guess").status()).isEqualTo(401);
        }
        FromAddress.Answer waiting = guesser.get("/api/v1/countries", accounts.get(3), PASSWORD);

        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.body()).contains("urn:manfadh:problem:too-many-sign-ins");
        assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(25L, 30L);
        // The accounts are not locked: their owners elsewhere sign in.
        for (String account : accounts) {
            assertThat(elsewhere.get("/api/v1/countries", account, PASSWORD).status()).isEqualTo(200);
        }
        ApiClient.Response view = new ApiClient(port).asDemoAdmin().get("/api/v1/users/" + accounts.get(0));
        assertThat(view.json().get("locked").asBoolean()).isFalse();
    }

    @Test
    void tellsTheSignInFormToWaitToo() {
        String account = newAccount();
        ScreenSession browser = new ScreenSession(port);
        // The form comes from this machine's own address; three wrong guesses from it.
        for (int i = 0; i < 3; i++) {
            assertThat(browser.signIn(account, "guess-" + i).location()).endsWith("/login?error");
        }

        ScreenSession.Page refused = browser.signIn(account, PASSWORD);

        assertThat(refused.location()).endsWith("/login?throttled");
        assertThat(browser.get("/login?throttled").body()).contains("Too many failed sign-ins");
    }
}
