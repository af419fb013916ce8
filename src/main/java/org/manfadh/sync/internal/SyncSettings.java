package org.manfadh.sync.internal;

import java.net.URI;
import java.time.Duration;

/**
 * What this node is and how it reaches headquarters: {@code manfadh.node.role} ({@code hq} or
 * {@code post}), {@code manfadh.node.border-point}, {@code manfadh.sync.hq-url},
 * {@code manfadh.sync.interval}, {@code manfadh.sync.username} and {@code manfadh.sync.password},
 * {@code manfadh.sync.batch-size}, and {@code manfadh.sync.timeout}: how long a post waits for an
 * answer from headquarters to begin, and once begun for its next bytes.
 */
public record SyncSettings(Role role, String borderPoint, URI hqUrl, Duration interval, String username,
                           String password, int batchSize, Duration timeout) {

    public enum Role { HQ, POST }

    public SyncSettings {
        if (role == Role.POST && hqUrl == null) {
            throw new IllegalArgumentException("A post needs manfadh.sync.hq-url: the headquarters it pushes to.");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("manfadh.sync.interval must be a positive duration");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("manfadh.sync.timeout must be a positive duration");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("manfadh.sync.batch-size must be positive");
        }
    }

    public boolean post() {
        return role == Role.POST;
    }
}
