package org.manfadh.statistics.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A small seasonal regression of daily crossings, fitted by ridge least squares on
 * {@code log(1 + count)}:
 * <pre>
 * log(1 + count) = intercept + weekday + Σₖ (aₖ sin 2πk·t/365.2425 + bₖ cos …) + trend·years
 *                  + one term per day of each event window (Arbaeen −14…+7, Ashura −7…+3)
 * </pre>
 * Why the logarithm: a pilgrimage multiplies a point's traffic rather than adding a fixed number to
 * it (Zurbatiyah's Friday during Arbaeen is Arbaeen's level times Friday's ratio, not plus), the
 * spread of the counts grows with their level, and a band made in logs is never negative. The
 * forecast is the median, {@code exp(fit) − 1}, which is what the mean absolute error rewards.
 *
 * <p>One term per event day, not a smooth shape: with three years of history each day of the
 * window is seen three times, enough to learn a build-up that is not a textbook curve (the
 * crowds peak in the last days before Arbaeen and turn at once); the ridge penalty keeps days
 * never seen at zero.
 *
 * <p>The trend is a straight line in log counts over the years of history, carried forward at
 * most a year past the last day counted, then held: a 400-day forecast does not compound a growth
 * rate for longer than it has been seen.
 */
public final class SeasonalRegression {

    private static final double YEAR = 365.2425;

    private SeasonalRegression() {
    }

    /** Fits the history; an empty history gives a model that expects nothing. */
    public static SeasonalModel fit(DailyCounts history, HijriEvents events, ModelSettings settings) {
        Design design = new Design(history.first(), settings.fourierPairs());
        int n = history.size();
        int p = design.width();
        double[][] x = new double[n][];
        double[] y = new double[n];
        boolean[] inEvent = new boolean[n];
        for (int i = 0; i < n; i++) {
            LocalDate day = history.day(i);
            List<EventDay> on = events.on(day);
            x[i] = design.row(day, on, day);
            y[i] = Math.log1p(history.count(i));
            inEvent[i] = !on.isEmpty();
        }
        double[] penalty = new double[p];
        for (int j = 1; j < p; j++) {
            penalty[j] = settings.ridge();
        }
        double[] beta = n == 0 ? new double[p] : LeastSquares.solve(x, y, penalty);

        double plain = 0;
        double event = 0;
        int plainDays = 0;
        int eventDays = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - dot(x[i], beta);
            if (inEvent[i]) {
                event += r * r;
                eventDays++;
            } else {
                plain += r * r;
                plainDays++;
            }
        }
        // Residuals in sample understate the error out of sample: divide by the degrees of freedom left.
        double dof = Math.max(1.0, n - p) / Math.max(1, n);
        double all = Math.sqrt((plain + event) / Math.max(1, n) / dof);
        double sigmaPlain = plainDays >= 10 ? Math.sqrt(plain / plainDays / dof) : all;
        // Event days are fewer and wilder: never a narrower band than an ordinary day's, and below a season's worth of
        // them no spread of their own.
        double sigmaEvent = eventDays >= 20 ? Math.max(sigmaPlain, Math.sqrt(event / eventDays / dof)) : Math.max(all, sigmaPlain);
        LocalDate lastDay = n == 0 ? history.first() : history.day(n - 1);
        return new SeasonalModel(design, beta, sigmaPlain, sigmaEvent, lastDay, n == 0, events, settings);
    }

    static double dot(double[] row, double[] beta) {
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += row[j] * beta[j];
        }
        return s;
    }

    /** The columns: intercept, six weekdays (Monday the reference), the Fourier pairs, the trend, the event days. */
    record Design(LocalDate origin, int fourierPairs) {

        int eventColumn() {
            return 1 + 6 + 2 * fourierPairs + 1;
        }

        int width() {
            int w = eventColumn();
            for (HijriEvent e : HijriEvent.values()) {
                w += e.windowLength();
            }
            return w;
        }

        /** @param trendDay the day whose trend value is used (held a year past the history in forecasts) */
        double[] row(LocalDate day, List<EventDay> on, LocalDate trendDay) {
            double[] row = new double[width()];
            row[0] = 1;
            DayOfWeek dow = day.getDayOfWeek();
            if (dow != DayOfWeek.MONDAY) {
                row[dow.getValue() - 1] = 1;
            }
            int c = 7;
            double t = day.toEpochDay() / YEAR;
            for (int k = 1; k <= fourierPairs; k++) {
                row[c++] = Math.sin(2 * Math.PI * k * t);
                row[c++] = Math.cos(2 * Math.PI * k * t);
            }
            row[c] = ChronoUnit.DAYS.between(origin, trendDay) / YEAR;
            for (EventDay e : on) {
                row[eventOffsetColumn(e)] = 1;
            }
            return row;
        }

        private int eventOffsetColumn(EventDay e) {
            int c = eventColumn();
            for (HijriEvent event : HijriEvent.values()) {
                if (event == e.event()) {
                    return c + e.offset() + event.daysBefore();
                }
                c += event.windowLength();
            }
            throw new IllegalStateException();
        }
    }

    /** The events of a day, by name, in the enum's order. */
    static List<HijriEvent> eventsOf(List<EventDay> on) {
        List<HijriEvent> list = new ArrayList<>(on.size());
        for (HijriEvent e : HijriEvent.values()) {
            for (EventDay d : on) {
                if (d.event() == e && !list.contains(e)) {
                    list.add(e);
                }
            }
        }
        return list;
    }
}
