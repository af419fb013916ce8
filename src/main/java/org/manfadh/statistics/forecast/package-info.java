/**
 * The forecast's pure core: the Hijri calendar as Iraq announces it (Umm al-Qura, with the month
 * starts an administrator recorded taking precedence), the pilgrimage events and their windows, a
 * small seasonal regression of daily crossings, the seasonal-naive baseline it is judged against,
 * and rolling-origin backtests. No Spring, no SQL, no I/O: counts and recorded month starts in,
 * forecasts and figures out.
 *
 * <p>What it promises: every day belongs to exactly one Hijri month, the one whose first day is
 * the latest on or before it; a recorded month start moves that month's days and its events by
 * the days it differs from Umm al-Qura; a fitted model is a value that forecasts the same numbers
 * for the same day however often it is asked.
 */
package org.manfadh.statistics.forecast;
