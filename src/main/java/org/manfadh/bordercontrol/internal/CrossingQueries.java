package org.manfadh.bordercontrol.internal;

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
public class CrossingQueries {

    private final CrossingViews views;
    private final Crossings crossings;
    private final StayService stays;
    private final Clock clock;

    CrossingQueries(CrossingViews views, Crossings crossings, StayService stays, Clock clock) {
        this.views = views;
        this.crossings = crossings;
        this.stays = stays;
        this.clock = clock;
    }

    /** Crossings by border point, direction and time, newest first; each with its traveller's stay as of today. */
    public Page<CrossingView> list(String borderPoint, Direction direction, Instant from, Instant to, UUID traveller,
                                   PageRequest page) {
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        String way = direction == null ? null : direction.name();
        LocalDate today = LocalDate.now(clock);
        List<CrossingView> content = crossings.list(point, way, from, to, traveller, page.size(), page.offset()).stream()
                .map(row -> views.view(row, CrossingViews.stay(stays.compute(row.travellerId(), today).status())))
                .toList();
        return Page.of(content, page, crossings.count(point, way, from, to, traveller));
    }

    public Optional<CrossingView> crossing(UUID id) {
        return views.crossing(id, LocalDate.now(clock));
    }
}
