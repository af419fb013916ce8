package org.manfadh.screening.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.manfadh.screening.matching.TransliterationModel;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The transliteration model the watchlist index and the register's name keys read names with: the
 * one learnt when Manfadh was built. Reading it takes a fraction of a second, on a thread of its
 * own while the rest of the context is built; the context's start waits for it once all beans
 * exist, so that a missing or damaged model stops the start with the reader's message instead of
 * failing the first check.
 */
final class LearntModel implements SmartInitializingSingleton {

    private final CompletableFuture<TransliterationModel> model = new CompletableFuture<>();

    LearntModel() {
        this(TransliterationModel::fromClasspath);
    }

    LearntModel(Supplier<TransliterationModel> reader) {
        Thread thread = new Thread(() -> {
            try {
                model.complete(reader.get());
            } catch (Throwable e) {
                model.completeExceptionally(e);
            }
        }, "screening-model");
        thread.setDaemon(true);
        thread.start();
    }

    /** The model as it will be once read. */
    CompletableFuture<TransliterationModel> future() {
        return model;
    }

    /** The model, waiting for it if it is still being read. */
    TransliterationModel get() {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The transliteration model could not be read: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        get();
    }
}
