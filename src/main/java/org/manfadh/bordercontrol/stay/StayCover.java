package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What covers a stay from a given day on. A stay starts with the cover given at entry; an
 * extension granted during the stay, or a residence permit that starts during it (a renewal, or a
 * visitor who becomes a resident), gives it a new cover from that day. Keeping the earlier covers
 * lets a status as of a past day see only what had been granted by then.
 *
 * @param from          the first day this cover applies
 * @param visaId        the visa or permit, for {@link StayBasis#VISA} and
 *                      {@link StayBasis#RESIDENCE_PERMIT}; otherwise null
 * @param ruleId        the rule version that set the permitted days, or null when none did
 * @param permittedDays the days permitted (by the visa or the rule), or null when no day count
 *                      applies
 * @param windowDays    the rolling window of the rule, or null for a stay counted from entry
 * @param lastLegalDay  the last day the traveller may remain; null only for
 *                      {@link StayBasis#CITIZEN} and {@link StayBasis#UNKNOWN}
 */
public record StayCover(LocalDate from, StayBasis basis, UUID visaId, UUID ruleId, Integer permittedDays,
                        Integer windowDays, LocalDate lastLegalDay) {

    public StayCover {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(basis, "basis");
        boolean unlimited = basis == StayBasis.CITIZEN || basis == StayBasis.UNKNOWN;
        if (unlimited != (lastLegalDay == null)) {
            throw new IllegalArgumentException(basis + (unlimited ? " has no last legal day" : " needs a last legal day"));
        }
        if ((basis == StayBasis.VISA || basis == StayBasis.RESIDENCE_PERMIT) != (visaId != null)) {
            throw new IllegalArgumentException(basis + (visaId == null ? " needs a visa" : " has no visa"));
        }
        if (windowDays != null && permittedDays == null) {
            throw new IllegalArgumentException("A rolling window needs its permitted days");
        }
    }

    static StayCover unlimited(LocalDate from, StayBasis basis) {
        return new StayCover(from, basis, null, null, null, null, null);
    }

    /** Whether both give the same limit, whatever day each took effect. */
    boolean sameEntitlement(StayCover other) {
        return basis == other.basis && Objects.equals(visaId, other.visaId) && Objects.equals(ruleId, other.ruleId)
                && Objects.equals(permittedDays, other.permittedDays) && Objects.equals(windowDays, other.windowDays)
                && Objects.equals(lastLegalDay, other.lastLegalDay);
    }

    public boolean rolling() {
        return windowDays != null;
    }
}
