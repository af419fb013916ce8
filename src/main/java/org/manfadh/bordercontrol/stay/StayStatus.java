package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a traveller stands on a day: in Iraq or not, until when, and whether over the limit.
 *
 * <p>When the traveller is not present, {@code stay}, {@code basis}, {@code lastLegalDay} and
 * {@code daysUsed} describe the last stay that ended on or before {@code asOf} (all null when there
 * is none), {@code daysRemaining} is null, and there is no current overstay; a past one is in
 * {@code pastOverstayDays}.
 *
 * @param asOf             the day it describes
 * @param present          whether the traveller is in Iraq on that day
 * @param stay             the current stay, or else the last one that ended by {@code asOf}
 * @param basis            what the limit comes from on that day ({@link StayBasis#CITIZEN} for a
 *                         citizen even without any stay)
 * @param lastLegalDay     the last day the traveller may remain, as granted by {@code asOf}; null
 *                         without a limit
 * @param daysUsed         under a rolling-window rule, the days present in the window ending on
 *                         {@code asOf}; otherwise the days of the stay, from its entry to
 *                         {@code asOf} while present, or its whole length once ended
 * @param daysRemaining    while present with a limit: days from {@code asOf} to the last legal day,
 *                         never negative; otherwise null
 * @param overstay         present, with a limit, and past the last legal day
 * @param daysOver         days since the last legal day when in overstay, else 0
 * @param pastOverstayDays the days the last stay that ended by {@code asOf} ran past its legal
 *                         end, so that an overstay is shown at the exit that ended it and at the
 *                         next entry; 0 when none
 */
public record StayStatus(LocalDate asOf, boolean present, StayPeriod stay, StayBasis basis, LocalDate lastLegalDay,
                         Integer daysUsed, Integer daysRemaining, boolean overstay, int daysOver,
                         int pastOverstayDays) {

    public StayStatus {
        Objects.requireNonNull(asOf, "asOf");
        if (present && stay == null) {
            throw new IllegalArgumentException("A present traveller is on a stay");
        }
        if (daysRemaining != null && (daysRemaining < 0 || !present)) {
            throw new IllegalArgumentException("Days remain, never fewer than none, only while present: " + daysRemaining);
        }
        boolean pastLegalEnd = present && lastLegalDay != null && lastLegalDay.isBefore(asOf);
        if (overstay != pastLegalEnd) {
            throw new IllegalArgumentException("An overstay is exactly a present traveller past the last legal day");
        }
        int expectedOver = overstay ? Math.toIntExact(ChronoUnit.DAYS.between(lastLegalDay, asOf)) : 0;
        if (daysOver != expectedOver) {
            throw new IllegalArgumentException("Days over are the days since the last legal day: " + daysOver);
        }
        if (pastOverstayDays < 0) {
            throw new IllegalArgumentException("Past overstay days are never negative: " + pastOverstayDays);
        }
    }

    /** The status of a traveller with no stay on or before {@code asOf}. */
    static StayStatus none(LocalDate asOf, boolean citizen) {
        return new StayStatus(asOf, false, null, citizen ? StayBasis.CITIZEN : null, null, null, null, false, 0, 0);
    }
}
