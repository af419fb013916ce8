package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.HealthCheckpoint;
import org.manfadh.bordercontrol.HealthStatus;
import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.policy.CheckFacts;
import org.manfadh.bordercontrol.policy.CrossingPolicy;
import org.manfadh.bordercontrol.policy.Ruling;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.Sha256;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records crossings and the decisions on them. A request is checked whole before anything is
 * written; the crossing, its decision, the traveller's identity and stays are then written in one
 * transaction, so an acknowledged crossing is committed and a repeated request records nothing new.
 */
@Service
public class CrossingRecorder implements CrossingRecording {

    private final DocumentReader documents;
    private final IdentityResolver identities;
    private final Crossings crossings;
    private final Travellers travellers;
    private final PresentedVisas visas;
    private final Groups groups;
    private final StayService stays;
    private final CrossingViews views;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final Screening screening;
    private final BorderJurisdiction jurisdiction;
    private final ApplicationEventPublisher events;
    private final CrossingPolicy policy;
    private final LaterDecisions later;
    private final HealthGate health;

    CrossingRecorder(DocumentReader documents, IdentityResolver identities, Crossings crossings, Travellers travellers,
                     PresentedVisas visas, Groups groups, StayService stays, CrossingViews views,
                     ReferenceData referenceData, NodeIdentity node, TransactionTemplate transaction, JsonMapper json,
                     Clock clock, BorderControlSettings settings, Screening screening, BorderJurisdiction jurisdiction,
                     ApplicationEventPublisher events, LaterDecisions later, HealthGate health) {
        this.later = later;
        this.health = health;
        this.documents = documents;
        this.identities = identities;
        this.crossings = crossings;
        this.travellers = travellers;
        this.visas = visas;
        this.groups = groups;
        this.stays = stays;
        this.views = views;
        this.referenceData = referenceData;
        this.node = node;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.screening = screening;
        this.jurisdiction = jurisdiction;
        this.events = events;
        this.policy = settings.policy();
    }

    /**
     * Records a crossing: checked whole before anything is read, then under the locks of the
     * crossing and its document, the traveller resolved, screened, ruled on and written with its
     * stays, in one transaction.
     */
    public Recorded record(RecordCrossing request, Caller caller) {
        Instant now = clock.instant();
        Intake intake = intake(request, caller, now);
        return transaction.execute(status -> {
            travellers.lock(intake.locks());
            var existing = crossings.requestHash(request.id());
            if (existing.isPresent()) {
                return repeated(request.id(), existing.get(), intake.hash(), now);
            }
            if (request.groupId() != null) {
                groups.requireOpen(request.groupId(), intake.point().code(), request.direction());
            }
            DocumentReading doc = intake.document();
            IdentityResolver.Resolution identity = identities.resolve(doc, blankToNull(request.nameOriginalScript()),
                    node.nodeId(), now);
            if (!identity.newTraveller()) {
                travellers.lockTraveller(identity.travellerId());
            }
            // Screened before it is recorded, in the same transaction: a hit is never admitted unseen.
            ScreeningResult screened = screening.screenCrossing(request.id(), identity.travellerId(),
                    ScreeningSubject.ofDocument(doc.surname(), doc.givenNames(),
                            blankToNull(request.nameOriginalScript()), doc.dateOfBirth(), doc.nationality(), doc.sex(),
                            doc.documentNumber(), doc.issuingState()),
                    intake.facts().reviewed(), caller.username(), intake.point().code());
            PresentedVisas.Presented visa = visas.present(request.visa(), identity.travellerId(), intake.point(),
                    intake.day(), caller.username(), now);
            Ruling ruling = policy.rule(intake.facts(), Refusals.officer(caller), intake.documentFacts(), Refusals.screened(screened),
                    identity.linkBasis() == LinkBasis.NAME_BIRTH_NATIONALITY, visa.flags(), now, intake.day());
            HealthScreening healthScreening = request.healthScreening();
            boolean held = healthScreening != null && healthScreening.outcome().holds();
            if (held && ruling.decision() == Decision.ADMITTED) {
                ruling = new Ruling(Decision.REFERRED, ruling.flags(), "held for health: "
                        + healthScreening.outcome().name().toLowerCase(Locale.ROOT), ruling.late(), ruling.minor());
            }
            Recorded recorded = write(request, caller, intake, identity, visa.visa(), ruling, screened, now);
            if (healthScreening != null) {
                health.record(intake.arrival(), intake.health(), healthScreening, identity.travellerId(),
                        caller.username(), now);
            }
            return healthScreening == null ? recorded : new Recorded(recorded.crossing()
                    .withHealth(held ? HealthStatus.HOLD : HealthStatus.CLEARED), recorded.created());
        });
    }

