package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One stay in Iraq: from an entry to the exit that ended it, or still open.
 *
 * <p>An exit that found no open stay is also a period, with no entry and the flag
 * {@link StayFlag#NO_ENTRY_RECORDED}: the register keeps it where it happened in the traveller's
 * history instead of dropping it, and it counts as one day present (the exit day).
 *
 * <p>The entry and exit days both count as days present, as in the Schengen calculator.
 *
 * @param entryCrossingId the entry, or null for an exit without a recorded entry
 * @param entryDay        the entry's border day, or null with it
 * @param exitCrossingId  the exit, or null while the stay is open or when it was closed by a later
 *                        entry ({@link StayFlag#NO_EXIT_RECORDED})
 * @param exitDay         the day the stay ended, or null while it is open; for a stay closed by a
 *                        later entry, that entry's day
 * @param covers          what covered the stay, by the day each took effect; the first applies from
 *                        the entry, the last is the stay's current limit
 * @param flags           what the officer should see about it
 */
public record StayPeriod(UUID entryCrossingId, LocalDate entryDay, UUID exitCrossingId, LocalDate exitDay,
                         List<StayCover> covers, Set<StayFlag> flags) {

    public StayPeriod {
        if ((entryCrossingId == null) != (entryDay == null)) {
            throw new IllegalArgumentException("An entry has both its crossing and its day, or neither");
        }
        if (exitCrossingId != null && exitDay == null) {
            throw new IllegalArgumentException("An exit crossing needs its day");
        }
        if (entryDay == null && exitDay == null) {
            throw new IllegalArgumentException("A period has an entry, an exit or both");
        }
        if (entryDay != null && exitDay != null && exitDay.isBefore(entryDay)) {
            throw new IllegalArgumentException("A stay ends on or after its entry: " + entryDay + " to " + exitDay);
        }
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        if (entryDay == null && !flags.contains(StayFlag.NO_ENTRY_RECORDED)) {
            throw new IllegalArgumentException("A period without an entry is flagged " + StayFlag.NO_ENTRY_RECORDED);
        }
        if (entryDay != null && exitDay != null && exitCrossingId == null
                && !flags.contains(StayFlag.NO_EXIT_RECORDED)) {
            throw new IllegalArgumentException("A stay closed without an exit is flagged " + StayFlag.NO_EXIT_RECORDED);
        }
        Objects.requireNonNull(covers, "covers");
        covers = List.copyOf(covers);
        if (covers.isEmpty()) {
            throw new IllegalArgumentException("A period has at least one cover");
        }
        LocalDate first = entryDay != null ? entryDay : exitDay;
        if (!covers.getFirst().from().equals(first)) {
            throw new IllegalArgumentException("The first cover starts on the period's first day " + first);
        }
        for (int i = 1; i < covers.size(); i++) {
            if (!covers.get(i).from().isAfter(covers.get(i - 1).from())) {
                throw new IllegalArgumentException("Covers follow one another in time");
            }
        }
        if (exitDay != null && covers.getLast().from().isAfter(exitDay)) {
            throw new IllegalArgumentException("No cover starts after the stay ended");
        }
    }

    /** Whether no exit (or later entry) has ended this stay. */
    public boolean open() {
        return exitDay == null;
    }

    /** The first day the traveller is known to have been present: the entry day, else the exit day. */
    public LocalDate firstDay() {
        return entryDay != null ? entryDay : exitDay;
    }

    /**
     * Whether the traveller was in Iraq on this stay on that day, as the register sees it: from the
     * entry day up to, but not including, the exit day, since after an exit the traveller is gone.
     */
    public boolean presentOn(LocalDate day) {
        return entryDay != null && !day.isBefore(entryDay) && (exitDay == null || day.isBefore(exitDay));
    }

    /** The cover in force on that day: the latest that took effect on or before it. */
    public StayCover coverOn(LocalDate day) {
        StayCover found = covers.getFirst();
        for (StayCover cover : covers) {
            if (cover.from().isAfter(day)) {
                break;
            }
            found = cover;
        }
        return found;
    }

    /** The stay's current cover: the last one granted. */
    public StayCover cover() {
        return covers.getLast();
    }

    public StayBasis basis() {
        return cover().basis();
    }

    public UUID visaId() {
        return cover().visaId();
    }

    public UUID ruleId() {
        return cover().ruleId();
    }

    public Integer permittedDays() {
        return cover().permittedDays();
    }

    public Integer windowDays() {
        return cover().windowDays();
    }

    /** The last day the traveller may remain on this stay; null for citizens and unknown stays. */
    public LocalDate lastLegalDay() {
        return cover().lastLegalDay();
    }

    public boolean has(StayFlag flag) {
        return flags.contains(flag);
    }

    /**
     * The days of a closed stay spent past its legal end, the exit day included; 0 for an open
     * stay (its status says how far over it is) and for a stay without a limit. Each day is judged
     * by the cover in force on it, so days overstayed before a late extension or a new permit
     * still count: the traveller was an overstayer on them.
     */
    public int overstayedDays() {
        if (open() || entryDay == null) {
            return 0;
        }
        return daysOverUntil(exitDay);
    }

    /** Days from the entry to {@code until} on which the cover in force had run out. */
    int daysOverUntil(LocalDate until) {
        long over = 0;
        for (int i = 0; i < covers.size(); i++) {
            StayCover cover = covers.get(i);
            if (cover.from().isAfter(until)) {
                break;
            }
            LocalDate segmentEnd = i + 1 < covers.size() ? covers.get(i + 1).from().minusDays(1) : until;
            if (segmentEnd.isAfter(until)) {
                segmentEnd = until;
            }
            if (cover.lastLegalDay() == null) {
                continue;
            }
            long firstOver = Math.max(cover.from().toEpochDay(), cover.lastLegalDay().toEpochDay() + 1);
            over += Math.max(0, segmentEnd.toEpochDay() - firstOver + 1);
        }
        return Math.toIntExact(over);
    }

    /**
     * Marks in {@code days} (bit {@code d - origin} for epoch day {@code d}) the days of this period
     * up to {@code until} that count towards a rolling window, within {@code [from, until]}.
     */
    void markCountedDays(BitSet days, long origin, long from, long until) {
        long periodEnd = exitDay != null ? Math.min(exitDay.toEpochDay(), until) : until;
        for (int i = 0; i < covers.size(); i++) {
            StayCover cover = covers.get(i);
            long start = Math.max(cover.from().toEpochDay(), from);
            long end = i + 1 < covers.size() ? covers.get(i + 1).from().toEpochDay() - 1 : periodEnd;
            end = Math.min(end, periodEnd);
            if (start <= end && cover.basis().countsTowardsRollingWindow()) {
                days.set(Math.toIntExact(start - origin), Math.toIntExact(end - origin + 1));
            }
        }
    }
}
