package org.manfadh.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How late a node's last contact is, and which nodes have newly become overdue: a node is overdue
 * when its last contact is older than {@code manfadh.sync.alert-after}. Remembers which were overdue
 * at the last look, so that a node becoming overdue is reported once, not at every look.
 */
final class Lateness {

    /** One node's last contact as seen at a moment. */
    record Seen(String key, Instant lastContact) {
    }

    private final Duration alertAfter;
    private final Set<String> overdue = new HashSet<>();

    Lateness(Duration alertAfter) {
        if (alertAfter == null || alertAfter.isNegative() || alertAfter.isZero()) {
            throw new IllegalArgumentException("manfadh.sync.alert-after must be a positive duration");
        }
        this.alertAfter = alertAfter;
    }

    Duration alertAfter() {
        return alertAfter;
    }

    /** Time since the last contact, never negative; null when there has been no contact. */
    static Duration lag(Instant lastContact, Instant now) {
        if (lastContact == null) {
            return null;
        }
        Duration lag = Duration.between(lastContact, now);
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    boolean overdue(Duration lag) {
        return lag != null && lag.compareTo(alertAfter) > 0;
    }

    /** The nodes that are overdue now and were not at the last look; forgets nodes that caught up. */
    synchronized List<String> newlyOverdue(List<Seen> nodes, Instant now) {
        Set<String> late = new HashSet<>();
        for (Seen seen : nodes) {
            if (overdue(lag(seen.lastContact(), now))) {
                late.add(seen.key());
            }
        }
        List<String> fresh = late.stream().filter(k -> !overdue.contains(k)).sorted().toList();
        overdue.clear();
        overdue.addAll(late);
        return fresh;
    }
}