    /** A request checked before anything is read: where, the document as read, the facts the policy rules on. */
    private record Intake(BorderPoint point, DocumentReading document, LocalDate day, CheckFacts.Request facts,
                          CheckFacts.Document documentFacts, String hash, List<String> locks,
                          HealthCheckpoint.Arrival arrival, HealthCheckpoint.Requirement health) {
    }

    private Intake intake(RecordCrossing request, Caller caller, Instant now) {
        List<Rejection.Field> fieldErrors = new ArrayList<>();
        BorderPoint point = request.borderPoint() == null ? null
                : referenceData.borderPoint(request.borderPoint().strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (point == null) {
            fieldErrors.add(new Rejection.Field("borderPoint", "is not a known border point code"));
        } else {
            jurisdiction.requireWorkAt(caller, point.code());
        }
        Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
        LocalDate day = LocalDate.ofInstant(occurredAt, clock.getZone());
        CheckFacts.Request facts = new CheckFacts.Request(request.direction(), request.decision(),
                Refusals.reason(referenceData, request.reasonCode(), request.direction()), request.groupId() != null, occurredAt,
                blankToNull(request.lateReason()) != null, request.override() != null,
                blankToNull(request.accompaniedBy()) != null || blankToNull(request.consentDocument()) != null,
                Boolean.TRUE.equals(request.screeningReviewed()));
        policy.checkFields(facts, Refusals.officer(caller), now).forEach(e -> fieldErrors.add(new Rejection.Field(e.field(), e.message())));
        var visa = request.visa();
        if (visa != null && visa.validFrom() != null && visa.validUntil() != null
                && visa.validUntil().isBefore(visa.validFrom())) {
            fieldErrors.add(new Rejection.Field("visa.validUntil", "is before validFrom"));
        }
        if (point != null) {
            fieldErrors.addAll(health.checkRoute(request, day));
        }
        DocumentReading document = null;
        boolean hasMrz = request.mrz() != null && !request.mrz().isBlank();
        if (hasMrz == (request.document() != null)) {
            fieldErrors.add(new Rejection.Field(hasMrz ? "document" : "mrz",
                    "give either the machine readable zone (mrz) or the typed document (document), not both or neither"));
        } else {
            document = hasMrz ? documents.fromMrz(request.mrz(), day) : documents.fromManual(request.document(), day, fieldErrors);
        }
        HealthCheckpoint.Arrival arrival = null;
        HealthCheckpoint.Requirement requirement = HealthCheckpoint.Requirement.NONE;
        if (fieldErrors.isEmpty()) {
            arrival = health.arrival(request, point, document.nationality(), occurredAt, day);
            requirement = health.assess(arrival);
            fieldErrors.addAll(health.check(arrival, requirement, request.healthScreening()));
        }
        if (!fieldErrors.isEmpty()) {
            throw Rejection.invalidFields(fieldErrors);
        }
        if (request.decision() == Decision.ADMITTED && request.healthScreening() == null) {
            health.requireScreening(requirement, request.id());
        }
        CheckFacts.Document documentFacts = new CheckFacts.Document(document.identified(), document.failsValidation(day),
                document.dateOfBirth());
        DocumentReading read = document;
        policy.checkDocument(facts, Refusals.officer(caller), documentFacts).ifPresent(refusal -> {
            throw Refusals.rejection(refusal, read);
        });
        List<String> locks = new ArrayList<>();
        locks.add("crossing:" + request.id());
        locks.addAll(IdentityResolver.lockKeys(document));
        return new Intake(point, document, day, facts, documentFacts, Sha256.hex(json.writeValueAsString(request)),
                locks, arrival, requirement);
    }

    /** A request repeated under a crossing's id: the crossing as it stands, or a conflict when the content differs. */
    private Recorded repeated(UUID id, String recordedHash, String hash, Instant now) {
        if (!recordedHash.equals(hash)) {
            throw Rejection.conflict("id-conflict", "Crossing " + id
                    + " was recorded with different content; a new crossing needs a new id.");
        }
        return new Recorded(views.crossing(id, LocalDate.ofInstant(now, clock.getZone())).orElseThrow(), false);
    }

    /**
     * Writes the crossing, its initial decision and the traveller's stays, then the flags the stays
     * give an admitted crossing. A traveller first seen now has a history known here, so nothing is read back.
     */
    private Recorded write(RecordCrossing request, Caller caller, Intake intake, IdentityResolver.Resolution identity,
                           Visas.Visa visa, Ruling ruling, ScreeningResult screened, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        BorderPoint point = intake.point();
        Instant occurredAt = intake.facts().occurredAt();
        var transport = request.transport();
        Crossing crossing = new Crossing(request.id(), identity.travellerId(), node.nodeId(), point.code(),
                request.direction(), occurredAt, occurredAt.atZone(clock.getZone()).toOffsetDateTime(), now,
                ruling.decision(), blankToNull(request.reasonCode()), ruling.note(blankToNull(request.note())),
                request.vulnerability() == null ? List.of() : request.vulnerability().stream().distinct().toList(),
                blankToNull(request.protectionReferral()), caller.username(), now, request.purpose(),
                transport == null || transport.mode() == null && blankToNull(transport.reference()) == null
                        && intake.arrival().origin() == null && intake.arrival().via().isEmpty() ? null
                        : new Crossing.Transport(transport.mode(), blankToNull(transport.reference()),
                                intake.arrival().origin(), intake.arrival().via()),
                request.groupId(), visa == null ? null : visa.id(), caller.username(), List.copyOf(ruling.flags()),
                false, null, 0, ruling.late() ? request.lateReason().strip() : null,
                request.override() == null ? null : request.override().reason().strip(), ruling.minor(),
                blankToNull(request.accompaniedBy()), blankToNull(request.consentDocument()),
                !intake.documentFacts().fails(),
                new Crossing.Identity(identity.documentId(), identity.linkBasis(), identity.confidence()), null,
                documents.snapshot(intake.document()), null, null);
        boolean admitted = ruling.decision() == Decision.ADMITTED;
        StayService.Stay stay;
        if (identity.newTraveller()) {
            stay = stays.firstCrossing(identity.traveller(), intake.document().issuingState(), crossing, visa, today);
            if (admitted) {
                crossing = crossing.withFlags(ruling.with(stayFlags(crossing, stay)).flags());
            }
            crossings.insert(crossing, point.authority().name(), point.governorate(), intake.hash(), request.visited());
            stays.storeFirst(identity.traveller(), stay);
        } else {
            crossings.insert(crossing, point.authority().name(), point.governorate(), intake.hash(), request.visited());
            stay = stays.rebuild(identity.travellerId(), today);
            if (admitted) {
                crossing = crossing.withFlags(ruling.with(stayFlags(crossing, stay)).flags());
                crossings.setFlags(request.id(), crossing.flags());
            }
        }
        events.publishEvent(new CrossingRecorded(request.id()));
        return new Recorded(crossing.shown(CrossingViews.stay(stay.status()), screened), true);
    }

    private static Set<CrossingFlag> stayFlags(Crossing crossing, StayService.Stay stay) {
        return CrossingPolicy.stayFlags(crossing.id(), crossing.direction(), stay.periods(), stay.citizen());
    }

    @Override
    public Crossing decide(UUID crossingId, DecideCrossing request, Caller caller) {
        return later.decide(crossingId, request, caller);
    }

    @Override
    public Crossing amend(UUID crossingId, AmendCrossing request, Caller caller) {
        return later.amend(crossingId, request, caller);
    }

    @Override
    public Crossing voidCrossing(UUID crossingId, VoidCrossing request, Caller caller) {
        return later.voidCrossing(crossingId, request, caller);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String blankToNull(String value) {
        return Texts.blankToNull(value);
    }
}
