package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the pilgrimages fall in the Gregorian calendar, by a Hijri calendar. */
public final class HijriEvents {

    private final HijriCalendar calendar;

    public HijriEvents(HijriCalendar calendar) {
        this.calendar = calendar;
    }

    public HijriCalendar calendar() {
        return calendar;
    }

    /** The Gregorian day of an event in a Hijri year. */
    public LocalDate dayOf(HijriEvent event, int hijriYear) {
        return calendar.toGregorian(hijriYear, event.month(), event.day());
    }

    /** The next time the event falls on or after a day. */
    public LocalDate nextOnOrAfter(HijriEvent event, LocalDate date) {
        int year = calendar.toHijri(date).year();
        LocalDate day = dayOf(event, year);
        return day.isBefore(date) ? dayOf(event, year + 1) : day;
    }

    /** The event windows a day lies in (none for most days of the year). */
    public List<EventDay> on(LocalDate date) {
        if (!HijriCalendar.covers(date)) {
            return List.of();
        }
        int year = calendar.toHijri(date).year();
        List<EventDay> days = new ArrayList<>(2);
        for (HijriEvent event : HijriEvent.values()) {
            // The windows are a few weeks long, so only the events of this Hijri year and the ones beside it can hold the day.
            for (int y = year - 1; y <= year + 1; y++) {
                offset(event, y, date).ifPresent(days::add);
            }
        }
        return List.copyOf(days);
    }

    private Optional<EventDay> offset(HijriEvent event, int hijriYear, LocalDate date) {
        if (hijriYear < HijriCalendar.FIRST_YEAR || hijriYear > HijriCalendar.LAST_YEAR) {
            return Optional.empty();
        }
        int offset = (int) ChronoUnit.DAYS.between(dayOf(event, hijriYear), date);
        return offset >= -event.daysBefore() && offset <= event.daysAfter()
                ? Optional.of(new EventDay(event, hijriYear, offset)) : Optional.empty();
    }
}
