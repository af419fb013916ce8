package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.manfadh.bordercontrol.VisaType;

/**
 * A visa or residence permit held by the traveller, with what the stay calculation needs of it.
 *
 * @param validFrom         the first day it may be used to enter
 * @param validUntil        the last day it is valid; no stay under it runs past this day (plus
 *                          its extensions)
 * @param permittedStayDays the stay it permits from each entry, or null when the rules for its
 *                          type decide; when present it wins over the rules
 * @param entriesAllowed    how many entries it allows, or null for unlimited
 * @param extensions        the extensions granted on it, in any order
 */
public record VisaGrant(UUID id, VisaType type, LocalDate validFrom, LocalDate validUntil,
                        Integer permittedStayDays, Integer entriesAllowed, List<VisaExtension> extensions) {

    public VisaGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("A visa's validity ends on or after its start: " + validFrom
                    + " to " + validUntil);
        }
        if (permittedStayDays != null && permittedStayDays < 1) {
            throw new IllegalArgumentException("A permitted stay is at least one day: " + permittedStayDays);
        }
        if (entriesAllowed != null && entriesAllowed < 1) {
            throw new IllegalArgumentException("A visa allows at least one entry: " + entriesAllowed);
        }
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A grant without extensions. */
    public VisaGrant(UUID id, VisaType type, LocalDate validFrom, LocalDate validUntil, Integer permittedStayDays,
                     Integer entriesAllowed) {
        this(id, type, validFrom, validUntil, permittedStayDays, entriesAllowed, List.of());
    }

    public boolean residencePermit() {
        return type == VisaType.RESIDENCE_PERMIT;
    }
}
