package org.manfadh.capacity.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.manfadh.capacity.AuditResult;

/** The audit score: (MET + PARTLY / 2) / applicable items × 100, N/A left out. */
class AuditScoreTests {

    @Property
    void liesBetweenNoughtAndAHundred(@ForAll @Size(min = 1, max = 100) List<AuditResult> results) {
        AuditScore.of(results).ifPresent(score -> assertThat(score).isBetween(BigDecimal.ZERO, new BigDecimal("100")));
        assertThat(AuditScore.of(results).isPresent())
                .isEqualTo(results.stream().anyMatch(r -> r != AuditResult.NOT_APPLICABLE));
    }

    @Property
    void isAHundredWhenEveryItemThatAppliesIsMet(@ForAll @IntRange(min = 1, max = 100) int met,
                                                 @ForAll @IntRange(min = 0, max = 100) int notApplicable) {
        List<AuditResult> results = new ArrayList<>(Collections.nCopies(met, AuditResult.MET));
        results.addAll(Collections.nCopies(notApplicable, AuditResult.NOT_APPLICABLE));
        Collections.shuffle(results);
        assertThat(AuditScore.of(results)).hasValue(new BigDecimal("100.00"));
    }

    @Property
    void isNotChangedByItemsThatDoNotApply(@ForAll @Size(min = 1, max = 60) List<AuditResult> results,
                                           @ForAll @IntRange(min = 1, max = 40) int notApplicable) {
        List<AuditResult> more = new ArrayList<>(results);
        more.addAll(Collections.nCopies(notApplicable, AuditResult.NOT_APPLICABLE));
        Collections.shuffle(more);
        assertThat(AuditScore.of(more)).isEqualTo(AuditScore.of(results));
    }

    @Property
    void countsAnItemPartlyMetAsHalfOfOneMet(@ForAll @IntRange(min = 0, max = 50) int met,
                                             @ForAll @IntRange(min = 0, max = 50) int partly,
                                             @ForAll @IntRange(min = 0, max = 50) int notMet) {
        int applicable = met + partly + notMet;
        List<AuditResult> results = new ArrayList<>();
        results.addAll(Collections.nCopies(met, AuditResult.MET));
        results.addAll(Collections.nCopies(partly, AuditResult.PARTLY));
        results.addAll(Collections.nCopies(notMet, AuditResult.NOT_MET));
        if (applicable == 0) {
            assertThat(AuditScore.of(results)).isEmpty();
            return;
        }
        double expected = (met + partly / 2.0) / applicable * 100;
        assertThat(AuditScore.of(results).orElseThrow().doubleValue()).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(0.00501));
    }

    @Test
    void roundsToTwoDecimalsHalfUp() {
        assertThat(AuditScore.of(List.of(AuditResult.MET, AuditResult.NOT_MET, AuditResult.NOT_MET)))
                .hasValue(new BigDecimal("33.33"));
        assertThat(AuditScore.of(List.of(AuditResult.MET, AuditResult.MET, AuditResult.NOT_MET)))
                .hasValue(new BigDecimal("66.67"));
        assertThat(AuditScore.of(List.of(AuditResult.NOT_APPLICABLE))).isEmpty();
    }
}
