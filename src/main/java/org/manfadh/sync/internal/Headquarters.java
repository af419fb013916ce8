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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.zip.GZIPInputStream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A post's link to headquarters: its address, the node's credentials, and what an answer must be.
 * An answer must begin within {@code manfadh.sync.timeout} (or the longer time a request allows
 * for headquarters to prepare it), and once begun must not pause longer than that: a stalled link
 * fails the request as a cut one does, and the next interval tries again.
 */
@Component
class Headquarters implements DisposableBean {

    private final SyncSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-stall-watch");
        t.setDaemon(true);
        return t;
    });

    Headquarters(SyncSettings settings) {
        this.settings = settings;
    }

    /** A request whose answer must begin within the sync timeout. */
    HttpRequest.Builder request(String path) {
        return request(path, settings.timeout());
    }

    /** A request whose answer may take up to {@code prepare} to begin (never less than the sync timeout). */
    HttpRequest.Builder request(String path, Duration prepare) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        settings.hqUrl().toString().replaceAll("/+$", "") + path))
                .timeout(prepare.compareTo(settings.timeout()) > 0 ? prepare : settings.timeout())
                .header("Accept", "application/json");
        if (settings.username() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** Sends and returns the body of a 200 answer as text; any other answer is an IOException naming it. */
    String text(HttpRequest request) throws IOException, InterruptedException {
        try (InputStream body = stream(request)) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends and returns the body of a 200 answer as a stream, unpacked when headquarters compressed it. */
    InputStream stream(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = new StalledAnswer(response.body(), settings.timeout(), watchdog);
        if (response.statusCode() != 200) {
            try (body) {
                throw refused(response.statusCode(), new String(body.readNBytes(300), StandardCharsets.UTF_8));
            }
        }
        boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip) {
            return body;
        }
        try {
            return new GZIPInputStream(body, 1 << 16);
        } catch (IOException | RuntimeException e) {
            // A header that stalls or is not gzip: the answer and its watch end here, not with the caller.
            body.close();
            throw e;
        }
    }

    private static IOException refused(int status, String body) {
        return new IOException("Headquarters answered " + status + ": " + body.substring(0, Math.min(300, body.length())));
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
        http.shutdownNow();
    }
}
