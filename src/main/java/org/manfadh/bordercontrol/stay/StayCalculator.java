package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.manfadh.bordercontrol.Direction;

/**
 * Works out a traveller's stays in Iraq and their authorised length from the crossings, the visas
 * and permits held, and the stay rules. Pure and stateless: everything it needs is passed in, and
 * every day is a border day in Asia/Baghdad that the caller has already worked out.
 *
 * <p>What the limit of a stay comes from, in order:
 * <ol>
 * <li>an Iraqi citizen: none ({@link StayBasis#CITIZEN});
 * <li>a residence permit presented at entry or valid on the entry day: its validity, extensions
 *     included ({@link StayBasis#RESIDENCE_PERMIT});
 * <li>the visa presented at entry, when valid on the entry day; else the traveller's other visa
 *     valid on that day, preferring one with entries left, then the latest {@code validFrom}
 *     ({@link StayBasis#VISA}). Its own permitted stay wins over the rules; without one, the
 *     rule for its type applies; without either, its validity alone limits the stay. The stay
 *     never runs past the visa's validity: the last legal day is
 *     {@code min(entry + permitted - 1, validUntil) + extension days};
 * <li>the rule for the traveller's nationality without a visa ({@link StayBasis#RULE});
 * <li>a visa presented but not valid on the entry day, when nothing above applies, so that an
 *     expired visa shows as the overstay it is rather than as an unknown stay;
 * <li>nothing: {@link StayBasis#UNKNOWN}, flagged, never an overstay.
 * </ol>
 * The entry day is day 1: a 30-day stay entered on 1 March ends on 30 March.
 *
 * <p>Rules: for an entry with a visa of type T, the rule for the traveller's nationality and T,
 * else the rule for every nationality and T; for an entry without a visa, the rule for the
 * nationality without a visa, else the one for every nationality without a visa. Each in the
 * version in force on the entry day (latest {@code effectiveFrom} on or before it); specificity
 * comes first, so a newer general rule does not displace a nationality's own.
 * A rolling-window rule (90 days in any 180) counts the days present over all the traveller's
 * stays, entry and exit days included, and gives the last day the traveller could remain if
 * present every day from the entry on without the count in any window exceeding the allowance.
 * Days under a residence permit or as a citizen do not count.
 *
 * <p>An extension of a visa belongs to the stay under that visa that was open on the day it was
 * granted; one granted while no stay under the visa was open belongs to the next stay entered
 * under it. An extension of a residence permit moves the permit's validity for every stay.
 *
 * <p>What is granted during a stay changes its limit from the day it is granted, never before: an
 * extension, or a residence permit that starts while the traveller is in Iraq (a renewal, or a
 * visitor who becomes a resident) and reaches further than what the stay already had. Each such
 * change is a {@link StayCover} of the stay, so a status as of an earlier day still sees the
 * earlier limit, and days spent past one limit before the next was granted remain overstayed.
 */
public final class StayCalculator {

    private static final Comparator<Movement> IN_TIME_ORDER =
            Comparator.comparing(Movement::at).thenComparing(Movement::crossingId);

    private StayCalculator() {
    }

    /**
     * The traveller's stays in time order, each with what limits it; exits without an open stay are
     * periods of their own, flagged {@link StayFlag#NO_ENTRY_RECORDED}.
     *
     * @param movements the traveller's effective crossings, in any order
     * @throws IllegalArgumentException when a crossing or a visa appears twice, when crossing days
     *                                  run against crossing times, or when two versions of a rule
     *                                  take effect on the same day: all mistakes of the caller
     */
    public static List<StayPeriod> periods(StayFacts facts, List<Movement> movements, List<VisaGrant> visas,
                                           List<StayRule> rules) {
        Objects.requireNonNull(facts, "facts");
        return new Walk(facts, visas, new RuleBook(rules)).periods(inTimeOrder(movements));
    }

