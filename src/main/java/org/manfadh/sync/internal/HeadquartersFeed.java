package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.access.AccountReplication;
import org.manfadh.access.Accounts;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.bordercontrol.StayRuleReplication;
import org.manfadh.health.HealthReplication;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.screening.ScreeningReplication;
import org.manfadh.screening.WatchlistReplication;
import org.manfadh.sync.Feed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * At headquarters: what a post is owed. The post says which list versions and which account set it
 * holds; the answer names the lists with newer versions (the post then fetches each delta) and
 * carries the account set when it changed. A post receives the lists its authority screens against.
 */
@Service
class HeadquartersFeed implements Feed {

    /** Merges and identity decisions go to a post a few thousand at a time; the next pull brings the rest. */
    private static final int MERGES_PER_ANSWER = 5_000;
    /** A page of a post's records is at most this many crossings: a few megabytes. */
    static final int MAX_RECORDS = 1_000;

    private final NodeRole role;
    private final IdentityMerges merges;
    private final IdentityReplication decisions;
    private final CrossingReplication crossings;
    private final StayRuleReplication stayRules;
    private final ScreeningReplication screenings;
    private final HealthReplication health;
    private final WatchlistReplication watchlists;
    private final AccountReplication accountReplication;
    private final Accounts accounts;
    private final ReferenceData referenceData;
    private final JdbcClient jdbc;
    private final NodeProgress progress;
    private final JsonMapper json;
    private final Clock clock;

    HeadquartersFeed(NodeRole role, WatchlistReplication watchlists, AccountReplication accountReplication, Accounts accounts,
         ReferenceData referenceData, IdentityMerges merges, CrossingReplication crossings,
         ScreeningReplication screenings, StayRuleReplication stayRules, IdentityReplication decisions,
         HealthReplication health, JdbcClient jdbc, NodeProgress progress, JsonMapper json, Clock clock) {
        this.health = health;
        this.progress = progress;
        this.merges = merges;
        this.decisions = decisions;
        this.crossings = crossings;
        this.stayRules = stayRules;
        this.screenings = screenings;
        this.role = role;
        this.watchlists = watchlists;
        this.accountReplication = accountReplication;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Answer answer(Request request, String caller, boolean nodeCredential) {
        BorderPoint point = postOf(request == null ? null : request.borderPoint(), caller);
        if (request.node() == null) {
            throw Rejection.invalid("invalid-feed-request", "A feed request names the asking node.");
        }
        Map<UUID, Long> held = new HashMap<>();
        if (request.watchlists() != null) {
            request.watchlists().forEach(h -> held.put(h.id(), Math.max(0, h.version())));
        }
        List<Fetch> fetch = new ArrayList<>();
        for (WatchlistReplication.ListVersion list : watchlists.lists()) {
            if (!list.authority().visibleTo(point.authority())) {
                continue;
            }
            long has = held.getOrDefault(list.id(), 0L);
            // A post ahead of headquarters (headquarters restored from an older backup) starts the list over.
            long after = has > list.version() ? 0 : has;
            if (has != list.version()) {
                fetch.add(new Fetch(list.id(), list.name(), after, list.version()));
            }
        }
        requireOwnNode(request.node(), caller, nodeCredential);
        remember(request.node(), point.code(), held);
        AccountReplication.Export export = accountReplication.exportFor(point.code());
        StayRuleReplication.Export rules = stayRules.export();
        HealthReplication.Published published = health.export();
        boolean changed = !export.digest().equals(request.accountsDigest());
        IdentityReplication.ForPost decided = decisions.afterFor(
                request.decisionsAfter() == null ? 0 : Math.max(0, request.decisionsAfter()), MERGES_PER_ANSWER, point.code());
        return new Answer(fetch, export.digest(), changed ? json.readTree(export.accounts()) : null,
                json.readTree(merges.after(request.mergesAfter() == null ? 0 : Math.max(0, request.mergesAfter()),
                        MERGES_PER_ANSWER, point.code())),
                rules.digest(), rules.digest().equals(request.stayRulesDigest()) ? null : json.readTree(rules.rules()),
                json.readTree(decided.decisions()), decided.through(), published.digest(),
                published.digest().equals(request.healthDigest()) ? null : json.readTree(published.set()));
    }

    /**
     * A node id belongs to the credential that first presented it: a node credential asking under another's
     * is refused. An administrator (who holds every role) may ask for any node, as they may deliver its batch.
     */
    private void requireOwnNode(UUID node, String caller, boolean nodeCredential) {
        if (nodeCredential) {
            progress.credentialOf(node).filter(owner -> !owner.equals(caller)).ifPresent(owner -> {
                throw NodeProgress.foreignNode("Node " + node + " belongs to another credential; account " + caller
                        + " may not ask under it.");
            });
        }
    }

    @Override
    public Records records(String borderPoint, String after, int limit, String caller) {
        BorderPoint point = postOf(borderPoint, caller);
        CrossingReplication.IdPage page = crossings.idsAt(point.code(), after, Math.clamp(limit, 1, MAX_RECORDS));
        List<Record> records = new ArrayList<>(page.ids().size());
        for (UUID id : page.ids()) {
            crossings.export(id).ifPresent(crossing -> records.add(new Record(json.readTree(crossing),
                    screenings.exportOfCrossing(id).map(json::readTree).orElse(null))));
        }
        return new Records(records, page.next());
    }

    @Override
    public void checkPublished(UUID listId, String borderPoint, String caller) {
        BorderPoint point = postOf(borderPoint, caller);
        boolean published = watchlists.lists().stream()
                .anyMatch(l -> l.id().equals(listId) && l.authority().visibleTo(point.authority()));
        if (!published) {
            throw Rejection.of(Rejection.Kind.NOT_FOUND, "not-found", "Not found",
                    "No list " + listId + " is published to border point " + point.code() + ".");
        }
    }

    /** The post's border point, if this is headquarters and the caller may speak for that post. */
    private BorderPoint postOf(String borderPoint, String caller) {
        if (role.post()) {
            throw Rejection.conflict("not-headquarters", "This node is a border post; posts ask headquarters.");
        }
        if (borderPoint == null || borderPoint.isBlank()) {
            throw Rejection.invalid("invalid-feed-request", "A feed request names the post's border point.");
        }
        BorderPoint point = referenceData.borderPoint(borderPoint.strip()).orElseThrow(() ->
                Rejection.invalid("unknown-border-point", "There is no border point " + borderPoint.strip() + "."));
        if (!accounts.workScope(caller).allows(point.code())) {
            throw Rejection.forbidden("Account " + caller + " does not speak for border point " + point.code() + ".");
        }
        return point;
    }

    private void remember(UUID node, String borderPoint, Map<UUID, Long> held) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        held.forEach((list, version) -> jdbc.sql("""
                insert into sync.node_watchlist (node_id, border_point, watchlist_id, version, reported_at)
                values (:node, :point, :list, :version, :at)
                on conflict (node_id, watchlist_id) do update
                   set version = excluded.version, border_point = excluded.border_point, reported_at = excluded.reported_at
                """).param("node", node).param("point", borderPoint).param("list", list).param("version", version)
                .param("at", now).update());
    }
}
