package org.manfadh.bordercontrol;

import java.util.Optional;
import java.util.UUID;

/**
 * A supervisor's identity decisions (a document's link to its traveller confirmed, or the document
 * split off to a traveller of its own) as records for another node. The receiving node finds the
 * document by its issuing state and number, whatever id it holds it under, and makes the same
 * decision about the traveller it links the document to; applying a decision twice changes nothing.
 */
public interface IdentityReplication {

    /** The decision with its document's natural key and both travellers, as a JSON object; empty when there is none. */
    Optional<String> export(UUID decisionId);

    /** Applies a JSON array of exported decisions, in their order, in the caller's transaction. */
    void apply(String exported);

    /**
     * At headquarters: the decisions it holds (its own supervisors' and those the posts sent) after
     * {@code seq}, in order, at most {@code limit}, as a JSON array of exports each with its {@code seq}.
     */
    String after(long seq, int limit);

    /** The decisions for a post after a seq, and the seq up to which headquarters looked for them. */
    record ForPost(String decisions, long through) {
    }

    /**
     * At headquarters: {@link #after} for the post at a border point, only the decisions about documents
     * that crossed there; {@code through} is the highest seq looked at, which the post asks after next.
     */
    ForPost afterFor(long seq, int limit, String borderPoint);

    /**
     * At a post: applies decisions from headquarters ({@link #after}), in order, in the caller's
     * transaction; one about a document the post does not hold, or already applied here, changes
     * nothing. Answers the highest seq among them.
     */
    long applyFromHeadquarters(String decisions);
}
