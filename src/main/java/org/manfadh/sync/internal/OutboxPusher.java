package org.manfadh.sync.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.manfadh.platform.NodeIdentity;
import org.manfadh.sync.Batch;
import org.manfadh.sync.Pusher;
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
class OutboxPusher implements Pusher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxPusher.class);

    private final SyncSettings settings;
    private final Outbox outbox;
    private final NodeIdentity node;
    private final JsonMapper json;
    private final Clock clock;
    private final Headquarters headquarters;
    private final AuditShipper audit;
    private ScheduledExecutorService schedule;
    private final java.util.concurrent.ExecutorService packer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sync-packer");
        t.setDaemon(true);
        return t;
    });

    OutboxPusher(SyncSettings settings, Headquarters headquarters, AuditShipper audit, Outbox outbox, NodeIdentity node,
           JsonMapper json, Clock clock) {
        this.audit = audit;
        this.settings = settings;
        this.headquarters = headquarters;
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
                if (push().error() == null) {
                    // The records first, then the trail of who made and read them.
                    audit.ship();
                }
            } catch (RuntimeException e) {
                log.warn("Push to headquarters failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends batches until the outbox is acknowledged or headquarters cannot be reached. One push at a time.
     * The next batch is read and packed while headquarters applies the one before, so that neither end
     * waits for the other; only headquarters' answers move the acknowledged seq.
     */
    @Override
    public synchronized Result push() {
        if (!settings.post()) {
            return new Result(0, 0, "This node is headquarters; it pushes nothing.");
        }
        int sent = 0;
        int batches = 0;
        long acknowledged = outbox.state().acknowledgedSeq();
        CompletableFuture<Packed> next = pack(acknowledged);
        try {
            while (true) {
                Packed batch;
                try {
                    batch = next.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                // With nothing owed, an empty batch still goes once: headquarters learns the post is alive,
                // and a quiet post is not taken for a silent one.
                if (batch.records() == 0 && batches > 0) {
                    return new Result(sent, acknowledged, null);
                }
                batches++;
                next = batch.records() == 0 ? CompletableFuture.completedFuture(batch) : pack(batch.lastSeq());
                Batch.Applied applied = send(batch.body());
                outbox.acknowledged(applied.appliedSeq(), clock.instant());
                if (applied.appliedSeq() < batch.lastSeq()) {
                    String why = "Headquarters acknowledged seq " + applied.appliedSeq() + " of " + batch.lastSeq();
                    outbox.failed(why, clock.instant());
                    return new Result(sent, Math.max(acknowledged, applied.appliedSeq()), why);
                }
                sent += batch.records();
                acknowledged = Math.max(acknowledged, applied.appliedSeq());
            }
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            outbox.failed(why, clock.instant());
            return new Result(sent, acknowledged, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(sent, acknowledged, "interrupted");
        } finally {
            next.cancel(false);
        }
    }

    /** A batch ready to send: the gzip-compressed JSON of the rows after a seq. */
    private record Packed(int records, long lastSeq, byte[] body) {
    }

    private CompletableFuture<Packed> pack(long after) {
        return CompletableFuture.supplyAsync(() -> {
            List<Outbox.Row> rows = outbox.after(after, settings.batchSize());
            try {
                return new Packed(rows.size(), rows.isEmpty() ? after : rows.getLast().seq(), gzip(json(rows)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, packer);
    }

    /**
     * The batch's JSON, the payloads copied as PostgreSQL wrote them (they are JSON already): parsing
     * and writing each again would cost the post more than reading them.
     */
    private byte[] json(List<Outbox.Row> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 3_000);
        b.append("{\"node\":\"").append(node.nodeId()).append("\",\"borderPoint\":")
                .append(json.writeValueAsString(settings.borderPoint())).append(",\"records\":[");
        for (int i = 0; i < rows.size(); i++) {
            Outbox.Row r = rows.get(i);
            b.append(i == 0 ? "" : ",").append("{\"seq\":").append(r.seq()).append(",\"id\":\"").append(r.id())
                    .append("\",\"kind\":").append('"').append(r.kind().name()).append('"').append(",\"recordId\":\"")
                    .append(r.recordId()).append("\",\"payload\":").append(r.payload()).append('}');
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Batch.Applied send(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = headquarters.request("/api/v1/sync/batches")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return json.readValue(headquarters.text(request), Batch.Applied.class);
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
        packer.shutdownNow();
    }
}
