package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NameIndexPropertiesTests {

    private static final UUID LIST = UUID.randomUUID();
    private static final List<ListedPerson> POPULATION = SyntheticPopulation.list(2_000, 5, LIST);
    private static final NameIndex INDEX = new NameIndex(Models.model());

    static {
        INDEX.putPersons(POPULATION);
    }

    @Property(tries = 200)
    void findsEveryListedNameWithAScoreNearOne(@ForAll @IntRange(min = 0, max = 1_999) int n) {
        ListedPerson p = POPULATION.get(n);
        for (ListedName name : p.names()) {
            List<NameMatch> found = INDEX.matchPersons(PersonQuery.ofName(name.text()), 0.0, 20);
            assertThat(found).as(name.text()).anySatisfy(m -> {
                assertThat(m.entryId()).isEqualTo(p.entryId());
                assertThat(m.score()).isGreaterThanOrEqualTo(0.97);
            });
        }
    }

    @Property(tries = 200)
    void keepsScoresBetweenZeroAndOne(@ForAll String name, @ForAll @IntRange(min = 0, max = 1_999) int n) {
        Random random = new Random(n);
        String query = random.nextBoolean() ? name : SyntheticPopulation.noisy(POPULATION.get(n).names().get(0).text(), random);
        if (query.isBlank()) {
            return;
        }
        for (NameMatch m : INDEX.matchPersons(new PersonQuery(query, null, null, PartialDate.year(1970), "IRQ", "F", "X1"), 0.0, 10)) {
            assertThat(m.score()).isBetween(0.0, 1.0);
        }
    }
}
