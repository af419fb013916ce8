package org.manfadh.screening;

import java.util.UUID;

/**
 * Published in the transaction of every change to a list: a new version exists for posts to fetch.
 *
 * @param action LIST_CREATED, SETTINGS_CHANGED, IMPORTED, ENTRY_PROPOSED, ENTRY_APPROVED or ENTRY_REMOVED
 */
public record WatchlistChanged(UUID listId, long version, String action) {
}
