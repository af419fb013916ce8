package org.manfadh.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.manfadh.health.PointOfEntryCapacity.Answer;
import org.manfadh.health.PointOfEntryCapacity.Area;
import org.manfadh.health.PointOfEntryCapacity.RecordedAnswer;
import org.manfadh.health.PointOfEntryCapacity.Score;

class CapacityScoresTests {

    private static RecordedAnswer answer(String item, Area area, int weight, Answer answer) {
        return new RecordedAnswer(item, area, weight, answer, null);
    }

    @Test
    void weighsYesPartialAndNoAndLeavesNotApplicableOut() {
        Score score = CapacityScores.of(List.of(
                answer("R01", Area.ROUTINE, 2, Answer.YES),
                answer("R02", Area.ROUTINE, 1, Answer.PARTIAL),
                answer("R03", Area.ROUTINE, 1, Answer.NO),
                answer("R04", Area.ROUTINE, 5, Answer.NOT_APPLICABLE),
                answer("E01", Area.EMERGENCY, 2, Answer.PARTIAL),
                answer("C01", Area.COORDINATION, 1, Answer.NOT_APPLICABLE)));
        // Routine: (2 + 0.5 + 0) / 4; emergency: 1 / 2; overall: 3.5 / 6.
        assertThat(score.areas().get(Area.ROUTINE)).isEqualTo(62.5);
        assertThat(score.areas().get(Area.EMERGENCY)).isEqualTo(50.0);
        assertThat(score.areas().get(Area.COORDINATION)).isNull();
        assertThat(score.overall()).isEqualTo(58.3);
    }

    @Test
    void hasNoScoreWhereNothingApplies() {
        Score score = CapacityScores.of(List.of(answer("R01", Area.ROUTINE, 2, Answer.NOT_APPLICABLE)));
        assertThat(score.overall()).isNull();
        assertThat(score.areas()).containsEntry(Area.ROUTINE, null);
    }

    @Test
    void countsAllYesAsAHundredAndAllNoAsNothing() {
        assertThat(CapacityScores.of(List.of(answer("R01", Area.ROUTINE, 2, Answer.YES),
                answer("E01", Area.EMERGENCY, 1, Answer.YES))).overall()).isEqualTo(100.0);
        assertThat(CapacityScores.of(List.of(answer("R01", Area.ROUTINE, 2, Answer.NO),
                answer("E01", Area.EMERGENCY, 1, Answer.NO))).overall()).isEqualTo(0.0);
    }
}
