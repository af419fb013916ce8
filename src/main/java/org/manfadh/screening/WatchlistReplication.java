package org.manfadh.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/**
 * Watchlists from headquarters to the posts. Every change at headquarters makes a version of its
 * list and marks the entries it touched with that version, so what a post at version v lacks is
 * exactly the entries changed after v: a delta, which from version 0 is the whole list. The rows
 * travel as PostgreSQL renders them, so a column a later migration adds travels too.
 */
public interface WatchlistReplication {

    /** A list and the latest version held here. */
    record ListVersion(UUID id, String name, ListAuthority authority, long version) {
    }

    /** What applying a delta did: the list's version before and after, and how many entries it carried. */
    record Received(UUID listId, String name, long fromVersion, long version, long entries) {
    }

    /** Every list held here, with its latest version. */
    List<ListVersion> lists();

    /**
     * Writes as JSON the list's settings and every entry and change log line of the versions after
     * {@code afterVersion} (0 for the whole list), as one consistent view; rows are streamed, never
     * all held at once. Nothing is written for an unknown list: check {@link #lists()} first.
     */
    void export(UUID listId, long afterVersion, OutputStream out) throws IOException;

    /**
     * At a post: applies an export in one transaction, so the list moves from one version to the
     * next whole or not at all, then has screening use it. A delta that does not start at or before
     * the version held here is refused.
     */
    Received apply(InputStream export) throws IOException;
}
