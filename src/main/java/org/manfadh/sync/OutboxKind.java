package org.manfadh.sync;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What an outbox row carries from a post to headquarters: the kinds of record a post makes, in the
 * order headquarters applies them within a batch (a screening and a crossing's health record hang on
 * their crossing; visas, groups and identity decisions are checked against the travellers the crossings
 * bring). The outbox table's check constraint allows exactly these names. A kind added here reaches
 * headquarters first: one release behind, it refuses a batch that carries it, by that record's seq.
 */
public enum OutboxKind {
    CROSSING, SCREENING, HEALTH, VISA, GROUP, IDENTITY;

    /** The kind a batch names; empty for a name that is no kind (a batch from a newer or a hostile sender). */
    public static Optional<OutboxKind> named(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /** As a batch's JSON names it; null for an unknown name, which the batch's check then refuses by its seq. */
    @JsonCreator
    static OutboxKind fromJson(String name) {
        return named(name).orElse(null);
    }
}
