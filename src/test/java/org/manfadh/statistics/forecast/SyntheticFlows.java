package org.manfadh.statistics.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Daily crossings shaped like Iraq's border points, for the forecast's tests and for the backtest
 * until the demo history is loaded: a weekday pattern (Friday the quiet day, Thursday the busy
 * one), a summer swing, a few percent of growth a year, Arbaeen's build-up to a peak of dozens of
 * times an ordinary day at the pilgrim crossings and the return after it, Ashura smaller, and
 * multiplicative noise.
 */
public final class SyntheticFlows {

    /** A border point's shape: its ordinary level and how strongly the pilgrimages reach it. */
    public record Shape(String code, double level, double arbaeenPeak, double ashuraPeak, double noise) {
    }

    /** Zurbatiyah, Mandali, Shalamcheh, Safwan, Ibrahim Khalil, Baghdad and Najaf airports. */
    public static final Map<String, Shape> POINTS = points();

    private static Map<String, Shape> points() {
        Map<String, Shape> m = new LinkedHashMap<>();
        m.put("ZRB", new Shape("ZRB", 3000, 45, 3, 0.12));
        m.put("MND", new Shape("MND", 900, 12, 2, 0.15));
        m.put("SHL", new Shape("SHL", 1500, 30, 2.5, 0.12));
        m.put("SFW", new Shape("SFW", 1200, 6, 1.5, 0.15));
        m.put("IBK", new Shape("IBK", 4000, 1.3, 1.05, 0.10));
        m.put("BGW", new Shape("BGW", 6000, 2.5, 1.3, 0.08));
        m.put("NJF", new Shape("NJF", 2500, 8, 3, 0.10));
        return Map.copyOf(m);
    }

    private SyntheticFlows() {
    }

    /** The multiplier of a weekday (Friday, Iraq's weekend day, quiet). */
    public static double weekday(DayOfWeek day) {
        return switch (day) {
            case FRIDAY -> 0.7;
            case SATURDAY -> 0.95;
            case THURSDAY -> 1.2;
            default -> 1.0;
        };
    }

    /** The multiplier of an event day: a build-up that steepens to the peak, then the return fading. */
    public static double event(EventDay e, double peak) {
        int before = e.event().daysBefore();
        double x;
        if (e.offset() <= 0) {
            double f = (before + e.offset() + 1.0) / (before + 1.0);
            x = Math.pow(f, 3);
        } else {
            x = 0.6 * Math.pow(0.7, e.offset() - 1);
        }
        return 1 + (peak - 1) * x;
    }

    /** {@code days} days from {@code first}; the same seed gives the same series. */
    public static DailyCounts series(Shape shape, LocalDate first, int days, HijriEvents events, long seed) {
        Random random = new Random(seed ^ shape.code().hashCode());
        long[] counts = new long[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            double m = shape.level() * weekday(day.getDayOfWeek())
                    * (1 + 0.25 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.2425))
                    * Math.pow(1.05, i / 365.2425);
            double ev = 1;
            for (EventDay e : events.on(day)) {
                ev = Math.max(ev, event(e, e.event() == HijriEvent.ARBAEEN ? shape.arbaeenPeak() : shape.ashuraPeak()));
            }
            counts[i] = Math.round(m * ev * Math.exp(shape.noise() * random.nextGaussian()));
        }
        return new DailyCounts(first, counts);
    }
}
