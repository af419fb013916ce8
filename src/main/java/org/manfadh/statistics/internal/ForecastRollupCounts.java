package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.manfadh.access.ReadScope;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.manfadh.statistics.forecast.DailyCounts;
import org.springframework.stereotype.Component;

/** The counts forecasts learn from, out of the flow rollups, everywhere (the callers check jurisdiction). */
@Component
class ForecastRollupCounts implements ForecastCounts {

    private final FlowCounter counter;
    private final CountingWorker worker;

    ForecastRollupCounts(FlowCounter counter, CountingWorker worker) {
        this.worker = worker;
        this.counter = counter;
    }

    @Override
    public DailyCounts daily(String borderPoint, Direction direction, LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        long[] counts = new long[Math.max(0, days)];
        if (days > 0) {
            worker.catchUp();
            FlowTable table = counter.count(query(borderPoint, direction, from, to, Interval.DAY), ReadScope.EVERYWHERE);
            for (FlowTable.Row row : table.rows()) {
                int i = (int) ChronoUnit.DAYS.between(from, row.period());
                if (i >= 0 && i < days && row.count() != null) {
                    counts[i] += row.count();
                }
            }
        }
        return new DailyCounts(from, counts);
    }

    @Override
    public List<long[]> hourly(String borderPoint, LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        List<long[]> out = new ArrayList<>(Math.max(0, days));
        for (int d = 0; d < days; d++) {
            out.add(new long[24]);
        }
        if (days > 0) {
            worker.catchUp();
            FlowTable table = counter.count(query(borderPoint, null, from, to, Interval.HOUR), ReadScope.EVERYWHERE);
            for (FlowTable.Row row : table.rows()) {
                int i = (int) ChronoUnit.DAYS.between(from, row.period());
                if (i >= 0 && i < days && row.hour() != null && row.hour() >= 0 && row.hour() < 24 && row.count() != null) {
                    out.get(i)[row.hour()] += row.count();
                }
            }
        }
        return out;
    }

    private static FlowQuery query(String borderPoint, Direction direction, LocalDate from, LocalDate to,
                                   Interval interval) {
        Map<Dimension, Set<String>> filters = direction == null
                ? Map.of(Dimension.BORDER_POINT, Set.of(borderPoint))
                : Map.of(Dimension.BORDER_POINT, Set.of(borderPoint), Dimension.DIRECTION, Set.of(direction.name()));
        return new FlowQuery(from, to, interval, List.of(Dimension.BORDER_POINT), filters, false);
    }
}
