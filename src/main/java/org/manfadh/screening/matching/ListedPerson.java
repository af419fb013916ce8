package org.manfadh.screening.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person on a list, as the matcher sees it. Only entries that are in force (approved, not
 * expired) are given to the index.
 *
 * @param entryId the list entry's id; putting a person with the same id replaces it
 * @param listId the list the entry belongs to
 * @param names at least one name; aliases and original-script names included
 * @param datesOfBirth possible dates of birth; empty when unknown
 * @param nationalities ICAO alpha-3 codes; empty when unknown
 * @param sex "M", "F" or null when unknown
 * @param documentNumbers numbers of the person's travel and identity documents, as listed
 */
public record ListedPerson(UUID entryId, UUID listId, List<ListedName> names,
        List<PartialDate> datesOfBirth, Set<String> nationalities, String sex,
        List<String> documentNumbers) {

    public ListedPerson {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(listId, "listId");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a listed person has at least one name");
        }
        datesOfBirth = List.copyOf(datesOfBirth);
        nationalities = Set.copyOf(nationalities);
        documentNumbers = List.copyOf(documentNumbers);
        if (sex != null && !sex.equals("M") && !sex.equals("F")) {
            throw new IllegalArgumentException("sex is M, F or null, not " + sex);
        }
    }
}
