package org.manfadh.health;

/**
 * The diseases, alerts and rules held here were replaced by those headquarters published, announced in the
 * transaction that replaced them. Whatever keeps them in memory (the health checkpoint) reads them again once
 * that transaction has committed.
 *
 * @param alerts how many alerts are held now, ended ones included
 * @param rules  how many rules are held now
 */
public record HealthRulesChanged(int alerts, int rules) {
}
