package org.manfadh.sync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.IdentityMerges;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.platform.ApiProblems;
import org.manfadh.screening.ScreeningReplication;
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

    private static final java.util.Set<String> KINDS = java.util.Set.of("CROSSING", "SCREENING", "VISA", "IDENTITY",
            "GROUP");

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
                        "Invalid batch", "Every record needs a positive seq, a payload and a known kind (CROSSING, SCREENING, VISA, IDENTITY, GROUP).");
            }
        }
        return transaction.execute(status -> {
            long last = progress.lock(batch.node(), batch.borderPoint(), clock.instant());
            long highest = last;
            int applied = 0;
            List<IdentityMerges.Arrived> arrived = new ArrayList<>();
            StringJoiner crossingRecords = new StringJoiner(",", "[", "]");
            StringJoiner screeningRecords = new StringJoiner(",", "[", "]");
            StringJoiner visaRecords = new StringJoiner(",", "[", "]");
            StringJoiner identityRecords = new StringJoiner(",", "[", "]");
            StringJoiner groupRecords = new StringJoiner(",", "[", "]");
            for (Batch.Item item : batch.records()) {
                if (item.seq() <= last) {
                    continue;
                }
                switch (item.kind()) {
                    case "CROSSING" -> {
                        crossingRecords.add(item.payload().toString());
                        arrived.add(arrived(item.payload()));
                    }
                    case "SCREENING" -> screeningRecords.add(item.payload().toString());
                    case "VISA" -> visaRecords.add(item.payload().toString());
                    case "IDENTITY" -> identityRecords.add(item.payload().toString());
                    case "GROUP" -> groupRecords.add(item.payload().toString());
                    default -> throw new IllegalStateException("checked above: " + item.kind());
                }
                highest = Math.max(highest, item.seq());
                applied++;
            }
            // Set-based, a statement per table for the whole batch. Crossings first: a screening hangs on its
            // crossing, and a crossing's outbox row always comes before its screening's.
            if (crossingRecords.length() > 2) {
                crossings.apply(crossingRecords.toString());
            }
            if (screeningRecords.length() > 2) {
                screenings.apply(screeningRecords.toString());
            }
            if (visaRecords.length() > 2) {
                crossings.applyVisas(visaRecords.toString());
            }
            if (groupRecords.length() > 2) {
                crossings.applyGroups(groupRecords.toString());
            }
            // Then what the crossings reveal about who is who across the posts, and last what the post's
            // supervisors decided about it, so that their decisions stand over the merges.
            merges.resolve(arrived);
            if (identityRecords.length() > 2) {
                identities.apply(identityRecords.toString());
            }
            progress.advance(batch.node(), batch.borderPoint(), highest, applied, clock.instant());
            return new Batch.Applied(highest);
        });
    }

    /** The crossing's id and the traveller id its post gave, as the post exported them. */
    private static IdentityMerges.Arrived arrived(JsonNode payload) {
        return new IdentityMerges.Arrived(
                UUID.fromString(payload.required("crossing").required("id").asString()),
                UUID.fromString(payload.required("traveller").required("id").asString()));
    }
}
