package org.manfadh.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An outbreak alert as it stands.
 *
 * @param validUntil the last day it applies, or null while it runs
 * @param endedAt    when a health officer ended it, or null
 */
public record Alert(UUID id, String disease, List<String> countries, List<Region> regions, int monitoringDays,
                    LocalDate validFrom, LocalDate validUntil, AlertSource source, Texts measures, String createdBy,
                    Instant createdAt, String endedBy, Instant endedAt, String endReason) {

    public Alert {
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
    }

    /** A region within one of the alert's countries. */
    public record Region(String country, String region) {
    }

    /** A text in the three languages; any may be null. */
    public record Texts(String en, String ar, String ckb) {
    }

    /** Whether it applies on this day of the border's calendar. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
