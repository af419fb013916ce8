package org.manfadh.sync.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.manfadh.access.AuditReplication;
import org.manfadh.sync.AuditCopies;
import org.manfadh.platform.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * At a post: sends its audit trail and its checkpoints to headquarters after the pushes, from the last
 * event headquarters says it holds, so that the trail outlives the post's own database and disk and a
 * post's insider cannot rewrite what headquarters already holds. Headquarters' answer is the only
 * record of how far it has got; the post asks again after a restart.
 */
@Component
class AuditShipper {

    private static final Logger log = LoggerFactory.getLogger(AuditShipper.class);
    /** Events a request carries: an event is a few hundred bytes. */
    private static final int EVENTS_PER_REQUEST = 2_000;

    private final SyncSettings settings;
    private final Headquarters headquarters;
    private final AuditReplication audit;
    private final NodeIdentity node;
    private final JsonMapper json;
    /** The last event headquarters said it holds; -1 until it has said. */
    private long held = -1;

    AuditShipper(SyncSettings settings, Headquarters headquarters, AuditReplication audit, NodeIdentity node,
                 JsonMapper json) {
        this.settings = settings;
        this.headquarters = headquarters;
        this.audit = audit;
        this.node = node;
        this.json = json;
    }

    /** Sends what headquarters does not hold yet; answers the last event it holds, or -1 when it could not be asked. */
    synchronized long ship() {
        if (!settings.post()) {
            return -1;
        }
        try {
            if (held < 0) {
                held = send(List.of(), List.of());
            }
            while (true) {
                List<AuditReplication.Event> events = audit.eventsAfter(held, EVENTS_PER_REQUEST);
                if (events.isEmpty()) {
                    return held;
                }
                long before = held;
                held = send(events, audit.checkpointsAfter(before).stream()
                        .filter(c -> c.seq() <= events.getLast().seq()).toList());
                if (held <= before) {
                    return held;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The audit trail could not be sent to headquarters: {}", e.getMessage());
            held = -1;
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long send(List<AuditReplication.Event> events, List<AuditReplication.Checkpoint> checkpoints)
            throws IOException, InterruptedException {
        AuditCopies.Delivery delivery = new AuditCopies.Delivery(node.nodeId(), settings.borderPoint(), events, checkpoints);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(body)) {
            json.writeValue(zip, delivery);
        }
        HttpRequest request = headquarters.request("/api/v1/sync/audit")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return json.readValue(headquarters.text(request), AuditCopies.Held.class).heldSeq();
    }
}
