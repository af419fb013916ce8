package org.manfadh.bordercontrol.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.bordercontrol.internal.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.internal.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.internal.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.internal.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.internal.Crossings.CrossingRow;
import org.manfadh.bordercontrol.stay.StayFlag;
import org.manfadh.bordercontrol.stay.StayPeriod;
import org.manfadh.document.MrzProblem;
import org.manfadh.platform.ApiProblems;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.WatchlistKind;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records crossings and the decisions on them. A request is checked whole before anything is
 * written; the crossing, its decision, the traveller's identity and stays are then written in one
 * transaction, so an acknowledged crossing is committed and a repeated request records nothing new.
 */
@Service
public class CrossingRecorder {

    /** The outcome of a recording: the crossing as it stands, and whether this request created it. */
    public record Recorded(CrossingView crossing, boolean created) {
    }

    private static final Duration LATE_AFTER = Duration.ofHours(1);
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    private static final int ADULT_AGE = 18;

    private final DocumentReader documents;
    private final IdentityResolver identities;
    private final Crossings crossings;
    private final Travellers travellers;
    private final Visas visas;
    private final Groups groups;
    private final StayService stays;
    private final CrossingViews views;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final BorderControlSettings settings;
    private final Screening screening;
    private final BorderJurisdiction jurisdiction;
    private final ApplicationEventPublisher events;

    CrossingRecorder(DocumentReader documents, IdentityResolver identities, Crossings crossings, Travellers travellers,
                     Visas visas, Groups groups, StayService stays, CrossingViews views, ReferenceData referenceData,
                     NodeIdentity node, TransactionTemplate transaction, JsonMapper json, Clock clock,
                     BorderControlSettings settings, Screening screening, BorderJurisdiction jurisdiction,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.screening = screening;
        this.jurisdiction = jurisdiction;
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
        this.settings = settings;
    }

