package org.manfadh.bordercontrol;

import java.util.List;
import java.util.Optional;

import org.manfadh.platform.Provenance;

import tools.jackson.databind.JsonNode;

/**
 * At headquarters: a post's border control records checked against what that post could have made
 * through its own API, before they are applied, in the transaction that applies them. A post speaks
 * for its own border point only: a crossing, group, decision, amendment, visa or identity decision
 * that is new here must be at that border point, made under the post's node id by an account that
 * works there, and not dated in the future; a record already here is the post's to resend only when
 * it lies at that border point. Each check answers the first record that fails, or nothing.
 */
public interface PostRecords {

    /**
     * Exported crossings ({@link CrossingReplication#export}). Also makes headquarters' own what it
     * knows better than the post: a new traveller's name key is worked out again from the names, and
     * its first sighting is when headquarters first saw it.
     */
    Optional<Provenance.Foreign> crossings(List<JsonNode> records, Provenance from);

    /** Exported visas ({@link CrossingReplication#exportVisa}), once the batch's crossings are applied. */
    Optional<Provenance.Foreign> visas(List<JsonNode> records, Provenance from);

    /** Exported groups ({@link CrossingReplication#exportGroup}). */
    Optional<Provenance.Foreign> groups(List<JsonNode> records, Provenance from);

    /** Exported identity decisions ({@link IdentityReplication#export}), once the batch's crossings are applied. */
    Optional<Provenance.Foreign> identityDecisions(List<JsonNode> records, Provenance from);
}
