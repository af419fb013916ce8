package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At a post: outbox rows headquarters acknowledged are kept {@code manfadh.sync.outbox-retention}
 * (seven days unless set), for an administrator to look into, then removed once an hour. The
 * records themselves stay; only their copies waiting to travel go.
 */
@Component
class OutboxPruner {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

    private final SyncSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration retention;

    OutboxPruner(SyncSettings settings, Outbox outbox, Clock clock,
                 @Value("${manfadh.sync.outbox-retention:P7D}") Duration retention) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        if (!settings.post()) {
            return;
        }
        int removed = outbox.prune(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("{} acknowledged outbox rows older than {} removed", removed, retention);
        }
    }
}
