package org.manfadh.screening.matching;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Everything in force on every list, held in memory for checks in milliseconds. Implementations
 * are safe for concurrent checks while entries are put and removed.
 */
public interface WatchlistIndex {

    /** Adds the persons, replacing any already held under the same entry id. */
    void putPersons(Collection<ListedPerson> persons);

    /** Adds the documents, replacing any already held under the same entry id. */
    void putDocuments(Collection<ListedDocument> documents);

    /** Removes persons and documents by entry id; unknown ids are ignored. */
    void remove(Collection<UUID> entryIds);

    /** Removes everything on one list. */
    void removeList(UUID listId);

    /** Listed persons resembling the query with a score of at least {@code minScore}, best first. */
    List<NameMatch> matchPersons(PersonQuery query, double minScore, int limit);

    /** Listed documents with this number, exactly or up to OCR confusions. */
    List<DocumentMatch> matchDocuments(String number, String issuingState);

    int personCount();

    int documentCount();
}
