package org.manfadh.bordercontrol;

import java.util.List;
import java.util.UUID;

/**
 * One person under one id across the nodes. Two posts offline can each meet the same traveller
 * and give them an id of their own; headquarters, where both posts' records arrive, sees that they
 * are one (the same document, or the same name, full date of birth and nationality) and merges the
 * later id into the one it already holds. The merges travel back to the posts in order.
 */
public interface IdentityMerges {

    /** A post's crossing as it arrived: the crossing's id and the traveller id the post gave. */
    record Arrived(UUID crossingId, UUID travellerId) {
    }

    /** At headquarters, in the transaction that applied the crossings: merges what they reveal; returns how many. */
    int resolve(List<Arrived> arrived);

    /**
     * The merges after {@code seq} in order, at most {@code limit}, as a JSON array, for the post at a border
     * point: each survivor's row comes only when the survivor has crossed there (a post can hold the merged
     * traveller only then), and is null otherwise, so that a post learns no other post's travellers.
     */
    String after(long seq, int limit, String borderPoint);

    /** At a post: applies merges exported by {@link #after}; returns the highest seq applied. */
    long apply(String merges);
}
