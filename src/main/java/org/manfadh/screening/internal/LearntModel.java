package org.manfadh.screening.internal;

import java.util.concurrent.CompletableFuture;

import org.manfadh.screening.matching.TransliterationModel;

/**
 * The transliteration model the watchlist index and the register's name keys read names with: the
 * one learnt when Manfadh was built, read from the class path as the context starts (milliseconds),
 * so that a missing or damaged model stops the start with a message saying so instead of failing
 * the first check.
 */
final class LearntModel {

    private final CompletableFuture<TransliterationModel> model;

    LearntModel() {
        this.model = CompletableFuture.completedFuture(TransliterationModel.fromClasspath());
    }

    /** The model, as a future its readers compose with. */
    CompletableFuture<TransliterationModel> future() {
        return model;
    }
}
