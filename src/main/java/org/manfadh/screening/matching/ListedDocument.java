package org.manfadh.screening.matching;

import java.util.Objects;
import java.util.UUID;

/**
 * A document on a list (lost, stolen, invalidated), checked by its number.
 *
 * @param issuingState ICAO alpha-3 code, or null when the list does not say
 * @param type the list's own document type (PASSPORT, ID_CARD, …), or null
 */
public record ListedDocument(UUID entryId, UUID listId, String number, String issuingState, String type) {

    public ListedDocument {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(number, "number");
        if (number.isBlank()) {
            throw new IllegalArgumentException("a listed document has a number");
        }
    }
}
