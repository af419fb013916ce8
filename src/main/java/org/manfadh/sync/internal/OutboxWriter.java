package org.manfadh.sync.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.GroupClosed;
import org.manfadh.bordercontrol.IdentityDecided;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.bordercontrol.VisaRecorded;
import org.manfadh.platform.Ids;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.ScreeningReplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At a post, every change to a crossing puts the crossing and its screening as they now stand into
 * the outbox, in the transaction that made the change: a plain, synchronous listener, so the outbox
 * rows commit or roll back with the record. Headquarters records nothing here.
 */
@Component
class OutboxWriter {

    private final SyncSettings settings;
    private final Outbox outbox;
    private final CrossingReplication crossings;
    private final ScreeningReplication screenings;
    private final IdentityReplication identities;
    private final Clock clock;

    OutboxWriter(SyncSettings settings, Outbox outbox, CrossingReplication crossings, ScreeningReplication screenings,
                 IdentityReplication identities, Clock clock) {
        this.identities = identities;
        this.screenings = screenings;
        this.settings = settings;
        this.outbox = outbox;
        this.crossings = crossings;
        this.clock = clock;
    }

    @EventListener
    void on(CrossingRecorded recorded) {
        if (settings.post()) {
            append("CROSSING", recorded.crossingId(), crossings.export(recorded.crossingId()));
            screening(recorded.crossingId());
        }
    }

    /** A visa issued or extended on its own travels with its traveller and extensions. */
    @EventListener
    void on(VisaRecorded visa) {
        if (settings.post()) {
            append("VISA", visa.visaId(), crossings.exportVisa(visa.visaId()));
        }
    }

    /** A supervisor's confirmation or split of a document's link to its traveller. */
    @EventListener
    void on(IdentityDecided decided) {
        if (settings.post()) {
            append("IDENTITY", decided.decisionId(), identities.export(decided.decisionId()));
        }
    }

    /** A group closed: its row as it now stands. */
    @EventListener
    void on(GroupClosed closed) {
        if (settings.post()) {
            append("GROUP", closed.groupId(), crossings.exportGroup(closed.groupId()));
        }
    }

    /** The record as it stands in the transaction that announced it, which can always read it. */
    private void append(String kind, UUID id, Optional<String> payload) {
        outbox.append(Ids.newId(), kind, id, payload.orElseThrow(() -> new IllegalStateException(
                kind + " " + id + " was announced but cannot be read in its own transaction")), clock.instant());
    }

    /** A supervisor's verdict on a hit travels as the crossing's whole screening, verdicts included. */
    @EventListener
    void on(HitAdjudicated verdict) {
        if (settings.post()) {
            screening(verdict.crossingId());
        }
    }

    private void screening(UUID crossingId) {
        screenings.exportOfCrossing(crossingId).ifPresent(payload ->
                outbox.append(Ids.newId(), "SCREENING", crossingId, payload, clock.instant()));
    }
}
