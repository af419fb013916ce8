package org.manfadh.screening;

import java.util.Collection;
import java.util.List;

/**
 * Keys that find a person's name however it is written, for a register searched by name: the
 * normalisation, phonetic keys and cross-script readings that screening matches names with, so
 * that an Arabic-script name finds the same name in Latin letters and the other way round, and
 * order, a missing middle name, a small misspelling or a regional spelling (Mohammed, Muhammad;
 * Kadhim, Kazim; Al-Jubouri, Aljubouri) do not hide a person.
 *
 * <p>A store keeps {@link #keysOf} beside each person and finds, through an index on them, the
 * persons that share keys with enough of a {@link SearchedName}'s parts; the search then ranks
 * them by {@link SearchedName#agreement}. The first call may wait for the transliteration model
 * to be learnt at start-up.
 */
public interface NameKeys {

    /** The keys a person known by these names (any script; null and blank ones ignored) is found by: distinct, sorted. */
    List<String> keysOf(Collection<String> names);

    /** A name as searched for; one search's comparisons are remembered, so each search asks anew. */
    SearchedName searched(String name);

    /** A searched name: its parts, the keys that find each, and how well a person's names agree with it. */
    interface SearchedName {

        /** The parts that count (at most six), normalised; empty when the name has no letter. */
        List<String> parts();

        /** Per part, in order, the keys a stored person shares with it when they have that part. */
        List<List<String>> partKeys();

        /** How well the best of a person's names agrees: parts found, and how closely. */
        NameAgreement agreement(Collection<String> names);
    }

    /**
     * How many parts of a searched name a person's name has, and how closely, from 0 to 1 (1: the
     * same parts, spelt alike). Ordered best first.
     */
    record NameAgreement(int parts, double closeness) implements Comparable<NameAgreement> {

        @Override
        public int compareTo(NameAgreement other) {
            int byParts = Integer.compare(other.parts, parts);
            return byParts != 0 ? byParts : Double.compare(other.closeness, closeness);
        }
    }
}
