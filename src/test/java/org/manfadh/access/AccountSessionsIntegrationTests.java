package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A change to an account ends its open screen sessions and its remembered API sign-ins at the next
 * request; nobody changes their own roles, jurisdiction or enabled state; a lock-out holds for the
 * client address the wrong guesses came from, not for the account's owner elsewhere.
 */
@ManfadhIntegrationTest
class AccountSessionsIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private String newAccount(String roles, Map<String, Object> jurisdiction) {
        String username = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of(roles.split(",")), "jurisdiction", jurisdiction)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    private ApiClient.Response patch(ApiClient client, String username, Object body) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users/" + username))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    private ScreenSession signedIn(String username) {
        ScreenSession browser = new ScreenSession(port);
        ScreenSession.Page signIn = browser.signIn(username, PASSWORD);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).doesNotContain("error");
        return browser;
    }

    private static void assertSentToSignIn(ScreenSession.Page page) {
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    // --- sessions end when the account changes --------------------------------------------------

    @Test
    void refusesTheNextScreenRequestOfAnAdministratorDisabledByAnother() {
        String username = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        ScreenSession browser = signedIn(username);
        assertThat(browser.get("/users").status()).isEqualTo(200);

        assertThat(patch(admin(), username, Map.of("enabled", false)).status()).isEqualTo(200);

        assertSentToSignIn(browser.get("/users"));
        // The session is gone for good, not merely refused once: signing in again is refused too.
        assertSentToSignIn(browser.get("/users"));
        assertThat(new ScreenSession(port).signIn(username, PASSWORD).location()).contains("error");
    }

    @Test
    void endsAScreenSessionWhenTheAccountsRolesOrJurisdictionChange() {
        String roles = newAccount("ADMIN,ANALYST", Map.of("authority", "NATIONAL"));
        String place = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        ScreenSession first = signedIn(roles);
        ScreenSession second = signedIn(place);

        patch(admin(), roles, Map.of("roles", List.of("ANALYST")));
        patch(admin(), place, Map.of("jurisdiction", Map.of("authority", "KRI")));

        assertSentToSignIn(first.get("/users"));
        assertSentToSignIn(second.get("/users"));
        // Signed in again, each works with what the account now is.
        assertThat(signedIn(roles).get("/users").status()).isEqualTo(403);
        assertThat(signedIn(place).get("/users").status()).isEqualTo(200);
    }

    @Test
    void endsAScreenSessionChangedFromAnotherServerOnTheSameDatabase() {
        String username = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        ScreenSession browser = signedIn(username);
        assertThat(browser.get("/users").status()).isEqualTo(200);

        // What another server's change leaves in the shared database: the account's next version.
        jdbc.sql("update access.user_account set version = version + 1 where username = :u")
                .param("u", username).update();

        assertSentToSignIn(browser.get("/users"));
    }

    @Test
    void keepsASessionWhenOnlyAnotherAccountOrALockChanges() {
        String username = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        String other = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ScreenSession browser = signedIn(username);

        patch(admin(), other, Map.of("enabled", false));
        patch(admin(), username, Map.of("unlock", true));

        assertThat(browser.get("/users").status()).isEqualTo(200);
    }

    @Test
    void forgetsARememberedApiSignInAtOnceWhenThePasswordChanges() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient old = new ApiClient(port).as(username, PASSWORD);
        assertThat(old.get("/api/v1/countries").status()).isEqualTo(200);

        assertThat(patch(admin(), username, Map.of("password", "another-long-password")).status()).isEqualTo(200);

        assertThat(old.get("/api/v1/countries").status()).isEqualTo(401);
        assertThat(new ApiClient(port).as(username, "another-long-password").get("/api/v1/countries").status())
                .isEqualTo(200);
    }

    @Test
    void forgetsARememberedApiSignInChangedFromAnotherServer() {
        String username = newAccount("ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient client = new ApiClient(port).as(username, PASSWORD);
        assertThat(client.get("/api/v1/countries").status()).isEqualTo(200);

        jdbc.sql("update access.user_account set enabled = false, version = version + 1 where username = :u")
                .param("u", username).update();

        assertThat(client.get("/api/v1/countries").status()).isEqualTo(401);
    }

    // --- nobody changes their own standing -----------------------------------------------------

    @Test
    void refusesAnAdministratorsChangesToTheirOwnRolesJurisdictionOrEnabledState() {
        String username = newAccount("ADMIN,ANALYST", Map.of("authority", "NATIONAL"));
        ApiClient self = new ApiClient(port).as(username, PASSWORD);

        ApiClient.Response roles = patch(self, username, Map.of("roles", List.of("ADMIN")));
        ApiClient.Response jurisdiction = patch(self, username, Map.of("jurisdiction", Map.of("authority", "KRI")));
        ApiClient.Response enabled = patch(self, username, Map.of("enabled", false));

        assertThat(List.of(roles.status(), jurisdiction.status(), enabled.status())).containsOnly(400);
        assertThat(roles.json().get("fields").toString()).contains("roles");
        assertThat(jurisdiction.json().get("fields").toString()).contains("jurisdiction");
        JsonNode account = admin().get("/api/v1/users/" + username).json();
        assertThat(account.get("roles").toString()).contains("ANALYST");
        assertThat(account.get("jurisdiction").get("authority").asString()).isEqualTo("NATIONAL");
        assertThat(account.get("enabled").asBoolean()).isTrue();
        // Their own password they may change; the same roles again are no change.
        assertThat(patch(self, username, Map.of("roles", List.of("ANALYST", "ADMIN"))).status()).isEqualTo(200);
        assertThat(patch(self, username, Map.of("password", "my-own-new-password")).status()).isEqualTo(200);
    }

    // --- lock-out per account and address ------------------------------------------------------

    @Test
    void locksAnAccountOnlyForTheAddressTheWrongGuessesCameFrom() {
        String username = newAccount("ADMIN", Map.of("authority", "NATIONAL"));
        FromAddress stranger = new FromAddress("127.0.0.2", port);
        FromAddress owner = new FromAddress("127.0.0.3", port);

        for (int i = 0; i < 5; i++) {
            assertThat(stranger.get("/api/v1/countries", username, "guess-" + i).status()).isEqualTo(401);
        }
        FromAddress.Answer strangerRight = stranger.get("/api/v1/countries", username, PASSWORD);
        FromAddress.Answer ownerRight = owner.get("/api/v1/countries", username, PASSWORD);

        assertThat(strangerRight.status()).isEqualTo(401);
        assertThat(strangerRight.body()).contains("urn:manfadh:problem:account-locked");
        assertThat(ownerRight.status()).isEqualTo(200);
        JsonNode account = admin().get("/api/v1/users/" + username).json();
        assertThat(account.get("locked").asBoolean()).isTrue();
        assertThat(jdbc.sql("select source from access.sign_in_lockout where username = :u and locked_until is not null")
                .param("u", username).query(String.class).list()).containsExactly("127.0.0.2");
    }
}
