package org.manfadh.statistics.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the rolling-origin backtest of the forecast against the seasonal-naive baseline, per
 * border point: origins every week from the first with a year of history, each forecasting the
 * next 28 days; the first half of the origins tunes the model's settings (yearly pairs, ridge),
 * the second half is held out and reported with the settings the first chose. Then where next
 * year's Arbaeen peak falls at Zurbatiyah.
 *
 * <p>Usage: {@code ForecastBacktest [counts.csv [month-starts.csv]]}. Without a file, the
 * synthetic series of {@link SyntheticFlows} (three years to yesterday). {@code counts.csv}:
 * {@code borderPoint,date,count} a line (the daily flows as {@code bench/forecast-backtest.sh}
 * takes them from a running Manfadh); {@code month-starts.csv}: {@code hijriYear,month,firstDay}.
 */
public final class ForecastBacktest {

    static final int HORIZON = 28;
    static final int STEP = 7;
    static final int MIN_HISTORY = 365;

    public static void main(String[] args) throws IOException {
        List<MonthStart> starts = args.length > 1 ? monthStarts(Path.of(args[1])) : List.of();
        HijriEvents events = new HijriEvents(HijriCalendar.withRecorded(starts));
        Map<String, DailyCounts> series;
        String source;
        if (args.length > 0) {
            series = counts(Path.of(args[0]));
            source = args[0];
        } else {
            LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Baghdad")).minusDays(1);
            LocalDate first = yesterday.minusDays(3 * 365 - 1);
            series = new LinkedHashMap<>();
            for (SyntheticFlows.Shape shape : SyntheticFlows.POINTS.values().stream()
                    .sorted(Comparator.comparing(SyntheticFlows.Shape::code)).toList()) {
                series.put(shape.code(), SyntheticFlows.series(shape, first, 3 * 365, events, 2026));
            }
            source = "synthetic series (SyntheticFlows, seed 2026)";
        }
        System.out.println("Forecast backtest on " + source + ": horizon " + HORIZON + " days, origins every " + STEP
                + " days after " + MIN_HISTORY + " days of history; recorded month starts: " + starts.size());

        List<String> codes = new ArrayList<>();
        List<DailyCounts> all = new ArrayList<>();
        List<List<LocalDate>> tuning = new ArrayList<>();
        List<List<LocalDate>> heldOut = new ArrayList<>();
        for (Map.Entry<String, DailyCounts> e : series.entrySet()) {
            List<LocalDate> origins = Backtest.origins(e.getValue(), MIN_HISTORY, HORIZON, STEP);
            if (origins.size() < 2) {
                System.out.println(e.getKey() + ": too short a history (" + e.getValue().size() + " days)");
                continue;
            }
            codes.add(e.getKey());
            all.add(e.getValue());
            tuning.add(origins.subList(0, origins.size() / 2));
            heldOut.add(origins.subList(origins.size() / 2, origins.size()));
        }
        long started = System.nanoTime();
        ModelSettings tuned = Backtest.tune(all, events, tuning, HORIZON);
        System.out.printf(Locale.ROOT, "Tuned on the first half of the origins: %d yearly pairs, ridge %.2f (%.1f s)%n",
                tuned.fourierPairs(), tuned.ridge(), (System.nanoTime() - started) / 1e9);
        System.out.println();
        System.out.println("| point | half | origins | model MAE | model MASE | naive MAE | naive MASE |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < codes.size(); i++) {
            row(codes.get(i), "tuning", Backtest.run(all.get(i), events, tuned, tuning.get(i), HORIZON));
            row(codes.get(i), "held-out", Backtest.run(all.get(i), events, tuned, heldOut.get(i), HORIZON));
        }

        DailyCounts zrb = series.get("ZRB");
        if (zrb != null) {
            SeasonalModel model = SeasonalRegression.fit(zrb, events, tuned);
            LocalDate arbaeen = events.nextOnOrAfter(HijriEvent.ARBAEEN, zrb.end());
            DayForecast peak = model.forecast(arbaeen.minusDays(30), 60).stream()
                    .max(Comparator.comparingLong(DayForecast::expected)).orElseThrow();
            System.out.println();
            System.out.printf(Locale.ROOT, "Next Arbaeen (20 Safar %d) at ZRB: %s; forecast peak %s, %,d crossings (band %,d–%,d), %d day(s) from 20 Safar%n",
                    events.calendar().toHijri(arbaeen).year(), arbaeen, peak.date(), peak.expected(), peak.low(),
                    peak.high(), ChronoUnit.DAYS.between(arbaeen, peak.date()));
        }
    }

    private static void row(String code, String half, Backtest.Score s) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %,.0f | %.2f |%n", code, half, s.origins(), s.mae(),
                s.mase(), s.naiveMae(), s.naiveMase());
    }

    static Map<String, DailyCounts> counts(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, Long>> byPoint = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split(",");
            if (f.length != 3 || f[0].equals("borderPoint")) {
                continue;
            }
            byPoint.computeIfAbsent(f[0], k -> new TreeMap<>()).merge(LocalDate.parse(f[1]), Long.parseLong(f[2]), Long::sum);
        }
        Map<String, DailyCounts> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<LocalDate, Long>> e : byPoint.entrySet()) {
            LocalDate first = e.getValue().firstKey();
            int days = (int) ChronoUnit.DAYS.between(first, e.getValue().lastKey()) + 1;
            long[] c = new long[days];
            e.getValue().forEach((d, n) -> c[(int) ChronoUnit.DAYS.between(first, d)] = n);
            out.put(e.getKey(), new DailyCounts(first, c));
        }
        return out;
    }

    static List<MonthStart> monthStarts(Path file) throws IOException {
        List<MonthStart> starts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split(",");
            if (f.length == 3 && !f[0].equals("hijriYear")) {
                starts.add(MonthStart.of(Integer.parseInt(f[0]), HijriMonth.of(Integer.parseInt(f[1])), LocalDate.parse(f[2])));
            }
        }
        return starts;
    }
}
