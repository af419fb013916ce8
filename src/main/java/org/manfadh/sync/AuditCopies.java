package org.manfadh.sync;

import java.util.List;
import java.util.UUID;

import org.manfadh.access.AuditReplication;

/**
 * At headquarters: each post's audit trail, as the post sends it after the last event headquarters
 * holds. Only what continues the chain held here is taken, so a post can add to its trail but never
 * rewrite what arrived before; anything else is refused as a {@link org.manfadh.platform.Rejection}
 * ({@code foreign-record}) and nothing of the delivery is taken.
 */
public interface AuditCopies {

    /** What a post sends: its events after the last one headquarters holds, and its checkpoints. */
    record Delivery(UUID node, String borderPoint, List<AuditReplication.Event> events,
                    List<AuditReplication.Checkpoint> checkpoints) {
    }

    /** Headquarters' answer: the last event of the node it holds. */
    record Held(long heldSeq) {
    }

    Held receive(Delivery delivery, Sender sender);
}
