package org.manfadh.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;

/** A post's link to headquarters: its address, the node's credentials, and what an answer must be. */
@Component
class Headquarters {

    private final SyncSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Headquarters(SyncSettings settings) {
        this.settings = settings;
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        settings.hqUrl().toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (settings.username() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** Sends and returns the body of a 200 answer as text; any other answer is an IOException naming it. */
    String text(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw refused(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** Sends and returns the body of a 200 answer as a stream, unpacked when headquarters compressed it. */
    InputStream stream(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        if (response.statusCode() != 200) {
            try (body) {
                throw refused(response.statusCode(), new String(body.readNBytes(300), StandardCharsets.UTF_8));
            }
        }
        boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip"))
                .orElse(false);
        return gzip ? new GZIPInputStream(body, 1 << 16) : body;
    }

    private static IOException refused(int status, String body) {
        return new IOException("Headquarters answered " + status + ": " + body.substring(0, Math.min(300, body.length())));
    }
}