    /**
     * The traveller's status on {@code asOf}, from periods as {@link #periods} returns them. The
     * periods may cover the whole history: only what had happened, and what had been granted, by
     * {@code asOf} is used. A stay that ended after {@code asOf} was still open then.
     */
    public static StayStatus status(StayFacts facts, List<StayPeriod> periods, LocalDate asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        StayPeriod current = null;
        StayPeriod lastEnded = null;
        List<StayPeriod> begun = new ArrayList<>();
        for (StayPeriod period : periods) {
            if (period.firstDay().isAfter(asOf)) {
                continue;
            }
            begun.add(period);
            if (period.presentOn(asOf)) {
                current = period;
            } else {
                lastEnded = period;
            }
        }
        int pastOverstay = lastEnded == null || facts.citizen() ? 0 : lastEnded.overstayedDays();
        if (current == null) {
            if (lastEnded == null) {
                return StayStatus.none(asOf, facts.citizen());
            }
            StayCover cover = lastEnded.cover();
            StayBasis basis = facts.citizen() ? StayBasis.CITIZEN : cover.basis();
            LocalDate lastLegalDay = facts.citizen() ? null : cover.lastLegalDay();
            int daysUsed = cover.rolling() ? daysInWindow(begun, asOf, cover.windowDays())
                    : days(lastEnded.firstDay(), lastEnded.exitDay());
            return new StayStatus(asOf, false, lastEnded, basis, lastLegalDay, daysUsed, null, false, 0, pastOverstay);
        }
        StayCover cover = current.coverOn(asOf);
        int daysUsed = cover.rolling() ? daysInWindow(begun, asOf, cover.windowDays())
                : days(current.entryDay(), asOf);
        if (facts.citizen() || cover.lastLegalDay() == null) {
            StayBasis basis = facts.citizen() ? StayBasis.CITIZEN : cover.basis();
            return new StayStatus(asOf, true, current, basis, null, daysUsed, null, false, 0, pastOverstay);
        }
        LocalDate lastLegalDay = cover.lastLegalDay();
        boolean overstay = lastLegalDay.isBefore(asOf);
        int daysRemaining = overstay ? 0 : Math.toIntExact(ChronoUnit.DAYS.between(asOf, lastLegalDay));
        int daysOver = overstay ? Math.toIntExact(ChronoUnit.DAYS.between(lastLegalDay, asOf)) : 0;
        return new StayStatus(asOf, true, current, cover.basis(), lastLegalDay, daysUsed, daysRemaining, overstay,
                daysOver, pastOverstay);
    }

    /** The traveller's status on {@code asOf} straight from the records. */
    public static StayStatus status(StayFacts facts, List<Movement> movements, List<VisaGrant> visas,
                                    List<StayRule> rules, LocalDate asOf) {
        return status(facts, periods(facts, movements, visas, rules), asOf);
    }

