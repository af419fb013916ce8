package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The baseline a forecast must beat. A day in an event window gets the count of the same day of
 * the same event's window a Hijri year before (Arbaeen−3 of 1447 for Arbaeen−3 of 1448), when the
 * history holds it; any other day gets the count of the same weekday most recently counted outside
 * every event window, so that a pilgrimage's last week is not carried into ordinary weeks.
 * Without either, 0.
 */
public final class SeasonalNaive {

    private SeasonalNaive() {
    }

    /** Forecasts {@code days} days from {@code from} with nothing known past the history's end. */
    public static long[] forecast(DailyCounts history, HijriEvents events, LocalDate from, int days) {
        long[] out = new long[days];
        for (int i = 0; i < days; i++) {
            out[i] = day(history, events, from.plusDays(i));
        }
        return out;
    }

    static long day(DailyCounts history, HijriEvents events, LocalDate date) {
        List<EventDay> on = events.on(date);
        if (!on.isEmpty()) {
            // Arbaeen first: where the windows meet, it is the larger movement.
            EventDay e = on.stream().filter(d -> d.event() == HijriEvent.ARBAEEN).findFirst().orElse(on.get(0));
            LocalDate before = events.dayOf(e.event(), e.hijriYear() - 1).plusDays(e.offset());
            return history.contains(before) ? history.count(before) : 0;
        }
        if (history.size() == 0) {
            return 0;
        }
        LocalDate last = history.end().minusDays(1);
        long weeks = Math.max(0, Math.ceilDiv(ChronoUnit.DAYS.between(last, date), 7));
        LocalDate candidate = date.minusWeeks(weeks);
        while (history.contains(candidate)) {
            if (events.on(candidate).isEmpty()) {
                return history.count(candidate);
            }
            candidate = candidate.minusWeeks(1);
        }
        return 0;
    }

    /**
     * The mean absolute error of the one-week naive forecast within the history, the scale a MASE
     * divides by (Hyndman and Koehler's seasonal MASE with a period of seven days); NaN under two weeks.
     */
    public static double scale(DailyCounts history) {
        int n = history.size();
        if (n <= 7) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 7; i < n; i++) {
            sum += Math.abs(history.count(i) - history.count(i - 7));
        }
        return sum / (n - 7);
    }
}
