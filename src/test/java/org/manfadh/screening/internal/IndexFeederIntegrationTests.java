package org.manfadh.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ManfadhIntegrationTest
// Lists loaded here must not screen other tests' travellers: the screening tests have a server of their own.
@TestPropertySource(properties = "manfadh.test.context=screening")
class IndexFeederIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WatchlistIndex index;

    @Autowired
    IndexFeeder feeder;

    @Autowired
    Clock clock;

    private boolean listed(UUID list, String name) {
        return index.matchPersons(new PersonQuery(name, null, null, null, null, null, null), 0.99, 10_000).stream()
                .map(NameMatch::listId).anyMatch(list::equals);
    }

    /** A national alert with one approved entry in force until {@code expiresOn}. */
    private UUID listWithEntry(String name, LocalDate expiresOn) {
        ApiClient manager = new ApiClient(port).as("watchlist_manager", "manfadh-demo");
        ApiClient.Response list = manager.post("/api/v1/watchlists", ApiClient.json(Map.of(
                "name", "Alerts " + UUID.randomUUID(), "kind", "NATIONAL_ALERT", "actionOnHit", "REFER")));
        String listId = list.json().get("id").asText();
        ApiClient.Response entry = manager.post("/api/v1/watchlists/" + listId + "/entries", ApiClient.json(Map.of(
                "fullName", name, "expiresOn", expiresOn.toString(), "nationalities", List.of("IRQ"))));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        ApiClient.Response approved = new ApiClient(port).asDemoAdmin().post("/api/v1/watchlists/" + listId
                + "/entries/" + entry.json().get("id").asText() + "/approve", "");
        assertThat(approved.status()).isEqualTo(200);
        return UUID.fromString(listId);
    }

    private static String uniqueName() {
        return "Rashid" + Long.toString(System.nanoTime(), 36).toUpperCase() + " Talabani";
    }

    @Test
    void anEntryStopsMatchingOnceItsExpiryDayHasPassed() {
        LocalDate today = LocalDate.now(clock);
        String name = uniqueName();
        UUID list = listWithEntry(name, today);
        assertThat(listed(list, name)).isTrue();

        int swept = feeder.sweepExpired(today.plusDays(1));

        assertThat(swept).isPositive();
        assertThat(listed(list, name)).isFalse();
    }

    @Test
    void loadsEveryEntryInForceAtStart() {
        String name = uniqueName();
        UUID list = listWithEntry(name, LocalDate.now(clock).plusYears(1));
        index.removeList(list);
        assertThat(listed(list, name)).isFalse();

        feeder.loadAll();

        assertThat(listed(list, name)).isTrue();
    }
}
