package org.manfadh.screening.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.manfadh.screening.matching.DocumentMatch;
import org.manfadh.screening.matching.ListedDocument;
import org.manfadh.screening.matching.ListedPerson;
import org.manfadh.screening.matching.NameIndex;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.WatchlistIndex;

/**
 * The name index, built on the transliteration model it reads names with (see {@link LearntModel}).
 * The lists are loaded into the index before the application reports itself ready, so no check is
 * ever answered without it.
 */
final class DeferredIndex implements WatchlistIndex {

    private final CompletableFuture<WatchlistIndex> index;

    DeferredIndex(LearntModel model) {
        this.index = model.future().thenApply(NameIndex::new);
    }

    private WatchlistIndex index() {
        try {
            return index.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The screening index could not be built: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void putPersons(Collection<ListedPerson> persons) {
        index().putPersons(persons);
    }

    @Override
    public void putDocuments(Collection<ListedDocument> documents) {
        index().putDocuments(documents);
    }

    @Override
    public void remove(Collection<UUID> entryIds) {
        index().remove(entryIds);
    }

    @Override
    public void removeList(UUID listId) {
        index().removeList(listId);
    }

    @Override
    public List<NameMatch> matchPersons(PersonQuery query, double minScore, int limit) {
        return index().matchPersons(query, minScore, limit);
    }

    @Override
    public List<DocumentMatch> matchDocuments(String number, String issuingState) {
        return index().matchDocuments(number, issuingState);
    }

    @Override
    public int personCount() {
        return index().personCount();
    }

    @Override
    public int documentCount() {
        return index().documentCount();
    }
}
