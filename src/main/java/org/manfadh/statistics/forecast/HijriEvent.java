package org.manfadh.statistics.forecast;

/**
 * The pilgrimages that move Iraq's border flows, each with the window of days around it that the
 * forecast gives terms of their own.
 *
 * <p>Arbaeen (20 Safar): fourteen days before, because pilgrims walk to Karbala for up to two weeks
 * (Basra to Karbala is about 500 km on foot) and foreign pilgrims cross in the days before they set
 * out; seven days after, for the return over the same crossings, which at Zurbatiyah is an outflow
 * nearly as large as the inflow. Ashura (10 Muharram): seven days before, the first ten days of
 * Muharram being the mourning that draws visitors to Karbala, and three after for the return; it
 * moves far fewer foreigners than Arbaeen.
 */
public enum HijriEvent {
    ASHURA(HijriMonth.MUHARRAM, 10, 7, 3),
    ARBAEEN(HijriMonth.SAFAR, 20, 14, 7);

    private final HijriMonth month;
    private final int day;
    private final int daysBefore;
    private final int daysAfter;

    HijriEvent(HijriMonth month, int day, int daysBefore, int daysAfter) {
        this.month = month;
        this.day = day;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
    }

    public HijriMonth month() {
        return month;
    }

    public int day() {
        return day;
    }

    public int daysBefore() {
        return daysBefore;
    }

    public int daysAfter() {
        return daysAfter;
    }

    /** Days in the window, the event's own day included. */
    public int windowLength() {
        return daysBefore + 1 + daysAfter;
    }
}
