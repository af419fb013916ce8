package org.manfadh.screening.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.manfadh.screening.matching.TransliterationModel;

/**
 * The transliteration model, learnt once on a thread of its own from the moment the application
 * asks for it: learning takes seconds, which then overlap with the rest of start-up instead of
 * adding to it. The watchlist index and the register's name keys read names with this one model.
 */
final class LearntModel {

    private final CompletableFuture<TransliterationModel> model = new CompletableFuture<>();

    LearntModel() {
        Thread thread = new Thread(() -> {
            try {
                model.complete(TransliterationModel.fromClasspath());
            } catch (Throwable e) {
                model.completeExceptionally(e);
            }
        }, "screening-model");
        thread.setDaemon(true);
        thread.start();
    }

    /** The model as it will be once learnt. */
    CompletableFuture<TransliterationModel> future() {
        return model;
    }

    /** The model, waiting for it if it is still being learnt. */
    TransliterationModel get() {
        try {
            return model.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The transliteration model could not be learnt: " + e.getCause(), e.getCause());
        }
    }
}
