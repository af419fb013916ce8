package org.manfadh.screening;

import java.util.UUID;

/**
 * What a screening check needs to know of a list: how to judge a score and what to do on a hit.
 *
 * @param version the list's latest version; every change makes the next one
 */
public record WatchlistSummary(UUID id, String name, WatchlistKind kind, ActionOnHit actionOnHit,
        ListAuthority authority, double hitThreshold, double possibleMatchThreshold, long version) {
}
