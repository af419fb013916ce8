package org.manfadh.health;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.manfadh.platform.Provenance;

import tools.jackson.databind.JsonNode;

/**
 * Health between headquarters and the posts, as sync carries it. Rows travel as PostgreSQL renders them, under
 * the ids and node ids they were made with.
 *
 * <p>Headquarters to the posts: the diseases, the alerts (ended ones too) and the rules, as one set with its
 * digest. A post replaces what it holds with the set, in one transaction; applying the same set again changes
 * nothing, and a post holding the digest is sent nothing. The alerts then apply at the post without a link:
 * their days and windows are in the rows.
 *
 * <p>Posts to headquarters: a crossing's screening, the health officers' decisions on its hold and the
 * follow-up contacts about it, as one record. Headquarters inserts what it does not hold yet (a repeat changes
 * nothing) after checking that the post could have made it through its own API.
 */
public interface HealthReplication {

    /** The published set as one JSON object {@code {"diseases", "alerts", "rules"}}, and its digest. */
    record Published(String digest, String set) {
    }

    /** At headquarters: what every post holds. */
    Published export();

    /**
     * At a post: replaces the diseases, alerts and rules held here with {@code set} (as {@link #export} gives it),
     * in one transaction, and announces {@link HealthRulesChanged}. Returns how many alerts are held now.
     */
    int apply(String set);

    /**
     * A crossing's health record {@code {"crossing_id", "screening", "decisions", "follow_ups"}} as a JSON object;
     * empty when nothing of its health was recorded here.
     */
    Optional<String> exportOfCrossing(UUID crossingId);

    /**
     * At headquarters, after {@link #foreign}: inserts what of the records is not here yet, in the caller's
     * transaction, and announces {@link HealthScreened} for each crossing whose health part gained a row.
     */
    void apply(List<JsonNode> records);

    /**
     * At headquarters, before {@link #apply(List)}: the first record the post could not have made through its own
     * API, or nothing. A record must be of a crossing at the sender's border point ({@code ownCrossings} answers
     * which of the named crossings are) and every part of it of that crossing; what is new here must be made under
     * the sender's node id, by people who work there, not dated in the future; a follow-up names an alert
     * headquarters published.
     */
    Optional<Provenance.Foreign> foreign(List<JsonNode> records, Provenance from,
                                         Function<Set<UUID>, Set<UUID>> ownCrossings);
}
