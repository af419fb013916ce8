package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.util.List;

/** A day's expected crossings and the band they are expected within, with the event windows the day lies in. */
public record DayForecast(LocalDate date, long expected, long low, long high, List<HijriEvent> events) {

    public DayForecast {
        events = List.copyOf(events);
        if (low > expected || expected > high || low < 0) {
            throw new IllegalArgumentException("band " + low + " ≤ " + expected + " ≤ " + high + " does not hold");
        }
    }
}
