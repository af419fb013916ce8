package org.manfadh.sync;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * At headquarters: what a post is owed. The post says which list versions and which account set it
 * holds; the answer names the lists with newer versions (the post then fetches each delta) and
 * carries the account set when it changed. A post receives the lists its authority screens against.
 * A request headquarters will not answer (at a post, for an unknown border point, from a caller who
 * does not speak for it or under another's node id) is refused as a {@link org.manfadh.platform.Rejection}.
 */
public interface Feed {

    /** What a post holds. */
    record Request(UUID node, String borderPoint, List<Held> watchlists, String accountsDigest,
                   Long mergesAfter, String stayRulesDigest, Long decisionsAfter, String healthDigest) {
    }

    record Held(UUID id, long version) {
    }

    /** A list the post should fetch: the versions after {@code after} up to {@code version}. */
    record Fetch(UUID id, String name, long after, long version) {
    }

    /**
     * The lists to fetch, and the accounts when they differ from what the post holds (null otherwise); likewise
     * the stay rules and the health set (diseases, alerts and rules), each with the digest the post then holds.
     */
    record Answer(List<Fetch> watchlists, String accountsDigest, JsonNode accounts,
                  JsonNode merges, String stayRulesDigest, JsonNode stayRules, JsonNode decisions,
                  Long decisionsThrough, String healthDigest, JsonNode health) {
    }

    /** A post's own records, for a post that lost them: each crossing with its screening (null when none). */
    record Records(List<Record> records, String next) {
    }

    record Record(JsonNode crossing, JsonNode screening) {
    }

    /** What the post is owed; {@code nodeCredential}: the caller is a node's own credential, not an administrator. */
    Answer answer(Request request, String caller, boolean nodeCredential);

    /** A page of the crossings at the post's border point, whoever recorded them, in the order they occurred. */
    Records records(String borderPoint, String after, int limit, String caller);

    /** Whether a list may go to the post the caller speaks for; refused as not found when it may not. */
    void checkPublished(UUID listId, String borderPoint, String caller);
}
