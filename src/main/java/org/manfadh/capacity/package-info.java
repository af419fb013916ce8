/**
 * Capacity building at the border points, for the Border Points Commission's training directorate, the two
 * ministries and the programme behind them: training (courses, sessions, participants, attendance, scores,
 * certificates and refreshers, evaluation on Kirkpatrick's four levels), the equipment and premises of border
 * management centres and posts, standard operating procedures and their adoption, and the programme's indicators
 * for donor reporting beside the border points' traffic.
 *
 * <p>It reads the border points from {@code referencedata}, accounts from {@code access} and traffic from
 * {@code statistics}' public API; no other module reads its tables. Its records are kept at headquarters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capacity building")
package org.manfadh.capacity;
