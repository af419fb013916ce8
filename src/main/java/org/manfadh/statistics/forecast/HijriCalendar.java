package org.manfadh.statistics.forecast;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Hijri calendar as Iraq keeps it: Umm al-Qura ({@link HijrahDate}) for every month, except
 * where an administrator recorded the first day Iraq announced (often a day later, after the moon
 * was sighted). A recorded start moves that month's days; the month before it ends the day before.
 * A day belongs to the month whose first day is the latest on or before it.
 */
public final class HijriCalendar {

    /** The years the JDK's Umm al-Qura table covers (1882–2174 in the Gregorian calendar). */
    public static final int FIRST_YEAR = 1300;
    public static final int LAST_YEAR = 1600;

    /** How far a recorded month start may lie from Umm al-Qura's: sighting differs by a day, rarely two. */
    public static final int MAX_DAYS_FROM_UMM_AL_QURA = 2;

    private final Map<HijriMonthOfYear, LocalDate> recorded;

    private HijriCalendar(Map<HijriMonthOfYear, LocalDate> recorded) {
        this.recorded = recorded;
    }

    /** Umm al-Qura alone. */
    public static HijriCalendar ummAlQura() {
        return new HijriCalendar(Map.of());
    }

    /** Umm al-Qura with these recorded month starts; a start further from it than allowed is refused. */
    public static HijriCalendar withRecorded(Collection<MonthStart> starts) {
        TreeMap<HijriMonthOfYear, LocalDate> map = new TreeMap<>();
        for (MonthStart start : starts) {
            int off = daysFromUmmAlQura(start);
            if (Math.abs(off) > MAX_DAYS_FROM_UMM_AL_QURA) {
                throw new IllegalArgumentException(start + " lies " + off + " days from Umm al-Qura's start");
            }
            map.put(start.month(), start.firstDay());
        }
        return new HijriCalendar(Map.copyOf(map));
    }

    /** The first day of a month by Umm al-Qura. */
    public static LocalDate ummAlQuraFirstDay(HijriMonthOfYear month) {
        return LocalDate.from(HijrahDate.of(month.year(), month.month().number(), 1));
    }

    /** How many days a recorded start lies after Umm al-Qura's (negative: before). */
    public static int daysFromUmmAlQura(MonthStart start) {
        return (int) ChronoUnit.DAYS.between(ummAlQuraFirstDay(start.month()), start.firstDay());
    }

    /** Whether the calendar can place this Gregorian day (it lies within Umm al-Qura's table, with a month's margin). */
    public static boolean covers(LocalDate date) {
        return !date.isBefore(LocalDate.of(1883, 1, 1)) && !date.isAfter(LocalDate.of(2173, 12, 31));
    }

    /** The first day of a month: as recorded, else Umm al-Qura's. */
    public LocalDate firstDay(HijriMonthOfYear month) {
        LocalDate day = recorded.get(month);
        return day != null ? day : ummAlQuraFirstDay(month);
    }

    /** Whether the month's start was recorded rather than taken from Umm al-Qura. */
    public Optional<LocalDate> recordedStart(HijriMonthOfYear month) {
        return Optional.ofNullable(recorded.get(month));
    }

    /** The Gregorian day of a Hijri day (day 30 of a 29-day month is the next month's first). */
    public LocalDate toGregorian(int year, HijriMonth month, int day) {
        return firstDay(new HijriMonthOfYear(year, month)).plusDays(day - 1L);
    }

    /** The Hijri day of a Gregorian day. */
    public HijriDay toHijri(LocalDate date) {
        HijrahDate h;
        try {
            h = HijrahDate.from(date);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("outside the Hijri calendar's range: " + date, e);
        }
        HijriMonthOfYear current = new HijriMonthOfYear(h.get(java.time.temporal.ChronoField.YEAR),
                HijriMonth.of(h.get(java.time.temporal.ChronoField.MONTH_OF_YEAR)));
        // Recorded starts lie at most two days from Umm al-Qura's, so the month is this one or a neighbour.
        HijriMonthOfYear next = current.month().next(current.year());
        HijriMonthOfYear month = current;
        if (!firstDay(next).isAfter(date)) {
            month = next;
        } else if (firstDay(current).isAfter(date)) {
            month = current.month().previous(current.year());
        }
        int day = (int) ChronoUnit.DAYS.between(firstDay(month), date) + 1;
        return new HijriDay(month.year(), month.month(), day);
    }
}
