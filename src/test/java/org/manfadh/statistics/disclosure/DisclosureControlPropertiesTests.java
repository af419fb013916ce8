package org.manfadh.statistics.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
        assertThat(shared.rows()).hasSameSizeAs(sample.table().rows());
        for (int i = 0; i < shared.rows().size(); i++) {
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

    @Property(tries = 300)
    void givesNoSuppressedCellToAnAttackerSolvingLinesWithEveryMargin(@ForAll("tables") Sample sample) {
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        Statistics.label("suppressed cells").collect(attacker.suppressed.isEmpty() ? "none" : "some");
        assertThat(attacker.solveLines()).as("cells worked out from the lines").isEmpty();
    }

    @Property(tries = 200)
    void leavesEverySuppressedCellMoreThanOnePossibleCount(@ForAll("smallTables") Sample sample) {
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        Attacker.Bounds bounds = attacker.bounds(2_000_000);
        Statistics.label("search").collect(bounds.complete() ? "complete" : "gave up");
        Statistics.label("suppressed cells").collect(Math.min(attacker.suppressed.size(), 6));
        if (!bounds.complete()) {
            return;
        }
        for (Map.Entry<List<String>, long[]> cell : bounds.range().entrySet()) {
            long[] range = cell.getValue();
            assertThat(range[0]).as("least count of %s (truly %s)", cell.getKey(), attacker.truth.get(cell.getKey()))
                    .isLessThan(range[1]);
        }
    }

    @Property(tries = 200)
    void suppressesAMarginAsTheCoarserQueryDoes(@ForAll("tables") Sample sample) {
        // Everything the attacker reads of a margin comes from the coarser query; the table's own
        // pattern of its margins must be the same, or the two together would say more.
        SuppressionPattern pattern = DisclosureControl.pattern(sample.table(), sample.threshold());
        Attacker attacker = new Attacker(sample.table(), sample.threshold());
        DisclosureControl.Layout layout = new DisclosureControl.Layout(sample.table());
        for (int level = 0; level <= layout.cube.full(); level++) {
            for (Coordinates cell : layout.cube.cells(level)) {
                List<String> key = new ArrayList<>();
                for (int a = 0; a < cell.dimensions(); a++) {
                    key.add(cell.at(a) == Coordinates.ALL ? Tables.ALL : layout.domains.get(a).get(cell.at(a)));
                }
                assertThat(pattern.suppressed(cell)).as("%s", key).isEqualTo(attacker.suppressed.contains(key));
            }
        }
        assertThat(pattern.exposed()).isEmpty();
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

    private static FlowTable withSuppressedAsMinusOne(FlowTable table) {
        return new FlowTable(table.by(), table.interval(), table.rows().stream()
                .map(r -> new FlowTable.Row(r.period(), r.hour(), r.values(), r.suppressed() ? -1L : r.count(), false))
                .toList(), table.total(), false, 0);
    }
}
