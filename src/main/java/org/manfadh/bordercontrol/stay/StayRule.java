package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.manfadh.bordercontrol.VisaType;

/**
 * One version of a permitted-stay rule. Rules are data: an administrator adds a new version with a
 * later {@code effectiveFrom} instead of editing the old one, so a stay keeps the rule that was in
 * force on its entry day.
 *
 * <p>Rows with the same nationality and visa type are versions of one rule; the version in force
 * on a day is the one with the latest {@code effectiveFrom} on or before that day.
 *
 * @param nationality   the ICAO nationality code it applies to, or null for every nationality
 * @param visaType      the visa type it applies to, or null for entries without any visa; a rule
 *                      for {@link VisaType#RESIDENCE_PERMIT} is never consulted, since a permit's
 *                      own validity is its holder's whole limit
 * @param permittedDays the days of stay it permits
 * @param windowDays    null for a stay counted from the entry day; otherwise the length of a
 *                      rolling window in which at most {@code permittedDays} days of presence are
 *                      allowed (90 in 180 is the Schengen rule)
 * @param effectiveFrom the first entry day it applies to
 */
public record StayRule(UUID id, String nationality, VisaType visaType, int permittedDays, Integer windowDays,
                       LocalDate effectiveFrom) {

    /**
     * The most days a rule, a rolling window, a visa's permitted stay or one extension grants: ten
     * years. The database holds the same bound, so a count of days never nears int overflow.
     */
    public static final int MAX_DAYS = 3_650;

    public StayRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Nationalities.requireValid(nationality);
        if (permittedDays < 1) {
            throw new IllegalArgumentException("A rule permits at least one day: " + permittedDays);
        }
        if (permittedDays > MAX_DAYS || windowDays != null && windowDays > MAX_DAYS) {
            throw new IllegalArgumentException("A rule counts at most " + MAX_DAYS + " days: " + permittedDays
                    + " in " + windowDays);
        }
        if (windowDays != null && windowDays <= permittedDays) {
            // With a window no longer than the allowance the traveller could never exceed it.
            throw new IllegalArgumentException("A rolling window is longer than the days it permits: "
                    + permittedDays + " in " + windowDays);
        }
    }

    public boolean rolling() {
        return windowDays != null;
    }
}
