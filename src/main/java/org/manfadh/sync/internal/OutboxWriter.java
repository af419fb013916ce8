package org.manfadh.sync.internal;

import java.time.Clock;

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
        if (!settings.post()) {
            return;
        }
        String payload = crossings.export(recorded.crossingId()).orElseThrow(() -> new IllegalStateException(
                "Crossing " + recorded.crossingId() + " was announced but cannot be read in its own transaction"));
        outbox.append(Ids.newId(), "CROSSING", recorded.crossingId(), payload, clock.instant());
        screening(recorded.crossingId());
    }

    /** A visa issued or extended on its own travels with its traveller and extensions. */
    @EventListener
    void on(VisaRecorded visa) {
        if (!settings.post()) {
            return;
        }
        String payload = crossings.exportVisa(visa.visaId()).orElseThrow(() -> new IllegalStateException(
                "Visa " + visa.visaId() + " was announced but cannot be read in its own transaction"));
        outbox.append(Ids.newId(), "VISA", visa.visaId(), payload, clock.instant());
    }

    /** A supervisor's confirmation or split of a document's link to its traveller. */
    @EventListener
    void on(IdentityDecided decided) {
        if (!settings.post()) {
            return;
        }
        String payload = identities.export(decided.decisionId()).orElseThrow(() -> new IllegalStateException(
                "Identity decision " + decided.decisionId() + " was announced but cannot be read in its own transaction"));
        outbox.append(Ids.newId(), "IDENTITY", decided.decisionId(), payload, clock.instant());
    }

    /** A group closed: its row as it now stands. */
    @EventListener
    void on(GroupClosed closed) {
        if (!settings.post()) {
            return;
        }
        String payload = crossings.exportGroup(closed.groupId()).orElseThrow(() -> new IllegalStateException(
                "Group " + closed.groupId() + " was announced but cannot be read in its own transaction"));
        outbox.append(Ids.newId(), "GROUP", closed.groupId(), payload, clock.instant());
    }

    /** A supervisor's verdict on a hit travels as the crossing's whole screening, verdicts included. */
    @EventListener
    void on(HitAdjudicated verdict) {
        if (settings.post()) {
            screening(verdict.crossingId());
        }
    }

    private void screening(java.util.UUID crossingId) {
        screenings.exportOfCrossing(crossingId).ifPresent(payload ->
                outbox.append(Ids.newId(), "SCREENING", crossingId, payload, clock.instant()));
    }
}
