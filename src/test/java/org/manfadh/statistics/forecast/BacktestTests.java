package org.manfadh.statistics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BacktestTests {

    private static final HijriEvents EVENTS = new HijriEvents(HijriCalendar.ummAlQura());

    @Test
    void theRegressionBeatsTheSeasonalNaiveBaselineAtZurbatiyah() {
        DailyCounts series = SyntheticFlows.series(SyntheticFlows.POINTS.get("ZRB"), LocalDate.of(2023, 12, 1),
                3 * 365, EVENTS, 7);
        List<LocalDate> origins = Backtest.origins(series, 365, 28, 14);
        Backtest.Score score = Backtest.run(series, EVENTS, ModelSettings.DEFAULT, origins, 28);

        assertThat(score.origins()).isEqualTo(origins.size());
        assertThat(score.forecasts()).isEqualTo(origins.size() * 28);
        assertThat(score.mae()).isLessThan(score.naiveMae());
        assertThat(score.mase()).isLessThan(score.naiveMase());
    }

    @Test
    void placesNextYearsArbaeenPeakAtZurbatiyahWithinADayOf20Safar() {
        HijriEvents iraq = new HijriEvents(HijriCalendar.withRecorded(List.of(
                MonthStart.of(1449, HijriMonth.SAFAR, HijriCalendar.ummAlQuraFirstDay(
                        new HijriMonthOfYear(1449, HijriMonth.SAFAR)).plusDays(1)))));
        DailyCounts series = SyntheticFlows.series(SyntheticFlows.POINTS.get("ZRB"), LocalDate.of(2023, 12, 1),
                3 * 365 + 7, iraq, 11);
        SeasonalModel model = SeasonalRegression.fit(series, iraq, ModelSettings.DEFAULT);
        List<DayForecast> year = model.forecast(series.end(), 365);
        DayForecast peak = year.stream().max(java.util.Comparator.comparingLong(DayForecast::expected)).orElseThrow();

        LocalDate arbaeen = iraq.dayOf(HijriEvent.ARBAEEN, 1449);
        assertThat(arbaeen).isEqualTo(LocalDate.of(2027, 7, 25));
        assertThat(peak.date()).isBetween(arbaeen.minusDays(2), arbaeen.plusDays(1));
        assertThat(peak.events()).contains(HijriEvent.ARBAEEN);
    }
}
