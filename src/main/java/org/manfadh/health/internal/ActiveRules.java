package org.manfadh.health.internal;

import java.util.List;

import org.manfadh.health.Alert;
import org.manfadh.health.HealthRulesChanged;
import org.manfadh.health.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The alerts and rules in memory, for the booth, which asks on every entry and must not wait for the database. A
 * few hundred rows at most: loaded whole at first use, and again after every change (here or by sync, announced as
 * {@link HealthRulesChanged}), and every few minutes in case another server of headquarters changed them.
 */
@Component
class ActiveRules {

    /** One consistent view: the alerts with the rules that refer to them. */
    record Snapshot(List<Alert> alerts, List<Rule> rules) {
    }

    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    private final Alerts alerts;
    private final Rules rules;
    private volatile Snapshot snapshot;

    ActiveRules(Alerts alerts, Rules rules) {
        this.alerts = alerts;
        this.rules = rules;
    }

    Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }

    /** Reads the alerts and rules again, now. */
    void reload() {
        snapshot = new Snapshot(alerts.all(), rules.all().stream().filter(Rule::active).toList());
    }

    /** Reloads once the change commits, or at once outside a transaction. */
    @EventListener
    void on(HealthRulesChanged changed) {
        reloadAfterCommit();
    }

    void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    @Scheduled(fixedDelayString = "${manfadh.health.rules-refresh:PT5M}", initialDelayString = "${manfadh.health.rules-refresh:PT5M}")
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Could not reload the health rules; the booth keeps the ones it has: {}", e.toString());
        }
    }
}
