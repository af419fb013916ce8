package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.screening.WatchlistReplication;
import org.manfadh.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What this node has sent and still owes (a post), or what it has received from each node
 * (headquarters), and whether contact is overdue: older than {@code manfadh.sync.alert-after}
 * (six hours unless set). Overdue shows in the status, in gauges and once in the log as a warning.
 */
@Service
class SyncMonitor implements SyncStatus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncMonitor.class);

    private final SyncSettings settings;
    private final NodeIdentity node;
    private final Outbox outbox;
    private final NodeProgress progress;
    private final FeedState feed;
    private final org.manfadh.referencedata.ReferenceData referenceData;
    private final WatchlistReplication watchlists;
    private final Clock clock;
    private final Lateness lateness;
    private final MultiGauge nodeLag;
    private ScheduledExecutorService watch;

    SyncMonitor(SyncSettings settings, NodeIdentity node, Outbox outbox, NodeProgress progress, Clock clock,
               MeterRegistry meters, @Value("${manfadh.sync.alert-after:PT6H}") Duration alertAfter, FeedState feed,
               WatchlistReplication watchlists, org.manfadh.referencedata.ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.feed = feed;
        this.watchlists = watchlists;
        this.settings = settings;
        this.node = node;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
        this.lateness = new Lateness(alertAfter);
        if (settings.post()) {
            nodeLag = null;
            Gauge.builder("manfadh.sync.backlog.records", this, s -> s.outbox.backlog().records())
                    .description("Outbox records headquarters has not yet acknowledged").register(meters);
            Gauge.builder("manfadh.sync.backlog.age", this, s -> s.oldestAge().toMillis() / 1000.0)
                    .baseUnit("seconds").description("Age of the oldest record headquarters has not yet acknowledged")
                    .register(meters);
            Gauge.builder("manfadh.sync.lag", this, s -> {
                        Long lag = s.status().post().lagSeconds();
                        return lag == null ? 0 : lag;
                    })
                    .baseUnit("seconds").description("Since this post's last contact with headquarters")
                    .register(meters);
        } else {
            Gauge.builder("manfadh.sync.nodes.overdue", this, s -> s.watchNodes().stream().filter(Node::overdue).count())
                    .description("Nodes whose last contact is older than manfadh.sync.alert-after").register(meters);
            nodeLag = MultiGauge.builder("manfadh.sync.node.lag").baseUnit("seconds")
                    .description("Since each node's last contact").register(meters);
        }
    }

    /** Looks at every node (or this post) once a minute at most, so that the warning comes without a scrape. */
    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-watch");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1_000, Math.min(60_000, lateness.alertAfter().toMillis() / 4));
        watch.scheduleWithFixedDelay(() -> {
            try {
                if (settings.post()) {
                    watchPost();
                } else {
                    watchNodes();
                }
            } catch (RuntimeException e) {
                log.debug("Could not look at the sync status", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private List<Node> watchNodes() {
        Instant now = clock.instant();
        List<Node> nodes = status(now).nodes();
        for (String late : lateness.newlyOverdue(nodes.stream()
                .map(n -> new Lateness.Seen(label(n), n.lastContact())).toList(), now)) {
            log.warn("No contact from {} for more than {}: the node is overdue", late, lateness.alertAfter());
        }
        nodeLag.register(nodes.stream().map(n -> MultiGauge.Row.of(Tags.of("border_point",
                n.borderPoint() == null ? "" : n.borderPoint(), "node", n.nodeId().toString()), n.lagSeconds())).toList(),
                true);
        return nodes;
    }

    private void watchPost() {
        Instant now = clock.instant();
        Post post = status(now).post();
        Instant reference = post.lagSeconds() == null ? null : now.minusSeconds(post.lagSeconds());
        if (!lateness.newlyOverdue(List.of(new Lateness.Seen("headquarters", reference)), now).isEmpty()) {
            log.warn("No contact with headquarters at {} for more than {}: {} records waiting", settings.hqUrl(),
                    lateness.alertAfter(), post.backlog());
        }
    }

    private static String label(Node n) {
        return "node " + n.nodeId() + (n.borderPoint() == null ? "" : " (" + n.borderPoint() + ")");
    }

    private Duration oldestAge() {
        Instant oldest = outbox.backlog().oldest();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    @Override
    public Status status() {
        return status(clock.instant());
    }

    @Override
    public Status statusForNode(String username) {
        Status status = status();
        if (status.nodes() == null) {
            return status;
        }
        java.util.Set<UUID> own = java.util.Set.copyOf(progress.nodesOf(username));
        return new Status(status.role(), status.nodeId(), status.borderPoint(), status.alertAfterSeconds(), status.post(),
                status.nodes().stream().filter(n -> own.contains(n.nodeId())).toList());
    }

    @Override
    public Status status(Instant now) {
        String role = settings.role().name().toLowerCase(Locale.ROOT);
        long alertAfter = lateness.alertAfter().toSeconds();
        if (settings.post()) {
            Outbox.State state = outbox.state();
            Outbox.Backlog backlog = outbox.backlog();
            Long age = backlog.oldest() == null ? null : Lateness.lag(backlog.oldest(), now).toSeconds();
            Duration lag = Lateness.lag(state.lastContact() != null ? state.lastContact() : backlog.oldest(), now);
            return new Status(role, node.nodeId(), settings.borderPoint(), alertAfter,
                    new Post(settings.hqUrl().toString(), state.lastContact(), state.lastAttempt(), state.lastError(),
                            state.acknowledgedSeq(), backlog.records(), age, lag == null ? null : lag.toSeconds(),
                            lateness.overdue(lag), received()), null);
        }
        Map<UUID, WatchlistReplication.ListVersion> lists = new HashMap<>();
        watchlists.lists().forEach(l -> lists.put(l.id(), l));
        Map<UUID, List<NodeProgress.Held>> held = progress.watchlistsByNode();
        return new Status(role, node.nodeId(), null, alertAfter, null, progress.all().stream()
                .map(n -> {
                    Duration lag = Lateness.lag(n.lastContact(), now);
                    List<ListVersion> versions = held.getOrDefault(n.nodeId(), List.of()).stream()
                            .map(h -> {
                                WatchlistReplication.ListVersion here = lists.get(h.watchlistId());
                                return new ListVersion(h.watchlistId(), here == null ? null : here.name(), h.version(),
                                        here == null ? null : here.version());
                            }).toList();
                    int behind = behind(n.borderPoint(), versions, lists.values());
                    return new Node(n.nodeId(), n.borderPoint(), n.lastSeq(), n.records(), n.lastContact(),
                            lag.toSeconds(), lateness.overdue(lag), versions, behind);
                }).toList());
    }

    /** Lists published to a border point that its node does not hold at their latest version. */
    private int behind(String borderPoint, List<ListVersion> held, java.util.Collection<WatchlistReplication.ListVersion> lists) {
        var point = borderPoint == null ? java.util.Optional.<org.manfadh.referencedata.BorderPoint>empty()
                : referenceData.borderPoint(borderPoint);
        Map<UUID, Long> versions = new HashMap<>();
        held.forEach(h -> versions.put(h.id(), h.version()));
        return (int) lists.stream()
                .filter(l -> point.map(p -> l.authority().visibleTo(p.authority())).orElse(true))
                .filter(l -> versions.getOrDefault(l.id(), 0L) < l.version())
                .count();
    }

    private Received received() {
        FeedState.State state = feed.state();
        return new Received(state.currentAt(), state.lastAttempt(), state.lastError(), watchlists.lists().stream()
                .map(l -> new ListVersion(l.id(), l.name(), l.version(), null)).toList(), state.mergesSeq(),
                state.decisionsSeq(), state.reseedState() == null ? null : state.reseedState().name());
    }

    @Override
    public void destroy() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }
}
