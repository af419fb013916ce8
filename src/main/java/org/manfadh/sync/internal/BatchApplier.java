package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.NodeCredentials;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.bordercontrol.PostRecords;
import org.manfadh.health.HealthReplication;
import org.manfadh.platform.Provenance;
import org.manfadh.platform.Rejection;
import org.manfadh.screening.ScreeningReplication;
import org.manfadh.sync.Batch;
import org.manfadh.sync.Batches;
import org.manfadh.sync.OutboxKind;
import org.manfadh.sync.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * At headquarters: applies a post's batch in one transaction. What lies at or below the node's
 * last applied seq is skipped; each record applies by its own ids, so a repeat changes nothing.
 * The batch's crossings go in together, then its screenings and health records: a statement per table, not per record.
 *
 * <p>Nothing a post sends is believed that headquarters can check: the node id belongs to the
 * credential that first presented it, and every record must be one the post could have made through
 * its own API (at its border point, under its node id, by accounts headquarters sends to that post and
 * with a role that may make such a record, not dated ahead of headquarters' clock beyond
 * {@code manfadh.sync.clock-tolerance}). One record that is not refuses the
 * whole batch (403 {@code foreign-record}, naming its seq), and nothing of it is applied. A node
 * credential revoked while its batch is applied stops that batch too.
 */
@Service
class BatchApplier implements Batches {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    /** A kind of record a batch carries: its check and how it is applied. */
    private record Kind(Check check, java.util.function.Consumer<List<JsonNode>> applier) {
    }

    /** A kind's check: the first record the sender could not have made, given the batch's crossings that passed theirs. */
    @FunctionalInterface
    private interface Check {
        Optional<Provenance.Foreign> first(List<JsonNode> records, Provenance from, java.util.Set<UUID> checkedCrossings);
    }

    private final SyncSettings settings;
    private final NodeProgress progress;
    private final IdentityMerges merges;
    private final Accounts accounts;
    private final NodeCredentials credentials;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration tolerance;
    private final Map<OutboxKind, Kind> kinds = new java.util.EnumMap<>(OutboxKind.class);

    BatchApplier(SyncSettings settings, NodeProgress progress, CrossingReplication crossings,
                 ScreeningReplication screenings, HealthReplication health, IdentityMerges merges,
                 IdentityReplication identities, PostRecords postRecords, Accounts accounts, NodeCredentials credentials,
                 TransactionTemplate transaction, Clock clock,
                 @Value("${manfadh.sync.clock-tolerance:15m}") Duration tolerance) {
        this.merges = merges;
        this.settings = settings;
        this.progress = progress;
        this.accounts = accounts;
        this.credentials = credentials;
        this.transaction = transaction;
        this.clock = clock;
        this.tolerance = tolerance;
        // The kinds apply in OutboxKind's order, crossings first: a screening hangs on its crossing, and a crossing's
        // outbox row always comes before its screening's; visas and identity decisions are checked against the
        // travellers the crossings bring.
        for (OutboxKind kind : OutboxKind.values()) {
            kinds.put(kind, switch (kind) {
                case CROSSING -> new Kind((records, from, checked) -> postRecords.crossings(records, from), crossings::apply);
                case SCREENING -> new Kind((records, from, checked) -> screenings.foreign(records, from,
                        ids -> ownCrossings(crossings, ids, checked, from)), screenings::apply);
                case HEALTH -> new Kind((records, from, checked) -> health.foreign(records, from,
                        ids -> ownCrossings(crossings, ids, checked, from)), health::apply);
                case VISA -> new Kind((records, from, checked) -> postRecords.visas(records, from),
                        visas -> crossings.applyVisas(array(visas)));
                case GROUP -> new Kind((records, from, checked) -> postRecords.groups(records, from),
                        groups -> crossings.applyGroups(array(groups)));
                case IDENTITY -> new Kind((records, from, checked) -> postRecords.identityDecisions(records, from),
                        decisions -> identities.apply(array(decisions)));
            });
        }
    }

    @Override
    public Batch.Applied apply(Batch batch, Sender sender) {
        if (settings.post()) {
            throw Rejection.conflict("not-headquarters", "This node is a border post; batches go to headquarters.");
        }
        if (batch.node() == null || batch.records() == null || batch.borderPoint() == null) {
            throw invalid("A batch needs the sending node's id, its border point and its records.");
        }
        for (Batch.Item item : batch.records()) {
            if (item == null || item.seq() < 1 || item.payload() == null || item.kind() == null) {
                throw invalid("Every record needs a positive seq, a payload and a known kind (" + String.join(", ",
                        java.util.Arrays.stream(OutboxKind.values()).map(Enum::name).toList()) + ").");
            }
            if (item.kind() == OutboxKind.CROSSING && (!uuid(item.payload().path("crossing").path("id"))
                    || !uuid(item.payload().path("traveller").path("id")))) {
                throw invalid("The CROSSING record of seq " + item.seq() + " needs its crossing's and its traveller's ids.");
            }
        }
        try {
            return applyChecked(batch, sender);
        } catch (DataIntegrityViolationException e) {
            // A record the tables cannot hold: a malformed value, a missing one, a reference to nothing. The
            // transaction is rolled back whole. The database's own words may quote a document number, so the
            // sender learns the kind of fault, and the log its SQL state only.
            String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            log.warn("A batch from node {} ({}) was refused: SQL state {}", batch.node(), batch.borderPoint(), state);
            throw invalid("A record of the batch cannot be applied (" + fault(state) + "), and nothing of the batch was.");
        }
    }

