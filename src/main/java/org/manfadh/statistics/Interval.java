package org.manfadh.statistics;

/** The periods a flow is counted in; {@code NONE} counts the whole range as one. Days are the border's (Asia/Baghdad). */
public enum Interval {
    /** Hours of the border's clock, for one day at most a few weeks long. */
    HOUR,
    DAY,
    /** ISO weeks, named by their Monday. */
    WEEK,
    /** Named by their first day. */
    MONTH,
    /** Named by their first day. */
    YEAR,
    NONE
}
