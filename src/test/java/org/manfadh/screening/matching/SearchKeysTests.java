package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The keys a register finds people by name with: a stored name shares keys with every part of a
 * search for it however either is written, and the agreement ranks the person meant first.
 */
class SearchKeysTests {

    private final SearchKeys keys = new SearchKeys(Models.model());

    /** How many parts of the search share a key with the stored names: what the store's index finds by. */
    private int partsFound(String searched, String... stored) {
        List<String> storedKeys = keys.keysOf(List.of(stored));
        int found = 0;
        for (List<String> part : keys.searched(searched).partKeys()) {
            if (!Collections.disjoint(part, storedKeys)) {
                found++;
            }
        }
        return found;
    }

    private SearchKeys.Agreement agreement(String searched, String... stored) {
        return keys.searched(searched).agreement(List.of(stored));
    }

    @Test
    void findsAnArabicScriptNameStoredExactlySo() {
        assertThat(partsFound("محمد كاظم الجبوري", "محمد كاظم الجبوري")).isEqualTo(3);
        assertThat(agreement("محمد كاظم الجبوري", "محمد كاظم الجبوري").parts()).isEqualTo(3);
        assertThat(agreement("محمد كاظم الجبوري", "محمد كاظم الجبوري").closeness()).isGreaterThan(0.95);
    }

    @Test
    void findsAnArabicScriptNameStoredInLatinLettersAndTheOtherWayRound() {
        assertThat(partsFound("محمد كاظم الجبوري", "ALJUBOURI MOHAMMED KADHIM")).isEqualTo(3);
        assertThat(agreement("محمد كاظم الجبوري", "ALJUBOURI MOHAMMED KADHIM").parts()).isEqualTo(3);
        assertThat(partsFound("Mohammed Kadhim Al-Jubouri", "محمد كاظم الجبوري")).isEqualTo(3);
        assertThat(agreement("Mohammed Kadhim Al-Jubouri", "محمد كاظم الجبوري").parts()).isEqualTo(3);
    }

    @Test
    void findsGulfAndIraqiSpellingsOfOneName() {
        assertThat(partsFound("Muhammad Kazim Aljubouri", "AL JUBOURI MOHAMMED KADHIM")).isEqualTo(3);
        assertThat(agreement("Muhammad Kazim Aljubouri", "AL JUBOURI MOHAMMED KADHIM").parts()).isEqualTo(3);
    }

    @Test
    void findsANameInEitherOrderAndWithoutItsMiddleName() {
        assertThat(partsFound("Jubouri Mohammed", "ALJUBOURI MOHAMMED KADHIM")).isEqualTo(2);
        assertThat(agreement("Mohammed Aljubouri", "ALJUBOURI MOHAMMED KADHIM").parts()).isEqualTo(2);
    }

    @Test
    void findsASmallMisspelling() {
        assertThat(partsFound("Mohamed Kadim Jubori", "ALJUBOURI MOHAMMED KADHIM")).isEqualTo(3);
        assertThat(agreement("Mohamed Kadim Jubori", "ALJUBOURI MOHAMMED KADHIM").parts()).isEqualTo(3);
        assertThat(partsFound("Hossieni", "HOSSEINI ALI")).isEqualTo(1);
    }

    @Test
    void findsTheBeginningOfTheLastPartTyped() {
        assertThat(partsFound("Mohammed Jubou", "ALJUBOURI MOHAMMED KADHIM")).isEqualTo(2);
    }

    @Test
    void doesNotFindAnotherName() {
        // Mahmoud and Mohammed share a skeleton: the keys find candidates, the agreement judges them
        assertThat(partsFound("Mahmoud Tikriti", "ALJUBOURI MOHAMMED KADHIM")).isLessThan(2);
        assertThat(agreement("Mahmoud Tikriti", "ALJUBOURI MOHAMMED KADHIM").parts()).isZero();
    }

    @Test
    void ranksTheSameNameBeforeAMisspeltOneAndBeforeOneWithMoreParts() {
        SearchKeys.Searched searched = keys.searched("Mohammed Kadhim Aljubouri");
        SearchKeys.Agreement same = searched.agreement(List.of("ALJUBOURI MOHAMMED KADHIM"));
        SearchKeys.Agreement misspelt = searched.agreement(List.of("ALJBOURI MUHAMAD KADIM"));
        SearchKeys.Agreement longer = searched.agreement(List.of("ALJUBOURI MOHAMMED KADHIM JASIM"));
        SearchKeys.Agreement fewer = searched.agreement(List.of("ALJUBOURI MOHAMMED HASSAN"));

        assertThat(List.of(fewer, longer, misspelt, same).stream().sorted().toList())
                .containsExactly(same, longer, misspelt, fewer);
        assertThat(fewer.parts()).isEqualTo(2);
    }

    @Test
    void takesTheBestOfAPersonsNames() {
        SearchKeys.Agreement a = agreement("كاظم الجبوري", "SMITH JOHN", "كاظم الجبوري");
        assertThat(a.parts()).isEqualTo(2);
    }

    @Test
    void givesNoPartsForANameWithoutLetters() {
        assertThat(keys.searched("-- '' ").partKeys()).isEmpty();
        assertThat(keys.keysOf(List.of(" ", "-"))).isEmpty();
    }

    @Test
    void printsHowManyKeysAPersonHas() {
        List<String> latin = keys.keysOf(List.of("ALJUBOURI MOHAMMED KADHIM"));
        List<String> both = keys.keysOf(List.of("ALJUBOURI MOHAMMED KADHIM", "محمد كاظم الجبوري"));
        System.out.println("keys: latin " + latin.size() + ", with Arabic script " + both.size());
        System.out.println("search keys: " + keys.searched("محمد كاظم الجبوري").partKeys());
        assertThat(both).containsAll(latin);
    }
}
