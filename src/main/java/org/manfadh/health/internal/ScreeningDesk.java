package org.manfadh.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.AuditTrail;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.bordercontrol.Arrivals;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.HealthCheckpoint.Arrival;
import org.manfadh.bordercontrol.HealthStatus;
import org.manfadh.health.Alert;
import org.manfadh.health.HealthCommands;
import org.manfadh.health.HealthScreened;
import org.manfadh.health.HealthScreenings;
import org.manfadh.health.HoldOutcome;
import org.manfadh.health.rules.Assessment;
import org.manfadh.health.rules.ScreeningRules;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Screenings recorded after their crossing, the health officer's reading of them, the queue of travellers held for
 * health and the decisions on them. Jurisdiction is the register's: a crossing the caller cannot read is not found.
 */
@Service
class ScreeningDesk implements HealthScreenings {

    /** Who reads the details and decides on holds. */
    private static final Set<String> HEALTH = Set.of("HEALTH_OFFICER", "ADMIN");

    private final Screenings screenings;
    private final HoldDecisions decisions;
    private final ScreeningCheckpoint checkpoint;
    private final ActiveRules active;
    private final CrossingQueries crossings;
    private final Arrivals arrivals;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final NodeIdentity node;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScreeningDesk(Screenings screenings, HoldDecisions decisions, ScreeningCheckpoint checkpoint, ActiveRules active,
                  CrossingQueries crossings, Arrivals arrivals, Accounts accounts, AuditTrail audit, NodeIdentity node,
                  Clock clock, ApplicationEventPublisher events) {
        this.screenings = screenings;
        this.decisions = decisions;
        this.checkpoint = checkpoint;
        this.active = active;
        this.crossings = crossings;
        this.arrivals = arrivals;
        this.accounts = accounts;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Detail record(HealthCommands.RecordScreening request, Caller caller) {
        Crossing crossing = visible(request.crossingId(), caller);
        if (!crossing.nodeId().equals(node.nodeId())) {
            throw Rejection.conflict("screen-at-post", "Crossing " + crossing.id() + " was recorded at "
                    + crossing.borderPoint() + "'s post, where the traveller is: screen them there.");
        }
        if (!crossings.mayWorkAt(caller, crossing.borderPoint())) {
            throw Rejection.forbidden("Border point " + crossing.borderPoint() + " is outside your jurisdiction.");
        }
        if (screenings.find(crossing.id()).isPresent()) {
            throw exists(crossing.id());
        }
        LocalDate day = LocalDate.ofInstant(crossing.occurredAt(), clock.getZone());
        Arrival arrival = arrivals.arrival(crossing.id(), day).orElseThrow(() -> notFound(crossing.id()));
        Assessment assessment = checkpoint.assessment(arrival);
        if (!assessment.applies()) {
            throw Rejection.unprocessable("health-screening-not-required", "No health screening required",
                    "No health screening rule applies to crossing " + crossing.id() + " ("
                            + crossing.direction().name().toLowerCase(Locale.ROOT) + " on " + day + ").");
        }
        List<Rejection.Field> faults = ScreeningRules.check(assessment, request.screening()).stream()
                .map(f -> new Rejection.Field(f.field().replaceFirst("^healthScreening\\.", ""), f.message()))
                .toList();
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        Screenings.Row row = checkpoint.row(arrival, assessment, request.screening(), crossing.travellerId(),
                caller.username(), clock.instant());
        if (!screenings.insert(row)) {
            throw exists(crossing.id());
        }
        events.publishEvent(new HealthScreened(crossing.id()));
        return detail(row, List.of());
    }

    @Override
    public Optional<Detail> detail(UUID crossingId, Caller caller) {
        requireHealthOfficer(caller);
        Optional<Crossing> crossing = crossings.crossing(crossingId, caller);
        Optional<Screenings.Row> row = crossing.flatMap(c -> screenings.find(c.id()));
        // The read is recorded before anything is shown, found or not.
        audit.personalDataRead("health screening of crossing " + crossingId,
                row.map(r -> List.of(crossingId, r.id())).orElse(List.of(crossingId)));
        return row.map(r -> detail(r, decisions.of(r.id())));
    }

    @Override
    public Page<Held> held(String borderPoint, PageRequest page, Caller caller) {
        requireHealthOfficer(caller);
        ReadScope scope = accounts.readScope(caller.username(), SharedData.CROSSINGS);
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(Locale.ROOT);
        if (point != null && !scope.allows(point)) {
            return Page.of(List.of(), page, 0);
        }
        String[] points = scope.borderPointsOrNull();
        List<Screenings.Held> rows = screenings.held(point, points, page.size(), page.offset());
        Map<UUID, Alert> alerts = new HashMap<>();
        active.current().alerts().forEach(a -> alerts.put(a.id(), a));
        List<Held> content = new ArrayList<>();
        for (Screenings.Held held : rows) {
            Screenings.Row s = held.screening();
            JsonNode document = crossings.crossing(s.crossingId(), caller).map(Crossing::document).orElse(null);
            Set<String> diseases = new LinkedHashSet<>();
            s.alertIds().forEach(id -> Optional.ofNullable(alerts.get(id)).ifPresent(a -> diseases.add(a.disease())));
            if (diseases.isEmpty()) {
                diseases.addAll(s.ruleCodes());
            }
            content.add(new Held(s.crossingId(), s.travellerId(), name(document), text(document, "nationality"),
                    s.borderPoint(), s.occurredAt(), s.outcome(), List.copyOf(diseases), s.screenedAt(),
                    held.lastDecision()));
        }
        if (!content.isEmpty()) {
            audit.personalDataRead("travellers held for health", content.stream().map(Held::crossingId).toList());
        }
        return Page.of(content, page, screenings.countHeld(point, points));
    }

    @Override
    @Transactional
    public Detail decide(UUID crossingId, HealthCommands.DecideHold request, Caller caller) {
        requireHealthOfficer(caller);
        Crossing crossing = visible(crossingId, caller);
        Screenings.Row row = screenings.find(crossingId).orElseThrow(() -> Rejection.notFound("Health screening",
                "Crossing " + crossingId + " has no health screening."));
        if (screenings.statuses(List.of(crossingId)).get(crossingId) != HealthStatus.HOLD) {
            throw Rejection.conflict("not-held", "Crossing " + crossingId + " is not held for health.");
        }
        if (!crossing.nodeId().equals(node.nodeId())) {
            throw Rejection.conflict("decide-at-post", "Crossing " + crossingId + " was recorded at "
                    + crossing.borderPoint() + "'s post, where the traveller is held: decide there.");
        }
        if (!crossings.mayWorkAt(caller, crossing.borderPoint())) {
            throw Rejection.forbidden("Border point " + crossing.borderPoint() + " is outside your jurisdiction.");
        }
        String facility = request.facility() == null || request.facility().isBlank() ? null : request.facility().strip();
        if (request.outcome() == HoldOutcome.REFERRED && facility == null) {
            // The facility of the screening, or the one its rules refer travellers to.
            facility = row.facility() != null ? row.facility() : active.current().rules().stream()
                    .filter(r -> row.ruleCodes().contains(r.code()) && r.referralFacility() != null)
                    .map(org.manfadh.health.Rule::referralFacility).findFirst().orElse(null);
            if (facility == null) {
                throw Rejection.invalidField("facility", "is required: name the health facility the traveller is "
                        + "referred to");
            }
        }
        Instant now = clock.instant();
        Decision decision = new Decision(Ids.newId(), request.outcome(), facility,
                request.notes() == null || request.notes().isBlank() ? null : request.notes().strip(),
                caller.username(), now);
        decisions.insert(decision, node.nodeId(), row.id(), crossingId);
        events.publishEvent(new HealthScreened(crossingId));
        audit.personalDataRead("health screening of crossing " + crossingId, List.of(crossingId, row.id()));
        return detail(row, decisions.of(row.id()));
    }

    private Crossing visible(UUID crossingId, Caller caller) {
        return crossings.crossing(crossingId, caller).orElseThrow(() -> notFound(crossingId));
    }

    private Detail detail(Screenings.Row s, List<Decision> decided) {
        boolean held = s.outcome().holds() && (decided.isEmpty() || !decided.getLast().outcome().releases());
        return new Detail(s.id(), s.crossingId(), s.travellerId(), s.borderPoint(), s.occurredAt(), s.alertIds(),
                s.ruleCodes(), s.exposureCountries(), s.lastExposureOn(), s.temperatureC(), s.symptoms(),
                s.exposures(), s.yellowFeverCertificate(), s.outcome(), s.facility(), s.notes(), s.address(),
                s.phone(), s.screenedBy(), s.screenedAt(), decided, held);
    }

    private static void requireHealthOfficer(Caller caller) {
        if (!caller.hasAnyRole(HEALTH)) {
            throw Rejection.forbidden("Health screenings' details are the health officer's.");
        }
    }

    private static String name(JsonNode document) {
        String surname = text(document, "surname");
        String given = text(document, "givenNames");
        if (surname == null && given == null) {
            return null;
        }
        return ((surname == null ? "" : surname) + (given == null ? "" : ", " + given)).strip();
    }

    private static String text(JsonNode document, String field) {
        if (document == null || document.path(field).isMissingNode() || document.path(field).isNull()) {
            return null;
        }
        String value = document.path(field).asString(null);
        return value == null || value.isBlank() ? null : value;
    }

    private static Rejection notFound(UUID crossingId) {
        return Rejection.notFound("Crossing", "No crossing has the id " + crossingId + ".");
    }

    private static Rejection exists(UUID crossingId) {
        return Rejection.conflict("health-screening-exists", "Crossing " + crossingId
                + " has a health screening already.");
    }
}
