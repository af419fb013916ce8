package org.manfadh.sync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.platform.ApiProblems;
import org.manfadh.screening.ScreeningReplication;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * At headquarters: applies a post's batch in one transaction. What lies at or below the node's
 * last applied seq is skipped; each record applies by its own ids, so a repeat changes nothing.
 * The batch's crossings go in together, then its screenings: a statement per table, not per record.
 */
@Service
public class BatchApplier {

    /** The kinds of record a batch carries, in the order they are applied (see {@link #apply}). */
    private static final List<String> KINDS = List.of("CROSSING", "SCREENING", "VISA", "GROUP", "IDENTITY");

    private final SyncSettings settings;
    private final NodeProgress progress;
    private final CrossingReplication crossings;
    private final ScreeningReplication screenings;
    private final IdentityMerges merges;
    private final IdentityReplication identities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BatchApplier(SyncSettings settings, NodeProgress progress, CrossingReplication crossings,
                 ScreeningReplication screenings, IdentityMerges merges, IdentityReplication identities,
                 TransactionTemplate transaction, Clock clock) {
        this.merges = merges;
        this.identities = identities;
        this.screenings = screenings;
        this.settings = settings;
        this.progress = progress;
        this.crossings = crossings;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Batch.Applied apply(Batch batch) {
        if (settings.post()) {
            throw ApiProblems.conflict("not-headquarters", "This node is a border post; batches go to headquarters.");
        }
        if (batch.node() == null || batch.records() == null) {
            throw ApiProblems.problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-batch",
                    "Invalid batch", "A batch needs the sending node's id and its records.");
        }
        for (Batch.Item item : batch.records()) {
            if (item == null || item.seq() < 1 || item.payload() == null || !KINDS.contains(item.kind())) {
                throw ApiProblems.problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-batch",
                        "Invalid batch", "Every record needs a positive seq, a payload and a known kind ("
                                + String.join(", ", KINDS) + ").");
            }
            if (item.kind().equals("CROSSING") && (!uuid(item.payload().path("crossing").path("id"))
                    || !uuid(item.payload().path("traveller").path("id")))) {
                throw ApiProblems.problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-batch",
                        "Invalid batch", "The CROSSING record of seq " + item.seq()
                                + " needs its crossing's and its traveller's ids.");
            }
        }
        try {
            return applyChecked(batch);
        } catch (DataIntegrityViolationException e) {
            // A record the tables cannot hold: a malformed value, a missing one, a reference to nothing. The
            // transaction is rolled back whole, and the sender learns which value it was.
            String why = e.getMostSpecificCause().getMessage();
            throw ApiProblems.problem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-batch",
                    "Invalid batch", "A record of the batch cannot be applied, and nothing of the batch was: "
                            + (why == null ? e.getClass().getSimpleName() : why.lines().findFirst().orElse(why)));
        }
    }

    private Batch.Applied applyChecked(Batch batch) {
        return transaction.execute(status -> {
            long last = progress.lock(batch.node(), batch.borderPoint(), clock.instant());
            long highest = last;
            int applied = 0;
            List<IdentityMerges.Arrived> arrived = new ArrayList<>();
            Map<String, List<JsonNode>> records = new HashMap<>();
            for (Batch.Item item : batch.records()) {
                if (item.seq() <= last) {
                    continue;
                }
                records.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item.payload());
                if (item.kind().equals("CROSSING")) {
                    arrived.add(arrived(item.payload()));
                }
                highest = Math.max(highest, item.seq());
                applied++;
            }
            // Set-based, a statement per table for the whole batch. Crossings first: a screening hangs on its
            // crossing, and a crossing's outbox row always comes before its screening's.
            apply(records, "CROSSING", crossings::apply);
            apply(records, "SCREENING", screenings::apply);
            apply(records, "VISA", visas -> crossings.applyVisas(array(visas)));
            apply(records, "GROUP", groups -> crossings.applyGroups(array(groups)));
            // Then what the crossings reveal about who is who across the posts, and last what the post's
            // supervisors decided about it, so that their decisions stand over the merges.
            merges.resolve(arrived);
            apply(records, "IDENTITY", decisions -> identities.apply(array(decisions)));
            progress.advance(batch.node(), batch.borderPoint(), highest, applied, clock.instant());
            return new Batch.Applied(highest);
        });
    }

    /** The batch's records of one kind to their module; nothing when there are none. */
    private static void apply(Map<String, List<JsonNode>> records, String kind, Consumer<List<JsonNode>> applier) {
        List<JsonNode> ofKind = records.get(kind);
        if (ofKind != null) {
            applier.accept(ofKind);
        }
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
