package org.manfadh.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Flows at a border point above the top of their forecast band, today or this hour, and the figures that raised them. */
public interface SurgeAlerts {

    enum Window { DAY, HOUR }

    /**
     * @param hour     the hour of the border's clock for an hourly surge, otherwise null
     * @param observed the crossings counted so far in the window
     * @param high     the top of the forecast band for the window so far
     */
    record Surge(UUID id, String borderPoint, Window window, LocalDate day, Integer hour, long observed,
                 long expected, long high, Instant raisedAt) {
    }

    /** The surges of these days at the border points the caller may see, newest first. */
    List<Surge> between(LocalDate from, LocalDate to, String username);
}
