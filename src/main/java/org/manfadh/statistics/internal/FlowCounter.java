package org.manfadh.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.manfadh.access.ReadScope;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a table of flows from the rollups: the smallest rollup holding every dimension asked for
 * and filtered by, its monthly rows for the whole months of the range and its daily rows for the
 * days at either end, and the changes not folded in yet, so that the answer is exact at any moment.
 * Authority and governorate are the border point's. The scope is applied as given: callers work it
 * out from the user's jurisdiction ({@link ReadScope#EVERYWHERE} for the application's own work).
 */
@Component
class FlowCounter {

    private final JdbcClient jdbc;
    private final ReferenceData reference;

    FlowCounter(JdbcClient jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    FlowTable count(FlowQuery query, ReadScope scope) {
        Map<String, BorderPoint> points = reference.borderPoints().stream()
                .collect(Collectors.toMap(BorderPoint::code, p -> p));
        Set<Cuboid.Column> needed = EnumSet.noneOf(Cuboid.Column.class);
        query.by().forEach(d -> needed.add(Cuboid.Column.of(d)));
        query.filters().keySet().forEach(d -> needed.add(Cuboid.Column.of(d)));

        // Where: the scope, and authority, governorate and border point filters, as one set of border points.
        Set<String> allowed = null;
        if (!scope.everywhere()) {
            allowed = new java.util.TreeSet<>(scope.borderPoints());
        }
        for (Map.Entry<Dimension, Set<String>> f : query.filters().entrySet()) {
            Set<String> matching = switch (f.getKey()) {
                case BORDER_POINT -> f.getValue();
                case AUTHORITY -> points.values().stream().filter(p -> f.getValue().contains(p.authority().name()))
                        .map(BorderPoint::code).collect(Collectors.toSet());
                case GOVERNORATE -> points.values().stream().filter(p -> f.getValue().contains(p.governorate()))
                        .map(BorderPoint::code).collect(Collectors.toSet());
                default -> null;
            };
            if (matching != null) {
                allowed = allowed == null ? new java.util.TreeSet<>(matching)
                        : allowed.stream().filter(matching::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
            }
        }
        if (allowed != null) {
            needed.add(Cuboid.Column.BORDER_POINT);
        }
        boolean hourly = query.interval() == Interval.HOUR;
        Cuboid cuboid = hourly ? Cuboid.HOURS : Cuboid.covering(needed);

        // What is grouped in SQL: the stored columns of the dimensions asked for.
        List<Cuboid.Column> grouped = new ArrayList<>();
        for (Dimension d : query.by()) {
            Cuboid.Column c = Cuboid.Column.of(d);
            if (!grouped.contains(c)) {
                grouped.add(c);
            }
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (allowed != null) {
            where.append(" and border_point = any(cast(:points as text[]))");
            params.put("points", allowed.toArray(String[]::new));
        }
        for (Map.Entry<Dimension, Set<String>> f : query.filters().entrySet()) {
            Cuboid.Column c = Cuboid.Column.of(f.getKey());
            if (c == Cuboid.Column.BORDER_POINT) {
                continue;
            }
            where.append(" and ").append(c.name).append(" = any(cast(:f_").append(c.name).append(" as text[]))");
            params.put("f_" + c.name, f.getValue().toArray(String[]::new));
        }
        String cols = grouped.stream().map(c -> ", " + c.name).collect(Collectors.joining());
        String hour = hourly ? ", hour" : "";
        LocalDate from = query.from();
        LocalDate to = query.to();
        params.put("from", from);
        params.put("to", to);

        List<String> parts = new ArrayList<>();
        boolean byMonths = cuboid.byMonth() != null && switch (query.interval()) {
            case MONTH, YEAR, NONE -> true;
            default -> false;
        };
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        // The first day after the last whole month: the month after 'to' when 'to' ends its month, else 'to's own.
        LocalDate afterWhole = to.plusDays(1).withDayOfMonth(1);
        if (byMonths && firstWhole.isBefore(afterWhole)) {
            params.put("firstWhole", firstWhole);
            params.put("afterWhole", afterWhole);
            parts.add("select month as day" + cols + ", n from " + cuboid.byMonth()
                    + " where month >= :firstWhole and month < :afterWhole" + where);
            parts.add("select day" + hour + cols + ", n from " + cuboid.byDay()
                    + " where day >= :from and day <= :to and (day < :firstWhole or day >= :afterWhole)" + where);
        } else {
            parts.add("select day" + hour + cols + ", n from " + cuboid.byDay()
                    + " where day >= :from and day <= :to" + where);
        }
        parts.add("select day" + hour + cols + ", n from statistics.flow_change where day >= :from and day <= :to" + where);

        String period = switch (query.interval()) {
            case HOUR, DAY -> "day";
            case WEEK -> "date_trunc('week', day)::date";
            case MONTH -> "date_trunc('month', day)::date";
            case YEAR -> "date_trunc('year', day)::date";
            case NONE -> null;
        };
        List<String> groupBy = new ArrayList<>();
        if (period != null) {
            groupBy.add(period);
        }
        if (hourly) {
            groupBy.add("hour");
        }
        grouped.forEach(c -> groupBy.add(c.name));
        String select = (period == null ? "null::date" : period) + " as period, "
                + (hourly ? "hour" : "null::int as hour") + cols + ", sum(n) as n";
        String sql = "select " + select + " from (" + String.join("\nunion all\n", parts) + ") x"
                + (groupBy.isEmpty() ? "" : " group by " + String.join(", ", groupBy))
                + " having sum(n) <> 0";
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        // Rows by period and the values asked for; authority and governorate gathered from their border points.
        Map<RowKey, Long> counts = new LinkedHashMap<>();
        spec.query((ResultSet rs) -> {
            Map<Dimension, String> values = new EnumMap<>(Dimension.class);
            for (Dimension d : query.by()) {
                values.put(d, value(rs, d, points));
            }
            LocalDate p = rs.getObject("period", LocalDate.class);
            Integer h = hourly ? rs.getInt("hour") : null;
            counts.merge(new RowKey(p, h, ordered(values, query.by())), rs.getLong("n"), Long::sum);
        });
        List<FlowTable.Row> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<RowKey, Long>, LocalDate>comparing(e -> e.getKey().period(),
                                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .thenComparing(e -> e.getKey().hour(), java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .thenComparing(e -> -e.getValue())
                        .thenComparing(e -> e.getKey().values().values().toString()))
                .forEach(e -> rows.add(new FlowTable.Row(e.getKey().period(), e.getKey().hour(), e.getKey().values(),
                        e.getValue(), false)));
        long total = rows.stream().mapToLong(FlowTable.Row::count).sum();
        return new FlowTable(query.by(), query.interval(), rows, total, false, 0);
    }

    private record RowKey(LocalDate period, Integer hour, Map<Dimension, String> values) {
    }

    private static Map<Dimension, String> ordered(Map<Dimension, String> values, List<Dimension> by) {
        Map<Dimension, String> ordered = new LinkedHashMap<>();
        by.forEach(d -> ordered.put(d, values.get(d)));
        return java.util.Collections.unmodifiableMap(ordered);
    }

    private static String value(ResultSet rs, Dimension d, Map<String, BorderPoint> points) throws SQLException {
        String stored = rs.getString(Cuboid.Column.of(d).name).strip();
        return switch (d) {
            case AUTHORITY -> points.containsKey(stored) ? points.get(stored).authority().name() : Cell.UNKNOWN;
            case GOVERNORATE -> points.containsKey(stored) ? points.get(stored).governorate() : Cell.UNKNOWN;
            default -> stored;
        };
    }
}
