package org.manfadh.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.manfadh.screening.WatchlistReplication;

/**
 * At a post: asks headquarters what it is owed and applies it (watchlist deltas, accounts, identity
 * merges and decisions, stay rules), and says when its watchlists are older than allowed.
 */
public interface Puller {

    /** One pull: the lists received, their entries, the accounts now held (null when unchanged), or why it stopped. */
    record Result(List<WatchlistReplication.Received> watchlists, Integer accounts, String error) {
    }

    /** Asks headquarters now; at headquarters, nothing. */
    Result pull();

    /**
     * How old this post's watchlists are, when older than allowed: since they were last current,
     * or since the epoch when they never were. Empty at headquarters and at a current post.
     */
    Optional<Duration> staleWatchlists();
}
