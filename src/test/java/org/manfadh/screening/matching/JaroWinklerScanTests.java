package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class JaroWinklerScanTests {

    @Test
    void computesTheTextbookJaroWinklerValues() {
        assertThat(JaroWinklerScan.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(0.0001));
        assertThat(JaroWinklerScan.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(0.0001));
        assertThat(JaroWinklerScan.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(0.0001));
        assertThat(JaroWinklerScan.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void findsAListedPersonByASpellingVariantAndReplacesAnEntryPutAgain() {
        JaroWinklerScan scan = new JaroWinklerScan();
        UUID list = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        scan.putPersons(List.of(person(entry, list, "Mohammed Hussein")));
        scan.putPersons(List.of(person(UUID.randomUUID(), list, "Karen Smith")));

        List<NameMatch> found = scan.matchPersons(PersonQuery.ofName("MOHAMMAD HUSSAIN"), 0.85, 10);
        assertThat(found).extracting(NameMatch::entryId).containsExactly(entry);

        scan.putPersons(List.of(person(entry, list, "Someone Else")));
        assertThat(scan.matchPersons(PersonQuery.ofName("MOHAMMAD HUSSAIN"), 0.85, 10)).isEmpty();
        assertThat(scan.personCount()).isEqualTo(2);
        scan.removeList(list);
        assertThat(scan.personCount()).isZero();
    }

    private static ListedPerson person(UUID entry, UUID list, String name) {
        return new ListedPerson(entry, list, List.of(new ListedName(name, NameQuality.PRIMARY)), List.of(), Set.of(),
                null, List.of());
    }
}
