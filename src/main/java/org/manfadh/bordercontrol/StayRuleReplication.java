package org.manfadh.bordercontrol;

/**
 * The stay rules (the visa rules) from headquarters to the posts. Rules are versions that are only
 * ever added, so a post takes the rows it lacks; the digest says whether it lacks any.
 */
public interface StayRuleReplication {

    record Export(String digest, String rules) {
    }

    /** Every rule version held here as a JSON array, and its digest. */
    Export export();

    /** At a post: adds the rule versions it lacks; returns how many rule versions it holds. */
    int apply(String rules);
}
