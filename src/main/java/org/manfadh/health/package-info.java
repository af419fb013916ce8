/**
 * Health at points of entry (IHR 2005, Annex 1B, Articles 18, 23, 30 and 31): outbreak alerts and the screening
 * rules they bring, health screenings at the booth, travellers held for health and the health officer's decisions
 * on them, follow-up during the monitoring window, contact-tracing manifests from the register, and the points of
 * entry's core-capacity self-assessments.
 *
 * <p>It answers the border check through {@code bordercontrol}'s {@code HealthCheckpoint} and reads the register
 * only through {@code bordercontrol}'s public API; the register never reads health's tables. Health details
 * (temperature, symptoms, notes, address, phone) are shown in full only to health officers, and every read of
 * them is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health")
package org.manfadh.health;
