package org.manfadh.capacity.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

import org.manfadh.capacity.AuditResult;

/**
 * The score of an SOP audit: the share of the applicable items met, an item partly met counting half, as a percentage
 * with two decimals (half up). NOT_APPLICABLE items are left out; with no applicable item there is no score.
 */
final class AuditScore {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AuditScore() {
    }

    static Optional<BigDecimal> of(Collection<AuditResult> results) {
        int applicable = 0;
        int halves = 0;
        for (AuditResult result : results) {
            switch (result) {
                case MET -> {
                    applicable++;
                    halves += 2;
                }
                case PARTLY -> {
                    applicable++;
                    halves += 1;
                }
                case NOT_MET -> applicable++;
                case NOT_APPLICABLE -> {
                }
            }
        }
        if (applicable == 0) {
            return Optional.empty();
        }
        // halves / (2 × applicable) × 100, computed exactly and rounded once.
        return Optional.of(BigDecimal.valueOf(halves).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(2L * applicable), 2, RoundingMode.HALF_UP));
    }
}
