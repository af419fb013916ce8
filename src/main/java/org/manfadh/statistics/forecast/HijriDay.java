package org.manfadh.statistics.forecast;

/** A day of the Hijri calendar: 20 Safar 1448. */
public record HijriDay(int year, HijriMonth month, int day) {

    public HijriDay {
        // 29 or 30 days by the moon; a recorded start two days early before one two days late makes 34.
        if (day < 1 || day > 34) {
            throw new IllegalArgumentException("a Hijri month's day is 1 to 30: " + day);
        }
    }
}
