package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class ScreeningCheckIntegrationTests {

    @LocalServerPort
    int port;

    /** A list of one authority holding one approved person, and that person's name. */
    private String listed(Lists lists, String authority) {
        UUID list = lists.create("NATIONAL_ALERT", Map.of("authority", authority, "actionOnHit", "REFUSE"));
        String name = word() + " " + word();
        ApiClient.Response proposed = lists.manager().post("/api/v1/watchlists/" + list + "/entries",
                ApiClient.json(Map.of("fullName", name, "datesOfBirth", List.of("1970"))));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        ApiClient.Response approved = lists.secondManager().post("/api/v1/watchlists/" + list + "/entries/"
                + proposed.json().get("id").asString() + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return name;
    }

    /** A made-up word of nine letters, unlike any other test's names. */
    private static String word() {
        String consonants = "BDFGHJKLMNPRSTVZ";
        String vowels = "AEIOU";
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            w.append(i % 2 == 0 ? consonants.charAt(r.nextInt(consonants.length())) : vowels.charAt(r.nextInt(5)));
        }
        return w.toString();
    }

    private static JsonNode check(ApiClient client, String name) {
        ApiClient.Response checked = client.post("/api/v1/screening/check",
                ApiClient.json(Map.of("fullName", name, "dateOfBirth", "1970")));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        return checked.json();
    }

    @Test
    void screensOnlyAgainstTheListsTheCallersAuthorityMaySee() {
        Lists lists = new Lists(port);
        ApiClient kri = new ApiClient(port).as("officer_kri", "manfadh-demo");
        String federalOnly = listed(lists, "FEDERAL");
        String both = listed(lists, "BOTH");
        String kriOnly = listed(lists, "KRI");

        JsonNode hidden = check(kri, federalOnly);
        assertThat(hidden.get("outcome").asString()).isEqualTo("CLEAR");
        assertThat(hidden.get("matches")).isEmpty();
        assertThat(hidden.toString()).doesNotContain(federalOnly);
        assertThat(check(kri, both).get("outcome").asString()).isEqualTo("HIT");
        assertThat(check(kri, kriOnly).get("outcome").asString()).isEqualTo("HIT");

        // Zurbatiyah's officer is federal; the watchlist manager is national and sees every list.
        assertThat(check(lists.officer(), federalOnly).get("outcome").asString()).isEqualTo("HIT");
        assertThat(check(lists.officer(), kriOnly).get("outcome").asString()).isEqualTo("CLEAR");
        assertThat(check(lists.manager(), federalOnly).get("outcome").asString()).isEqualTo("HIT");
        assertThat(check(lists.manager(), kriOnly).get("outcome").asString()).isEqualTo("HIT");
    }
}
