package org.manfadh.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.manfadh.statistics.FlowTable;

/**
 * Attacks on shared tables: random one-, two- and three-dimensional tables (the period one of the
 * dimensions in about half of them), shared, then read by someone who also has every coarser
 * table of the same range.
 */
class DisclosureControlPropertiesTests {

    record Sample(FlowTable table, int threshold) {
        @Override
        public String toString() {
            return "threshold " + threshold + ", " + table.interval() + " by " + table.by() + ": "
                    + Tables.counts(table);
        }
    }

    @Provide
    Arbitrary<Sample> tables() {
        return Arbitraries.randomValue(random -> sample(random, 1 + random.nextInt(3), 60));
    }

    @Provide
    Arbitrary<Sample> smallTables() {
        return Arbitraries.randomValue(random -> sample(random, 1 + random.nextInt(3), 9))
                .filter(s -> s.table().rows().size() <= 10);
    }

    private static Sample sample(Random random, int axes, int largest) {
        int threshold = 3 + random.nextInt(4);
        return new Sample(Tables.random(random, axes, largest, threshold), threshold);
    }

    @Property(tries = 400)
    void showsNoCountBelowTheThreshold(@ForAll("tables") Sample sample) {
        FlowTable shared = DisclosureControl.suppress(sample.table(), sample.threshold());
        assertThat(shared.rows().size()).isGreaterThanOrEqualTo(sample.table().rows().size());
        Map<List<String>, Long> counts = Tables.counts(sample.table());
        for (FlowTable.Row added : shared.rows().subList(sample.table().rows().size(), shared.rows().size())) {
            assertThat(added.suppressed()).isTrue();
            assertThat(counts).doesNotContainKey(Tables.key(shared, added));
        }
        for (int i = 0; i < sample.table().rows().size(); i++) {
            FlowTable.Row row = shared.rows().get(i);
            FlowTable.Row original = sample.table().rows().get(i);
            assertThat(row.suppressed()).isEqualTo(row.count() == null);
            if (!row.suppressed()) {
                assertThat(row.count()).isEqualTo(original.count()).isGreaterThanOrEqualTo(sample.threshold());
            }
            assertThat(row.values()).isEqualTo(original.values());
            assertThat(row.period()).isEqualTo(original.period());
        }
        if (shared.total() != null) {
            assertThat(shared.total()).isEqualTo(sample.table().total());
            assertThat(shared.total() == 0 || shared.total() >= sample.threshold()).isTrue();
        }
        assertThat(shared.shared()).isTrue();
        assertThat(shared.threshold()).isEqualTo(sample.threshold());
    }

    @Property(tries = 1000)
    void givesNoSmallCountToAnAttackerSolvingLinesWithEveryMargin(@ForAll("tables") Sample sample) {
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        Map<List<String>, Long> solved = attacker.solveLines();
        // What the coarser tables give away on their own, through the combinations they show empty,
        // no suppression in this table can take back (docs/STATISTICS.md, what is not protected).
        Map<List<String>, Long> before = new Attacker(sample.table(), sample.threshold(), false).solveLines();
        Statistics.label("small cells the coarser tables give away").collect(before.values().stream()
                .anyMatch(v -> v > 0 && v < sample.threshold()));
        solved.keySet().removeAll(before.keySet());
        // A secondary suppression can be worked out when known zeros pin it to a published margin
        // (docs/STATISTICS.md); it protects nothing then, but gives nothing small away either.
        Statistics.label("suppressed cells worked out").collect(solved.isEmpty() ? "none" : "some");
        for (Map.Entry<List<String>, Long> cell : solved.entrySet()) {
            assertThat(cell.getValue()).as("%s worked out from the lines", cell.getKey())
                    .isEqualTo(attacker.truth.getOrDefault(cell.getKey(), 0L));
            assertThat(cell.getValue() == 0 || cell.getValue() >= sample.threshold())
                    .as("%s = %s worked out from the lines", cell.getKey(), cell.getValue()).isTrue();
        }
    }

