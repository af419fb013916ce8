package org.manfadh.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this node has sent and still owes (a post), or what it has received from each node
 * (headquarters), and whether contact is overdue: older than {@code manfadh.sync.alert-after}
 * (six hours unless set).
 */
public interface SyncStatus {

    /** {@code role}: {@code post} or {@code hq}; a post fills {@code post}, headquarters {@code nodes}. */
    record Status(String role, UUID nodeId, String borderPoint, long alertAfterSeconds, Post post,
                  List<Node> nodes) {
    }

    /**
     * A post's side. {@code lagSeconds}: since the last contact with headquarters, or, before any, since
     * the oldest record it owes; null when it has neither.
     */
    record Post(String hqUrl, Instant lastContact, Instant lastAttempt, String lastError,
                long acknowledgedSeq, long backlog, Long oldestUnsentAgeSeconds, Long lagSeconds,
                boolean overdue, Received received) {
    }

    /**
     * What a post has received from headquarters: when it was last current (everything headquarters
     * had for it applied), its last attempt and error, the list versions it holds, the last identity
     * merge and identity decision applied, and whether it is still taking its border point's records
     * back ({@code reseed}: {@code RUNNING}, {@code DONE}, or null before its first contact).
     */
    record Received(Instant currentAt, Instant lastAttempt, String lastError, List<ListVersion> watchlists,
                    long mergesSeq, long decisionsSeq, String reseed) {
    }

    /** A list's version: held by a post, or reported by a node beside headquarters' own. */
    record ListVersion(UUID id, String name, long version, Long latest) {
    }

    record Node(UUID nodeId, String borderPoint, long lastSeq, long records, Instant lastContact,
                long lagSeconds, boolean overdue, List<ListVersion> watchlists, int watchlistsBehind) {
    }

    Status status();

    /** As a node's credential sees it at headquarters: only the nodes bound to that credential. */
    Status statusForNode(String username);

    /** The status as it stands at a moment: lags and the overdue flags are measured up to it. */
    Status status(Instant now);
}
