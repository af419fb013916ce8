package org.manfadh.sync.internal;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** What a post sends headquarters in one request: its outbox rows in seq order. */
public record Batch(UUID node, String borderPoint, List<Item> records) {

    public record Item(long seq, UUID id, String kind, UUID recordId, JsonNode payload) {
    }

    /** Headquarters' answer: the highest seq of this node it has applied, this batch or before. */
    public record Applied(long appliedSeq) {
    }
}
