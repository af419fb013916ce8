package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.CrossingRecorded;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.VulnerabilityIndicator;
import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.policy.CheckFacts;
import org.manfadh.bordercontrol.policy.CrossingPolicy;
import org.manfadh.bordercontrol.policy.Result;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.screening.HitAdjudicated;
import org.manfadh.screening.Screening;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.WatchlistKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decisions on a crossing after it is recorded: the final one on a referral or a group's member,
 * a supervisor's correction of a decision or of the crossing's facts, a void, and what a
 * supervisor's confirmed match on a hit means for the crossing. Each checked by the crossing
 * policy, written in one transaction under the traveller's lock, and announced.
 */
@Component
class LaterDecisions {

    private final Crossings crossings;
    private final Travellers travellers;
    private final StayService stays;
    private final CrossingViews views;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Screening screening;
    private final BorderJurisdiction jurisdiction;
    private final ApplicationEventPublisher events;
    private final CrossingPolicy policy;
    private final HealthGate health;

    LaterDecisions(Crossings crossings, Travellers travellers, StayService stays, CrossingViews views,
                   ReferenceData referenceData, NodeIdentity node, TransactionTemplate transaction, Clock clock,
                   BorderControlSettings settings, Screening screening, BorderJurisdiction jurisdiction,
                   ApplicationEventPublisher events, HealthGate health) {
        this.health = health;
        this.crossings = crossings;
        this.travellers = travellers;
        this.stays = stays;
        this.views = views;
        this.referenceData = referenceData;
        this.node = node;
        this.transaction = transaction;
        this.clock = clock;
        this.screening = screening;
        this.jurisdiction = jurisdiction;
        this.events = events;
        this.policy = settings.policy();
    }

    /** A later decision: the final decision on a referral or a group member, or a supervisor's correction. */
    Crossing decide(UUID crossingId, DecideCrossing request, Caller caller) {
        Instant now = clock.instant();
        Crossing current = find(crossingId, caller);
        CrossingPolicy.Later later = new CrossingPolicy.Later(request.decision(),
                Refusals.reason(referenceData, request.reasonCode(), current.direction()), request.override() != null);
        CrossingPolicy.LaterKind kind = switch (policy.decideLater(facts(current), later, Refusals.officer(caller))) {
            case Result.Allowed<CrossingPolicy.LaterKind> allowed -> allowed.value();
            case Result.Refused<CrossingPolicy.LaterKind> refused -> throw Refusals.rejection(refused.refusals());
        };
        return transaction.execute(status -> {
            travellers.lockTraveller(current.travellerId());
            if (request.decision() == Decision.ADMITTED) {
                // Checked under the traveller's lock, so that no verdict slips in between.
                screening.admissionBar(crossingId).ifPresent(bar -> {
                    throw Rejection.conflict(bar.type(), bar.detail());
                });
                health.admissionBar(current, LocalDate.ofInstant(now, clock.getZone()));
            }
            String note = Texts.blankToNull(request.note());
            if (request.override() != null) {
                note = (note == null ? "" : note + " ") + "[override: " + request.override().reason().strip() + "]";
            }
            StayService.Stay stay = decided(current, Crossings.DecisionKind.valueOf(kind.name()), request.decision(),
                    Texts.blankToNull(request.reasonCode()), note,
                    request.vulnerability() == null ? List.of() : request.vulnerability().stream().distinct().toList(),
                    Texts.blankToNull(request.protectionReferral()), caller.username(), now);
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
    Crossing amend(UUID crossingId, AmendCrossing request, Caller caller) {
        Instant now = clock.instant();
        Crossing current = find(crossingId, caller);
        if (current.voided()) {
            throw Rejection.conflict("crossing-voided", "Crossing " + crossingId + " was voided; it cannot be corrected.");
        }
        String point = current.borderPoint();
        if (request.borderPoint() != null) {
            point = referenceData.borderPoint(request.borderPoint().strip().toUpperCase(Locale.ROOT))
                    .map(BorderPoint::code)
                    .orElseThrow(() -> Rejection.invalidField("borderPoint", "is not a known border point code"));
            jurisdiction.requireWorkAt(caller, point);
        }
        if (request.occurredAt() != null) {
            // A corrected time is a late record of the crossing: the same limit and the same roles
            // apply; the correction's own reason stands for the late reason.
            var errors = policy.checkTime(request.occurredAt(), Refusals.officer(caller), now);
            if (!errors.isEmpty()) {
                throw Refusals.rejection(errors);
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
    Crossing voidCrossing(UUID crossingId, VoidCrossing request, Caller caller) {
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

    private static Set<CrossingFlag> stayFlags(Crossing crossing, StayService.Stay stay) {
        return CrossingPolicy.stayFlags(crossing.id(), crossing.direction(), stay.periods(), stay.citizen());
    }
}