    @Property(tries = 1000)
    void leavesEverySuppressedCellMoreThanOnePossibleCount(@ForAll("smallTables") Sample sample) {
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        Attacker.Bounds bounds = attacker.bounds(300_000);
        Attacker.Bounds before = new Attacker(sample.table(), sample.threshold(), false).bounds(300_000);
        Statistics.label("search").collect(bounds.complete() && before.complete() ? "complete" : "gave up");
        if (!before.complete()) {
            return;
        }
        Statistics.label("suppressed cells").collect(Math.min(attacker.suppressed.size(), 6));
        if (!bounds.complete()) {
            return;
        }
        for (Map.Entry<List<String>, long[]> cell : bounds.range().entrySet()) {
            long[] range = cell.getValue();
            long truth = attacker.truth.getOrDefault(cell.getKey(), 0L);
            long[] earlier = before.range().get(cell.getKey());
            if (earlier != null && earlier[0] == earlier[1]) {
                continue; // the coarser tables give it away already
            }
            if (truth == 0 || truth >= sample.threshold()) {
                Statistics.label("a secondary pinned down").collect(range[0] == range[1]);
                continue;
            }
            assertThat(range[0]).as("least count of %s (truly %s)", cell.getKey(), attacker.truth.get(cell.getKey()))
                    .isLessThan(range[1]);
            // The protection asked: the figures leave it possible that the combination is empty or
            // holds at least the threshold, unless the coarser tables alone rule out both.
            boolean coarserProtect = earlier == null || earlier[0] == 0 || earlier[1] >= sample.threshold();
            Statistics.label("small cell the coarser tables leave between 1 and the threshold").collect(!coarserProtect);
            if (coarserProtect) {
                assertThat(range[0] == 0 || range[1] >= sample.threshold())
                        .as("%s (truly %s) can be %s..%s", cell.getKey(), truth, range[0], range[1]).isTrue();
            }
        }
    }

    @Example
    void sharesNoCellOfATableWhoseSmallMarginNoSuppressionCouldProtect() {
        // Found by leavesEverySuppressedCellMoreThanOnePossibleCount: with the table's cells shown, the three workers
        // (X, WORK, EXIT) could be told to be between 1 and 4; no further suppression within the table protects them.
        Map<List<String>, Long> cells = new java.util.LinkedHashMap<>();
        cells.put(List.of("F", "FAMILY", "EXIT"), 8L);
        cells.put(List.of("F", "PILGRIMAGE", "ENTRY"), 5L);
        cells.put(List.of("M", "FAMILY", "ENTRY"), 4L);
        cells.put(List.of("X", "TOURISM", "ENTRY"), 5L);
        cells.put(List.of("X", "TOURISM", "EXIT"), 2L);
        cells.put(List.of("X", "WORK", "EXIT"), 3L);
        FlowTable table = Tables.table(org.manfadh.statistics.Interval.NONE, List.of(org.manfadh.statistics.Dimension.SEX,
                org.manfadh.statistics.Dimension.PURPOSE, org.manfadh.statistics.Dimension.DIRECTION), cells);
        assertThat(DisclosureControl.pattern(table, 5).exposed()).isNotEmpty();
        FlowTable shared = DisclosureControl.suppress(table, 5);
        assertThat(shared.rows()).allMatch(FlowTable.Row::suppressed);
        Attacker attacker = new Attacker(table, 5);
        Attacker.Bounds bounds = attacker.bounds(1_000_000);
        assertThat(bounds.complete()).isTrue();
        for (Map.Entry<List<String>, long[]> cell : bounds.range().entrySet()) {
            long truth = attacker.truth.getOrDefault(cell.getKey(), 0L);
            if (truth > 0 && truth < 5) {
                long[] range = cell.getValue();
                assertThat(range[0] == 0 || range[1] >= 5).as("%s can be %s..%s", cell.getKey(), range[0], range[1]).isTrue();
            }
        }
    }

