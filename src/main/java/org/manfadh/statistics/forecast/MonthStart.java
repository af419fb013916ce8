package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.util.Objects;

/** The Gregorian day a Hijri month began, as Iraq announced it after the moon was sighted. */
public record MonthStart(HijriMonthOfYear month, LocalDate firstDay) {

    public MonthStart {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(firstDay, "firstDay");
    }

    public static MonthStart of(int year, HijriMonth month, LocalDate firstDay) {
        return new MonthStart(new HijriMonthOfYear(year, month), firstDay);
    }
}
