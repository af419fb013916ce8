package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A fitted seasonal regression: forecasts any day, the same numbers however often it is asked. */
public final class SeasonalModel {

    private final SeasonalRegression.Design design;
    private final double[] beta;
    private final double sigmaPlain;
    private final double sigmaEvent;
    private final LocalDate lastDay;
    private final boolean empty;
    private final HijriEvents events;
    private final ModelSettings settings;

    SeasonalModel(SeasonalRegression.Design design, double[] beta, double sigmaPlain, double sigmaEvent,
                  LocalDate lastDay, boolean empty, HijriEvents events, ModelSettings settings) {
        this.design = design;
        this.beta = beta.clone();
        this.sigmaPlain = sigmaPlain;
        this.sigmaEvent = sigmaEvent;
        this.lastDay = lastDay;
        this.empty = empty;
        this.events = events;
        this.settings = settings;
    }

    /** The last day of the history it learnt from. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** {@code days} days from {@code from}. */
    public List<DayForecast> forecast(LocalDate from, int days) {
        List<DayForecast> out = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            out.add(day(from.plusDays(i)));
        }
        return out;
    }

    public DayForecast day(LocalDate date) {
        List<EventDay> on = events.on(date);
        List<HijriEvent> names = SeasonalRegression.eventsOf(on);
        if (empty) {
            return new DayForecast(date, 0, 0, 0, names);
        }
        LocalDate cap = lastDay.plusDays(365);
        LocalDate trendDay = date.isAfter(cap) ? cap : date;
        double mu = SeasonalRegression.dot(design.row(date, on, trendDay), beta);
        double sigma = on.isEmpty() ? sigmaPlain : sigmaEvent;
        double z = settings.bandZ();
        long expected = toCount(mu);
        long low = Math.min(expected, toCount(mu - z * sigma));
        long high = Math.max(expected, toCount(mu + z * sigma));
        return new DayForecast(date, expected, low, high, names);
    }

    private static long toCount(double logCount) {
        // Above e^20 (about 485 million a day) is no border's traffic; the cap keeps a runaway fit finite.
        return Math.max(0, Math.round(Math.expm1(Math.min(logCount, 20))));
    }
}
