package org.manfadh.health.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.manfadh.health.HealthOutcomes;
import org.springframework.stereotype.Service;

/** The outcome that stands for each screened crossing, for counting: the latest decision's, or the screening's. */
@Service
class OutcomeReads implements HealthOutcomes {

    private final Screenings screenings;

    OutcomeReads(Screenings screenings) {
        this.screenings = screenings;
    }

    @Override
    public Map<UUID, Counted> of(Collection<UUID> crossingIds) {
        Map<UUID, Counted> counted = new HashMap<>();
        if (!crossingIds.isEmpty()) {
            screenings.standingOutcomes(crossingIds).forEach((id, outcome) -> counted.put(id, Counted.valueOf(outcome)));
        }
        return counted;
    }
}
