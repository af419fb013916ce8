package org.manfadh.statistics.forecast;

import java.util.Objects;

/** A month of a Hijri year: Safar 1448. */
public record HijriMonthOfYear(int year, HijriMonth month) implements Comparable<HijriMonthOfYear> {

    public HijriMonthOfYear {
        Objects.requireNonNull(month, "month");
        if (year < HijriCalendar.FIRST_YEAR || year > HijriCalendar.LAST_YEAR) {
            throw new IllegalArgumentException("Hijri year outside " + HijriCalendar.FIRST_YEAR + "–"
                    + HijriCalendar.LAST_YEAR + ": " + year);
        }
    }

    @Override
    public int compareTo(HijriMonthOfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : month.compareTo(other.month);
    }
}
