package org.manfadh.screening.matching;

import java.util.List;
import java.util.UUID;

/**
 * A listed person that resembles the query.
 *
 * @param score in [0, 1]; higher is more alike
 * @param matchedName the listed name that matched best, as listed
 * @param explanation each feature's contribution to the score
 */
public record NameMatch(UUID entryId, UUID listId, double score, String matchedName, List<Contribution> explanation) {

    public NameMatch {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score is in [0, 1], not " + score);
        }
        explanation = List.copyOf(explanation);
    }
}
