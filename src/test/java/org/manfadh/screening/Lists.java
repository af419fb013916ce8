package org.manfadh.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.manfadh.ApiClient;

/** Watchlists made through the API for the screening integration tests, each with a name of its own. */
final class Lists {

    private final int port;

    Lists(int port) {
        this.port = port;
    }

    ApiClient manager() {
        return new ApiClient(port).as("watchlist_manager", "manfadh-demo");
    }

    /** A second watchlist manager: the demo administrator holds every role. */
    ApiClient secondManager() {
        return new ApiClient(port).asDemoAdmin();
    }

    ApiClient officer() {
        return new ApiClient(port).as("officer", "manfadh-demo");
    }

    ApiClient supervisor() {
        return new ApiClient(port).as("supervisor", "manfadh-demo");
    }

    UUID create(String kind) {
        return create(kind, Map.of());
    }

    UUID create(String kind, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", kind + " " + UUID.randomUUID());
        body.put("kind", kind);
        body.put("actionOnHit", "REFER");
        body.putAll(extra);
        ApiClient.Response created = manager().post("/api/v1/watchlists", ApiClient.json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    ApiClient.Response importFile(UUID list, String contentType, String body) {
        return importFile(manager(), list, contentType, () -> new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    ApiClient.Response importFile(ApiClient client, UUID list, String contentType, Supplier<InputStream> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/watchlists/" + list + "/imports"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request);
    }

    /**
     * Imports a national list file as the watchlist manager and has the second manager approve it
     * (four eyes): the approved change, with {@code entryCount}, {@code added}, {@code updated},
     * {@code removed}, {@code appliedVersion} and {@code sourceSha256}; or the refusal of either step.
     */
    ApiClient.Response importApproved(UUID list, String contentType, String body) {
        return approved(list, importFile(list, contentType, body));
    }

    ApiClient.Response importApproved(UUID list, String contentType, Supplier<InputStream> body) {
        return approved(list, importFile(manager(), list, contentType, body));
    }

    /** The second manager's approval of a change that waits for it (202), or the answer itself otherwise. */
    ApiClient.Response approved(UUID list, ApiClient.Response pending) {
        if (pending.status() != 202) {
            return pending;
        }
        return secondManager().post("/api/v1/watchlists/" + list + "/pending/" + pending.json().get("id").asString()
                + "/approve", "");
    }

    ApiClient.Response get(UUID list) {
        return manager().get("/api/v1/watchlists/" + list);
    }
}
