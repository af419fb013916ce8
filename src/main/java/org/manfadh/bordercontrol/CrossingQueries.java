package org.manfadh.bordercontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Reads of the register's crossings, limited to the caller's jurisdiction.
 */
public interface CrossingQueries {

    /** One hour of a border point's day: entries, exits and watchlist hits. */
    public record HourlyFlow(int hour, long entries, long exits, long hits) {
    }

    /** A border point's day so far, hour by hour, with the referrals still open there. */
    public record PointDay(String borderPoint, LocalDate day, List<HourlyFlow> hours, long entries, long exits,
                           long hits, long openReferrals) {
    }

    /** Crossings by border point, direction and time, newest first; each with its traveller's stay as of today. */
    Page<Crossing> list(String borderPoint, Direction direction, Instant from, Instant to, UUID traveller,
            PageRequest page, Caller caller);

    /** A crossing, if it is at a border point in the caller's jurisdiction. */
    Optional<Crossing> crossing(UUID id, Caller caller);

    /** The caller's own refusals of the last {@code hours} that still stand, newest first: their notices to hand over. */
    List<Crossing> refusedBy(Caller caller, int hours);

    /** Whether the caller may record and correct crossings at this border point. */
    boolean mayWorkAt(Caller caller, String borderPoint);

    /** Who made the crossing's latest decision (the supervisor who closed a referral, or the officer at the booth). */
    Optional<String> decidedBy(UUID id);

    /**
     * Referred crossings awaiting a final decision, oldest first; at one border point or at every
     * border point of the caller's jurisdiction.
     */
    Page<Crossing> referred(String borderPoint, PageRequest page, Caller caller);

    /**
     * Today's flows at a border point by hour of the border's clock; empty when the border point
     * is outside the caller's jurisdiction.
     */
    Optional<PointDay> today(String borderPoint, Caller caller);
}