    @Example
    void protectsASmallCellWhoseLinesAreAllSuppressedAlready() {
        // Found by (c) before the audit of bounds: WORK/IRN = 5 was worked out as IRN minus the
        // suppressed PILGRIMAGE and TOURISM margins; every cell of its lines was suppressed, and
        // only a known zero further out (PILGRIMAGE/SYR) gives it room.
        Map<List<String>, Long> cells = new java.util.LinkedHashMap<>();
        cells.put(List.of("PILGRIMAGE", "IRN"), 7L);
        cells.put(List.of("TOURISM", "IRN"), 3L);
        cells.put(List.of("WORK", "IRN"), 5L);
        cells.put(List.of("WORK", "SYR"), 2L);
        cells.put(List.of("WORK", "TUR"), 7L);
        FlowTable table = Tables.table(org.manfadh.statistics.Interval.NONE,
                List.of(org.manfadh.statistics.Dimension.PURPOSE, org.manfadh.statistics.Dimension.NATIONALITY), cells);
        Attacker attacker = new Attacker(table, 6);
        Attacker.Bounds bounds = attacker.bounds(1_000_000);
        assertThat(bounds.complete()).isTrue();
        for (Map.Entry<List<String>, long[]> cell : bounds.range().entrySet()) {
            long truth = attacker.truth.getOrDefault(cell.getKey(), 0L);
            if (truth > 0 && truth < 6) {
                long[] range = cell.getValue();
                assertThat(range[0] == 0 || range[1] >= 6).as("%s can be %s..%s", cell.getKey(), range[0], range[1]).isTrue();
            }
        }
        assertThat(bounds.range()).containsKey(List.of("WORK", "IRN"));
    }

    @Property(tries = 300)
    void boundsTheSuppressedCountsAsASearchOverEveryPossibleCountDoes(@ForAll("smallTables") Sample sample) {
        // The audit's bounds are over real values: exact for one and two axes (the lines form a
        // network), never narrower than the integer ones for three.
        DisclosureControl.Layout layout = new DisclosureControl.Layout(sample.table());
        SuppressionPattern pattern = new SuppressionPattern(layout.cube, sample.threshold());
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        // A query that shares none of its cells shows the attacker more suppressed cells than the pattern has.
        boolean withheld = false;
        for (int level = 1; level < 1 << attacker.axes; level++) {
            withheld |= !DisclosureControl.pattern(Tables.coarser(sample.table(), level), sample.threshold())
                    .exposed().isEmpty();
        }
        Statistics.label("cells withheld").collect(withheld);
        if (withheld) {
            return;
        }
        Attacker.Bounds search = attacker.bounds(300_000);
        Statistics.label("search").collect(search.complete() ? "complete" : "gave up");
        if (!search.complete()) {
            return;
        }
        Map<Coordinates, double[]> audited = pattern.bounds();
        assertThat(audited).hasSameSizeAs(search.range());
        boolean exact = attacker.axes <= 2;
        Statistics.label("axes").collect(attacker.axes);
        for (Map.Entry<Coordinates, double[]> cell : audited.entrySet()) {
            List<String> key = key(layout, cell.getKey());
            long[] integer = search.range().get(key);
            double[] real = cell.getValue();
            assertThat(integer).as("%s suppressed for the attacker too", key).isNotNull();
            long truth = layout.cube.count(cell.getKey());
            assertThat(real[0]).as("least of %s", key).isLessThanOrEqualTo(truth + 1e-6);
            assertThat(real[1]).as("greatest of %s", key).isGreaterThanOrEqualTo(truth - 1e-6);
            if (exact) {
                assertThat(real[0]).as("least of %s", key).isCloseTo(integer[0], org.assertj.core.data.Offset.offset(1e-6));
                assertThat(real[1]).as("greatest of %s", key).isCloseTo(integer[1], org.assertj.core.data.Offset.offset(1e-6));
            } else {
                assertThat(real[0]).as("least of %s", key).isLessThanOrEqualTo(integer[0] + 1e-6);
                assertThat(real[1]).as("greatest of %s", key).isGreaterThanOrEqualTo(integer[1] - 1e-6);
            }
        }
    }

