package org.manfadh.statistics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SurgeRuleTests {

    private static final DayForecast DAY = new DayForecast(LocalDate.of(2027, 7, 20), 2400, 1800, 3400, List.of());
    private static final double[] EVEN = even();

    private static double[] even() {
        double[] p = new double[24];
        Arrays.fill(p, 1.0 / 24);
        return p;
    }

    private static long[] hours(long each, int upTo) {
        long[] h = new long[24];
        for (int i = 0; i <= upTo; i++) {
            h[i] = each;
        }
        return h;
    }

    @Test
    void raisesNothingWhileTheFlowKeepsToItsExpectation() {
        // 100 an hour is the day's 2,400 spread evenly.
        assertThat(SurgeRule.check(DAY, EVEN, hours(100, 11), 11, 59, SurgeRule.Settings.DEFAULT)).isEmpty();
    }

    @Test
    void scalesTheMarginWithTheSquareRootOfTheDayPassed() {
        // At noon half the day has passed: expected 1,200, margin 1,000 · √½ ≈ 707, top ≈ 1,907.
        long[] today = hours(0, 11);
        today[0] = 1_906;
        assertThat(SurgeRule.check(DAY, EVEN, today, 12, 0, SurgeRule.Settings.DEFAULT)).isEmpty();
        today[0] = 1_908;
        assertThat(SurgeRule.check(DAY, EVEN, today, 12, 0, SurgeRule.Settings.DEFAULT))
                .containsExactly(new SurgeRule.Breach(SurgeRule.Window.DAY, null, 1_908, 1_200, 1_908));
    }

    @Test
    void judgesTheLastHourAndTheHourInProgressByTheirShareOfTheDay() {
        long[] today = hours(100, 9);
        today[9] = 400;
        today[10] = 300;
        List<SurgeRule.Breach> breaches = SurgeRule.check(DAY, EVEN, today, 10, 30, SurgeRule.Settings.DEFAULT);
        assertThat(breaches).extracting(SurgeRule.Breach::window, SurgeRule.Breach::hour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SurgeRule.Window.HOUR, 9),
                        org.assertj.core.groups.Tuple.tuple(SurgeRule.Window.HOUR, 10));
        assertThat(breaches.get(0).expected()).isEqualTo(100);
    }

    @Test
    void waitsForEnoughCrossingsAndMinutes() {
        DayForecast quiet = new DayForecast(DAY.date(), 0, 0, 0, List.of());
        long[] today = new long[24];
        today[3] = 29;
        assertThat(SurgeRule.check(quiet, EVEN, today, 3, 10, SurgeRule.Settings.DEFAULT)).isEmpty();
        today[3] = 30;
        assertThat(SurgeRule.check(quiet, EVEN, today, 3, 10, SurgeRule.Settings.DEFAULT))
                .extracting(SurgeRule.Breach::window).containsExactly(SurgeRule.Window.DAY);
    }

    @Test
    void learnsEachHoursShareOfTheDayOrAssumesAnEvenDay() {
        long[] busyMorning = new long[24];
        busyMorning[8] = 300;
        busyMorning[20] = 100;
        double[] profile = SurgeRule.profile(List.of(busyMorning));
        assertThat(profile[8]).isEqualTo(0.75);
        assertThat(profile[20]).isEqualTo(0.25);
        assertThat(SurgeRule.profile(List.of(new long[24]))[5]).isEqualTo(1.0 / 24);
    }
}
