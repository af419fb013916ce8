package org.manfadh.sync;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What a post sends headquarters in one request: its outbox rows in seq order. A row's kind is null
 * when the sender named one that is no {@link OutboxKind}; headquarters refuses such a batch.
 */
public record Batch(UUID node, String borderPoint, List<Item> records) {

    public record Item(long seq, UUID id, OutboxKind kind, UUID recordId, JsonNode payload) {
    }

    /** Headquarters' answer: the highest seq of this node it has applied, this batch or before. */
    public record Applied(long appliedSeq) {
    }
}
