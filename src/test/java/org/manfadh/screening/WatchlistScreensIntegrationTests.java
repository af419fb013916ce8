package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The list's page through the real server: a second manager sees a pending change and approves it there. */
@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class WatchlistScreensIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Watchlists watchlists;

    /** A browser signed in as one account: cookies kept, the account's credentials on every request. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String authorization;

        Browser(String username) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":manfadh-demo")
                    .getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
        }

        HttpResponse<String> post(String path, String csrf) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("Authorization", authorization).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void showsAPendingChangeToASecondManagerWhoApprovesItOnThePage() {
        Lists lists = new Lists(port);
        UUID list = lists.create("TRAVEL_BAN", Map.of("actionOnHit", "REFER"));
        ApiClient.Response proposed = lists.manager().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/watchlists/" + list))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"actionOnHit\": \"REFUSE\"}")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        String change = proposed.json().get("id").asString();
        String approve = "/watchlists/" + list + "/pending/" + change + "/approve";

        Browser first = new Browser("watchlist_manager");
        String proposer = first.get("/watchlists/" + list + "?lang=en").body();
        Browser second = new Browser("admin");
        String arabic = second.get("/watchlists/" + list + "?lang=ar").body();

        assertThat(proposer).contains("id=\"pending-changes\"", "Changes awaiting a second watchlist manager",
                "You proposed it", "refuse");
        assertThat(arabic).contains("lang=\"ar\"", "dir=\"rtl\"", "تغييرات بانتظار مدير قوائم مراقبة ثانٍ", approve);
        assertThat(second.get("/watchlists/" + list + "?lang=ckb").body())
                .contains("گۆڕانکارییەکان چاوەڕێی بەڕێوەبەرێکی دووەمی لیستی چاودێرین");
        assertThat(watchlists.find(list).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFER);

        HttpResponse<String> selfApproved = first.post(approve, csrf(proposer));
        assertThat(watchlists.find(list).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFER);
        HttpResponse<String> approved = second.post(approve, csrf(arabic));

        assertThat(selfApproved.statusCode()).isEqualTo(302);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(watchlists.find(list).orElseThrow().actionOnHit()).isEqualTo(ActionOnHit.REFUSE);
        assertThat(second.get("/watchlists/" + list + "?lang=en").body()).doesNotContain("id=\"pending-changes\"")
                .contains("The change was approved and is in force");
    }
}
