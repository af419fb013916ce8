package org.manfadh.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.manfadh.access.AccountReplication;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.bordercontrol.StayRuleReplication;
import org.manfadh.health.HealthReplication;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.screening.ScreeningReplication;
import org.manfadh.screening.WatchlistReplication;
import org.manfadh.sync.Feed;
import org.manfadh.sync.Puller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * At a post: asks headquarters what it is owed every {@code manfadh.sync.interval} (and at once
 * after starting, so a new post bootstraps without waiting), fetches each list's delta and applies
 * it, and takes the accounts when they changed. Each list applies whole or not at all; the post is
 * "current" only when everything headquarters named was applied. A post whose watchlists are
 * older than {@code manfadh.sync.watchlist-max-age} says so on every officer's screen.
 */
@Component
class FeedPuller implements Puller, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);
    private static final int RESEED_PAGE = 500;

    private final SyncSettings settings;
    private final Headquarters headquarters;
    private final FeedState state;
    private final WatchlistReplication watchlists;
    private final AccountReplication accounts;
    private final IdentityMerges merges;
    private final IdentityReplication identities;
    private final CrossingReplication crossings;
    private final StayRuleReplication stayRules;
    private final ScreeningReplication screenings;
    private final HealthReplication health;
    private final TransactionTemplate transaction;
    private final NodeIdentity node;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Instant currentAt;
    private ScheduledExecutorService schedule;

    FeedPuller(SyncSettings settings, Headquarters headquarters, FeedState state, WatchlistReplication watchlists,
           AccountReplication accounts, IdentityMerges merges, IdentityReplication identities,
           CrossingReplication crossings, ScreeningReplication screenings, StayRuleReplication stayRules,
           HealthReplication health, TransactionTemplate transaction, NodeIdentity node, JsonMapper json, Clock clock,
           @Value("${manfadh.sync.watchlist-max-age:PT24H}") Duration maxAge) {
        this.health = health;
        this.settings = settings;
        this.headquarters = headquarters;
        this.state = state;
        this.watchlists = watchlists;
        this.accounts = accounts;
        this.merges = merges;
        this.identities = identities;
        this.crossings = crossings;
        this.stayRules = stayRules;
        this.screenings = screenings;
        this.transaction = transaction;
        this.node = node;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.post()) {
            return;
        }
        currentAt = state.state().currentAt();
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-puller");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                pull();
            } catch (RuntimeException e) {
                log.warn("Pull from headquarters failed", e);
            }
        }, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized Result pull() {
        if (!settings.post()) {
            return new Result(List.of(), null, "This node is headquarters; it pulls from nobody.");
        }
        Instant asked = clock.instant();
        List<WatchlistReplication.Received> received = new ArrayList<>();
        try {
            FeedState.State held = state.state();
            Feed.Request request = new Feed.Request(node.nodeId(), settings.borderPoint(), watchlists.lists().stream()
                    .map(l -> new Feed.Held(l.id(), l.version())).toList(), held.accountsDigest(), held.mergesSeq(),
                    held.stayRulesDigest(), held.decisionsSeq(), held.healthDigest());
            Feed.Answer answer = json.readValue(headquarters.text(headquarters.request("/api/v1/sync/feed")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build()),
                    Feed.Answer.class);
            for (Feed.Fetch fetch : answer.watchlists()) {
                HttpRequest get = headquarters.request("/api/v1/sync/watchlists/" + fetch.id() + "?after="
                        + fetch.after() + "&borderPoint=" + settings.borderPoint(), Duration.ofMinutes(30))
                        .header("Accept-Encoding", "gzip").GET().build();
                try (InputStream body = headquarters.stream(get)) {
                    WatchlistReplication.Received list = watchlists.apply(body);
                    received.add(list);
                    log.info("Watchlist {} now at version {} from headquarters ({} entries changed)", list.name(),
                            list.version(), list.entries());
                }
            }
            Integer accountsHeld = null;
            if (answer.accounts() != null && answer.accounts().isArray()) {
                accountsHeld = accounts.apply(json.writeValueAsString(answer.accounts()));
                state.accountsApplied(answer.accountsDigest());
                log.info("Accounts from headquarters applied: {} in force here", accountsHeld);
            }
            if (answer.merges() != null && answer.merges().isArray() && !answer.merges().isEmpty()) {
                long seq = merges.apply(json.writeValueAsString(answer.merges()));
                state.mergesApplied(seq);
                log.info("{} identity merges from headquarters applied", answer.merges().size());
            }
            // After the merges, as at headquarters: a decision names the travellers as they are after them.
            if (answer.decisions() != null && answer.decisions().isArray() && !answer.decisions().isEmpty()) {
                String decided = json.writeValueAsString(answer.decisions());
                transaction.executeWithoutResult(status -> state.decisionsApplied(identities.applyFromHeadquarters(decided)));
                log.info("{} identity decisions from headquarters applied", answer.decisions().size());
            }
            // Headquarters sends only the decisions about documents that crossed here, and says how far it looked.
            if (answer.decisionsThrough() != null) {
                state.decisionsApplied(answer.decisionsThrough());
            }
            if (answer.stayRules() != null && answer.stayRules().isArray()) {
                int rules = stayRules.apply(json.writeValueAsString(answer.stayRules()));
                state.stayRulesApplied(answer.stayRulesDigest());
                log.info("Stay rules from headquarters applied: {} rule versions held here", rules);
            }
            // The set and the digest that says the post holds it, together: a set half applied is asked for again.
            if (answer.health() != null && answer.health().isObject()) {
                String set = json.writeValueAsString(answer.health());
                int alerts = transaction.execute(status -> {
                    int count = health.apply(set);
                    state.healthApplied(answer.healthDigest());
                    return count;
                });
                log.info("Health alerts and rules from headquarters applied: {} alerts held here", alerts);
            }
            reseed();
            state.current(asked, clock.instant());
            currentAt = asked;
            return new Result(received, accountsHeld, null);
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            state.failed(why, clock.instant());
            return new Result(received, null, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(received, null, "interrupted");
        }
    }

    /**
     * A post that held no crossing at its border point when it first reached headquarters (a new
     * post, or one whose disk was lost) takes back the records headquarters holds for that border
     * point, a page at a time, each page in one transaction with the place to resume from. They
     * arrive under the ids they were given and are not put in the outbox: nothing is duplicated.
     */
    private void reseed() throws IOException, InterruptedException {
        FeedState.State held = state.state();
        if (held.reseedState() == null) {
            state.decideReseed(crossings.idsAt(settings.borderPoint(), null, 1).ids().isEmpty());
            held = state.state();
        }
        String after = held.reseedAfter();
        long taken = 0;
        while (held.reseedState() == FeedState.Reseed.RUNNING) {
            String path = "/api/v1/sync/records?borderPoint=" + settings.borderPoint() + "&limit=" + RESEED_PAGE
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
            Feed.Records page = json.readValue(headquarters.text(headquarters.request(path, Duration.ofMinutes(5))
                    .GET().build()), Feed.Records.class);
            transaction.executeWithoutResult(status -> {
                List<JsonNode> crossingRecords = new ArrayList<>();
                List<JsonNode> screeningRecords = new ArrayList<>();
                for (Feed.Record record : page.records()) {
                    crossingRecords.add(record.crossing());
                    if (record.screening() != null && record.screening().isObject()) {
                        screeningRecords.add(record.screening());
                    }
                }
                crossings.apply(crossingRecords);
                screenings.apply(screeningRecords);
                state.reseeded(page.next());
            });
            taken += page.records().size();
            after = page.next();
            held = state.state();
        }
        if (taken > 0) {
            log.info("{} crossings of border point {} taken back from headquarters", taken, settings.borderPoint());
        }
    }

    @Override
    public Optional<Duration> staleWatchlists() {
        if (!settings.post()) {
            return Optional.empty();
        }
        Instant current = currentAt;
        Duration age = current == null ? null : Duration.between(current, clock.instant());
        if (age != null && age.compareTo(maxAge) <= 0) {
            return Optional.empty();
        }
        return Optional.of(age == null ? Duration.ofSeconds(Long.MAX_VALUE) : age);
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
