package org.manfadh.bordercontrol.stay;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Days added to the stay permitted under a visa, or to a residence permit's validity.
 *
 * @param grantedOn the day it was granted; before that day the stay was not yet extended, so a
 *                  status as of an earlier day ignores it
 * @param extraDays how many days it adds, at least one
 */
public record VisaExtension(UUID id, LocalDate grantedOn, int extraDays) {

    public VisaExtension {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grantedOn, "grantedOn");
        if (extraDays < 1) {
            throw new IllegalArgumentException("An extension adds at least one day: " + extraDays);
        }
    }
}
