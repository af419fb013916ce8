package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Read access to crossings for the API. */
@Service
public class CrossingQueries {

    private final CrossingViews views;
    private final Clock clock;

    CrossingQueries(CrossingViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    public Optional<CrossingView> crossing(UUID id) {
        return views.crossing(id, LocalDate.now(clock));
    }
}
