package org.manfadh.bordercontrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.manfadh.bordercontrol.Arrivals;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.HealthCheckpoint;
import org.manfadh.bordercontrol.HealthCheckpoint.Arrival;
import org.manfadh.bordercontrol.HealthCheckpoint.Requirement;
import org.manfadh.bordercontrol.HealthStatus;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The border check's side of health at points of entry: builds the arrival health looks at, refuses to admit an
 * entry a health rule applies to until it is screened, and keeps a traveller held for health from being admitted.
 * Without a health module present, nothing is required.
 */
@Component
class HealthGate implements Arrivals {

    private final ObjectProvider<HealthCheckpoint> checkpoint;
    private final ReferenceData referenceData;
    private final Crossings crossings;

    HealthGate(ObjectProvider<HealthCheckpoint> checkpoint, ReferenceData referenceData, Crossings crossings) {
        this.checkpoint = checkpoint;
        this.referenceData = referenceData;
        this.crossings = crossings;
    }

    /** An arrival as recorded now. */
    Arrival arrival(RecordCrossing request, BorderPoint point, String nationality, Instant occurredAt, LocalDate day) {
        var transport = request.transport();
        return new Arrival(request.id(), point.code(), request.direction(), occurredAt, day, nationality,
                transport == null ? null : transport.mode(), transport == null ? null : Texts.blankToNull(transport.reference()),
                point.neighbourCountry(), transport == null ? null : code(transport.origin()),
                transport == null || transport.via() == null ? List.of() : transport.via().stream().map(HealthGate::code).toList(),
                request.visited());
    }

    /** A crossing already in the register, as health looks at it. */
    Arrival arrival(Crossing crossing, LocalDate day) {
        BorderPoint point = referenceData.borderPoint(crossing.borderPoint()).orElseThrow();
        var transport = crossing.transport();
        String nationality = crossing.document() == null || crossing.document().path("nationality").isMissingNode()
                ? null : crossing.document().path("nationality").asString(null);
        return new Arrival(crossing.id(), crossing.borderPoint(), crossing.direction(), crossing.occurredAt(), day,
                nationality, transport == null ? null : transport.mode(), transport == null ? null : transport.reference(),
                point.neighbourCountry(), transport == null ? null : transport.origin(),
                transport == null ? List.of() : transport.via(), crossings.visited(crossing.id()));
    }

    @Override
    public Optional<Arrival> arrival(UUID crossingId, LocalDate day) {
        return crossings.find(crossingId).map(c -> arrival(c, day));
    }

    /** The faults of the route's country codes and of a declared day after the crossing's own (on the border's calendar), by field. */
    List<Rejection.Field> checkRoute(RecordCrossing request, LocalDate day) {
        var faults = new java.util.ArrayList<Rejection.Field>();
        var transport = request.transport();
        if (transport != null && transport.origin() != null && !known(transport.origin())) {
            faults.add(new Rejection.Field("transport.origin", "is not a known ICAO country code"));
        }
        if (transport != null && transport.via() != null) {
            for (int i = 0; i < transport.via().size(); i++) {
                if (!known(transport.via().get(i))) {
                    faults.add(new Rejection.Field("transport.via[" + i + "]", "is not a known ICAO country code"));
                }
            }
        }
        if (request.visited() != null) {
            for (int i = 0; i < request.visited().size(); i++) {
                var visited = request.visited().get(i);
                if (visited == null || !known(visited.country())) {
                    faults.add(new Rejection.Field("visited[" + i + "].country", "is not a known ICAO country code"));
                } else if (visited.left() != null && visited.left().isAfter(day)) {
                    faults.add(new Rejection.Field("visited[" + i + "].left", "is after the crossing"));
                }
            }
        }
        return faults;
    }

    /** What health asks of this arrival; nothing of an exit. */
    Requirement assess(Arrival arrival) {
        HealthCheckpoint health = checkpoint.getIfAvailable();
        return health == null || arrival.direction() != Direction.ENTRY ? Requirement.NONE : health.assess(arrival);
    }

    /**
     * The faults of a recording as health sees them: a screening given where none is asked, or one health finds
     * fault with. An admission without the screening a rule requires is refused on its own, after the fields.
     */
    List<Rejection.Field> check(Arrival arrival, Requirement requirement, HealthScreening screening) {
        if (screening == null) {
            return List.of();
        }
        if (!requirement.required()) {
            return List.of(new Rejection.Field("healthScreening",
                    "is not asked for: no health screening rule applies to this " + arrival.direction().name().toLowerCase(Locale.ROOT)));
        }
        return checkpoint.getObject().check(arrival, requirement, screening);
    }

    /** Refuses an admission that a health rule requires a screening for, naming the alerts. */
    void requireScreening(Requirement requirement, UUID crossingId) {
        if (requirement.required()) {
            throw Rejection.unprocessable("health-screening-required", "Health screening required",
                    "Entry " + crossingId + " must be screened for health before it is admitted: "
                            + requirement.applying().stream().map(a -> a.disease() == null ? a.ruleCode() : a.disease())
                            .distinct().collect(Collectors.joining(", ")) + ".")
                    .with("alerts", requirement.applying().stream().map(a -> Map.of(
                            "alertId", a.alertId() == null ? "" : a.alertId().toString(),
                            "rule", a.ruleCode(), "disease", a.disease() == null ? "" : a.disease())).toList());
        }
    }

    /** Records the screening in the crossing's transaction. */
    void record(Arrival arrival, Requirement requirement, HealthScreening screening, UUID travellerId, String username,
                Instant now) {
        checkpoint.getObject().record(arrival, requirement, screening, travellerId, username, now);
    }

    /**
     * Refuses to admit a crossing held for health, or an entry a rule requires a screening of that has none.
     */
    void admissionBar(Crossing crossing, LocalDate day) {
        if (crossing.direction() != Direction.ENTRY || checkpoint.getIfAvailable() == null) {
            return;
        }
        HealthStatus status = status(crossing.id()).orElse(null);
        if (status == HealthStatus.HOLD) {
            throw Rejection.unprocessable("health-hold", "Held for health",
                    "Crossing " + crossing.id() + " is held for health until a health officer decides.");
        }
        if (status == null) {
            requireScreening(assess(arrival(crossing, day)), crossing.id());
        }
    }

    Optional<HealthStatus> status(UUID crossingId) {
        return Optional.ofNullable(statuses(List.of(crossingId)).get(crossingId));
    }

    Map<UUID, HealthStatus> statuses(Collection<UUID> crossingIds) {
        HealthCheckpoint health = checkpoint.getIfAvailable();
        return health == null || crossingIds.isEmpty() ? Map.of() : health.statuses(crossingIds);
    }

    private boolean known(String code) {
        return code != null && referenceData.icaoCodes().contains(code.strip().toUpperCase(Locale.ROOT));
    }

    private static String code(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
