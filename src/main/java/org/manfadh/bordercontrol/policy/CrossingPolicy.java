package org.manfadh.bordercontrol.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.policy.CheckFacts.Current;
import org.manfadh.bordercontrol.policy.CheckFacts.Document;
import org.manfadh.bordercontrol.policy.CheckFacts.Officer;
import org.manfadh.bordercontrol.policy.CheckFacts.Reason;
import org.manfadh.bordercontrol.policy.CheckFacts.Request;
import org.manfadh.bordercontrol.policy.CheckFacts.Screened;
import org.manfadh.bordercontrol.stay.StayFlag;
import org.manfadh.bordercontrol.stay.StayPeriod;

/**
 * The rules of a border check (see the package's promises). Stateless once made; the limit for
 * late records and the roles that may record late are its configuration.
 */
public final class CrossingPolicy {

    /** A crossing recorded more than this after it happened is a late record. */
    public static final Duration LATE_AFTER = Duration.ofHours(1);
    /** How far ahead of the server's clock a post's clock may run. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    public static final int ADULT_AGE = 18;

    private final int lateRecordLimitDays;
    private final List<String> lateRecordRoles;

    public CrossingPolicy(int lateRecordLimitDays, List<String> lateRecordRoles) {
        if (lateRecordLimitDays < 1) {
            throw new IllegalArgumentException("the limit for late records must be a day or more");
        }
        this.lateRecordLimitDays = lateRecordLimitDays;
        this.lateRecordRoles = List.copyOf(lateRecordRoles);
    }

    // --- a new crossing ----------------------------------------------------------------------

    /**
     * What is wrong with a request's fields before anything is read: its time and its decision.
     * Empty when the request may go on.
     */
    public List<Refusal.InvalidField> checkFields(Request request, Officer officer, Instant now) {
        List<Refusal.InvalidField> errors = new ArrayList<>();
        boolean late = checkLate(request.occurredAt(), officer, now, errors);
        if (late && errors.isEmpty() && !request.lateReasonGiven()) {
            errors.add(new Refusal.InvalidField("lateReason",
                    "is required for a crossing recorded more than an hour after it happened"));
        }
        checkDecision(request.decision(), request.reason(), request.direction(), request.inGroup(), errors);
        return errors;
    }

    /**
     * Whether the document allows what is asked, once read: a document that cannot be identified
     * is refused; an override is a supervisor's alone; a failing document is admitted only on one.
     */
    public Optional<Refusal> checkDocument(Request request, Officer officer, Document document) {
        if (!document.identified()) {
            return Optional.of(new Refusal.DocumentBars("document-unreadable", "The document cannot be identified "
                    + "from what was read: correct the zone or type the document by hand."));
        }
        if (request.override() && !officer.supervisor()) {
            return Optional.of(new Refusal.NotAllowed(
                    "Only a supervisor may admit on a document that fails validation."));
        }
        if (request.decision() == Decision.ADMITTED && document.fails() && !request.override()) {
            return Optional.of(new Refusal.DocumentBars("document-invalid", "A document that fails validation "
                    + "cannot be admitted without a supervisor's override; refuse (reason A or B) or refer instead."));
        }
        return Optional.empty();
    }

