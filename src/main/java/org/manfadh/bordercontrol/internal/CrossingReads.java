package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.manfadh.bordercontrol.Direction;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Read access to crossings for the API. */
@Service
public class CrossingReads implements CrossingQueries {

    private final CrossingViews views;
    private final Crossings crossings;
    private final StayService stays;
    private final Clock clock;
    private final BorderJurisdiction jurisdiction;

    CrossingReads(CrossingViews views, Crossings crossings, StayService stays, Clock clock,
                    BorderJurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
        this.views = views;
        this.crossings = crossings;
        this.stays = stays;
        this.clock = clock;
    }

    /** Crossings by border point, direction and time, newest first; each with its traveller's stay as of today. */
    public Page<Crossing> list(String borderPoint, Direction direction, Instant from, Instant to, UUID traveller,
                                   PageRequest page, Caller caller) {
        String[] points = jurisdiction.crossings(caller).borderPointsOrNull();
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        List<Crossing> content = crossings.list(point, direction, from, to, traveller, points, page.size(), page.offset()).stream()
                .map(row -> views.shown(row, CrossingViews.stay(stays.compute(row.travellerId(), today).status())))
                .toList();
        return Page.of(content, page, crossings.count(point, direction, from, to, traveller, points));
    }

    /** A crossing, if it is at a border point in the caller's jurisdiction. */
    public Optional<Crossing> crossing(UUID id, Caller caller) {
        var scope = jurisdiction.crossings(caller);
        return crossings.find(id).filter(row -> scope.allows(row.borderPoint()))
                .map(row -> views.shown(row, CrossingViews.stay(stays.compute(row.travellerId(), LocalDate.now(clock)).status())));
    }

    /** The caller's own refusals of the last {@code hours} that still stand, newest first: their notices to hand over. */
    public List<Crossing> refusedBy(Caller caller, int hours) {
        String[] points = jurisdiction.crossings(caller).borderPointsOrNull();
        LocalDate today = LocalDate.now(clock);
        return crossings.refusedBy(caller.username(), clock.instant().minus(java.time.Duration.ofHours(hours)), points, 20)
                .stream().filter(row -> !row.voided())
                .map(row -> views.shown(row, CrossingViews.stay(stays.compute(row.travellerId(), today).status())))
                .toList();
    }

    /** Whether the caller may record and correct crossings at this border point. */
    public boolean mayWorkAt(Caller caller, String borderPoint) {
        return jurisdiction.work(caller).allows(borderPoint);
    }

    /** Who made the crossing's latest decision (the supervisor who closed a referral, or the officer at the booth). */
    public Optional<String> decidedBy(UUID id) {
        return crossings.find(id).map(Crossing::decidedBy);
    }

    /**
     * Referred crossings awaiting a final decision, oldest first; at one border point or at every
     * border point of the caller's jurisdiction.
     */
    public Page<Crossing> referred(String borderPoint, PageRequest page, Caller caller) {
        String[] points = jurisdiction.crossings(caller).borderPointsOrNull();
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        List<Crossing> content = crossings.referred(point, points, page.size(), page.offset()).stream()
                .map(row -> views.shown(row, CrossingViews.stay(stays.compute(row.travellerId(), today).status())))
                .toList();
        return Page.of(content, page, crossings.countReferred(point, points));
    }

    /**
     * Today's flows at a border point by hour of the border's clock; empty when the border point
     * is outside the caller's jurisdiction.
     */
    public Optional<PointDay> today(String borderPoint, Caller caller) {
        String point = borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        if (!jurisdiction.crossings(caller).allows(point)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Instant from = today.atStartOfDay(clock.getZone()).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        long[][] byHour = new long[24][];
        crossings.hourly(point, from, to, clock.getZone().getId()).forEach(r -> byHour[(int) r[0]] = r);
        List<HourlyFlow> hours = new java.util.ArrayList<>();
        long entries = 0, exits = 0, hits = 0;
        for (int h = 0; h < 24; h++) {
            long[] r = byHour[h] == null ? new long[] {h, 0, 0, 0} : byHour[h];
            hours.add(new HourlyFlow(h, r[1], r[2], r[3]));
            entries += r[1];
            exits += r[2];
            hits += r[3];
        }
        return Optional.of(new PointDay(point, today, hours, entries, exits, hits, crossings.countReferred(point, null)));
    }
}
