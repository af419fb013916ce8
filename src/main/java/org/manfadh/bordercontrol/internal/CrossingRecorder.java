package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.VulnerabilityIndicator;
import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.policy.CheckFacts;
import org.manfadh.bordercontrol.policy.CrossingPolicy;
import org.manfadh.bordercontrol.policy.Refusal;
import org.manfadh.bordercontrol.policy.Result;
import org.manfadh.bordercontrol.policy.Ruling;
import org.manfadh.document.MrzProblem;
import org.manfadh.document.MrzProblemCode;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.Sha256;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.WatchlistKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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

    CrossingRecorder(DocumentReader documents, IdentityResolver identities, Crossings crossings, Travellers travellers,
                     PresentedVisas visas, Groups groups, StayService stays, CrossingViews views,
                     ReferenceData referenceData, NodeIdentity node, TransactionTemplate transaction, JsonMapper json,
                     Clock clock, BorderControlSettings settings, Screening screening, BorderJurisdiction jurisdiction,
                     ApplicationEventPublisher events) {
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
        this.policy = new CrossingPolicy(settings.lateRecordLimitDays(), settings.lateRecordRoles());
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
            Ruling ruling = policy.rule(intake.facts(), officer(caller), intake.documentFacts(), screened(screened),
                    identity.linkBasis() == LinkBasis.NAME_BIRTH_NATIONALITY, visa.flags(), now, intake.day());
            return write(request, caller, intake, identity, visa.visa(), ruling, screened, now);
        });
    }

    /** A request checked before anything is read: where, the document as read, the facts the policy rules on. */
    private record Intake(BorderPoint point, DocumentReading document, LocalDate day, CheckFacts.Request facts,
                          CheckFacts.Document documentFacts, String hash, List<String> locks) {
    }

    private Intake intake(RecordCrossing request, Caller caller, Instant now) {
        List<FieldError> fieldErrors = new ArrayList<>();
        BorderPoint point = request.borderPoint() == null ? null
                : referenceData.borderPoint(request.borderPoint().strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (point == null) {
            fieldErrors.add(new FieldError("borderPoint", "is not a known border point code"));
        } else {
            jurisdiction.requireWorkAt(caller, point.code());
        }
        Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
        LocalDate day = LocalDate.ofInstant(occurredAt, clock.getZone());
        CheckFacts.Request facts = new CheckFacts.Request(request.direction(), request.decision(),
                reason(request.reasonCode(), request.direction()), request.groupId() != null, occurredAt,
                blankToNull(request.lateReason()) != null, request.override() != null,
                blankToNull(request.accompaniedBy()) != null || blankToNull(request.consentDocument()) != null,
                Boolean.TRUE.equals(request.screeningReviewed()));
        policy.checkFields(facts, officer(caller), now).forEach(e -> fieldErrors.add(new FieldError(e.field(), e.message())));
        var visa = request.visa();
        if (visa != null && visa.validFrom() != null && visa.validUntil() != null
                && visa.validUntil().isBefore(visa.validFrom())) {
            fieldErrors.add(new FieldError("visa.validUntil", "is before validFrom"));
        }
        DocumentReading document = null;
        boolean hasMrz = request.mrz() != null && !request.mrz().isBlank();
        if (hasMrz == (request.document() != null)) {
            fieldErrors.add(new FieldError(hasMrz ? "document" : "mrz",
                    "give either the machine readable zone (mrz) or the typed document (document), not both or neither"));
        } else {
            document = hasMrz ? documents.fromMrz(request.mrz(), day) : documents.fromManual(request.document(), day, fieldErrors);
        }
        if (!fieldErrors.isEmpty()) {
            throw invalid(fieldErrors);
        }
        CheckFacts.Document documentFacts = new CheckFacts.Document(document.identified(), document.failsValidation(day),
                document.dateOfBirth());
        DocumentReading read = document;
        policy.checkDocument(facts, officer(caller), documentFacts).ifPresent(refusal -> {
            throw rejection(refusal, read);
        });
        List<String> locks = new ArrayList<>();
        locks.add("crossing:" + request.id());
        locks.addAll(IdentityResolver.lockKeys(document));
        return new Intake(point, document, day, facts, documentFacts, Sha256.hex(json.writeValueAsString(request)),
                locks);
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
                transport == null || transport.mode() == null && blankToNull(transport.reference()) == null ? null
                        : new Crossing.Transport(transport.mode(), blankToNull(transport.reference())),
                request.groupId(), visa == null ? null : visa.id(), caller.username(), List.copyOf(ruling.flags()),
                false, null, 0, ruling.late() ? request.lateReason().strip() : null,
                request.override() == null ? null : request.override().reason().strip(), ruling.minor(),
                blankToNull(request.accompaniedBy()), blankToNull(request.consentDocument()),
                !intake.documentFacts().fails(),
                new Crossing.Identity(identity.documentId(), identity.linkBasis(), identity.confidence()), null,
                documents.snapshot(intake.document()), null);
        boolean admitted = ruling.decision() == Decision.ADMITTED;
        StayService.Stay stay;
        if (identity.newTraveller()) {
            stay = stays.firstCrossing(identity.traveller(), intake.document().issuingState(), crossing, visa, today);
            if (admitted) {
                crossing = crossing.withFlags(ruling.with(stayFlags(crossing, stay)).flags());
            }
            crossings.insert(crossing, point.authority().name(), point.governorate(), intake.hash());
            stays.storeFirst(identity.traveller(), stay);
        } else {
            crossings.insert(crossing, point.authority().name(), point.governorate(), intake.hash());
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

    private CheckFacts.Reason reason(String code, Direction direction) {
        String given = blankToNull(code);
        if (given == null) {
            return null;
        }
        RefusalReason reason = referenceData.refusalReason(given.toUpperCase(Locale.ROOT)).orElse(null);
        return new CheckFacts.Reason(given, reason != null, reason != null && (direction == null || reason.appliesTo(direction.name())));
    }

    private static CheckFacts.Officer officer(Caller caller) {
        return new CheckFacts.Officer(caller.isSupervisor(), caller.roles());
    }

    private static CheckFacts.Screened screened(ScreeningResult result) {
        return switch (result.outcome()) {
            case CLEAR -> CheckFacts.Screened.CLEAR;
            case POSSIBLE_MATCH -> CheckFacts.Screened.POSSIBLE_MATCH;
            case HIT -> CheckFacts.Screened.HIT;
        };
    }

    /** A policy's refusal as the domain exception the web layer answers. */
    private static Rejection rejection(Refusal refusal, DocumentReading doc) {
        return switch (refusal) {
            case Refusal.InvalidField f -> Rejection.invalidField(f.field(), f.message());
            case Refusal.NotAllowed n -> Rejection.forbidden(n.detail());
            case Refusal.StateBars s -> Rejection.conflict(s.code(), s.detail());
            case Refusal.DocumentBars d -> {
                Rejection r = Rejection.unprocessable(d.code(), "Document fails validation", d.detail());
                if (doc == null) {
                    yield r;
                }
                List<MrzProblem> problems = new ArrayList<>(doc.errors());
                doc.warnings().stream().filter(w -> w.code() == MrzProblemCode.DOCUMENT_EXPIRED).forEach(problems::add);
                yield r.with("problems", problems);
            }
        };
    }

    private static Rejection rejection(List<? extends Refusal> refusals) {
        if (refusals.stream().allMatch(Refusal.InvalidField.class::isInstance)) {
            return Rejection.invalidFields(refusals.stream().map(Refusal.InvalidField.class::cast)
                    .map(f -> new Rejection.Field(f.field(), f.message())).toList());
        }
        return rejection(refusals.getFirst(), null);
    }

    /** A later decision: the final decision on a referral or a group member, or a supervisor's correction. */
    public Crossing decide(UUID crossingId, DecideCrossing request, Caller caller) {
        Instant now = clock.instant();
        Crossing current = find(crossingId, caller);
        CrossingPolicy.Later later = new CrossingPolicy.Later(request.decision(),
                reason(request.reasonCode(), current.direction()), request.override() != null);
        CrossingPolicy.LaterKind kind = switch (policy.decideLater(facts(current), later, officer(caller))) {
            case Result.Allowed<CrossingPolicy.LaterKind> allowed -> allowed.value();
            case Result.Refused<CrossingPolicy.LaterKind> refused -> throw rejection(refused.refusals());
        };
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            if (request.decision() == Decision.ADMITTED) {
                // Checked under the traveller's lock, so that no verdict slips in between.
                screening.admissionBar(crossingId).ifPresent(bar -> {
                    throw Rejection.conflict(bar.type(), bar.detail());
                });
            }
            String note = blankToNull(request.note());
            if (request.override() != null) {
                note = (note == null ? "" : note + " ") + "[override: " + request.override().reason().strip() + "]";
            }
            StayService.Stay stay = decided(current, Crossings.DecisionKind.valueOf(kind.name()), request.decision(),
                    blankToNull(request.reasonCode()), note,
                    request.vulnerability() == null ? List.of() : request.vulnerability().stream().distinct().toList(),
                    blankToNull(request.protectionReferral()), caller.username(), now);
            return views.crossing(crossingId, stay.status()).orElseThrow();
        });
    }

    /**
     * What a supervisor's verdict on a hit means for the crossing, in the adjudication's own
     * transaction: the policy's {@link CrossingPolicy#afterTrueMatch} under the traveller's lock.
     */
    @EventListener
    public void onHitAdjudicated(HitAdjudicated verdict) {
        if (verdict.verdict() != Verdict.TRUE_MATCH) {
            return;
        }
        CrossingPolicy.ListAction action = switch (verdict.actionOnHit()) {
            case REFUSE -> CrossingPolicy.ListAction.REFUSE;
            case NOTIFY_AND_ADMIT, MONITOR -> CrossingPolicy.ListAction.ADMIT;
            case REFER -> CrossingPolicy.ListAction.LEAVE;
        };
        Crossing found = crossings.find(verdict.crossingId()).orElse(null);
        if (action == CrossingPolicy.ListAction.LEAVE || found == null || found.voided()) {
            return;
        }
        travellers.lockTraveller(found.travellerId());
        Crossing current = crossings.find(verdict.crossingId()).orElseThrow();
        boolean barred = action == CrossingPolicy.ListAction.ADMIT && screening.admissionBar(current.id()).isPresent();
        policy.afterTrueMatch(facts(current), action, verdict.listKind() == WatchlistKind.TRAVEL_BAN, barred)
                .ifPresent(after -> {
                    String why = after.decision() == Decision.REFUSED ? "; the list's action is to refuse."
                            : "; the list's action is " + verdict.actionOnHit()
                                    + (verdict.notifyOnHit() == null ? "" : "; notify: " + verdict.notifyOnHit()) + ".";
                    decided(current, Crossings.DecisionKind.FINAL, after.decision(), after.reasonCode(), "Watchlist true match confirmed by "
                            + verdict.supervisor() + " (hit " + verdict.hitId() + ")" + why, List.of(), null,
                            verdict.supervisor(), clock.instant());
                });
    }

    /**
     * Writes a later decision on a crossing, rebuilds the traveller's stays and, when it admits,
     * adds the flags the stays give; the traveller is locked.
     */
    private StayService.Stay decided(Crossing current, Crossings.DecisionKind kind, Decision decision,
                                     String reasonCode, String note, List<VulnerabilityIndicator> vulnerability,
                                     String protectionReferral, String by, Instant now) {
        crossings.decide(current.id(), node.nodeId(), kind, decision, reasonCode, note, vulnerability,
                protectionReferral, by, now);
        StayService.Stay stay = stays.rebuild(current.travellerId(), LocalDate.ofInstant(now, clock.getZone()));
        if (decision == Decision.ADMITTED) {
            Set<CrossingFlag> flags = EnumSet.copyOf(stayFlags(current, stay));
            flags.addAll(current.flags());
            crossings.setFlags(current.id(), flags);
        }
        events.publishEvent(new CrossingRecorded(current.id()));
        return stay;
    }

    private static CheckFacts.Current facts(Crossing crossing) {
        return new CheckFacts.Current(crossing.id(), crossing.direction(), crossing.decision(), crossing.voided(),
                crossing.documentPasses(), crossing.flags().contains(CrossingFlag.REFERRED_BY_SCREENING));
    }

    private Crossing find(UUID crossingId, Caller caller) {
        Crossing current = crossings.find(crossingId)
                .orElseThrow(() -> Rejection.notFound("Crossing", "No crossing has the id " + crossingId + "."));
        jurisdiction.requireCrossing(jurisdiction.work(caller), current);
        return current;
    }

    /** A supervisor's correction of a crossing's facts: a new record; the original stays as it was. */
    public Crossing amend(UUID crossingId, AmendCrossing request, Caller caller) {
        Instant now = clock.instant();
        Crossing current = find(crossingId, caller);
        if (current.voided()) {
            throw Rejection.conflict("crossing-voided", "Crossing " + crossingId + " was voided; it cannot be corrected.");
        }
        String point = current.borderPoint();
        if (request.borderPoint() != null) {
            point = referenceData.borderPoint(request.borderPoint().strip().toUpperCase(Locale.ROOT))
                    .map(BorderPoint::code)
                    .orElseThrow(() -> invalid(List.of(new FieldError("borderPoint", "is not a known border point code"))));
            jurisdiction.requireWorkAt(caller, point);
        }
        if (request.occurredAt() != null) {
            // A corrected time is a late record of the crossing: the same limit and the same roles
            // apply; the correction's own reason stands for the late reason.
            var errors = policy.checkTime(request.occurredAt(), officer(caller), now);
            if (!errors.isEmpty()) {
                throw rejection(errors);
            }
        }
        Direction direction = request.direction() == null ? current.direction() : request.direction();
        Instant occurredAt = request.occurredAt() == null ? current.occurredAt() : request.occurredAt();
        Purpose purpose = request.purpose() == null ? current.purpose() : request.purpose();
        String finalPoint = point;
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            crossings.amend(node.nodeId(), crossingId, Crossings.AmendmentKind.CORRECTION, finalPoint, direction, occurredAt,
                    purpose, request.reason().strip(), caller.username(), now);
            stays.rebuild(current.travellerId(), LocalDate.ofInstant(now, clock.getZone()));
            events.publishEvent(new CrossingRecorded(crossingId));
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        });
    }

    /** A supervisor voids a crossing recorded in error: it stays in the register, marked void, and counts no more. */
    public Crossing voidCrossing(UUID crossingId, VoidCrossing request, Caller caller) {
        Instant now = clock.instant();
        Crossing current = find(crossingId, caller);
        if (current.voided()) {
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        }
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            crossings.amend(node.nodeId(), crossingId, Crossings.AmendmentKind.VOID, current.borderPoint(), current.direction(),
                    current.occurredAt(), current.purpose(), request.reason().strip(), caller.username(), now);
            stays.rebuild(current.travellerId(), LocalDate.ofInstant(now, clock.getZone()));
            events.publishEvent(new CrossingRecorded(crossingId));
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        });
    }

    // --- helpers -----------------------------------------------------------------------------

    static Rejection invalid(List<FieldError> errors) {
        return Rejection.invalidFields(errors.stream().map(e -> new Rejection.Field(e.field(), e.message())).toList());
    }

    private static String blankToNull(String value) {
        return Texts.blankToNull(value);
    }
}
