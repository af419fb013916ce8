package org.manfadh.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A node's audit trail as another node may keep it: a post's events and checkpoints, sent to headquarters so that a
 * post's trail is held beyond the post's own database and disk. Both reads are in chain order and can be repeated:
 * the receiver asks again after the last seq it holds.
 */
public interface AuditReplication {

    /** An event as stored, with its place in the chain and its (keyed) hash. */
    record Event(long seq, UUID id, UUID nodeId, Instant at, String username, String clientAddress, String action,
                 String what, List<String> recordIds, int outcome, String previousHash, String hash) {
    }

    /**
     * The chain's head at a moment, sealed (HMAC-SHA256) with this node's audit key: whoever holds the key can check
     * the seal, and a chain whose event at {@code seq} does not carry {@code hash} has been rewritten.
     */
    record Checkpoint(long seq, String hash, Instant at, UUID nodeId, String seal) {
    }

    /** This node's events after {@code seq}, in chain order, at most {@code limit} (1 to 5,000). */
    List<Event> eventsAfter(long seq, int limit);

    /** This node's checkpoints after {@code seq}, oldest first. */
    List<Checkpoint> checkpointsAfter(long seq);
}
