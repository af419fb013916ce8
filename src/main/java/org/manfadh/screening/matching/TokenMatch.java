package org.manfadh.screening.matching;

/**
 * One part of the traveller's name and the part of the listed name it was paired with, for the
 * explanation a supervisor reads: how alike they are, why they count as alike, and which key of
 * the index brought the listed part forward.
 *
 * @param query the traveller's name part, normalised (lower case, articles and connectives resolved)
 * @param listed the listed name part it was paired with, or null when none was
 * @param similarity 0 to 1, what the pair adds to the name's score before weighting
 */
public record TokenMatch(String query, String listed, double similarity, How how, FoundBy foundBy) {

    /** Why two name parts count as alike. */
    public enum How {
        /** Written the same. */
        SAME,
        /** Spelt otherwise, sounding the same (Mohammed, Mohamed). */
        SAME_SOUND,
        /** Spelt otherwise, sounding alike (Kadhim, Kazem). */
        SPELLING,
        /** The listed part begins with the traveller's: a name cut at the document's field length. */
        SHORTENED,
        /** Across scripts, by one of the letter model's Latin readings of the Arabic-script part. */
        READING,
        /** Across scripts, by how well the letter model reads the Latin part out of the Arabic-script one. */
        LETTER_BY_LETTER,
        /** No listed part was paired with the traveller's. */
        NOT_LISTED
    }

    /** Which key of the index led from the traveller's name part to the listed one. */
    public enum FoundBy {
        /** The same normalised part is listed. */
        SAME_TEXT,
        /** The same consonants (the skeleton of the phonetic key). */
        CONSONANTS,
        /** The same consonants up to the ones romanisations trade (k/q/g/ch, d/t/z/dh/th, j/y), h aside. */
        CONSONANT_CLASSES,
        /** Consonants one letter apart. */
        ONE_LETTER_APART,
        /** The first consonants: a shortened last name. */
        BEGINNING,
        /** No key: compared with the traveller's parts once the person was found by other parts. */
        COMPARED,
        /** Not paired. */
        NONE
    }
}
