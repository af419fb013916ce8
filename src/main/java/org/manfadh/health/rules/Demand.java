package org.manfadh.health.rules;

import org.manfadh.bordercontrol.HealthOutcome;

/** An outcome a rule demands at least, and the finding that demands it, for the officer to read. */
public record Demand(String ruleCode, String finding, HealthOutcome outcome) {
}
