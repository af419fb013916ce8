package org.manfadh.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;

/**
 * The suppression rate of shared tables shaped like real queries (printed as RATE lines for
 * docs/STATISTICS.md), each table also checked: no shown count below the threshold, and no small
 * cell its pattern leaves unprotected.
 */
class SuppressionRateTests {

    @Test
    void rates() {
        Random random = new Random(18);
        // A month at one point by nationality x sex: 60 nationalities, Zipf-like, 30,000 crossings.
        report("month at one point, nationality x sex (60 x 3)", random, Interval.NONE,
                List.of(Dimension.NATIONALITY, Dimension.SEX), new int[]{60, 3}, 30_000, new double[][]{null, {0.62, 0.37, 0.01}});
        // A small point's month by nationality x sex: 3,000 crossings.
        report("small point's month, nationality x sex (40 x 3)", random, Interval.NONE,
                List.of(Dimension.NATIONALITY, Dimension.SEX), new int[]{40, 3}, 3_000, new double[][]{null, {0.62, 0.37, 0.01}});
        // A year by border point x direction: 20 points.
        report("year, border point x direction (20 x 2)", random, Interval.NONE,
                List.of(Dimension.BORDER_POINT, Dimension.DIRECTION), new int[]{20, 2}, 2_000_000, new double[][]{null, {0.5, 0.5}});
        // A quarter by month x nationality x direction at one point.
        report("quarter by month x nationality x direction (3 x 30 x 2)", random, Interval.MONTH,
                List.of(Dimension.NATIONALITY, Dimension.DIRECTION), new int[]{3, 30, 2}, 20_000, new double[][]{{0.3, 0.3, 0.4}, null, {0.5, 0.5}});
        // A month by purpose x nationality x sex at one point.
        report("month, purpose x nationality x sex (5 x 25 x 2)", random, Interval.NONE,
                List.of(Dimension.PURPOSE, Dimension.NATIONALITY, Dimension.SEX), new int[]{5, 25, 2}, 10_000, new double[][]{{0.5, 0.2, 0.15, 0.1, 0.05}, null, {0.6, 0.4}});
        report("year by month x nationality x sex at one point (12 x 60 x 3)", random, Interval.MONTH,
                List.of(Dimension.NATIONALITY, Dimension.SEX), new int[]{12, 60, 3}, 300_000, new double[][]{{1,1,1,1,1,1,1,1,1,1,1,1}, null, {0.62, 0.37, 0.01}});
        report("month at a small point by day x nationality (28 x 20)", random, Interval.DAY,
                List.of(Dimension.NATIONALITY), new int[]{28, 20}, 4_000, new double[][]{{1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1}, null});
    }

    @Test
    void randomTables() {
        for (int largest : new int[]{9, 60}) {
            Random random = new Random(1818);
            long cells = 0;
            long suppressed = 0;
            long zeros = 0;
            for (int i = 0; i < 3000; i++) {
                int threshold = 3 + random.nextInt(4);
                FlowTable table = Tables.random(random, 1 + random.nextInt(3), largest, threshold);
                FlowTable shared = DisclosureControl.suppress(table, threshold);
                shown(shared, threshold);
                cells += table.rows().size();
                suppressed += shared.rows().stream().filter(FlowTable.Row::suppressed).count();
                zeros += shared.rows().size() - table.rows().size();
            }
            System.out.printf("RATE 3,000 random test tables (largest count %d): %d cells, %d suppressed (%d zero rows) = %.2f %%%n",
                    largest, cells, suppressed, zeros, 100.0 * suppressed / cells);
        }
    }

    private static void report(String name, Random random, Interval interval, List<Dimension> by, int[] sizes,
                               int crossings, double[][] shares) {
        double[][] weights = new double[sizes.length][];
        for (int a = 0; a < sizes.length; a++) {
            weights[a] = shares[a] != null ? shares[a] : zipf(sizes[a]);
        }
        Map<List<String>, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < crossings; i++) {
            List<String> key = new ArrayList<>();
            for (int a = 0; a < sizes.length; a++) {
                int v = pick(random, weights[a]);
                key.add(interval != Interval.NONE && a == 0 ? (interval == Interval.DAY ? java.time.LocalDate.of(2026, 2, 1 + v) : java.time.LocalDate.of(2026, 1 + v, 1)).toString()
                        : "%s%03d".formatted(a, v));
            }
            cells.merge(key, 1L, Long::sum);
        }
        FlowTable table = Tables.table(interval, by, cells.entrySet().stream().sorted(Map.Entry.comparingByKey(Tables::compareKeys)).toList().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        long start = System.nanoTime();
        FlowTable shared = DisclosureControl.suppress(table, 5);
        long ms = (System.nanoTime() - start) / 1_000_000;
        shown(shared, 5);
        assertThat(DisclosureControl.pattern(table, 5).exposed()).as(name).isEmpty();
        long primary = table.rows().stream().filter(r -> r.count() > 0 && r.count() < 5).count();
        long suppressed = shared.rows().stream().filter(FlowTable.Row::suppressed).count();
        long zeros = shared.rows().size() - table.rows().size();
        System.out.printf("RATE %s: %d cells, %d below 5, %d suppressed (%d of them zero rows) = %.1f %% of cells, %d ms%n",
                name, table.rows().size(), primary, suppressed, zeros, 100.0 * suppressed / table.rows().size(), ms);
    }

    private static void shown(FlowTable shared, int threshold) {
        for (FlowTable.Row row : shared.rows()) {
            assertThat(row.suppressed() || row.count() >= threshold).as("%s", row).isTrue();
        }
    }

    private static double[] zipf(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, 1.6);
        }
        return w;
    }

    private static int pick(Random random, double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }
}
