package org.manfadh.health.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.HealthCheckpoint;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.bordercontrol.HealthStatus;
import org.manfadh.health.HealthScreened;
import org.manfadh.health.rules.Assessment;
import org.manfadh.health.rules.Findings;
import org.manfadh.health.rules.ScreeningRules;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The health part of the border check: the rules in memory worked out for each arrival, and the screening written
 * in the crossing's own transaction.
 */
@Service
class ScreeningCheckpoint implements HealthCheckpoint {

    private final ActiveRules active;
    private final Screenings screenings;
    private final NodeIdentity node;
    private final ApplicationEventPublisher events;

    ScreeningCheckpoint(ActiveRules active, Screenings screenings, NodeIdentity node, ApplicationEventPublisher events) {
        this.active = active;
        this.screenings = screenings;
        this.node = node;
        this.events = events;
    }

    Assessment assessment(Arrival arrival) {
        ActiveRules.Snapshot now = active.current();
        return ScreeningRules.assess(arrival, now.alerts(), now.rules());
    }

    @Override
    public Requirement assess(Arrival arrival) {
        return assessment(arrival).requirement();
    }

    @Override
    public List<Rejection.Field> check(Arrival arrival, Requirement requirement, HealthScreening screening) {
        return ScreeningRules.check(assessment(arrival), screening);
    }

    @Override
    public void record(Arrival arrival, Requirement requirement, HealthScreening screening, UUID travellerId,
                       String username, Instant now) {
        Screenings.Row row = row(arrival, assessment(arrival), screening, travellerId, username, now);
        if (screenings.insert(row)) {
            events.publishEvent(new HealthScreened(arrival.crossingId()));
        }
    }

    /** The screening to write for an arrival the rules apply to, as checked. */
    Screenings.Row row(Arrival arrival, Assessment assessment, HealthScreening screening, UUID travellerId,
                       String username, Instant now) {
        Findings findings = ScreeningRules.read(screening).findings();
        String facility = screening.facility() == null || screening.facility().isBlank()
                ? (screening.outcome() == HealthOutcome.REFERRED ? ScreeningRules.referralFacility(assessment) : null)
                : screening.facility().strip();
        return new Screenings.Row(Ids.newId(), node.nodeId(), arrival.crossingId(), travellerId, arrival.borderPoint(),
                arrival.occurredAt(), assessment.alertIds(), assessment.ruleCodes(), assessment.exposureCountries(),
                assessment.lastExposureOn() == null ? arrival.day() : assessment.lastExposureOn(),
                findings.temperatureC(), List.copyOf(findings.symptoms()), List.copyOf(findings.exposures()),
                findings.certificate() == null ? null : findings.certificate().name(), screening.outcome(), facility,
                blankToNull(screening.notes()), blankToNull(screening.address()), blankToNull(screening.phone()),
                username, now);
    }

    @Override
    public Map<UUID, HealthStatus> statuses(Collection<UUID> crossingIds) {
        return crossingIds.isEmpty() ? Map.of() : screenings.statuses(crossingIds);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
