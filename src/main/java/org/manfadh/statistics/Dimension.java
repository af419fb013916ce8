package org.manfadh.statistics;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a flow can be broken down by, and filtered by, under the name the API uses for it
 * ({@code by=borderPoint,direction}; {@code borderPoint=ZRB}).
 */
public enum Dimension {
    BORDER_POINT("borderPoint"),
    AUTHORITY("authority"),
    GOVERNORATE("governorate"),
    DIRECTION("direction"),
    NATIONALITY("nationality"),
    SEX("sex"),
    AGE_BAND("ageBand"),
    PURPOSE("purpose"),
    TRANSPORT_MODE("transportMode"),
    /** The latest decision: ADMITTED, REFUSED, REFERRED (or PENDING for a group's member). */
    DECISION("decision"),
    /** The refusal reason's code of a refused crossing; absent for any other decision. */
    REASON("reason"),
    /** What became of the crossing's watchlist hits: NONE, OPEN, CLEARED_BY_OFFICER, FALSE_POSITIVE or TRUE_MATCH. */
    HIT_OUTCOME("hitOutcome"),
    /**
     * What the crossing's health screening came to, as it stands after any decision on a hold: CLEARED, SECONDARY,
     * REFERRED, ISOLATED, or NONE for a crossing never screened for health.
     */
    HEALTH_OUTCOME("healthOutcome");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    /** Its name in the API and in exports. */
    public String parameter() {
        return parameter;
    }

    public static Optional<Dimension> ofParameter(String name) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(name)).findFirst();
    }
}