    public Recorded record(RecordCrossing request, Caller caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<FieldError> fieldErrors = new ArrayList<>();

        BorderPoint point = request.borderPoint() == null ? null
                : referenceData.borderPoint(request.borderPoint().strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
        if (point == null) {
            fieldErrors.add(new FieldError("borderPoint", "is not a known border point code"));
        } else {
            jurisdiction.requireWorkAt(caller, point.code());
        }
        Instant occurredAt = request.occurredAt() != null ? request.occurredAt() : now;
        boolean late = checkTime(request, caller, now, occurredAt, fieldErrors);
        Decision decision = checkDecision(request.decision(), request.reasonCode(), request.direction(),
                request.groupId() != null, fieldErrors, "");
        checkVisa(request, fieldErrors);

        DocumentReading document = null;
        boolean hasMrz = request.mrz() != null && !request.mrz().isBlank();
        if (hasMrz == (request.document() != null)) {
            fieldErrors.add(new FieldError(hasMrz ? "document" : "mrz",
                    "give either the machine readable zone (mrz) or the typed document (document), not both or neither"));
        } else {
            LocalDate crossingDay = LocalDate.ofInstant(occurredAt, clock.getZone());
            document = hasMrz ? documents.fromMrz(request.mrz(), crossingDay)
                    : documents.fromManual(request.document(), crossingDay, fieldErrors);
        }
        if (!fieldErrors.isEmpty()) {
            throw invalid(fieldErrors);
        }
        if (document.documentNumber() == null || document.issuingState() == null || document.surname() == null
                || document.format() == null && "MRZ".equals(document.source())) {
            throw documentProblem("document-unreadable", "The document cannot be identified from what was read: "
                    + "correct the zone or type the document by hand.", document);
        }
        LocalDate crossingDay = LocalDate.ofInstant(occurredAt, clock.getZone());
        boolean documentFails = document.failsValidation(crossingDay);
        if (request.override() != null && !caller.isSupervisor()) {
            throw ApiProblems.forbidden("Only a supervisor may admit on a document that fails validation.");
        }
        if (decision == Decision.ADMITTED && documentFails && request.override() == null) {
            throw documentProblem("document-invalid", "A document that fails validation cannot be admitted "
                    + "without a supervisor's override; refuse (reason A or B) or refer instead.", document);
        }
        String requestHash = hash(json.writeValueAsString(request));
        DocumentReading doc = document;
        List<String> locks = new ArrayList<>();
        locks.add("crossing:" + request.id());
        locks.addAll(IdentityResolver.lockKeys(doc));
        return transaction.execute(status -> {
            // One round trip for every lock, always in the same order: crossing, document, person.
            travellers.lock(locks);
            var existing = crossings.requestHash(request.id());
            if (existing.isPresent()) {
                if (!existing.get().equals(requestHash)) {
                    throw ApiProblems.conflict("id-conflict", "Crossing " + request.id()
                            + " was recorded with different content; a new crossing needs a new id.");
                }
                return new Recorded(views.crossing(request.id(), today).orElseThrow(), false);
            }
            if (request.groupId() != null) {
                checkGroup(request, point);
            }
            IdentityResolver.Resolution identity = identities.resolve(doc, blankToNull(request.nameOriginalScript()),
                    node.nodeId(), now);
            if (!identity.newTraveller()) {
                travellers.lockTraveller(identity.travellerId());
            }

            // Screened before it is recorded, in the same transaction: a hit is never admitted unseen.
            boolean reviewed = Boolean.TRUE.equals(request.screeningReviewed());
            ScreeningResult screened = screening.screenCrossing(request.id(), identity.travellerId(),
                    ScreeningSubject.ofDocument(doc.surname(), doc.givenNames(),
                            blankToNull(request.nameOriginalScript()), doc.dateOfBirth(), doc.nationality(), doc.sex(),
                            doc.documentNumber(), doc.issuingState()),
                    reviewed, caller.username(), point.code());
            Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
            Decision decided = decision;
            String note = blankToNull(request.note());
            if (screened.outcome() == ScreeningOutcome.HIT) {
                flags.add(CrossingFlag.WATCHLIST_HIT);
            } else if (screened.outcome() == ScreeningOutcome.POSSIBLE_MATCH) {
                flags.add(CrossingFlag.WATCHLIST_POSSIBLE_MATCH);
            }
            if (screened.needsReferral(reviewed) && (decision == Decision.ADMITTED || decision == Decision.PENDING)) {
                decided = Decision.REFERRED;
                flags.add(CrossingFlag.REFERRED_BY_SCREENING);
                String why = "Referred by screening: " + (screened.outcome() == ScreeningOutcome.HIT
                        ? "a watchlist hit awaits a supervisor's adjudication."
                        : "a possible watchlist match awaits an officer's look.");
                note = note == null ? why : note + " — " + why;
            }
            if (late) {
                flags.add(CrossingFlag.LATE_RECORD);
            }
            if (documentFails) {
                flags.add(CrossingFlag.DOCUMENT_INVALID);
                if (request.override() != null && decided == Decision.ADMITTED) {
                    flags.add(CrossingFlag.DOCUMENT_OVERRIDE);
                }
            }
            if ("NAME_BIRTH_NATIONALITY".equals(identity.linkBasis())) {
                flags.add(CrossingFlag.PROBABLE_IDENTITY_MATCH);
            }
            boolean minor = possiblyMinor(doc.dateOfBirth(), crossingDay);
            if (minor) {
                flags.add(CrossingFlag.MINOR);
                if (blankToNull(request.accompaniedBy()) == null && blankToNull(request.consentDocument()) == null) {
                    flags.add(CrossingFlag.MINOR_UNACCOMPANIED);
                }
            }
            Visas.Visa visa = request.visa() == null ? null
                    : visa(request, identity.travellerId(), point, crossingDay, caller, now, flags);

            Crossings.NewCrossing crossing = new Crossings.NewCrossing(request.id(), node.nodeId(), point.code(),
                    point.authority().name(), point.governorate(), request.direction().name(), occurredAt, now,
                    identity.travellerId(), identity.documentId(), snapshot(doc), !documentFails,
                    name(request.purpose()), request.transport() == null ? null : name(request.transport().mode()),
                    request.transport() == null ? null : blankToNull(request.transport().reference()),
                    request.groupId(), visa == null ? null : visa.id(), caller.username(),
                    late ? request.lateReason().strip() : null,
                    request.override() == null ? null : request.override().reason().strip(),
                    request.override() == null ? null : caller.username(), minor,
                    blankToNull(request.accompaniedBy()), blankToNull(request.consentDocument()),
                    flags.stream().map(Enum::name).toList(), requestHash);
            Crossings.NewDecision initial = new Crossings.NewDecision(Ids.newId(), node.nodeId(), request.id(),
                    "INITIAL", decided.name(), blankToNull(request.reasonCode()), note,
                    names(request.vulnerability()), blankToNull(request.protectionReferral()), caller.username(), now,
                    null);
            CrossingView.Identity shown = new CrossingView.Identity(identity.documentId(), identity.linkBasis(),
                    identity.confidence());

            if (identity.newTraveller()) {
                // A traveller first seen now: the whole history is known here, so nothing is read back.
                StayService.Stay stay = stays.firstCrossing(identity.traveller(), doc.issuingState(),
                        row(crossing, initial, crossing.flags()), visa, today);
                if (decided == Decision.ADMITTED) {
                    flags.addAll(stayFlags(request.id(), request.direction(), stay.periods(), stay.citizen()));
                }
                List<String> finalFlags = flags.stream().map(Enum::name).toList();
                crossings.insert(crossing.withFlags(finalFlags), initial);
                stays.storeFirst(identity.traveller(), stay);
                events.publishEvent(new CrossingRecorded(request.id()));
                return new Recorded(views.view(row(crossing, initial, finalFlags),
                        CrossingViews.stay(stay.status()), shown, screened), true);
            }
            crossings.insert(crossing, initial);
            StayService.Stay stay = stays.rebuild(identity.travellerId(), today);
            List<String> finalFlags = crossing.flags();
            if (decided == Decision.ADMITTED) {
                flags.addAll(stayFlags(request.id(), request.direction(), stay.periods(), stay.citizen()));
                finalFlags = flags.stream().map(Enum::name).toList();
                crossings.setFlags(request.id(), finalFlags);
            }
            events.publishEvent(new CrossingRecorded(request.id()));
            return new Recorded(views.view(row(crossing, initial, finalFlags), CrossingViews.stay(stay.status()), shown,
                    screened), true);
        });
    }

    /** The crossing as it stands right after recording: its own facts and its initial decision. */
    private static CrossingRow row(Crossings.NewCrossing c, Crossings.NewDecision d, List<String> flags) {
        return new CrossingRow(c.id(), c.nodeId(), c.travellerId(), c.documentId(), c.documentJson(), c.documentValid(),
                c.borderPoint(), c.direction(), c.occurredAt(), c.recordedAt(), c.purpose(), c.transportMode(),
                c.transportReference(), c.groupId(), c.visaId(), c.officer(), c.lateReason(), c.overrideReason(),
                c.minor(), c.accompaniedBy(), c.consentDocument(), flags, false, null, 0, d.decision(), d.reasonCode(),
                d.note(), d.vulnerability(), d.protectionReferral(), d.decidedBy(), d.decidedAt(), c.requestHash());
    }

    /** A later decision: the final decision on a referral or a group member, or a supervisor's correction. */
    public CrossingView decide(UUID crossingId, DecideCrossing request, Caller caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        CrossingRow current = crossings.find(crossingId)
                .orElseThrow(() -> ApiProblems.notFound("Crossing", "No crossing has the id " + crossingId + "."));
        jurisdiction.requireCrossing(jurisdiction.work(caller), current);
        List<FieldError> errors = new ArrayList<>();
        Decision decision = checkDecision(request.decision(), request.reasonCode(),
                Direction.valueOf(current.direction()), false, errors, "");
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (current.voided()) {
            throw ApiProblems.conflict("crossing-voided", "Crossing " + crossingId + " was voided; it takes no further decision.");
        }
        boolean open = current.decision().equals("REFERRED") || current.decision().equals("PENDING");
        if (!open && !caller.isSupervisor()) {
            throw ApiProblems.forbidden("Crossing " + crossingId + " is decided; only a supervisor may correct its decision.");
        }
        if (request.override() != null && !caller.isSupervisor()) {
            throw ApiProblems.forbidden("Only a supervisor may admit on a document that fails validation.");
        }
        if (decision == Decision.ADMITTED && !current.documentValid() && request.override() == null
                && current.overrideReason() == null) {
            throw ApiProblems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "document-invalid", "Document fails validation",
                    "The crossing's document fails validation; admitting needs a supervisor's override.");
        }
        String kind = open ? "FINAL" : "CORRECTION";
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            if (decision == Decision.ADMITTED) {
                // Checked under the traveller's lock, so that no verdict slips in between.
                screening.admissionBar(crossingId).ifPresent(bar -> {
                    throw ApiProblems.conflict(bar.type(), bar.detail());
                });
            }
            UUID supersedes = crossings.latestDecisionId(crossingId).orElse(null);
            String note = blankToNull(request.note());
            if (request.override() != null) {
                note = (note == null ? "" : note + " ") + "[override: " + request.override().reason().strip() + "]";
            }
            crossings.insert(new Crossings.NewDecision(Ids.newId(), node.nodeId(), crossingId, kind, decision.name(),
                    blankToNull(request.reasonCode()), note, names(request.vulnerability()),
                    blankToNull(request.protectionReferral()), caller.username(), now, supersedes));
            StayService.Stay stay = stays.rebuild(current.travellerId(), today);
            if (decision == Decision.ADMITTED) {
                Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
                current.flags().forEach(f -> flags.add(CrossingFlag.valueOf(f)));
                flags.addAll(stayFlags(crossingId, Direction.valueOf(current.direction()), stay.periods(), stay.citizen()));
                crossings.setFlags(crossingId, flags.stream().map(Enum::name).toList());
            }
            events.publishEvent(new CrossingRecorded(crossingId));
            return views.crossing(crossingId, stay.status()).orElseThrow();
        });
    }

    /**
     * What a supervisor's verdict on a hit means for the crossing, in the adjudication's own
     * transaction. A true match on a list whose action is to refuse closes the referral with a
     * refusal (reason X for an exit barred by a travel ban, H otherwise). A true match on a list
     * whose action is to notify and admit, or to monitor, admits the traveller — when screening
     * alone stood between the officer's admission and the traveller, nothing else bars it and the
     * document passes. Anything else is left to the supervisor's final decision.
     */
    @EventListener
    public void onHitAdjudicated(HitAdjudicated verdict) {
        if (verdict.verdict() != Verdict.TRUE_MATCH) {
            return;
        }
        boolean refuse = verdict.actionOnHit() == ActionOnHit.REFUSE;
        boolean admit = verdict.actionOnHit() == ActionOnHit.NOTIFY_AND_ADMIT || verdict.actionOnHit() == ActionOnHit.MONITOR;
        if (!refuse && !admit) {
            return;
        }
        CrossingRow found = crossings.find(verdict.crossingId()).orElse(null);
        if (found == null || found.voided()) {
            return;
        }
        travellers.lockTraveller(found.travellerId());
        CrossingRow current = crossings.find(verdict.crossingId()).orElseThrow();
        if (!current.decision().equals("REFERRED") && !current.decision().equals("PENDING")) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        UUID supersedes = crossings.latestDecisionId(current.id()).orElse(null);
        if (refuse) {
            String reason = "EXIT".equals(current.direction()) && verdict.listKind() == WatchlistKind.TRAVEL_BAN ? "X" : "H";
            crossings.insert(new Crossings.NewDecision(Ids.newId(), node.nodeId(), current.id(), "FINAL",
                    Decision.REFUSED.name(), reason, "Watchlist true match confirmed by " + verdict.supervisor()
                            + " (hit " + verdict.hitId() + "); the list's action is to refuse.",
                    List.of(), null, verdict.supervisor(), now, supersedes));
            stays.rebuild(current.travellerId(), today);
            events.publishEvent(new CrossingRecorded(current.id()));
            return;
        }
        boolean referredByScreeningAlone = current.flags().contains(CrossingFlag.REFERRED_BY_SCREENING.name());
        boolean documentPasses = current.documentValid() || current.overrideReason() != null;
        if (!referredByScreeningAlone || !documentPasses || screening.admissionBar(current.id()).isPresent()) {
            return;
        }
        String notified = verdict.notifyOnHit() == null ? "" : "; notify: " + verdict.notifyOnHit();
        crossings.insert(new Crossings.NewDecision(Ids.newId(), node.nodeId(), current.id(), "FINAL",
                Decision.ADMITTED.name(), null, "Watchlist true match confirmed by " + verdict.supervisor()
                        + " (hit " + verdict.hitId() + "); the list's action is " + verdict.actionOnHit() + notified + ".",
                List.of(), null, verdict.supervisor(), now, supersedes));
        StayService.Stay stay = stays.rebuild(current.travellerId(), today);
        Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
        current.flags().forEach(f -> flags.add(CrossingFlag.valueOf(f)));
        flags.addAll(stayFlags(current.id(), Direction.valueOf(current.direction()), stay.periods(), stay.citizen()));
        crossings.setFlags(current.id(), flags.stream().map(Enum::name).toList());
        events.publishEvent(new CrossingRecorded(current.id()));
    }

    /** A supervisor's correction of a crossing's facts: a new record; the original stays as it was. */
    public CrossingView amend(UUID crossingId, AmendCrossing request, Caller caller) {
        Instant now = clock.instant();
        CrossingRow current = crossings.find(crossingId)
                .orElseThrow(() -> ApiProblems.notFound("Crossing", "No crossing has the id " + crossingId + "."));
        jurisdiction.requireCrossing(jurisdiction.work(caller), current);
        if (current.voided()) {
            throw ApiProblems.conflict("crossing-voided", "Crossing " + crossingId + " was voided; it cannot be corrected.");
        }
        String point = current.borderPoint();
        if (request.borderPoint() != null) {
            point = referenceData.borderPoint(request.borderPoint().strip().toUpperCase(java.util.Locale.ROOT))
                    .map(BorderPoint::code)
                    .orElseThrow(() -> invalid(List.of(new FieldError("borderPoint", "is not a known border point code"))));
            jurisdiction.requireWorkAt(caller, point);
        }
        if (request.occurredAt() != null) {
            // A corrected time is a late record of the crossing: the same limit and the same roles
            // apply; the correction's own reason stands for the late reason.
            List<FieldError> errors = new ArrayList<>();
            checkLate(request.occurredAt(), caller, now, errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
        }
        String direction = request.direction() == null ? current.direction() : request.direction().name();
        Instant occurredAt = request.occurredAt() == null ? current.occurredAt() : request.occurredAt();
        String purpose = request.purpose() == null ? current.purpose() : request.purpose().name();
        String finalPoint = point;
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            crossings.amend(Ids.newId(), node.nodeId(), crossingId, "CORRECTION", finalPoint, direction, occurredAt,
                    purpose, request.reason().strip(), caller.username(), now);
            stays.rebuild(current.travellerId(), LocalDate.ofInstant(now, clock.getZone()));
            events.publishEvent(new CrossingRecorded(crossingId));
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        });
    }

    /** A supervisor voids a crossing recorded in error: it stays in the register, marked void, and counts no more. */
    public CrossingView voidCrossing(UUID crossingId, VoidCrossing request, Caller caller) {
        Instant now = clock.instant();
        CrossingRow current = crossings.find(crossingId)
                .orElseThrow(() -> ApiProblems.notFound("Crossing", "No crossing has the id " + crossingId + "."));
        jurisdiction.requireCrossing(jurisdiction.work(caller), current);
        if (current.voided()) {
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        }
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            crossings.amend(Ids.newId(), node.nodeId(), crossingId, "VOID", current.borderPoint(), current.direction(),
                    current.occurredAt(), current.purpose(), request.reason().strip(), caller.username(), now);
            stays.rebuild(current.travellerId(), LocalDate.ofInstant(now, clock.getZone()));
            events.publishEvent(new CrossingRecorded(crossingId));
            return views.crossing(crossingId, LocalDate.ofInstant(now, clock.getZone())).orElseThrow();
        });
    }

    // --- checks ------------------------------------------------------------------------------

    private boolean checkTime(RecordCrossing request, Caller caller, Instant now, Instant occurredAt,
                              List<FieldError> errors) {
        boolean late = checkLate(occurredAt, caller, now, errors);
        if (late && errors.isEmpty() && blankToNull(request.lateReason()) == null) {
            errors.add(new FieldError("lateReason", "is required for a crossing recorded more than an hour after it happened"));
        }
        return late;
    }

    /**
     * Whether a crossing at {@code occurredAt} is recorded late (more than an hour back); a time in
     * the future, beyond the limit for late records, or late by a caller without one of the roles
     * that may record late, is an error on {@code occurredAt}.
     */
    private boolean checkLate(Instant occurredAt, Caller caller, Instant now, List<FieldError> errors) {
        if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("occurredAt", "is in the future"));
            return false;
        }
        if (!occurredAt.isBefore(now.minus(LATE_AFTER))) {
            return false;
        }
        if (occurredAt.isBefore(now.minus(Duration.ofDays(settings.lateRecordLimitDays())))) {
            errors.add(new FieldError("occurredAt", "is more than " + settings.lateRecordLimitDays()
                    + " days back, beyond the limit for late records"));
        } else if (!caller.hasAnyRole(settings.lateRecordRoles())) {
            errors.add(new FieldError("occurredAt", "is more than an hour back; recording late needs one of the roles "
                    + String.join(", ", settings.lateRecordRoles())));
        }
        return true;
    }

    private Decision checkDecision(Decision decision, String reasonCode, Direction direction, boolean inGroup,
                                   List<FieldError> errors, String prefix) {
        if (decision == null) {
            if (inGroup) {
                return Decision.PENDING;
            }
            errors.add(new FieldError(prefix + "decision", "is required: ADMITTED, REFERRED or REFUSED"));
            return null;
        }
        if (decision == Decision.PENDING && !inGroup) {
            errors.add(new FieldError(prefix + "decision", "PENDING is only for members of a group awaiting its decision"));
        }
        String code = blankToNull(reasonCode);
        if (decision == Decision.REFUSED && code == null) {
            errors.add(new FieldError(prefix + "reasonCode", "is required for a refusal: a standard reason code (A-I, P, K, X)"));
        }
        if (code != null) {
            RefusalReason reason = referenceData.refusalReason(code.toUpperCase(java.util.Locale.ROOT)).orElse(null);
            if (reason == null) {
                errors.add(new FieldError(prefix + "reasonCode", "'" + code + "' is not a standard reason code"));
            } else if (direction != null && !reason.appliesTo(direction.name())) {
                errors.add(new FieldError(prefix + "reasonCode", "reason " + code + " does not apply to an " + direction));
            } else if (decision == Decision.ADMITTED) {
                errors.add(new FieldError(prefix + "reasonCode", "is only given with a refusal or a referral"));
            }
        }
        return decision;
    }

    private void checkVisa(RecordCrossing request, List<FieldError> errors) {
        var visa = request.visa();
        if (visa == null) {
            return;
        }
        if (visa.validFrom() != null && visa.validUntil() != null && visa.validUntil().isBefore(visa.validFrom())) {
            errors.add(new FieldError("visa.validUntil", "is before validFrom"));
        }
    }

    private void checkGroup(RecordCrossing request, BorderPoint point) {
        Groups.Group group = groups.find(request.groupId()).orElseThrow(() -> invalid(List.of(
                new FieldError("groupId", "is not an open group"))));
        if (group.closedAt() != null) {
            throw ApiProblems.conflict("group-closed", "Group " + group.id() + " is closed; it takes no more members.");
        }
        if (!group.borderPoint().equals(point.code()) || !group.direction().equals(request.direction().name())) {
            throw invalid(List.of(new FieldError("groupId", "belongs to another border point or direction")));
        }
    }

    /** Finds or records the visa presented; a visa held by someone else is flagged, not taken over. */
    private Visas.Visa visa(RecordCrossing request, UUID travellerId, BorderPoint point, LocalDate day, Caller caller,
                            Instant now, Set<CrossingFlag> flags) {
        var input = request.visa();
        Authority issuer = input.issuingAuthority() != null ? input.issuingAuthority() : point.authority();
        String number = input.number().strip().toUpperCase(java.util.Locale.ROOT);
        visas.lock(issuer + ":" + input.type() + ":" + number);
        Visas.Visa visa = visas.find(issuer.name(), input.type().name(), number).orElse(null);
        if (visa == null) {
            // Without a start, a visa is taken as valid from the crossing day, or from its end if that is earlier.
            LocalDate from = input.validFrom() != null ? input.validFrom()
                    : input.validUntil() != null && input.validUntil().isBefore(day) ? input.validUntil() : day;
            LocalDate until = input.validUntil() != null ? input.validUntil() : from.plusYears(1).minusDays(1);
            visa = new Visas.Visa(Ids.newId(), node.nodeId(), travellerId, number, input.type().name(), issuer.name(),
                    from, until, input.entriesAllowed(), input.permittedStayDays(), caller.username(), now);
            visas.insert(visa);
        } else if (!visa.travellerId().equals(travellerId)) {
            flags.add(CrossingFlag.VISA_HELD_BY_ANOTHER_TRAVELLER);
            return null;
        }
        if (!settings.validAt(VisaType.valueOf(visa.type()), point.authority())) {
            flags.add(CrossingFlag.VISA_NOT_VALID_HERE);
        }
        // Whether the visa is valid on the day is the stay calculation's to say (see stayFlags).
        return visa;
    }

    /**
     * The flags a crossing takes from its traveller's stays, once it is admitted. A citizen's first
     * recorded crossing being an exit is ordinary (they live here), so it is not flagged.
     */
    static Set<CrossingFlag> stayFlags(UUID crossingId, Direction direction, List<StayPeriod> periods, boolean citizen) {
        Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
        for (int i = 0; i < periods.size(); i++) {
            StayPeriod p = periods.get(i);
            if (direction == Direction.ENTRY && crossingId.equals(p.entryCrossingId())) {
                if (p.flags().contains(StayFlag.UNKNOWN_STAY)) {
                    flags.add(CrossingFlag.STAY_UNKNOWN);
                    flags.add(CrossingFlag.MISSING_VISA);
                }
                if (p.flags().contains(StayFlag.VISA_ENTRIES_EXHAUSTED)) {
                    flags.add(CrossingFlag.VISA_ENTRIES_EXHAUSTED);
                }
                if (p.flags().contains(StayFlag.VISA_EXPIRED_AT_ENTRY)) {
                    flags.add(CrossingFlag.VISA_EXPIRED);
                }
                if (p.flags().contains(StayFlag.VISA_NOT_YET_VALID_AT_ENTRY)) {
                    flags.add(CrossingFlag.VISA_NOT_YET_VALID);
                }
                if (p.flags().contains(StayFlag.ROLLING_ALLOWANCE_USED_UP)) {
                    flags.add(CrossingFlag.STAY_ALLOWANCE_USED_UP);
                }
                if (p.flags().contains(StayFlag.NO_STAY_RULE)) {
                    flags.add(CrossingFlag.STAY_RULE_MISSING);
                }
                if (i > 0) {
                    StayPeriod previous = periods.get(i - 1);
                    if (previous.flags().contains(StayFlag.NO_EXIT_RECORDED)) {
                        flags.add(CrossingFlag.NO_EXIT_RECORDED);
                    }
                    if (previous.overstayedDays() > 0) {
                        flags.add(CrossingFlag.OVERSTAY);
                    }
                }
            }
            if (direction == Direction.EXIT && crossingId.equals(p.exitCrossingId())) {
                if (p.flags().contains(StayFlag.NO_ENTRY_RECORDED) && !(citizen && i == 0)) {
                    flags.add(CrossingFlag.NO_ENTRY_RECORDED);
                }
                if (p.overstayedDays() > 0) {
                    flags.add(CrossingFlag.OVERSTAY);
                }
            }
        }
        return flags;
    }

    // --- helpers -----------------------------------------------------------------------------

    static boolean possiblyMinor(String dateOfBirth, LocalDate day) {
        if (dateOfBirth == null) {
            return false;
        }
        // A partial birth date is taken at its latest possible day: when in doubt, protect the child.
        LocalDate latest = switch (dateOfBirth.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(dateOfBirth), 12, 31);
            case 7 -> java.time.YearMonth.parse(dateOfBirth).atEndOfMonth();
            default -> LocalDate.parse(dateOfBirth);
        };
        return latest.plusYears(ADULT_AGE).isAfter(day);
    }

    private String snapshot(DocumentReading doc) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("source", doc.source());
        snapshot.put("format", doc.format());
        snapshot.put("documentCode", doc.documentCode());
        snapshot.put("issuingState", doc.issuingState());
        snapshot.put("documentNumber", doc.documentNumber());
        snapshot.put("surname", doc.surname());
        snapshot.put("givenNames", doc.givenNames());
        snapshot.put("nationality", doc.nationality());
        snapshot.put("dateOfBirth", doc.dateOfBirth());
        snapshot.put("sex", doc.sex());
        snapshot.put("dateOfExpiry", doc.dateOfExpiry() == null ? null : doc.dateOfExpiry().toString());
        snapshot.put("optionalData", doc.optionalData());
        snapshot.put("errors", doc.errors());
        snapshot.put("warnings", doc.warnings());
        return json.writeValueAsString(snapshot);
    }

    private static ErrorResponseException documentProblem(String type, String detail, DocumentReading doc) {
        ErrorResponseException e = ApiProblems.problem(HttpStatus.UNPROCESSABLE_ENTITY, type, "Document fails validation", detail);
        List<MrzProblem> problems = new ArrayList<>(doc.errors());
        doc.warnings().stream().filter(w -> w.code() == org.manfadh.document.MrzProblemCode.DOCUMENT_EXPIRED)
                .forEach(problems::add);
        e.getBody().setProperty("problems", problems);
        return e;
    }

    static ErrorResponseException invalid(List<FieldError> errors) {
        return ApiProblems.invalidFields(errors.stream().map(e -> new ApiProblems.Field(e.field(), e.message())).toList());
    }

    /** A request's fingerprint, so that a repeated id can be told from a different request under it. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
