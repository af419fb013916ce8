package org.manfadh.bordercontrol;

import java.util.UUID;

/**
 * A supervisor confirmed a document's link to its traveller or split the document off to a
 * traveller of its own. Published inside the transaction that wrote the decision, like
 * {@link CrossingRecorded}.
 */
public record IdentityDecided(UUID decisionId) {

    public IdentityDecided {
        if (decisionId == null) {
            throw new IllegalArgumentException("decisionId is required");
        }
    }
}
