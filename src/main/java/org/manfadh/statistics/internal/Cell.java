package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.FlowFacts;
import org.manfadh.health.HealthOutcomes;
import org.manfadh.screening.HitStatus;
import org.manfadh.statistics.AgeBand;

/**
 * The cell a crossing is counted in: its border's day and hour and the value of every dimension.
 * What is not known is counted as {@code UNKNOWN}; a reason only for a refusal, and {@code NONE} for a
 * crossing without one, likewise a crossing without hits and one never screened for health.
 */
record Cell(LocalDate day, int hour, String borderPoint, String direction, String nationality, String sex,
            String ageBand, String purpose, String transportMode, String decision, String reason, String hitOutcome,
            String healthOutcome) {

    static final String UNKNOWN = "UNKNOWN";
    static final String NONE = "NONE";

    /** Where a crossing counts now; null when it does not count (voided). */
    static Cell of(FlowFacts.Fact f, HitStatus hits, HealthOutcomes.Counted health, ZoneId zone) {
        if (f.voided()) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(f.occurredAt(), zone);
        return new Cell(local.toLocalDate(), local.getHour(), f.borderPoint(), f.direction().name(),
                f.nationality() == null || !f.nationality().matches("[A-Z<]{1,3}") ? UNKNOWN : f.nationality(),
                f.sex() == null || !f.sex().matches("[MFX]") ? UNKNOWN : f.sex(),
                AgeBand.of(f.ageYears()).label(),
                f.purpose() == null ? UNKNOWN : f.purpose().name(),
                f.transportMode() == null ? UNKNOWN : f.transportMode().name(),
                f.decision().name(),
                f.decision() == Decision.REFUSED && f.reasonCode() != null ? f.reasonCode() : NONE,
                hits == null ? NONE : hits.name(),
                health == null ? NONE : health.name());
    }

    /** The values in the order of {@link Cuboid.Column}. */
    List<String> values() {
        return List.of(borderPoint, direction, nationality, sex, ageBand, purpose, transportMode, decision, reason,
                hitOutcome, healthOutcome);
    }
}
