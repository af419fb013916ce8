package org.manfadh.statistics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the counted changes into the rollups every few seconds
 * ({@code manfadh.statistics.compact-interval}), so that the changes waiting stay few and a
 * question reads the rollups and a handful of changes, not the crossings.
 */
@Component
class RollupCompactor {

    private static final Logger log = LoggerFactory.getLogger(RollupCompactor.class);

    private final Rollups rollups;
    private final TransactionTemplate transaction;

    RollupCompactor(Rollups rollups, TransactionTemplate transaction) {
        this.rollups = rollups;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${manfadh.statistics.compact-interval:PT2S}",
            initialDelayString = "${manfadh.statistics.compact-interval:PT2S}")
    void scheduled() {
        try {
            compact();
        } catch (RuntimeException e) {
            log.warn("Folding flow counts into the rollups failed; the changes wait for the next run: {}", e.toString());
        }
    }

    /** Folds what is committed now; returns how many changes were folded. */
    int compact() {
        Integer folded = transaction.execute(status -> rollups.compact());
        return folded == null ? 0 : folded;
    }
}
