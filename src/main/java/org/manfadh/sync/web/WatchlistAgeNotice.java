package org.manfadh.sync.web;

import java.time.Duration;

import org.manfadh.sync.Puller;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On every screen of a post whose watchlists are older than allowed: how old, in hours (or -1 when
 * they never arrived), so that no officer screens against stale lists without knowing it.
 */
@ControllerAdvice(annotations = Controller.class)
class WatchlistAgeNotice {

    private final Puller puller;

    WatchlistAgeNotice(Puller puller) {
        this.puller = puller;
    }

    @ModelAttribute("staleWatchlistHours")
    Long staleWatchlistHours() {
        return puller.staleWatchlists()
                .map(age -> age.getSeconds() == Long.MAX_VALUE ? -1L : age.toHours())
                .orElse(null);
    }
}