    private Batch.Applied applyChecked(Batch batch, Sender sender) {
        String point = batch.borderPoint().strip().toUpperCase(java.util.Locale.ROOT);
        return transaction.execute(status -> {
            Instant now = clock.instant();
            NodeProgress.Locked locked = progress.lockFor(batch.node(), point, sender, now);
            long last = locked.lastSeq();
            long highest = last;
            int applied = 0;
            List<IdentityMerges.Arrived> arrived = new ArrayList<>();
            java.util.Set<UUID> checkedCrossings = new java.util.HashSet<>();
            Map<OutboxKind, List<Batch.Item>> items = new java.util.EnumMap<>(OutboxKind.class);
            for (Batch.Item item : batch.records()) {
                if (item.seq() <= last) {
                    continue;
                }
                items.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
                if (item.kind() == OutboxKind.CROSSING) {
                    arrived.add(arrived(item.payload()));
                }
                highest = Math.max(highest, item.seq());
                applied++;
            }
            Map<String, java.util.Set<String>> rolesThere = new java.util.HashMap<>();
            Provenance from = new Provenance(batch.node(), point, now.plus(tolerance),
                    username -> rolesThere.computeIfAbsent(username, u -> accounts.rolesAtPost(u, point).stream()
                            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet())));
            for (Map.Entry<OutboxKind, Kind> kind : kinds.entrySet()) {
                List<Batch.Item> ofKind = items.get(kind.getKey());
                if (kind.getKey() == OutboxKind.IDENTITY) {
                    // What the crossings reveal about who is who across the posts, before what the post's supervisors
                    // decided about it, so that their decisions stand over the merges.
                    merges.resolve(arrived);
                }
                if (ofKind == null) {
                    continue;
                }
                List<JsonNode> records = ofKind.stream().map(Batch.Item::payload).toList();
                Optional<Provenance.Foreign> foreign = kind.getValue().check().first(records, from, checkedCrossings);
                if (foreign.isPresent()) {
                    long seq = ofKind.get(foreign.get().index()).seq();
                    log.warn("A batch from node {} ({}, account {}) was refused: record seq {}: {}", batch.node(), point,
                            sender.username(), seq, foreign.get().why());
                    throw refused("foreign-record", "Foreign record", "Record seq " + seq
                            + " is not one the post at " + point + " could have made: " + foreign.get().why()
                            + ". Nothing of the batch was applied.").with("seq", seq);
                }
                kind.getValue().applier().accept(records);
                if (kind.getKey() == OutboxKind.CROSSING) {
                    arrived.forEach(a -> checkedCrossings.add(a.crossingId()));
                }
            }
            progress.advance(batch.node(), point, highest, applied, clock.instant());
            if (sender.node() && !credentials.active(sender.username())) {
                throw refused("credential-revoked", "Credential revoked", "Account " + sender.username()
                        + " was revoked while its batch was applied; nothing of it was.");
            }
            return new Batch.Applied(highest);
        });
    }

    /**
     * Of these crossings, those at the sender's border point: the batch's own crossings passed their check
     * already (and are applied by now); only the others are looked up.
     */
    private static java.util.Set<UUID> ownCrossings(CrossingReplication crossings, java.util.Set<UUID> ids,
                                                    java.util.Set<UUID> checked, Provenance from) {
        java.util.Set<UUID> own = new java.util.HashSet<>(ids);
        own.retainAll(checked);
        java.util.Set<UUID> rest = new java.util.HashSet<>(ids);
        rest.removeAll(own);
        own.addAll(crossings.atBorderPoint(rest, from.borderPoint()));
        return own;
    }

    private static Rejection refused(String code, String title, String detail) {
        return Rejection.of(Rejection.Kind.FORBIDDEN, code, title, detail);
    }

    private static Rejection invalid(String detail) {
        return Rejection.of(Rejection.Kind.INVALID, "invalid-batch", "Invalid batch", detail);
    }

    /** The kind of fault a SQL state names, in words that quote no value. */
    private static String fault(String state) {
        if (state == null) {
            return "a value its table cannot hold";
        }
        return switch (state) {
            case "23502" -> "a required value is missing";
            case "23503" -> "it refers to a record that does not exist";
            case "23505" -> "it repeats a record held under another id";
            case "23514" -> "a value is outside what its table allows";
            default -> state.startsWith("22") ? "a value is not of its column's form" : "a value its table cannot hold";
        };
    }

    /** Records as one JSON array. */
    private static String array(List<JsonNode> records) {
        return records.stream().map(JsonNode::toString).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static boolean uuid(JsonNode value) {
        try {
            UUID.fromString(value.asString());
            return value.isString();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The crossing's id and the traveller id its post gave, as the post exported them. */
    private static IdentityMerges.Arrived arrived(JsonNode payload) {
        return new IdentityMerges.Arrived(
                UUID.fromString(payload.required("crossing").required("id").asString()),
                UUID.fromString(payload.required("traveller").required("id").asString()));
    }
}
