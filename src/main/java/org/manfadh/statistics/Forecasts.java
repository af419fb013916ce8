package org.manfadh.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Expected daily crossings at a border point, learnt from its history, with the pilgrimage seasons
 * placed on the Gregorian days the Hijri calendar (as Iraq announced its months) puts them.
 */
public interface Forecasts {

    /**
     * One day's forecast.
     *
     * @param events the Hijri events whose window the day is in ({@code ARBAEEN}, {@code ASHURA})
     */
    record Day(LocalDate date, long expected, long low, long high, List<String> events) {
        public Day {
            events = List.copyOf(events);
        }
    }

    /** How well the forecast did over a month, beside the seasonal-naive forecast. */
    record Accuracy(String borderPoint, YearMonth month, double mae, double mase, double naiveMae, int days) {
    }

    /** {@code days} days from {@code from} at a border point in the caller's jurisdiction (1 to 400 days). */
    default List<Day> forecast(String borderPoint, LocalDate from, int days, String username) {
        return forecast(borderPoint, null, from, days, username);
    }

    /** The same for one direction's crossings only; {@code direction} null for both. */
    List<Day> forecast(String borderPoint, org.manfadh.bordercontrol.Direction direction, LocalDate from, int days,
                       String username);

    /** The forecast's accuracy at a border point over a month that has passed; empty without the history to judge it. */
    Optional<Accuracy> accuracy(String borderPoint, YearMonth month);
}
