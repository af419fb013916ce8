package org.manfadh.screening;

import java.util.UUID;

/**
 * Published in the transaction of every change to a list: a new version exists for posts to fetch.
 *
 * @param action what made the version
 */
public record WatchlistChanged(UUID listId, long version, ListChangeAction action) {
}
