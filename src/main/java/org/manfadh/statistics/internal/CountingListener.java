package org.manfadh.statistics.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.CrossingsArrived;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.ScreeningsArrived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every announcement that a crossing changed (recorded, decided, corrected, voided, arrived by
 * synchronisation or in a backlog; a verdict on one of its hits) brings its counts up to date in the
 * transaction that made the change, just before it commits: the counts commit with the record or
 * not at all, and a crossing announced several times in one transaction is counted once.
 */
@Component
class CountingListener {

    private final Counting counting;

    CountingListener(Counting counting) {
        this.counting = counting;
    }

    @EventListener
    void on(CrossingRecorded recorded) {
        announce(List.of(recorded.crossingId()));
    }

    @EventListener
    void on(CrossingsArrived arrived) {
        announce(arrived.crossingIds());
    }

    @EventListener
    void on(HitAdjudicated verdict) {
        announce(List.of(verdict.crossingId()));
    }

    @EventListener
    void on(ScreeningsArrived arrived) {
        announce(arrived.crossingIds());
    }

    private void announce(Collection<UUID> ids) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counting.update(ids);
            return;
        }
        Announced announced = (Announced) TransactionSynchronizationManager.getResource(this);
        if (announced == null) {
            announced = new Announced();
            TransactionSynchronizationManager.bindResource(this, announced);
            TransactionSynchronizationManager.registerSynchronization(announced);
        }
        announced.add(ids);
    }

    private final class Announced implements TransactionSynchronization {

        private final Set<UUID> ids = new LinkedHashSet<>();
        private boolean counted;

        void add(Collection<UUID> more) {
            if (counted) {
                counting.update(more);
            } else {
                ids.addAll(more);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            counted = true;
            counting.update(ids);
            ids.clear();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(CountingListener.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(CountingListener.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CountingListener.this);
        }
    }
}
