package org.manfadh.statistics.forecast;

/**
 * A day inside an event's window: the event, the Hijri year of the event it belongs to, and how
 * many days from the event's own day (negative before it).
 */
public record EventDay(HijriEvent event, int hijriYear, int offset) {

    public EventDay {
        if (offset < -event.daysBefore() || offset > event.daysAfter()) {
            throw new IllegalArgumentException("offset " + offset + " outside " + event + "'s window");
        }
    }
}
