package org.manfadh.health;

/**
 * Alerts, rules or diseases changed: made or ended here, or arrived from headquarters by sync. Whoever writes them
 * announces it in the writing transaction; the border check's memory of the active rules is reloaded once it
 * commits (at once when published outside a transaction).
 */
public record HealthRulesChanged() {
}
