package org.manfadh.statistics.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the queued crossings in batches, each batch in one transaction with its dequeueing, so that
 * a crash counts a batch fully or not at all. Runs every second
 * ({@code manfadh.statistics.count-interval}) and, for a short queue, before a question is answered,
 * so that an answer includes every crossing committed before it was asked.
 */
@Component
class CountingWorker {

    private static final Logger log = LoggerFactory.getLogger(CountingWorker.class);
    private static final int BATCH = 10_000;

    private final Rollups rollups;
    private final Counting counting;
    private final TransactionTemplate transaction;

    CountingWorker(Rollups rollups, Counting counting, TransactionTemplate transaction) {
        this.rollups = rollups;
        this.counting = counting;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${manfadh.statistics.count-interval:PT1S}",
            initialDelayString = "${manfadh.statistics.count-interval:PT1S}")
    void scheduled() {
        try {
            countQueued(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            log.warn("Counting queued crossings failed; they stay queued for the next run: {}", e.toString());
        }
    }

    /** The longest queue a question counts itself before it is answered; a longer one is the schedule's. */
    private static final int CATCH_UP = 5_000;

    /** Counts what is queued when it is a short queue (a question's catch-up); otherwise leaves it to the schedule. */
    void catchUp() {
        if (rollups.queued() <= CATCH_UP) {
            countQueued(CATCH_UP);
        }
    }

    /** Counts queued crossings, a batch a transaction, until none is left that no one else is counting or {@code limit} are counted. */
    int countQueued(int limit) {
        int total = 0;
        while (total < limit) {
            int batch = Math.min(BATCH, limit - total);
            Integer counted = transaction.execute(status -> {
                List<UUID> ids = rollups.takeQueued(batch);
                if (ids.isEmpty()) {
                    return 0;
                }
                counting.update(ids);
                rollups.dequeue(ids);
                return ids.size();
            });
            if (counted == null || counted == 0) {
                break;
            }
            total += counted;
        }
        return total;
    }
}
