package org.manfadh.sync.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.bordercontrol.GroupClosed;
import org.manfadh.bordercontrol.IdentityDecided;
import org.manfadh.bordercontrol.IdentityReplication;
import org.manfadh.bordercontrol.VisaRecorded;
import org.manfadh.health.HealthReplication;
import org.manfadh.health.HealthScreened;
import org.manfadh.platform.BeforeCommit;
import org.manfadh.platform.Ids;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.ScreeningReplication;
import org.manfadh.sync.OutboxKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At a post, every change to a crossing puts the crossing and its screening as they now stand into
 * the outbox, in the transaction that made the change: a plain, synchronous listener, so the outbox
 * rows commit or roll back with the record. Headquarters records nothing here.
 *
 * <p>What a transaction announces is written once, just before it commits, per kind and record: a
 * supervisor's verdict that closes a referral announces the crossing's screening twice (the verdict,
 * and the crossing it decided), and one row carries it, as it stands when the transaction ends. The
 * rows go in the order headquarters applies the kinds, so a crossing's row comes before its
 * screening's. The outbox's lock is then held only for the appends, not for the rest of the record's work.
 */
@Component
class OutboxWriter {

    private final SyncSettings settings;
    private final Outbox outbox;
    private final CrossingReplication crossings;
    private final ScreeningReplication screenings;
    private final HealthReplication health;
    private final IdentityReplication identities;
    private final Clock clock;
    private final BeforeCommit<Announcement> announced = new BeforeCommit<>(this::write);

    OutboxWriter(SyncSettings settings, Outbox outbox, CrossingReplication crossings, ScreeningReplication screenings,
                 HealthReplication health, IdentityReplication identities, Clock clock) {
        this.health = health;
        this.identities = identities;
        this.screenings = screenings;
        this.settings = settings;
        this.outbox = outbox;
        this.crossings = crossings;
        this.clock = clock;
    }

    @EventListener
    void on(CrossingRecorded recorded) {
        announce(OutboxKind.CROSSING, recorded.crossingId());
        announce(OutboxKind.SCREENING, recorded.crossingId());
    }

    /** A supervisor's verdict on a hit travels as the crossing's whole screening, verdicts included. */
    @EventListener
    void on(HitAdjudicated verdict) {
        announce(OutboxKind.SCREENING, verdict.crossingId());
    }

    /**
     * A crossing's health part changed (a screening, a decision on its hold, a follow-up contact): its whole
     * health record travels, as it stands when the transaction ends.
     */
    @EventListener
    void on(HealthScreened screened) {
        announce(OutboxKind.HEALTH, screened.crossingId());
    }

    /** A visa issued or extended on its own travels with its traveller and extensions. */
    @EventListener
    void on(VisaRecorded visa) {
        announce(OutboxKind.VISA, visa.visaId());
    }

    /** A supervisor's confirmation or split of a document's link to its traveller. */
    @EventListener
    void on(IdentityDecided decided) {
        announce(OutboxKind.IDENTITY, decided.decisionId());
    }

    /** A group closed: its row as it now stands. */
    @EventListener
    void on(GroupClosed closed) {
        announce(OutboxKind.GROUP, closed.groupId());
    }

    /** Queued for the end of the announcing transaction; written at once when there is none. */
    private void announce(OutboxKind kind, UUID id) {
        if (!settings.post()) {
            return;
        }
        announced.announce(List.of(new Announcement(kind, id)));
    }

    /** A record to put into the outbox as it stands when the transaction ends. */
    private record Announcement(OutboxKind kind, UUID id) {
    }

    /** A transaction's announcements, each once, by kind in the order headquarters applies them. */
    private void write(List<Announcement> announcements) {
        announcements.stream().sorted(Comparator.comparing(Announcement::kind))
                .forEach(a -> append(a.kind(), a.id()));
    }

    /** The record as it stands in the transaction that announced it; a crossing without a screening or health record has none to send. */
    private void append(OutboxKind kind, UUID id) {
        Optional<String> payload = switch (kind) {
            case CROSSING -> crossings.export(id);
            case SCREENING -> screenings.exportOfCrossing(id);
            case HEALTH -> health.exportOfCrossing(id);
            case VISA -> crossings.exportVisa(id);
            case GROUP -> crossings.exportGroup(id);
            case IDENTITY -> identities.export(id);
        };
        if (payload.isEmpty() && (kind == OutboxKind.SCREENING || kind == OutboxKind.HEALTH)) {
            return;
        }
        outbox.append(Ids.newId(), kind, id, payload.orElseThrow(() -> new IllegalStateException(
                kind + " " + id + " was announced but cannot be read in its own transaction")), clock.instant());
    }
}