    private static List<Movement> inTimeOrder(List<Movement> movements) {
        List<Movement> ordered = new ArrayList<>(movements);
        ordered.sort(IN_TIME_ORDER);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Movement movement = ordered.get(i);
            if (!seen.add(movement.crossingId())) {
                throw new IllegalArgumentException("Crossing " + movement.crossingId() + " appears twice");
            }
            if (i > 0 && movement.day().isBefore(ordered.get(i - 1).day())) {
                throw new IllegalArgumentException("Crossing " + movement.crossingId() + " on " + movement.day()
                        + " comes after one on " + ordered.get(i - 1).day() + ": days must follow times");
            }
        }
        return ordered;
    }

    /** Days from {@code first} to {@code last}, both counted. */
    private static int days(LocalDate first, LocalDate last) {
        return Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1);
    }

    /** Days present in the window of {@code windowDays} ending on {@code asOf}, counting only counted bases. */
    private static int daysInWindow(List<StayPeriod> periods, LocalDate asOf, int windowDays) {
        long end = asOf.toEpochDay();
        long origin = end - windowDays + 1;
        BitSet present = new BitSet(windowDays);
        for (StayPeriod period : periods) {
            period.markCountedDays(present, origin, origin, end);
        }
        return present.cardinality();
    }

    private static LocalDate earlierOf(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * The last day a stay or permit may reach, however many extensions it has: far beyond any real
     * grant, and within what every date column and {@link LocalDate} can hold.
     */
    static final LocalDate LATEST_DAY = LocalDate.of(9999, 12, 31);

    /** {@code day} moved on by the extensions known on {@code knownOn}, summed without overflow. */
    private static LocalDate extended(LocalDate day, List<VisaExtension> extensions, LocalDate knownOn) {
        long days = 0;
        for (VisaExtension extension : extensions) {
            if (!extension.grantedOn().isAfter(knownOn)) {
                days += extension.extraDays();
            }
        }
        long room = ChronoUnit.DAYS.between(day, LATEST_DAY);
        return days >= room ? (day.isAfter(LATEST_DAY) ? day : LATEST_DAY) : day.plusDays(days);
    }

    /** The last day of a residence permit, its extensions granted by {@code knownOn} included. */
    private static LocalDate permitEnd(VisaGrant permit, LocalDate knownOn) {
        return extended(permit.validUntil(), permit.extensions(), knownOn);
    }

    /**
     * Whether a grant may be used on {@code day}. A visa's extensions lengthen one stay, not the
     * visa, so they do not make it valid for a later entry; a permit's extensions do.
     */
    private static boolean validOn(VisaGrant grant, LocalDate day) {
        LocalDate end = grant.residencePermit() ? permitEnd(grant, day) : grant.validUntil();
        return !day.isBefore(grant.validFrom()) && !day.isAfter(end);
    }

    /**
     * What limits a stay from its entry: the kind, the grant and rule behind it, and the last legal
     * day before any extension ({@code base}), to which the {@code extensions} known on a day add.
     */
    private record Entitlement(StayBasis basis, VisaGrant grant, StayRule rule, Integer permittedDays,
                               Integer windowDays, LocalDate base, List<VisaExtension> extensions) {

        static Entitlement unknown() {
            return new Entitlement(StayBasis.UNKNOWN, null, null, null, null, null, List.of());
        }

        static Entitlement permit(VisaGrant permit) {
            return new Entitlement(StayBasis.RESIDENCE_PERMIT, permit, null, null, null, permit.validUntil(),
                    permit.extensions());
        }

        StayCover coverOn(LocalDate day) {
            LocalDate lastLegalDay = base == null ? null : extended(base, extensions, day);
            return new StayCover(day, basis, grant == null ? null : grant.id(), rule == null ? null : rule.id(),
                    permittedDays, windowDays, lastLegalDay);
        }
    }

    /** One pass over a traveller's crossings, in time order. */
    private static final class Walk {

        private final StayFacts facts;
        private final List<VisaGrant> visas;
        private final List<VisaGrant> permits;
        private final Map<UUID, VisaGrant> visasById = new HashMap<>();
        private final RuleBook rules;
        private final List<StayPeriod> periods = new ArrayList<>();
        /** Entries made so far under each grant. */
        private final Map<UUID, Integer> entriesUnder = new HashMap<>();
        /** The day the last stay under each visa ended, to tell which stay an extension belongs to. */
        private final Map<UUID, LocalDate> lastStayEndUnder = new HashMap<>();

        Walk(StayFacts facts, List<VisaGrant> visas, RuleBook rules) {
            this.facts = facts;
            this.visas = List.copyOf(visas);
            this.rules = rules;
            for (VisaGrant visa : this.visas) {
                if (visasById.putIfAbsent(visa.id(), visa) != null) {
                    throw new IllegalArgumentException("Visa " + visa.id() + " appears twice");
                }
            }
            // Latest first, so that of two permits reaching equally far the newer one is named.
            this.permits = this.visas.stream().filter(VisaGrant::residencePermit)
                    .sorted(Comparator.comparing(VisaGrant::validFrom).reversed().thenComparing(VisaGrant::id))
                    .toList();
        }

        List<StayPeriod> periods(List<Movement> movements) {
            Movement open = null;
            for (Movement movement : movements) {
                if (movement.direction() == Direction.ENTRY) {
                    if (open != null) {
                        // Land borders leak: the traveller left unseen, at the latest on this day.
                        periods.add(stay(open, null, movement.day(), EnumSet.of(StayFlag.NO_EXIT_RECORDED)));
                    }
                    open = movement;
                } else if (open != null) {
                    periods.add(stay(open, movement, movement.day(), EnumSet.noneOf(StayFlag.class)));
                    open = null;
                } else {
                    StayBasis basis = facts.citizen() ? StayBasis.CITIZEN : StayBasis.UNKNOWN;
                    periods.add(new StayPeriod(null, null, movement.crossingId(), movement.day(),
                            List.of(StayCover.unlimited(movement.day(), basis)), EnumSet.of(StayFlag.NO_ENTRY_RECORDED)));
                }
            }
            if (open != null) {
                periods.add(stay(open, null, null, EnumSet.noneOf(StayFlag.class)));
            }
            return List.copyOf(periods);
        }

        private StayPeriod stay(Movement entry, Movement exit, LocalDate end, EnumSet<StayFlag> flags) {
            LocalDate day = entry.day();
            UUID exitId = exit == null ? null : exit.crossingId();
            if (facts.citizen()) {
                return new StayPeriod(entry.crossingId(), day, exitId, end,
                        List.of(StayCover.unlimited(day, StayBasis.CITIZEN)), flags);
            }
            Entitlement atEntry = entitlement(entry, end, flags);
            if (atEntry.grant() != null) {
                VisaGrant grant = atEntry.grant();
                int entries = entriesUnder.merge(grant.id(), 1, Integer::sum);
                if (grant.entriesAllowed() != null && entries > grant.entriesAllowed()) {
                    flags.add(StayFlag.VISA_ENTRIES_EXHAUSTED);
                }
                if (end != null) {
                    lastStayEndUnder.put(grant.id(), end);
                }
            }
            return new StayPeriod(entry.crossingId(), day, exitId, end, covers(atEntry, day, end), flags);
        }

        /** What limits the stay from its entry, by the order in the class comment. */
        private Entitlement entitlement(Movement entry, LocalDate end, Set<StayFlag> flags) {
            LocalDate day = entry.day();
            VisaGrant presented = null;
            if (entry.visaId() != null) {
                presented = visasById.get(entry.visaId());
                if (presented == null) {
                    flags.add(StayFlag.VISA_NOT_ON_RECORD);
                } else if (day.isBefore(presented.validFrom())) {
                    flags.add(StayFlag.VISA_NOT_YET_VALID_AT_ENTRY);
                } else if (!validOn(presented, day)) {
                    flags.add(StayFlag.VISA_EXPIRED_AT_ENTRY);
                }
            }
            boolean presentedValid = presented != null && validOn(presented, day);
            VisaGrant permit = presentedValid && presented.residencePermit() ? presented : bestValid(day, true);
            if (permit != null) {
                return Entitlement.permit(permit);
            }
            if (presentedValid) {
                return visa(presented, day, end, flags);
            }
            VisaGrant held = bestValid(day, false);
            if (held != null) {
                return visa(held, day, end, flags);
            }
            StayRule rule = rules.inForce(facts.nationality(), null, day).orElse(null);
            if (rule != null) {
                LocalDate base = limit(day, rule.permittedDays(), rule.windowDays(), flags);
                return new Entitlement(StayBasis.RULE, null, rule, rule.permittedDays(), rule.windowDays(), base,
                        List.of());
            }
            if (presented != null) {
                return presented.residencePermit() ? Entitlement.permit(presented) : visa(presented, day, end, flags);
            }
            flags.add(StayFlag.UNKNOWN_STAY);
            return Entitlement.unknown();
        }

        /**
         * The traveller's grant of the kind asked for that is valid on {@code day}: one with entries
         * left first, then the one that started last, then the one that runs longest.
         */
        private VisaGrant bestValid(LocalDate day, boolean permit) {
            Comparator<VisaGrant> preference = Comparator
                    .comparing((VisaGrant grant) -> !hasEntriesLeft(grant))
                    .thenComparing(VisaGrant::validFrom, Comparator.reverseOrder())
                    .thenComparing(VisaGrant::validUntil, Comparator.reverseOrder())
                    .thenComparing(VisaGrant::id);
            return visas.stream()
                    .filter(grant -> grant.residencePermit() == permit && validOn(grant, day))
                    .min(preference)
                    .orElse(null);
        }

        private boolean hasEntriesLeft(VisaGrant grant) {
            return grant.entriesAllowed() == null || entriesUnder.getOrDefault(grant.id(), 0) < grant.entriesAllowed();
        }

        private Entitlement visa(VisaGrant visa, LocalDate day, LocalDate end, Set<StayFlag> flags) {
            Integer permitted = visa.permittedStayDays();
            Integer window = null;
            StayRule rule = null;
            if (permitted == null) {
                rule = rules.inForce(facts.nationality(), visa.type(), day).orElse(null);
                if (rule != null) {
                    permitted = rule.permittedDays();
                    window = rule.windowDays();
                } else {
                    flags.add(StayFlag.NO_STAY_RULE);
                }
            }
            LocalDate base = permitted == null ? visa.validUntil()
                    : earlierOf(limit(day, permitted, window, flags), visa.validUntil());
            return new Entitlement(StayBasis.VISA, visa, rule, permitted, window, base, extensionsOf(visa, day, end));
        }

        /** The extensions of a visa that belong to the stay under it from {@code day} to {@code end}. */
        private List<VisaExtension> extensionsOf(VisaGrant visa, LocalDate day, LocalDate end) {
            LocalDate previousEnd = lastStayEndUnder.get(visa.id());
            return visa.extensions().stream().filter(extension -> {
                LocalDate granted = extension.grantedOn();
                boolean duringThisStay = !granted.isBefore(day) && (end == null || !granted.isAfter(end));
                boolean sinceThePreviousOne = granted.isBefore(day)
                        && (previousEnd == null || granted.isAfter(previousEnd));
                return duringThisStay || sinceThePreviousOne;
            }).toList();
        }

        /** The last legal day of a stay entered on {@code day} under a day count, before extensions. */
        private LocalDate limit(LocalDate day, int permittedDays, Integer windowDays, Set<StayFlag> flags) {
            if (windowDays == null) {
                return day.plusDays(permittedDays - 1L);
            }
            LocalDate last = rollingLastDay(day, permittedDays, windowDays);
            if (last.isBefore(day)) {
                flags.add(StayFlag.ROLLING_ALLOWANCE_USED_UP);
            }
            return last;
        }

        /**
         * The last day a traveller entering on {@code day} and staying on every day after can remain
         * without more than {@code permitted} days present in any window of {@code window} days.
         * While the traveller stays, each day adds one day to the window and drops at most one, so
         * the count never falls: the first day over the allowance ends the stay, and it comes at
         * the latest {@code permitted} days after entry.
         */
        private LocalDate rollingLastDay(LocalDate day, int permitted, int window) {
            long entry = day.toEpochDay();
            long origin = entry - window + 1;
            BitSet before = new BitSet(window);
            for (int i = periods.size() - 1; i >= 0; i--) {
                StayPeriod period = periods.get(i);
                if (period.exitDay() != null && period.exitDay().toEpochDay() < origin) {
                    break;
                }
                period.markCountedDays(before, origin, origin, entry - 1);
            }
            // Days present before the entry from each bit on: suffix[i] counts bits i .. window - 2.
            int[] suffix = new int[window];
            for (int i = window - 2; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + (before.get(i) ? 1 : 0);
            }
            for (long d = entry; d <= entry + permitted; d++) {
                int count = suffix[Math.toIntExact(d - entry)] + Math.toIntExact(d - entry + 1);
                if (count > permitted) {
                    return LocalDate.ofEpochDay(d - 1);
                }
            }
            throw new IllegalStateException("A stay of " + (permitted + 1) + " days exceeds " + permitted);
        }

        /**
         * The covers of a stay: the entitlement at entry, then a new cover on each day something
         * granted during the stay reaches further: an extension, or a residence permit that starts
         * (a renewal, or a visitor who becomes a resident). A permit that would shorten the stay
         * does not replace what the traveller already has.
         */
        private List<StayCover> covers(Entitlement atEntry, LocalDate day, LocalDate end) {
            TreeSet<LocalDate> changes = new TreeSet<>();
            changes.add(day);
            for (VisaExtension extension : atEntry.extensions()) {
                addIfDuring(changes, extension.grantedOn(), day, end);
            }
            for (VisaGrant permit : permits) {
                addIfDuring(changes, permit.validFrom(), day, end);
                for (VisaExtension extension : permit.extensions()) {
                    addIfDuring(changes, extension.grantedOn(), day, end);
                }
            }
            List<StayCover> covers = new ArrayList<>();
            for (LocalDate change : changes) {
                StayCover best = atEntry.coverOn(change);
                for (VisaGrant permit : permits) {
                    if (permit == atEntry.grant() || permit.validFrom().isAfter(change)
                            || permitEnd(permit, change).isBefore(day)) {
                        continue;
                    }
                    StayCover candidate = Entitlement.permit(permit).coverOn(change);
                    if (reachesFurther(candidate, best)) {
                        best = candidate;
                    }
                }
                if (covers.isEmpty() || !best.sameEntitlement(covers.getLast())) {
                    covers.add(best);
                }
            }
            return covers;
        }

        private static void addIfDuring(Set<LocalDate> changes, LocalDate change, LocalDate day, LocalDate end) {
            if (change.isAfter(day) && (end == null || !change.isAfter(end))) {
                changes.add(change);
            }
        }

        private static boolean reachesFurther(StayCover candidate, StayCover current) {
            if (current.lastLegalDay() == null) {
                return current.basis() == StayBasis.UNKNOWN && candidate.lastLegalDay() != null;
            }
            return candidate.lastLegalDay() != null && candidate.lastLegalDay().isAfter(current.lastLegalDay());
        }
    }
}
