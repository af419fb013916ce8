package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a dashboard shows, worked out and worded for the user's language, for the template to
 * lay out: the surges at the top, the totals, the time series (or the day's hours), the map and the
 * tables, each table with its chart and its export links.
 *
 * @param errors a range field at fault and the message key saying why
 * @param surges today's surges; null when they could not be read
 */
record DashboardPage(DashboardLevel level, String code, String title, List<Crumb> crumbs, String path, LocalDate from,
                     LocalDate to, boolean shared, boolean canShare, Map<String, String> errors, List<SurgeRow> surges,
                     Totals totals, String series, boolean forecastShown, String map, List<Section> sections) {

    /** A step of the way down from the national dashboard. */
    record Crumb(String label, String href) {
    }

    /** Null figures are suppressed in a shared table. */
    record Totals(Long crossings, Long entries, Long exits, Long net) {
    }

    record SurgeRow(String pointLabel, String pointHref, String window, LocalDate day, Integer hour, long observed,
                    long expected, long high, java.time.Instant raisedAt) {
    }

    /** A table with its chart (SVG, or null). */
    record Section(String id, String heading, String chart, Table table) {
    }

    record Table(List<String> headers, List<Row> rows, String csv, String xlsx) {
    }

    /** A row: what it counts, where a click leads (or null), its figures. */
    record Row(String label, String href, List<Cell> cells) {
    }

    /** A figure; null and suppressed in a shared table when it is too small to publish. */
    record Cell(Long value, boolean suppressed) {
        static Cell of(Long value, boolean suppressed) {
            return new Cell(suppressed ? null : value, suppressed);
        }
    }
}
