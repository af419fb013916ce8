package org.manfadh.bordercontrol;

import java.util.UUID;

/**
 * A visa or permit was recorded for a traveller, or extended, on its own rather than with a
 * crossing. Published inside the transaction that wrote it, like {@link CrossingRecorded}.
 */
public record VisaRecorded(UUID visaId) {

    public VisaRecorded {
        if (visaId == null) {
            throw new IllegalArgumentException("visaId is required");
        }
    }
}
