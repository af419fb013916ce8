package org.manfadh.sync.internal;

import java.time.Clock;

import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.CrossingReplication;
import org.manfadh.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At a post, every change to a crossing puts the crossing as it now stands into the outbox, in the
 * transaction that made the change: a plain, synchronous listener, so the outbox row commits or
 * rolls back with the record. Headquarters records nothing here.
 */
@Component
class OutboxWriter {

    private final SyncSettings settings;
    private final Outbox outbox;
    private final CrossingReplication crossings;
    private final Clock clock;

    OutboxWriter(SyncSettings settings, Outbox outbox, CrossingReplication crossings, Clock clock) {
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
    }
}
