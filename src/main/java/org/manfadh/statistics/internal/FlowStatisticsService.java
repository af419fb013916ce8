package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.bordercontrol.FlowFacts;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.springframework.stereotype.Service;

/**
 * Flows and overstayers as the caller may see them: the border points of their jurisdiction, and
 * the other authority's when it shares its aggregates; shared tables with their small cells
 * suppressed.
 */
@Service
class FlowStatisticsService implements FlowStatistics {

    private final FlowCounter counter;
    private final FlowQueries queries;
    private final Accounts accounts;
    private final FlowFacts facts;
    private final ReferenceData reference;
    private final StatisticsSettings settings;
    private final CountingWorker worker;

    FlowStatisticsService(FlowCounter counter, FlowQueries queries, Accounts accounts, FlowFacts facts,
                          ReferenceData reference, StatisticsSettings settings, CountingWorker worker) {
        this.worker = worker;
        this.counter = counter;
        this.queries = queries;
        this.accounts = accounts;
        this.facts = facts;
        this.reference = reference;
        this.settings = settings;
    }

    @Override
    public FlowTable flows(FlowQuery query, String username) {
        queries.check(query);
        // What was committed before the question is in the answer, unless a bulk arrival is still being counted.
        worker.catchUp();
        FlowTable table = counter.count(query, scope(username));
        return query.shared() ? disclose(table) : table;
    }

    @Override
    public FlowTable overstayers(LocalDate asOf, List<Dimension> by, String username, boolean shared) {
        List<Rejection.Field> problems = new ArrayList<>();
        for (Dimension d : by) {
            if (d != Dimension.NATIONALITY && d != Dimension.AUTHORITY && d != Dimension.BORDER_POINT
                    && d != Dimension.GOVERNORATE) {
                problems.add(new Rejection.Field("by", "overstayers are counted by nationality, authority, governorate"
                        + " and border point only, not by " + d.parameter() + "."));
            }
        }
        if (by.stream().distinct().count() < by.size()) {
            problems.add(new Rejection.Field("by", "names a dimension more than once."));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        ReadScope scope = accounts.readScope(username, SharedData.OVERSTAYS);
        Map<String, BorderPoint> points = reference.borderPoints().stream()
                .collect(Collectors.toMap(BorderPoint::code, p -> p));
        Map<Map<Dimension, String>, Long> counts = new LinkedHashMap<>();
        for (FlowFacts.OverstayCount c : facts.overstayers(asOf)) {
            if (!scope.allows(c.borderPoint())) {
                continue;
            }
            Map<Dimension, String> values = new LinkedHashMap<>();
            BorderPoint point = points.get(c.borderPoint());
            for (Dimension d : by) {
                values.put(d, switch (d) {
                    case NATIONALITY -> c.nationality();
                    case AUTHORITY -> point == null ? Cell.UNKNOWN : point.authority().name();
                    case GOVERNORATE -> point == null ? Cell.UNKNOWN : point.governorate();
                    default -> c.borderPoint();
                });
            }
            counts.merge(java.util.Collections.unmodifiableMap(values), c.count(), Long::sum);
        }
        List<FlowTable.Row> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<Map<Dimension, String>, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().values().toString()))
                .map(e -> new FlowTable.Row(asOf, null, e.getKey(), e.getValue(), false)).toList();
        FlowTable table = new FlowTable(by, Interval.NONE, rows, rows.stream().mapToLong(FlowTable.Row::count).sum(),
                false, 0);
        return shared ? disclose(table) : table;
    }

    /** Where the user may see counts: their jurisdiction, and what the other authority shares of its aggregates. */
    private ReadScope scope(String username) {
        return accounts.readScope(username, SharedData.AGGREGATES);
    }

    private FlowTable disclose(FlowTable table) {
        return org.manfadh.statistics.disclosure.DisclosureControl.suppress(table, settings.threshold());
    }
}
