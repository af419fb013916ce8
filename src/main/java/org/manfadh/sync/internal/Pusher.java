package org.manfadh.sync.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.manfadh.platform.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * At a post: sends the outbox to headquarters after the last acknowledged seq, in gzip-compressed
 * batches, every {@code manfadh.sync.interval} and whenever asked. Only headquarters' answer moves
 * the acknowledged seq, so a lost request or a lost answer means the batch is sent again, which
 * headquarters ignores for what it already has.
 */
@Component
public class Pusher implements DisposableBean {

    /** The result of one push: how many records headquarters acknowledged, or why it stopped. */
    public record Result(int acknowledged, long acknowledgedSeq, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    private final SyncSettings settings;
    private final Outbox outbox;
    private final NodeIdentity node;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ScheduledExecutorService schedule;

    Pusher(SyncSettings settings, Outbox outbox, NodeIdentity node, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.node = node;
        this.json = json;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.post()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-pusher");
            t.setDaemon(true);
            return t;
        });
        long every = settings.interval().toMillis();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                push();
            } catch (RuntimeException e) {
                log.warn("Push to headquarters failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Sends batches until the outbox is acknowledged or headquarters cannot be reached. One push at a time. */
    public synchronized Result push() {
        if (!settings.post()) {
            return new Result(0, 0, "This node is headquarters; it pushes nothing.");
        }
        int sent = 0;
        long acknowledged = outbox.state().acknowledgedSeq();
        while (true) {
            List<Outbox.Row> rows = outbox.after(acknowledged, settings.batchSize());
            if (rows.isEmpty()) {
                return new Result(sent, acknowledged, null);
            }
            try {
                Batch.Applied applied = send(rows);
                outbox.acknowledged(applied.appliedSeq(), clock.instant());
                long last = rows.getLast().seq();
                if (applied.appliedSeq() < last) {
                    String why = "Headquarters acknowledged seq " + applied.appliedSeq() + " of " + last;
                    outbox.failed(why, clock.instant());
                    return new Result(sent, Math.max(acknowledged, applied.appliedSeq()), why);
                }
                sent += rows.size();
                acknowledged = Math.max(acknowledged, applied.appliedSeq());
            } catch (IOException | RuntimeException e) {
                String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                outbox.failed(why, clock.instant());
                return new Result(sent, acknowledged, why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(sent, acknowledged, "interrupted");
            }
        }
    }

    private Batch.Applied send(List<Outbox.Row> rows) throws IOException, InterruptedException {
        List<Batch.Item> items = rows.stream().map(r -> new Batch.Item(r.seq(), r.id(), r.kind(), r.recordId(),
                json.readTree(r.payload()))).toList();
        byte[] body = gzip(json.writeValueAsBytes(new Batch(node.nodeId(), settings.borderPoint(), items)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        settings.hqUrl().toString().replaceAll("/+$", "") + "/api/v1/sync/batches"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.username() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Headquarters answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return json.readValue(response.body(), Batch.Applied.class);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
