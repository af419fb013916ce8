package org.manfadh.bordercontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.platform.Rejection;

/**
 * The health part of a border check, answered by the health module: the register asks, and never reads health's
 * tables. An entry that an outbreak alert's or a standing rule's screening applies to is not admitted until a
 * screening is recorded, and a screening that holds the traveller keeps the crossing referred until a health
 * officer decides. With no implementation present, nothing is required.
 */
public interface HealthCheckpoint {

    /**
     * An arrival as the border check knows it before anything is written.
     *
     * @param neighbourCountry the country across the land border of the border point, or null
     * @param origin           where the flight, ship, bus or vehicle set out from, or null
     * @param via              the countries it passed through on the way
     * @param visited          the countries the traveller declares having been in, with the day they left when given
     */
    record Arrival(UUID crossingId, String borderPoint, Direction direction, Instant occurredAt, LocalDate day,
                   String nationality, TransportMode transportMode, String transportReference,
                   String neighbourCountry, String origin, List<String> via, List<VisitedCountry> visited) {

        public Arrival {
            via = via == null ? List.of() : List.copyOf(via);
            visited = visited == null ? List.of() : List.copyOf(visited);
        }
    }

    /** An alert (or a standing rule, with a null id) whose screening applies, named for the officer. */
    record Applying(UUID alertId, String ruleCode, String disease) {
    }

    /** What to ask and measure, for the booth's prompt: symptom and exposure codes, as health names them. */
    record Prompt(boolean temperature, List<String> symptoms, List<String> exposures, boolean yellowFeverCertificate) {

        public Prompt {
            symptoms = List.copyOf(symptoms);
            exposures = List.copyOf(exposures);
        }
    }

    /** What health asks of an arrival: nothing, or a screening under the alerts and rules named, with the prompt. */
    record Requirement(List<Applying> applying, Prompt prompt) {

        public static final Requirement NONE = new Requirement(List.of(), new Prompt(false, List.of(), List.of(), false));

        public Requirement {
            applying = List.copyOf(applying);
        }

        public boolean required() {
            return !applying.isEmpty();
        }
    }

    /** What health asks of this arrival. An exit, or an entry no rule applies to, needs nothing. */
    Requirement assess(Arrival arrival);

    /**
     * The faults of a screening given for this arrival, named by field under {@code healthScreening} (an unknown
     * symptom, an outcome milder than the rule demands of what was found): empty when it may be recorded.
     */
    List<Rejection.Field> check(Arrival arrival, Requirement requirement, HealthScreening screening);

    /**
     * Records the screening in the crossing's own transaction, after the crossing is written; announces it so that
     * it travels to headquarters and is counted. Whether the traveller is held is the screening's outcome's.
     */
    void record(Arrival arrival, Requirement requirement, HealthScreening screening, UUID travellerId, String username,
                Instant now);

    /** The health part of each of these crossings that has one; a crossing without a screening is absent. */
    Map<UUID, HealthStatus> statuses(Collection<UUID> crossingIds);
}
