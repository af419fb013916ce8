/**
 * Migration flow statistics: rollups of the register's crossings kept current as crossings are
 * recorded, decided, corrected, voided or arrive by synchronisation; the flows API, shared tables
 * with disclosure control, forecasts and surge alerts, dashboards, exports and reports.
 *
 * <p>It reads the register only through {@code bordercontrol}'s public API and events, and keeps
 * no name, document number or date of birth: a crossing is counted under its cell of dimensions
 * and nothing else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.manfadh.statistics;
