package org.manfadh.statistics.internal;

import java.time.LocalDate;

import org.manfadh.bordercontrol.Direction;
import org.manfadh.statistics.forecast.DailyCounts;

/** The counts forecasts learn from and surge checks compare, at any border point, with no user's jurisdiction. */
interface ForecastCounts {

    /** Crossings per border day from {@code from} to {@code to} inclusive, 0 on days without; direction null for both. */
    DailyCounts daily(String borderPoint, Direction direction, LocalDate from, LocalDate to);

    /** Crossings per hour of the border's clock on a day, both directions: 24 counts. */
    default long[] hourly(String borderPoint, LocalDate day) {
        return hourly(borderPoint, day, day).get(0);
    }

    /** Crossings per hour of each day from {@code from} to {@code to} inclusive: 24 counts a day, in order. */
    java.util.List<long[]> hourly(String borderPoint, LocalDate from, LocalDate to);
}
