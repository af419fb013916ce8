package org.manfadh.bordercontrol;

import java.util.Optional;
import java.util.UUID;

/**
 * A crossing as one self-contained record for another node: its traveller and document, visa and
 * group, the crossing itself, every decision and every amendment, all under the ids and node id the
 * recording node gave them. Applying a record is idempotent: what is already there stays as it is.
 */
public interface CrossingReplication {

    /** The crossing and everything it references, as a JSON object; empty when there is no such crossing. */
    Optional<String> export(UUID crossingId);

    /**
     * Inserts what of exported crossings (each as {@link #export} gives it) is not here yet, in the
     * caller's transaction; their travellers' stays are worked out again soon after it commits.
     */
    void apply(java.util.List<tools.jackson.databind.JsonNode> records);

    /** A visa with its traveller and every extension, as a JSON object; empty when there is no such visa. */
    Optional<String> exportVisa(UUID visaId);

    /**
     * Inserts what of an exported visa, or of a JSON array of them, is not here yet. A visa another
     * node recorded first under its own id (the same authority, type and number) takes the extensions.
     */
    void applyVisas(String exported);

    /** A group as its row stands, as a JSON object; empty when there is no such group. */
    Optional<String> exportGroup(UUID groupId);

    /**
     * Inserts the groups of a JSON array of exported groups that are not here yet, and closes those
     * here that the other node closed (the first closure stands).
     */
    void applyGroups(String exported);

    /** Crossings' ids, and where the next page starts (null after the last page). */
    record IdPage(java.util.List<UUID> ids, String next) {
    }

    /**
     * The crossings at a border point in the order they occurred, a page at a time: {@code after}
     * is null for the first page, then the previous page's {@code next}.
     */
    IdPage idsAt(String borderPoint, String after, int limit);

    /** Of these crossings, those held here at the border point. */
    java.util.Set<UUID> atBorderPoint(java.util.Set<UUID> crossingIds, String borderPoint);

}
