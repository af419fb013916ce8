package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.NodeIdentity;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What this node has sent and still owes (a post), or what it has received from each node (headquarters). */
@Service
public class SyncStatus {

    public record Status(String role, UUID nodeId, String borderPoint, Post post, List<Node> nodes) {
    }

    public record Post(String hqUrl, Instant lastContact, Instant lastAttempt, String lastError,
                       long acknowledgedSeq, long backlog, Long oldestUnsentAgeSeconds) {
    }

    public record Node(UUID nodeId, String borderPoint, long lastSeq, long records, Instant lastContact) {
    }

    private final SyncSettings settings;
    private final NodeIdentity node;
    private final Outbox outbox;
    private final NodeProgress progress;
    private final Clock clock;

    SyncStatus(SyncSettings settings, NodeIdentity node, Outbox outbox, NodeProgress progress, Clock clock,
               MeterRegistry meters) {
        this.settings = settings;
        this.node = node;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
        if (settings.post()) {
            Gauge.builder("manfadh.sync.backlog.records", this, s -> s.outbox.backlog().records())
                    .description("Outbox records headquarters has not yet acknowledged").register(meters);
            Gauge.builder("manfadh.sync.backlog.age", this, s -> s.oldestAge().toMillis() / 1000.0)
                    .baseUnit("seconds").description("Age of the oldest record headquarters has not yet acknowledged")
                    .register(meters);
        }
    }

    private Duration oldestAge() {
        Instant oldest = outbox.backlog().oldest();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    public Status status() {
        String role = settings.role().name().toLowerCase(java.util.Locale.ROOT);
        if (settings.post()) {
            Outbox.State state = outbox.state();
            Outbox.Backlog backlog = outbox.backlog();
            Long age = backlog.oldest() == null ? null
                    : Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds());
            return new Status(role, node.nodeId(), settings.borderPoint(),
                    new Post(settings.hqUrl().toString(), state.lastContact(), state.lastAttempt(), state.lastError(),
                            state.acknowledgedSeq(), backlog.records(), age), null);
        }
        return new Status(role, node.nodeId(), null, null, progress.all().stream()
                .map(n -> new Node(n.nodeId(), n.borderPoint(), n.lastSeq(), n.records(), n.lastContact())).toList());
    }
}
