package org.manfadh.screening.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.manfadh.screening.NameKeys;
import org.manfadh.screening.matching.SearchKeys;

/** {@link NameKeys} from the matcher's {@link SearchKeys}, with the model screening reads names with. */
final class SearchNameKeys implements NameKeys {

    private final CompletableFuture<SearchKeys> keys;

    SearchNameKeys(LearntModel model) {
        this.keys = model.future().thenApply(SearchKeys::new);
    }

    private SearchKeys keys() {
        try {
            return keys.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Names cannot be read: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public List<String> keysOf(Collection<String> names) {
        return keys().keysOf(names.stream().filter(Objects::nonNull).toList());
    }

    @Override
    public SearchedName searched(String name) {
        SearchKeys.Searched searched = keys().searched(name == null ? "" : name);
        return new SearchedName() {
            @Override
            public List<String> parts() {
                return searched.parts();
            }

            @Override
            public List<List<String>> partKeys() {
                return searched.partKeys();
            }

            @Override
            public NameAgreement agreement(Collection<String> names) {
                SearchKeys.Agreement a = searched.agreement(names.stream().filter(Objects::nonNull).toList());
                return new NameAgreement(a.parts(), a.closeness());
            }
        };
    }
}
