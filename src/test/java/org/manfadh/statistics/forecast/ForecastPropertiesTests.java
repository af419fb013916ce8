package org.manfadh.statistics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ForecastPropertiesTests {

    private static final HijriEvents UMM_AL_QURA = new HijriEvents(HijriCalendar.ummAlQura());

    @Property
    void arbaeenComesTenToTwelveDaysEarlierEachYear(@ForAll @IntRange(min = 1350, max = 1550) int year) {
        long shift = ChronoUnit.DAYS.between(UMM_AL_QURA.dayOf(HijriEvent.ARBAEEN, year + 1),
                UMM_AL_QURA.dayOf(HijriEvent.ARBAEEN, year).plusYears(1));
        assertThat(shift).isBetween(10L, 12L);
    }

    @Property
    void aRecordedMonthStartMovesItsEventsByThatManyDays(@ForAll @IntRange(min = 1400, max = 1500) int year,
                                                         @ForAll @IntRange(min = -2, max = 2) int days,
                                                         @ForAll boolean safar) {
        HijriEvent event = safar ? HijriEvent.ARBAEEN : HijriEvent.ASHURA;
        HijriMonthOfYear month = new HijriMonthOfYear(year, event.month());
        LocalDate recorded = HijriCalendar.ummAlQuraFirstDay(month).plusDays(days);
        HijriEvents moved = new HijriEvents(HijriCalendar.withRecorded(List.of(new MonthStart(month, recorded))));

        assertThat(moved.dayOf(event, year)).isEqualTo(UMM_AL_QURA.dayOf(event, year).plusDays(days));
        assertThat(moved.on(moved.dayOf(event, year))).contains(new EventDay(event, year, 0));
    }

    @Property
    void everyDayBelongsToTheMonthWhoseStartIsTheLatestBeforeIt(@ForAll @IntRange(min = 1400, max = 1500) int year,
                                                                 @ForAll @IntRange(min = 1, max = 12) int m,
                                                                 @ForAll @IntRange(min = -2, max = 2) int days,
                                                                 @ForAll @IntRange(min = -40, max = 40) int dayOffset) {
        HijriMonthOfYear month = new HijriMonthOfYear(year, HijriMonth.of(m));
        LocalDate start = HijriCalendar.ummAlQuraFirstDay(month).plusDays(days);
        HijriCalendar calendar = HijriCalendar.withRecorded(List.of(new MonthStart(month, start)));
        LocalDate date = start.plusDays(dayOffset);

        HijriDay hijri = calendar.toHijri(date);
        LocalDate first = calendar.firstDay(new HijriMonthOfYear(hijri.year(), hijri.month()));
        assertThat(first).isBeforeOrEqualTo(date);
        assertThat(calendar.toGregorian(hijri.year(), hijri.month(), hijri.day())).isEqualTo(date);
        assertThat(calendar.firstDay(hijri.month().next(hijri.year()))).isAfter(date);
    }

    /** A series with no noise that is exactly a level, a weekday pattern and an event shape. */
    @Property(tries = 30)
    void recoversASeriesThatIsExactlyWeekdayAndEventShaped(@ForAll @DoubleRange(min = 50, max = 20000) double level,
                                                           @ForAll @DoubleRange(min = 1.5, max = 60) double arbaeen,
                                                           @ForAll @DoubleRange(min = 1.0, max = 5) double ashura,
                                                           @ForAll @IntRange(min = 0, max = 300) int startShift) {
        LocalDate first = LocalDate.of(2022, 1, 1).plusDays(startShift);
        int days = 3 * 365;
        long[] counts = new long[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            double m = level * SyntheticFlows.weekday(day.getDayOfWeek());
            for (EventDay e : UMM_AL_QURA.on(day)) {
                m *= SyntheticFlows.event(e, e.event() == HijriEvent.ARBAEEN ? arbaeen : ashura);
            }
            counts[i] = Math.round(m);
        }
        DailyCounts series = new DailyCounts(first, counts);
        DailyCounts history = series.before(first.plusDays(days - 365));
        SeasonalModel model = SeasonalRegression.fit(history, UMM_AL_QURA, new ModelSettings(2, 0.001, 1.96));

        for (DayForecast f : model.forecast(history.end(), 365)) {
            long actual = series.count(f.date());
            assertThat((double) f.expected()).as(f.date() + " " + f.events())
                    .isCloseTo(actual, org.assertj.core.data.Offset.offset(Math.max(2.0, actual * 0.03)));
        }
    }

    @Property(tries = 20)
    void theBandHoldsTheForecastAndWidensForEventDays(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        DailyCounts series = SyntheticFlows.series(SyntheticFlows.POINTS.get("ZRB"), LocalDate.of(2023, 1, 1), 800,
                UMM_AL_QURA, seed);
        SeasonalModel model = SeasonalRegression.fit(series, UMM_AL_QURA, ModelSettings.DEFAULT);
        LocalDate arbaeen = UMM_AL_QURA.nextOnOrAfter(HijriEvent.ARBAEEN, series.end());
        DayForecast peak = model.day(arbaeen);
        DayForecast plain = model.day(arbaeen.minusDays(70));
        assertThat(peak.events()).containsExactly(HijriEvent.ARBAEEN);
        assertThat(plain.events()).isEmpty();
        assertThat(peak.low()).isLessThanOrEqualTo(peak.expected());
        // Rounding to whole crossings moves a small day's ratio a little.
        assertThat((double) peak.high() / peak.expected())
                .isGreaterThanOrEqualTo((double) plain.high() / plain.expected() - 0.002);
    }
}
