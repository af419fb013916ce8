package org.manfadh.screening.matching;

import java.util.UUID;

/**
 * A listed document whose number is the query's, exactly or up to the OCR confusions of document
 * numbers (O/0, I/1, S/5, B/8 …).
 *
 * @param exact true when the number is identical after removing spaces and fillers
 * @param detail how the numbers were compared, for the officer
 */
public record DocumentMatch(UUID entryId, UUID listId, String number, String issuingState, boolean exact, String detail) {
}