    private static List<String> key(DisclosureControl.Layout layout, Coordinates cell) {
        List<String> key = new ArrayList<>();
        for (int a = 0; a < cell.dimensions(); a++) {
            key.add(cell.at(a) == Coordinates.ALL ? Tables.ALL : layout.domains.get(a).get(cell.at(a)));
        }
        return key;
    }

    @Property(tries = 200)
    void suppressesAMarginAsTheCoarserQueryDoes(@ForAll("tables") Sample sample) {
        // Everything the attacker reads of a margin comes from the coarser query; the table's own
        // pattern of its margins must be the same, or the two together would say more.
        DisclosureControl.Layout layout = new DisclosureControl.Layout(sample.table());
        SuppressionPattern pattern = new SuppressionPattern(layout.cube, sample.threshold());
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        List<List<Integer>> indices = new ArrayList<>();
        for (List<String> domain : layout.domains) {
            List<Integer> withAll = new ArrayList<>();
            for (int i = 0; i < domain.size(); i++) {
                withAll.add(i);
            }
            withAll.add(Coordinates.ALL);
            indices.add(withAll);
        }
        for (List<Integer> index : product(indices)) {
            List<String> key = new ArrayList<>();
            for (int a = 0; a < index.size(); a++) {
                key.add(index.get(a) == Coordinates.ALL ? Tables.ALL : layout.domains.get(a).get(index.get(a)));
            }
            Coordinates cell = new Coordinates(index.stream().mapToInt(Integer::intValue).toArray());
            int level = 0;
            for (int a = 0; a < index.size(); a++) {
                level |= index.get(a) == Coordinates.ALL ? 0 : 1 << a;
            }
            // A query whose table no suppression could protect shares none of its cells.
            boolean withheld = level != 0 && !DisclosureControl.pattern(Tables.coarser(sample.table(), level),
                    sample.threshold()).exposed().isEmpty();
            assertThat(pattern.suppressed(cell) || withheld).as("%s", key).isEqualTo(attacker.suppressed.contains(key));
        }
        // A small cell the pattern could not protect leaves the table shared without any cell of its own.
        if (!pattern.exposed().isEmpty()) {
            Statistics.label("cells withheld").collect(true);
            assertThat(DisclosureControl.suppress(sample.table(), sample.threshold()).rows())
                    .allMatch(FlowTable.Row::suppressed);
        }
    }

    @Property(tries = 200)
    void givesTheSameTableTheSamePatternWhateverTheOrderOfItsRows(@ForAll("tables") Sample sample,
                                                                 @ForAll long seed) {
        List<FlowTable.Row> rows = new ArrayList<>(sample.table().rows());
        Collections.shuffle(rows, new Random(seed));
        FlowTable shuffled = new FlowTable(sample.table().by(), sample.table().interval(), rows,
                sample.table().total(), false, 0);
        Map<List<String>, Long> once = Tables.counts(withSuppressedAsMinusOne(
                DisclosureControl.suppress(sample.table(), sample.threshold())));
        Map<List<String>, Long> again = Tables.counts(withSuppressedAsMinusOne(
                DisclosureControl.suppress(shuffled, sample.threshold())));
        assertThat(again).isEqualTo(once);
    }

    private static List<List<Integer>> product(List<List<Integer>> domains) {
        List<List<Integer>> keys = new ArrayList<>();
        keys.add(List.of());
        for (List<Integer> domain : domains) {
            List<List<Integer>> longer = new ArrayList<>();
            for (List<Integer> key : keys) {
                for (Integer value : domain) {
                    List<Integer> k = new ArrayList<>(key);
                    k.add(value);
                    longer.add(k);
                }
            }
            keys = longer;
        }
        return keys;
    }

    private static FlowTable withSuppressedAsMinusOne(FlowTable table) {
        return new FlowTable(table.by(), table.interval(), table.rows().stream()
                .map(r -> new FlowTable.Row(r.period(), r.hour(), r.values(), r.suppressed() ? -1L : r.count(), false))
                .toList(), table.total(), false, 0);
    }
}
