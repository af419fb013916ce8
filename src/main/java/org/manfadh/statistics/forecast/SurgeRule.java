package org.manfadh.statistics.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * When the flow at a point is above its forecast band part-way through a day or an hour.
 *
 * <p>The day's forecast is scaled to the part of the day that has passed, measured not by the
 * clock but by the point's own hourly profile (the share of a day's crossings each hour of the
 * border's clock carried over the last weeks): at 10:00 a point that does 60 % of its day before
 * noon has done more of it than 10/24. Of the part of the day passed, {@code f}:
 * <pre>
 * expected so far = expected · f
 * high so far     = expected · f + (high − expected) · √f
 * </pre>
 * The expectation grows with the day; the margin above it grows with the square root, as the
 * spread of a sum of hourly deviations does, so that a part of the day is not held to a margin
 * narrower than its noise (a tenth of a day gets about a third of the day's margin, not a tenth).
 * An hour is judged the same way with {@code f} its share of the day, and the hour in progress
 * with that share times the minutes passed.
 */
public final class SurgeRule {

    public enum Window { DAY, HOUR }

    /** A window over its band. */
    public record Breach(Window window, Integer hour, long observed, long expected, long high) {
    }

    /**
     * @param minimumObserved fewer crossings than this never make a surge, whatever the band says
     * @param minimumMinutes  an hour in progress is judged once this many minutes of it have passed
     */
    public record Settings(long minimumObserved, int minimumMinutes) {
        public static final Settings DEFAULT = new Settings(30, 15);
    }

    private SurgeRule() {
    }

    /** Each hour's share of a day's crossings from past hourly counts; an even share when they are too few to say. */
    public static double[] profile(List<long[]> days) {
        double[] share = new double[24];
        double total = 0;
        for (long[] day : days) {
            for (int h = 0; h < 24; h++) {
                share[h] += day[h];
                total += day[h];
            }
        }
        if (total < 100) {
            java.util.Arrays.fill(share, 1.0 / 24);
            return share;
        }
        for (int h = 0; h < 24; h++) {
            share[h] /= total;
        }
        return share;
    }

    /**
     * The windows over their band: the day so far, the hour before this one (complete), and this
     * hour so far.
     *
     * @param today  today's counts per hour so far (the hour in progress included)
     * @param hour   the hour of the border's clock now
     * @param minute the minute of that hour now
     */
    public static List<Breach> check(DayForecast forecast, double[] profile, long[] today, int hour, int minute,
                                     Settings settings) {
        List<Breach> breaches = new ArrayList<>(3);
        double minutes = minute / 60.0;
        double passed = profile[hour] * minutes;
        long observed = 0;
        for (int h = 0; h < hour; h++) {
            passed += profile[h];
            observed += today[h];
        }
        observed += today[hour];
        judge(Window.DAY, null, observed, forecast, passed, settings).ifPresent(breaches::add);
        if (hour > 0) {
            judge(Window.HOUR, hour - 1, today[hour - 1], forecast, profile[hour - 1], settings).ifPresent(breaches::add);
        }
        if (minute >= settings.minimumMinutes()) {
            judge(Window.HOUR, hour, today[hour], forecast, profile[hour] * minutes, settings).ifPresent(breaches::add);
        }
        return breaches;
    }

    private static java.util.Optional<Breach> judge(Window window, Integer hour, long observed, DayForecast forecast,
                                                    double part, Settings settings) {
        if (part <= 0 || observed < settings.minimumObserved()) {
            return java.util.Optional.empty();
        }
        double expected = forecast.expected() * part;
        double high = expected + (forecast.high() - forecast.expected()) * Math.sqrt(part);
        return observed > high
                ? java.util.Optional.of(new Breach(window, hour, observed, Math.round(expected), (long) Math.ceil(high)))
                : java.util.Optional.empty();
    }
}
