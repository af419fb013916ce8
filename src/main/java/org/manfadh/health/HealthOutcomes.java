package org.manfadh.health;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Health outcomes of crossings as counts need them: no detail, only the outcome that stands (the screening's, or
 * the latest decision on its hold). A crossing never screened for health is absent.
 */
public interface HealthOutcomes {

    /** What a crossing's health part came to, for counting. */
    enum Counted {
        CLEARED, SECONDARY, REFERRED, ISOLATED
    }

    Map<UUID, Counted> of(Collection<UUID> crossingIds);
}