    /**
     * The decision a checked request is recorded with and its flags, once screened. Screening
     * refers what it must whatever the officer asked: a hit waits for a supervisor, a possible
     * match for the officer's look. The traveller's stays add their flags after ({@link #stayFlags}).
     *
     * @param probableIdentity whether the document was tied to its traveller by name, birth date and nationality
     * @param visaFlags        what recording the visa presented found ({@code VISA_HELD_BY_ANOTHER_TRAVELLER} …)
     */
    public Ruling rule(Request request, Officer officer, Document document, Screened screened, boolean probableIdentity,
                       Set<CrossingFlag> visaFlags, Instant now, LocalDate crossingDay) {
        if (!checkFields(request, officer, now).isEmpty() || checkDocument(request, officer, document).isPresent()) {
            throw new IllegalArgumentException("a request is ruled on only once its fields and document pass");
        }
        Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
        flags.addAll(visaFlags);
        Decision decision = request.decision() == null ? Decision.PENDING : request.decision();
        String referral = null;
        switch (screened) {
            case HIT -> flags.add(CrossingFlag.WATCHLIST_HIT);
            case POSSIBLE_MATCH -> flags.add(CrossingFlag.WATCHLIST_POSSIBLE_MATCH);
            case CLEAR -> { }
        }
        boolean referable = decision == Decision.ADMITTED || decision == Decision.PENDING;
        if (needsReferral(screened, request.reviewed()) && referable) {
            decision = Decision.REFERRED;
            flags.add(CrossingFlag.REFERRED_BY_SCREENING);
            referral = "Referred by screening: " + (screened == Screened.HIT
                    ? "a watchlist hit awaits a supervisor's adjudication."
                    : "a possible watchlist match awaits an officer's look.");
        }
        boolean late = isLate(request.occurredAt(), now);
        if (late) {
            flags.add(CrossingFlag.LATE_RECORD);
        }
        if (document.fails()) {
            flags.add(CrossingFlag.DOCUMENT_INVALID);
            if (request.override() && decision == Decision.ADMITTED) {
                flags.add(CrossingFlag.DOCUMENT_OVERRIDE);
            }
        }
        if (probableIdentity) {
            flags.add(CrossingFlag.PROBABLE_IDENTITY_MATCH);
        }
        boolean minor = possiblyMinor(document.dateOfBirth(), crossingDay);
        if (minor) {
            flags.add(CrossingFlag.MINOR);
            if (!request.accompanied()) {
                flags.add(CrossingFlag.MINOR_UNACCOMPANIED);
            }
        }
        return new Ruling(decision, flags, referral, late, minor);
    }

    static boolean needsReferral(Screened screened, boolean reviewed) {
        return screened == Screened.HIT || screened == Screened.POSSIBLE_MATCH && !reviewed;
    }

    // --- a later decision --------------------------------------------------------------------

    /** A later decision asked for: the final one on a referral or a group's member, or a correction. */
    public record Later(Decision decision, Reason reason, boolean override) {
    }

    /** Whether a later decision is a crossing's final one or a supervisor's correction of it. */
    public enum LaterKind {
        FINAL, CORRECTION
    }

    /**
     * Whether a later decision may be recorded on a crossing as it stands, and as what. The
     * screening's own bar on admission (an open hit, a confirmed refusal) is checked besides, under
     * the traveller's lock.
     */
    public Result<LaterKind> decideLater(Current current, Later request, Officer officer) {
        List<Refusal.InvalidField> errors = new ArrayList<>();
        if (request.decision() == null) {
            errors.add(new Refusal.InvalidField("decision", "is required: ADMITTED, REFERRED or REFUSED"));
        } else {
            checkDecision(request.decision(), request.reason(), current.direction(), false, errors);
        }
        if (!errors.isEmpty()) {
            return Result.refused(List.copyOf(errors));
        }
        if (current.voided()) {
            return Result.refused(new Refusal.StateBars("crossing-voided", "Crossing " + current.id()
                    + " was voided; it takes no further decision."));
        }
        if (!current.open() && !officer.supervisor()) {
            return Result.refused(new Refusal.NotAllowed("Crossing " + current.id()
                    + " is decided; only a supervisor may correct its decision."));
        }
        if (request.override() && !officer.supervisor()) {
            return Result.refused(new Refusal.NotAllowed(
                    "Only a supervisor may admit on a document that fails validation."));
        }
        if (request.decision() == Decision.ADMITTED && !current.documentPasses() && !request.override()) {
            return Result.refused(new Refusal.DocumentBars("document-invalid",
                    "The crossing's document fails validation; admitting needs a supervisor's override."));
        }
        return Result.allowed(current.open() ? LaterKind.FINAL : LaterKind.CORRECTION);
    }

    /** What a list says to do with a true match. */
    public enum ListAction {
        /** Refuse the crossing. */
        REFUSE,
        /** Admit, notifying or monitoring as the list says. */
        ADMIT,
        /** Leave the crossing to the supervisor's final decision. */
        LEAVE
    }

    /** The final decision a confirmed true match gives a crossing, with the refusal reason when refused. */
    public record AfterMatch(Decision decision, String reasonCode) {
    }

    /**
     * What a supervisor's confirmation of a true match means for the crossing. A list whose action
     * is to refuse closes an open crossing with a refusal (reason X for an exit barred by a travel
     * ban, H otherwise). A list whose action is to admit admits it only when screening alone stood
     * between the officer's admission and the traveller, the document passes and screening bars
     * nothing else. Anything else is left to the supervisor's final decision.
     *
     * @param travelBan whether the list is a travel ban
     * @param barred    whether screening still bars admission (another open hit, a confirmed refusal)
     */
    public Optional<AfterMatch> afterTrueMatch(Current current, ListAction action, boolean travelBan, boolean barred) {
        if (current.voided() || !current.open()) {
            return Optional.empty();
        }
        return switch (action) {
            case REFUSE -> Optional.of(new AfterMatch(Decision.REFUSED,
                    current.direction() == Direction.EXIT && travelBan ? "X" : "H"));
            case ADMIT -> current.referredByScreeningAlone() && current.documentPasses() && !barred
                    ? Optional.of(new AfterMatch(Decision.ADMITTED, null)) : Optional.empty();
            case LEAVE -> Optional.empty();
        };
    }

