package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin backtests: at each origin the model learns only the days before it and forecasts
 * the next {@code horizon} days, as does the seasonal-naive baseline; the errors against what was
 * counted are pooled over every origin.
 *
 * <p>MAE is in crossings a day. MASE divides each absolute error by the in-sample MAE of the
 * one-week naive forecast up to its origin ({@link SeasonalNaive#scale}), so that points of
 * different sizes compare: below 1 beats last week's count on ordinary days.
 */
public final class Backtest {

    /** Pooled errors of the model and the baseline over some origins. */
    public record Score(int origins, int forecasts, double mae, double mase, double naiveMae, double naiveMase) {
    }

    private Backtest() {
    }

    /**
     * Origins every {@code step} days from the first with {@code minHistory} days before it, to the
     * last with {@code horizon} days after it still in the series.
     */
    public static List<LocalDate> origins(DailyCounts series, int minHistory, int horizon, int step) {
        List<LocalDate> origins = new ArrayList<>();
        for (int i = minHistory; i + horizon <= series.size(); i += step) {
            origins.add(series.day(i));
        }
        return origins;
    }

    public static Score run(DailyCounts series, HijriEvents events, ModelSettings settings, List<LocalDate> origins,
                            int horizon) {
        double abs = 0;
        double scaled = 0;
        double naiveAbs = 0;
        double naiveScaled = 0;
        int n = 0;
        int used = 0;
        for (LocalDate origin : origins) {
            DailyCounts history = series.before(origin);
            double scale = SeasonalNaive.scale(history);
            if (!(scale > 0)) {
                continue;
            }
            used++;
            SeasonalModel model = SeasonalRegression.fit(history, events, settings);
            long[] naive = SeasonalNaive.forecast(history, events, origin, horizon);
            for (int h = 0; h < horizon; h++) {
                LocalDate day = origin.plusDays(h);
                long actual = series.count(day);
                double e = Math.abs(model.day(day).expected() - actual);
                double en = Math.abs(naive[h] - actual);
                abs += e;
                scaled += e / scale;
                naiveAbs += en;
                naiveScaled += en / scale;
                n++;
            }
        }
        return n == 0 ? new Score(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                : new Score(used, n, abs / n, scaled / n, naiveAbs / n, naiveScaled / n);
    }

    /** The settings tried when tuning: yearly pairs and ridge penalties. */
    public static List<ModelSettings> grid() {
        List<ModelSettings> grid = new ArrayList<>();
        for (int pairs : new int[] {1, 2, 3, 4}) {
            for (double ridge : new double[] {0.01, 0.1, 1.0}) {
                grid.add(new ModelSettings(pairs, ridge, ModelSettings.DEFAULT.bandZ()));
            }
        }
        return grid;
    }

    /** The settings of the grid with the lowest MASE summed over the points at these (tuning) origins. */
    public static ModelSettings tune(List<DailyCounts> series, HijriEvents events, List<List<LocalDate>> origins,
                                     int horizon) {
        ModelSettings best = ModelSettings.DEFAULT;
        double bestMase = Double.POSITIVE_INFINITY;
        for (ModelSettings settings : grid()) {
            double sum = 0;
            for (int i = 0; i < series.size(); i++) {
                Score s = run(series.get(i), events, settings, origins.get(i), horizon);
                sum += Double.isNaN(s.mase()) ? 0 : s.mase();
            }
            // Summed MASE, not MAE: Zurbatiyah's counts would otherwise choose for every point.
            if (sum < bestMase) {
                bestMase = sum;
                best = settings;
            }
        }
        return best;
    }
}
