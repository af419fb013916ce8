package org.manfadh.statistics.internal;

import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.CrossingsArrived;
import org.manfadh.health.HealthScreened;
import org.manfadh.platform.BeforeCommit;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.ScreeningsArrived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every announcement that a crossing changed (recorded, decided, corrected, voided, arrived by
 * synchronisation or in a backlog; a verdict on one of its hits; its health screening or a decision on its
 * health hold) queues it to be counted again, in
 * the transaction that made the change, just before it commits: the queue commits with the record
 * or not at all, and a crossing announced several times in one transaction is queued once. The
 * {@link CountingWorker} counts what is queued soon after, and before any question is answered.
 */
@Component
class CountingListener {

    private final BeforeCommit<UUID> queue;

    CountingListener(Rollups rollups) {
        this.queue = new BeforeCommit<>(rollups::queue);
    }

    @EventListener
    void on(CrossingRecorded recorded) {
        queue.announce(List.of(recorded.crossingId()));
    }

    @EventListener
    void on(CrossingsArrived arrived) {
        queue.announce(arrived.crossingIds());
    }

    @EventListener
    void on(HitAdjudicated verdict) {
        queue.announce(List.of(verdict.crossingId()));
    }

    @EventListener
    void on(ScreeningsArrived arrived) {
        queue.announce(arrived.crossingIds());
    }

    @EventListener
    void on(HealthScreened screened) {
        queue.announce(List.of(screened.crossingId()));
    }
}
