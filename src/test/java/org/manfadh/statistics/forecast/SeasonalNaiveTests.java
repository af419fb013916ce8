package org.manfadh.statistics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SeasonalNaiveTests {

    private static final HijriEvents EVENTS = new HijriEvents(HijriCalendar.ummAlQura());

    private static DailyCounts countingDays(LocalDate first, int days) {
        long[] counts = new long[days];
        for (int i = 0; i < days; i++) {
            counts[i] = i;
        }
        return new DailyCounts(first, counts);
    }

    @Test
    void forecastsAnOrdinaryDayWithTheSameWeekdayLastCounted() {
        DailyCounts history = countingDays(LocalDate.of(2025, 10, 1), 30);
        LocalDate end = history.end();
        long[] forecast = SeasonalNaive.forecast(history, EVENTS, end, 10);
        assertThat(forecast[0]).isEqualTo(history.count(end.minusDays(7)));
        assertThat(forecast[6]).isEqualTo(history.count(end.minusDays(1)));
        assertThat(forecast[7]).isEqualTo(history.count(end.minusDays(7)));
    }

    @Test
    void forecastsAnArbaeenDayWithTheSameDayOfLastYearsArbaeen() {
        DailyCounts history = countingDays(LocalDate.of(2025, 1, 1), 500);
        LocalDate arbaeen1448 = EVENTS.dayOf(HijriEvent.ARBAEEN, 1448);
        LocalDate threeBefore1447 = EVENTS.dayOf(HijriEvent.ARBAEEN, 1447).minusDays(3);
        long[] forecast = SeasonalNaive.forecast(history, EVENTS, arbaeen1448.minusDays(3), 1);
        assertThat(forecast[0]).isEqualTo(history.count(threeBefore1447));
    }

    @Test
    void skipsEventWeeksWhenCarryingAWeekdayForward() {
        LocalDate arbaeen = EVENTS.dayOf(HijriEvent.ARBAEEN, 1447);
        LocalDate first = arbaeen.minusDays(60);
        DailyCounts history = countingDays(first, 60 + 8);
        LocalDate end = history.end();
        long forecast = SeasonalNaive.forecast(history, EVENTS, end, 1)[0];
        // A week before the day to forecast is Arbaeen+1, in the window; three weeks before is the
        // first such weekday before the window began.
        assertThat(EVENTS.on(end.minusDays(7))).isNotEmpty();
        assertThat(forecast).isEqualTo(history.count(end.minusDays(28)));
    }

    @Test
    void scalesByTheOneWeekNaiveError() {
        DailyCounts history = countingDays(LocalDate.of(2025, 1, 1), 30);
        assertThat(SeasonalNaive.scale(history)).isEqualTo(7.0);
    }
}