    // --- time, decision, stays ---------------------------------------------------------------

    /** Whether a crossing at {@code occurredAt} is recorded late (more than an hour back). */
    public static boolean isLate(Instant occurredAt, Instant now) {
        return occurredAt.isBefore(now.minus(LATE_AFTER)) && !occurredAt.isAfter(now.plus(CLOCK_TOLERANCE));
    }

    /**
     * What is wrong with a crossing's time: in the future, beyond the limit for late records, or
     * late by an officer without a role that may record late. Also for a corrected time, which
     * is a late record of the crossing.
     */
    public List<Refusal.InvalidField> checkTime(Instant occurredAt, Officer officer, Instant now) {
        List<Refusal.InvalidField> errors = new ArrayList<>();
        checkLate(occurredAt, officer, now, errors);
        return errors;
    }

    private boolean checkLate(Instant occurredAt, Officer officer, Instant now, List<Refusal.InvalidField> errors) {
        if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            errors.add(new Refusal.InvalidField("occurredAt", "is in the future"));
            return false;
        }
        if (!occurredAt.isBefore(now.minus(LATE_AFTER))) {
            return false;
        }
        if (occurredAt.isBefore(now.minus(Duration.ofDays(lateRecordLimitDays)))) {
            errors.add(new Refusal.InvalidField("occurredAt", "is more than " + lateRecordLimitDays
                    + " days back, beyond the limit for late records"));
        } else if (lateRecordRoles.stream().noneMatch(officer.roles()::contains)) {
            errors.add(new Refusal.InvalidField("occurredAt", "is more than an hour back; recording late needs one "
                    + "of the roles " + String.join(", ", lateRecordRoles)));
        }
        return true;
    }

    private static void checkDecision(Decision decision, Reason reason, Direction direction, boolean inGroup,
                                      List<Refusal.InvalidField> errors) {
        if (decision == null) {
            if (!inGroup) {
                errors.add(new Refusal.InvalidField("decision", "is required: ADMITTED, REFERRED or REFUSED"));
            }
            return;
        }
        if (decision == Decision.PENDING && !inGroup) {
            errors.add(new Refusal.InvalidField("decision",
                    "PENDING is only for members of a group awaiting its decision"));
        }
        if (decision == Decision.REFUSED && reason == null) {
            errors.add(new Refusal.InvalidField("reasonCode",
                    "is required for a refusal: a standard reason code (A-I, P, K, X)"));
        }
        if (reason != null) {
            if (!reason.known()) {
                errors.add(new Refusal.InvalidField("reasonCode", "'" + reason.code() + "' is not a standard reason code"));
            } else if (!reason.appliesToDirection()) {
                errors.add(new Refusal.InvalidField("reasonCode",
                        "reason " + reason.code() + " does not apply to an " + direction));
            } else if (decision == Decision.ADMITTED) {
                errors.add(new Refusal.InvalidField("reasonCode", "is only given with a refusal or a referral"));
            }
        }
    }

    /**
     * The flags an admitted crossing takes from its traveller's stays, once it is in them. A
     * citizen's first recorded crossing being an exit is ordinary (they live here), so it is not flagged.
     */
    public static Set<CrossingFlag> stayFlags(UUID crossingId, Direction direction, List<StayPeriod> periods,
                                              boolean citizen) {
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

    /**
     * Whether the traveller may be under 18 on the day. A partial birth date is taken at its latest
     * possible day: when in doubt, protect the child.
     */
    public static boolean possiblyMinor(String dateOfBirth, LocalDate day) {
        if (dateOfBirth == null) {
            return false;
        }
        LocalDate latest = switch (dateOfBirth.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(dateOfBirth), 12, 31);
            case 7 -> YearMonth.parse(dateOfBirth).atEndOfMonth();
            default -> LocalDate.parse(dateOfBirth);
        };
        return latest.plusYears(ADULT_AGE).isAfter(day);
    }
}
