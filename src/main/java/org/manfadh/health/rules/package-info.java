/**
 * The health screening rules of an arrival: the arrival, the outbreak alerts and the active rules in; which rules
 * apply, what the booth asks, and the least outcome a screening's findings demand out. No Spring, no SQL, no I/O.
 *
 * <p>What it promises:
 * <ul>
 * <li>Only an ENTRY is screened; an exit needs nothing.</li>
 * <li>A rule of an alert applies on day D (the arrival's day on the border's calendar) only when the alert applies
 * on D ({@code validFrom ≤ D ≤ validUntil}; an ended alert's {@code validUntil} is the day it ended) and the rule is
 * active. It takes the alert's countries and a window W of {@code rule.windowDays}, or the alert's monitoring days
 * when the rule has none. A standing rule (no alert) applies every day it is active, with its own countries and
 * window (none: 0 days, the day of the arrival only).</li>
 * <li>An arrival's exposures are pairs (country, day E), one for each route: NEIGHBOUR gives the land border's
 * neighbouring country on D; ORIGIN the transport's origin on D; TRANSIT each country it passed through on D;
 * DECLARED each country the traveller declares, on the day they left it, or on D when they do not say (a day
 * after D counts as D). A rule applies when one of its own routes gives an exposure in one of its countries with
 * {@code 0 ≤ D − E ≤ W}. The screening keeps the latest such E ({@code last_exposure_on}, where the monitoring
 * window starts) and those countries.</li>
 * <li>Several rules at once ask their union: the temperature if any measures it, their symptoms and exposures
 * united in the enums' order, the yellow fever certificate if any asks for it.</li>
 * <li>Outcomes are ordered CLEARED &lt; SECONDARY &lt; REFERRED &lt; ISOLATED. For each applying rule: a
 * temperature at or above its fever threshold demands {@code onFever}; a reported symptom that it lists,
 * {@code onSymptom}; a reported exposure that it lists, {@code onExposure}; a certificate NONE or INVALID (or not
 * answered) where it asks for one, {@code onNoCertificate}. The least outcome is the greatest of these, CLEARED
 * when none. An officer may record a stricter outcome, never a milder one.</li>
 * <li>A screening is refused, field by field under {@code healthScreening.*}, for an outcome milder than the least
 * (naming the rule and the finding), no temperature where a rule measures it, no certificate answer where one is
 * asked, an unknown symptom, exposure or certificate value, and REFERRED without a facility when no applying rule
 * names one.</li>
 * </ul>
 */
package org.manfadh.health.rules;
