package org.manfadh.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.AgeBand;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.Interval;
import org.manfadh.statistics.SurgeAlerts;
import org.manfadh.statistics.web.DashboardPage.Cell;
import org.manfadh.statistics.web.DashboardPage.Row;
import org.manfadh.statistics.web.DashboardPage.Section;
import org.manfadh.statistics.web.DashboardPage.Table;
import org.manfadh.statistics.web.charts.BarChart;
import org.manfadh.statistics.web.charts.ChartLanguage;
import org.manfadh.statistics.web.charts.ColumnChart;
import org.manfadh.statistics.web.charts.MapChart;
import org.manfadh.statistics.web.charts.TimeSeriesChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.ibm.icu.util.ULocale;

/**
 * The figures of a dashboard, taken from {@link FlowStatistics} (which keeps to the caller's
 * jurisdiction and suppresses a shared table's small cells), the forecast band from
 * {@link Forecasts} and the surges from {@link SurgeAlerts} where those are there, worded in the
 * user's language: country names from CLDR, border points, governorates and refusal reasons from
 * the reference data.
 */
@Component
class DashboardFigures {

    private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);
    static final int TOP_NATIONALITIES = 10;
    /** Days of forecast drawn beyond today when the range reaches today. */
    static final int DAYS_AHEAD = 14;
    static final String SUPPRESSED = "—";

    private final FlowStatistics flows;
    private final ObjectProvider<Forecasts> forecasts;
    private final ObjectProvider<SurgeAlerts> surges;
    private final ReferenceData referenceData;
    private final Accounts accounts;
    private final MessageSource messages;
    private final DashboardMap map;
    private final Clock clock;

    DashboardFigures(FlowStatistics flows, ObjectProvider<Forecasts> forecasts, ObjectProvider<SurgeAlerts> surges,
                     ReferenceData referenceData, Accounts accounts, MessageSource messages, DashboardMap map, Clock clock) {
        this.flows = flows;
        this.forecasts = forecasts;
        this.surges = surges;
        this.referenceData = referenceData;
        this.accounts = accounts;
        this.messages = messages;
        this.map = map;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The border points a dashboard covers that the user may see the counts of. */
    List<BorderPoint> points(DashboardLevel level, String code, String username) {
        ReadScope scope = accounts.readScope(username, SharedData.AGGREGATES);
        return referenceData.borderPoints().stream().filter(p -> scope.allows(p.code())).filter(p -> switch (level) {
            case NATIONAL -> true;
            case AUTHORITY -> p.authority().name().equals(code);
            case GOVERNORATE -> code.equals(p.governorate()) || code.equals(governorateCode(p.governorate()));
            case POINT, DAY -> p.code().equals(code);
        }).toList();
    }

    private volatile List<Governorate> governorates;

    /** Iraq's governorates change with a law, not with a click: read once, not once per point and per request. */
    private List<Governorate> governorates() {
        List<Governorate> known = governorates;
        if (known == null) {
            known = List.copyOf(referenceData.governorates());
            governorates = known;
        }
        return known;
    }

    /** The reference data names a point's governorate by its English name or its code: the code either way. */
    String governorateCode(String governorate) {
        if (governorate == null) {
            return null;
        }
        return governorates().stream()
                .filter(g -> g.code().equals(governorate) || g.nameEn().equalsIgnoreCase(governorate))
                .map(Governorate::code).findFirst().orElse(governorate);
    }

    DashboardPage page(DashboardLevel level, String code, LocalDate from, LocalDate to, boolean shared, boolean canShare,
                       Map<String, String> errors, String username) {
        ChartLanguage language = ChartLanguage.of(LocaleContextHolder.getLocale().getLanguage());
        List<BorderPoint> points = points(level, code, username);
        Map<Dimension, Set<String>> filters = filters(level, code);
        String path = path(level, code, from);
        Query query = new Query(from, to, filters, shared, username);
        // A click down keeps the range and the sharing the user chose.
        String keep = level == DashboardLevel.DAY ? "" : "?from=" + from + "&to=" + to + (shared ? "&shared=true" : "");

        List<Section> sections = new ArrayList<>();
        String series;
        DashboardPage.Totals totals;
        boolean forecastShown = false;
        String mapSvg = null;
        if (level == DashboardLevel.DAY) {
            FlowTable hours = query.table(List.of(Dimension.DIRECTION), Interval.HOUR);
            totals = totals(hours);
            Section hourSection = hours(hours, query, language);
            series = hourSection.chart();
            sections.add(new Section(hourSection.id(), hourSection.heading(), null, hourSection.table()));
        } else {
            if (shared) {
                // A shared table is counted by whole months: the series goes month by month, with no band.
                FlowTable months = query.table(List.of(Dimension.DIRECTION), Interval.MONTH);
                totals = totals(months);
                series = months(months, from, to, language);
            } else {
                FlowTable days = query.table(List.of(Dimension.DIRECTION), Interval.DAY);
                totals = totals(days);
                List<org.manfadh.statistics.Forecasts.Day> band = band(level, code, points, from, to, username);
                forecastShown = !band.isEmpty();
                series = series(days, band, from, to, level == DashboardLevel.POINT ? code : null, language);
            }
            FlowTable byPoint = query.table(List.of(Dimension.BORDER_POINT, Dimension.DIRECTION), Interval.NONE);
            mapSvg = map(level, code, points, byPoint, language, keep);
            switch (level) {
                case NATIONAL -> {
                    sections.add(places("authorities", Dimension.AUTHORITY, query, keep));
                    sections.add(places("governorates", Dimension.GOVERNORATE, query, keep));
                    sections.add(places("points", byPoint, Dimension.BORDER_POINT, query, keep));
                }
                case AUTHORITY -> {
                    sections.add(places("governorates", Dimension.GOVERNORATE, query, keep));
                    sections.add(places("points", byPoint, Dimension.BORDER_POINT, query, keep));
                }
                case GOVERNORATE -> sections.add(places("points", byPoint, Dimension.BORDER_POINT, query, keep));
                default -> {
                }
            }
        }
        sections.add(nationalities(query, language));
        sections.add(decisions(query));
        sections.add(reasons(query, language));
        sections.add(sexAndAge(query, language));
        return new DashboardPage(level, code, title(level, code), crumbs(level, code, from, keep), path, from, to, shared, canShare,
                errors, surgeRows(points, username), totals, series, forecastShown, mapSvg, sections);
    }

    /** What a table is, asked of the flows with the dashboard's range, filters and sharing. */
    private final class Query {
        final LocalDate from;
        final LocalDate to;
        final Map<Dimension, Set<String>> filters;
        final boolean shared;
        final String username;

        Query(LocalDate from, LocalDate to, Map<Dimension, Set<String>> filters, boolean shared, String username) {
            this.from = from;
            this.to = to;
            this.filters = filters;
            this.shared = shared;
            this.username = username;
        }

        FlowTable table(List<Dimension> by, Interval interval) {
            return table(by, interval, Map.of());
        }

        FlowTable table(List<Dimension> by, Interval interval, Map<Dimension, Set<String>> more) {
            Map<Dimension, Set<String>> all = new EnumMap<>(Dimension.class);
            all.putAll(filters);
            all.putAll(more);
            return flows.flows(new FlowQuery(from, to, interval, by, all, shared), username);
        }

        /** The export of a table as the flows API takes it, with the dashboard's filters. */
        String export(String format, List<Dimension> by, Interval interval, Map<Dimension, Set<String>> more) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/statistics/flows/export")
                    .queryParam("format", format).queryParam("from", from).queryParam("to", to)
                    .queryParam("interval", interval.name().toLowerCase(Locale.ROOT))
                    .queryParam("by", String.join(",", by.stream().map(Dimension::parameter).toList()));
            Map<Dimension, Set<String>> all = new EnumMap<>(Dimension.class);
            all.putAll(filters);
            all.putAll(more);
            all.forEach((d, values) -> uri.queryParam(d.parameter(), String.join(",", values.stream().sorted().toList())));
            if (shared) {
                uri.queryParam("shared", "true");
            }
            uri.queryParam("lang", LocaleContextHolder.getLocale().getLanguage());
            return uri.build().toUriString();
        }
    }

    static Map<Dimension, Set<String>> filters(DashboardLevel level, String code) {
        return switch (level) {
            case NATIONAL -> Map.of();
            case AUTHORITY -> Map.of(Dimension.AUTHORITY, Set.of(code));
            case GOVERNORATE -> Map.of(Dimension.GOVERNORATE, Set.of(code));
            case POINT, DAY -> Map.of(Dimension.BORDER_POINT, Set.of(code));
        };
    }

    static String path(DashboardLevel level, String code, LocalDate day) {
        return switch (level) {
            case NATIONAL -> "/statistics";
            case AUTHORITY -> "/statistics/authorities/" + code;
            case GOVERNORATE -> "/statistics/governorates/" + code;
            case POINT -> "/statistics/points/" + code;
            case DAY -> "/statistics/points/" + code + "/days/" + day;
        };
    }

    private String title(DashboardLevel level, String code) {
        return switch (level) {
            case NATIONAL -> text("statistics.dashboard.national");
            case AUTHORITY -> text("statistics.dashboard.authority." + code);
            case GOVERNORATE -> governorate(code);
            case POINT, DAY -> borderPoint(code);
        };
    }

    private List<DashboardPage.Crumb> crumbs(DashboardLevel level, String code, LocalDate day, String keep) {
        List<DashboardPage.Crumb> crumbs = new ArrayList<>();
        crumbs.add(new DashboardPage.Crumb(text("statistics.dashboard.national"), "/statistics" + keep));
        String authority = null;
        String governorate = null;
        switch (level) {
            case AUTHORITY -> authority = code;
            case GOVERNORATE -> {
                governorate = code;
                authority = governorates().stream().filter(g -> g.code().equals(code)).findFirst()
                        .map(g -> g.authority().name()).orElse(null);
            }
            case POINT, DAY -> {
                BorderPoint point = referenceData.borderPoint(code).orElseThrow();
                authority = point.authority().name();
                governorate = governorateCode(point.governorate());
            }
            default -> {
            }
        }
        if (authority != null) {
            crumbs.add(new DashboardPage.Crumb(text("statistics.dashboard.authority." + authority), path(DashboardLevel.AUTHORITY, authority, null) + keep));
        }
        if (governorate != null) {
            crumbs.add(new DashboardPage.Crumb(governorate(governorate), path(DashboardLevel.GOVERNORATE, governorate, null) + keep));
        }
        if (level == DashboardLevel.POINT || level == DashboardLevel.DAY) {
            crumbs.add(new DashboardPage.Crumb(borderPoint(code), path(DashboardLevel.POINT, code, null)
                    + (level == DashboardLevel.DAY ? "" : keep)));
        }
        if (level == DashboardLevel.DAY) {
            crumbs.add(new DashboardPage.Crumb(ChartLanguage.of(language()).fullDay(day), path(level, code, day)));
        }
        return crumbs;
    }

    private static DashboardPage.Totals totals(FlowTable table) {
        long entries = 0;
        long exits = 0;
        boolean hidden = false;
        for (FlowTable.Row row : table.rows()) {
            if (row.count() == null) {
                hidden = true;
                continue;
            }
            if ("ENTRY".equals(row.values().get(Dimension.DIRECTION))) {
                entries += row.count();
            } else {
                exits += row.count();
            }
        }
        if (hidden) {
            // A shared table's suppressed cells: the totals are the table's own, or none.
            return new DashboardPage.Totals(table.total(), null, null, null);
        }
        return new DashboardPage.Totals(entries + exits, entries, exits, entries - exits);
    }

    /** The forecast over the range (and a fortnight past today), summed over the points when there are several. */
    private List<Forecasts.Day> band(DashboardLevel level, String code, List<BorderPoint> points, LocalDate from,
                                     LocalDate to, String username) {
        Forecasts forecast = forecasts.getIfAvailable();
        if (forecast == null || points.isEmpty()) {
            return List.of();
        }
        LocalDate end = to.isBefore(today()) ? to : today().plusDays(DAYS_AHEAD);
        LocalDate start = from.isBefore(end.minusDays(399)) ? end.minusDays(399) : from;
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        Map<LocalDate, long[]> sums = new java.util.TreeMap<>();
        Map<LocalDate, Set<String>> events = new HashMap<>();
        for (BorderPoint point : points) {
            List<Forecasts.Day> one;
            try {
                one = forecast.forecast(point.code(), start, days, username);
            } catch (Rejection e) {
                // A point without the history to learn from has no band; a sum without it would be wrong.
                log.debug("No forecast at {}: {}", point.code(), e.getMessage());
                return List.of();
            } catch (RuntimeException e) {
                // The figures stand without the band: a forecast that fails must not take the dashboard with it.
                log.warn("The forecast at {} failed; the dashboard is shown without its band", point.code(), e);
                return List.of();
            }
            for (Forecasts.Day day : one) {
                long[] sum = sums.computeIfAbsent(day.date(), d -> new long[3]);
                sum[0] += day.expected();
                sum[1] += day.low();
                sum[2] += day.high();
                events.computeIfAbsent(day.date(), d -> new java.util.TreeSet<>()).addAll(day.events());
            }
        }
        List<Forecasts.Day> band = new ArrayList<>();
        sums.forEach((day, sum) -> band.add(new Forecasts.Day(day, sum[0], sum[1], sum[2], List.copyOf(events.get(day)))));
        return band;
    }

    private String series(FlowTable days, List<Forecasts.Day> band, LocalDate from, LocalDate to, String point,
                          ChartLanguage language) {
        Map<LocalDate, long[]> counts = new HashMap<>();
        Set<LocalDate> hidden = new java.util.HashSet<>();
        for (FlowTable.Row row : days.rows()) {
            if (row.count() == null) {
                hidden.add(row.period());
                continue;
            }
            long[] c = counts.computeIfAbsent(row.period(), d -> new long[2]);
            c[("ENTRY".equals(row.values().get(Dimension.DIRECTION))) ? 0 : 1] += row.count();
        }
        Map<LocalDate, Forecasts.Day> byDay = new HashMap<>();
        band.forEach(d -> byDay.put(d.date(), d));
        LocalDate last = band.isEmpty() ? to : java.util.Collections.max(List.of(to, band.getLast().date()));
        List<TimeSeriesChart.Day> chartDays = new ArrayList<>();
        LocalDate today = today();
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            boolean counted = !d.isAfter(to) && !d.isAfter(today) && !hidden.contains(d);
            long[] c = counts.getOrDefault(d, new long[2]);
            Forecasts.Day f = byDay.get(d);
            chartDays.add(new TimeSeriesChart.Day(d, counted ? c[0] : null, counted ? c[1] : null,
                    f == null ? null : f.expected(), f == null ? null : f.low(), f == null ? null : f.high(),
                    f == null ? List.of() : f.events().stream().map(e -> text("statistics.dashboard.event." + e, e)).toList(),
                    point != null && !d.isAfter(today) ? path(DashboardLevel.DAY, point, d) : null));
        }
        return TimeSeriesChart.render(chartDays, new TimeSeriesChart.Words(text("statistics.dashboard.series"),
                text("statistics.dashboard.crossings"), text("statistics.dashboard.entries"), text("statistics.dashboard.exits"),
                text("statistics.dashboard.net"), text("statistics.dashboard.expected"), text("statistics.dashboard.band"),
                text("statistics.dashboard.noData")), language);
    }

    /** Entries, exits and net flow by month, a withheld month left as a gap. */
    private String months(FlowTable table, LocalDate from, LocalDate to, ChartLanguage language) {
        Map<LocalDate, Long[]> counts = new java.util.TreeMap<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            counts.put(m, new Long[]{0L, 0L});
        }
        for (FlowTable.Row row : table.rows()) {
            Long[] c = counts.computeIfAbsent(row.period(), d -> new Long[]{0L, 0L});
            int i = "ENTRY".equals(row.values().get(Dimension.DIRECTION)) ? 0 : 1;
            c[i] = row.count() == null || c[i] == null ? null : c[i] + row.count();
        }
        List<TimeSeriesChart.Day> points = new ArrayList<>();
        counts.forEach((month, c) -> {
            boolean withheld = c[0] == null || c[1] == null;
            points.add(new TimeSeriesChart.Day(month, withheld ? null : c[0], withheld ? null : c[1], null, null, null,
                    List.of(), null));
        });
        return TimeSeriesChart.render(points, new TimeSeriesChart.Words(text("statistics.dashboard.seriesMonths"),
                text("statistics.dashboard.crossings"), text("statistics.dashboard.entries"), text("statistics.dashboard.exits"),
                text("statistics.dashboard.net"), text("statistics.dashboard.expected"), text("statistics.dashboard.band"),
                text("statistics.dashboard.noData")), language);
    }

    private Section hours(FlowTable table, Query query, ChartLanguage language) {
        Cell[][] cells = new Cell[24][2];
        for (FlowTable.Row row : table.rows()) {
            if (row.hour() == null || row.hour() < 0 || row.hour() > 23) {
                continue;
            }
            int column = "ENTRY".equals(row.values().get(Dimension.DIRECTION)) ? 0 : 1;
            cells[row.hour()][column] = Cell.of(row.count(), row.suppressed());
        }
        List<Row> rows = new ArrayList<>();
        List<ColumnChart.Category> categories = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Cell entries = cells[h][0] == null ? new Cell(0L, false) : cells[h][0];
            Cell exits = cells[h][1] == null ? new Cell(0L, false) : cells[h][1];
            rows.add(new Row(language.number(h), null, List.of(entries, exits, sum(entries, exits))));
            categories.add(new ColumnChart.Category(language.number(h), java.util.Arrays.asList(entries.value(), exits.value()), null));
        }
        String chart = ColumnChart.render(categories, new ColumnChart.Words(text("statistics.dashboard.byHour"),
                List.of(text("statistics.dashboard.entries"), text("statistics.dashboard.exits")),
                text("statistics.dashboard.noData"), SUPPRESSED), language);
        List<Dimension> by = List.of(Dimension.DIRECTION);
        return new Section("hours", text("statistics.dashboard.byHour"), chart,
                new Table(List.of(text("statistics.dashboard.hour"), text("statistics.dashboard.entries"),
                        text("statistics.dashboard.exits"), text("statistics.dashboard.crossings")), rows,
                        query.export("csv", by, Interval.HOUR, Map.of()), query.export("xlsx", by, Interval.HOUR, Map.of())));
    }

    private Section places(String id, Dimension dimension, Query query, String keep) {
        return places(id, query.table(List.of(dimension, Dimension.DIRECTION), Interval.NONE), dimension, query, keep);
    }

    /** Entries, exits and crossings by authority, governorate or border point, each leading to its dashboard. */
    private Section places(String id, FlowTable table, Dimension dimension, Query query, String keep) {
        Map<String, Cell[]> byPlace = new LinkedHashMap<>();
        for (FlowTable.Row row : table.rows()) {
            String place = row.values().get(dimension);
            int column = "ENTRY".equals(row.values().get(Dimension.DIRECTION)) ? 0 : 1;
            byPlace.computeIfAbsent(place, p -> new Cell[]{new Cell(0L, false), new Cell(0L, false)})[column] =
                    Cell.of(row.count(), row.suppressed());
        }
        List<Row> rows = new ArrayList<>();
        byPlace.forEach((place, c) -> rows.add(new Row(placeLabel(dimension, place), placeHref(dimension, place) + keep,
                List.of(c[0], c[1], sum(c[0], c[1])))));
        rows.sort(byFirstFigureDescending(2));
        List<Dimension> by = List.of(dimension, Dimension.DIRECTION);
        return new Section(id, text("statistics.dashboard.by." + dimension.parameter()), null,
                new Table(List.of(text("statistics.dashboard.place." + dimension.parameter()), text("statistics.dashboard.entries"),
                        text("statistics.dashboard.exits"), text("statistics.dashboard.crossings")), rows,
                        query.export("csv", by, Interval.NONE, Map.of()), query.export("xlsx", by, Interval.NONE, Map.of())));
    }

    private Section nationalities(Query query, ChartLanguage language) {
        List<Dimension> by = List.of(Dimension.NATIONALITY);
        FlowTable table = query.table(by, Interval.NONE);
        List<Row> rows = new ArrayList<>(table.rows().stream()
                .map(r -> new Row(country(r.values().get(Dimension.NATIONALITY)), null,
                        List.of(Cell.of(r.count(), r.suppressed())))).toList());
        rows.sort(byFirstFigureDescending(0));
        List<Row> top = rows.subList(0, Math.min(TOP_NATIONALITIES, rows.size()));
        String chart = BarChart.render(top.stream().map(r -> new BarChart.Bar(r.label(), r.cells().getFirst().value(), null)).toList(),
                new BarChart.Words(text("statistics.dashboard.nationalities"), text("statistics.dashboard.noData"), SUPPRESSED),
                language);
        return new Section("nationalities", text("statistics.dashboard.nationalities"), chart,
                new Table(List.of(text("statistics.dashboard.nationality"), text("statistics.dashboard.crossings")), List.copyOf(top),
                        query.export("csv", by, Interval.NONE, Map.of()), query.export("xlsx", by, Interval.NONE, Map.of())));
    }

    private Section decisions(Query query) {
        List<Dimension> by = List.of(Dimension.DECISION);
        FlowTable table = query.table(by, Interval.NONE);
        List<Row> rows = new ArrayList<>(table.rows().stream()
                .map(r -> new Row(text("decision." + r.values().get(Dimension.DECISION), r.values().get(Dimension.DECISION)), null,
                        List.of(Cell.of(r.count(), r.suppressed())))).toList());
        rows.sort(byFirstFigureDescending(0));
        return new Section("decisions", text("statistics.dashboard.decisions"), null,
                new Table(List.of(text("statistics.dashboard.decision"), text("statistics.dashboard.crossings")), rows,
                        query.export("csv", by, Interval.NONE, Map.of()), query.export("xlsx", by, Interval.NONE, Map.of())));
    }

    private Section reasons(Query query, ChartLanguage language) {
        List<Dimension> by = List.of(Dimension.REASON);
        Map<Dimension, Set<String>> refused = Map.of(Dimension.DECISION, Set.of("REFUSED"));
        FlowTable table = query.table(by, Interval.NONE, refused);
        List<Row> rows = new ArrayList<>(table.rows().stream()
                .map(r -> new Row(reason(r.values().get(Dimension.REASON)), null, List.of(Cell.of(r.count(), r.suppressed()))))
                .toList());
        rows.sort(byFirstFigureDescending(0));
        String chart = BarChart.render(rows.stream().map(r -> new BarChart.Bar(r.label(), r.cells().getFirst().value(), null)).toList(),
                new BarChart.Words(text("statistics.dashboard.reasons"), text("statistics.dashboard.noRefusals"), SUPPRESSED),
                language);
        return new Section("reasons", text("statistics.dashboard.reasons"), chart,
                new Table(List.of(text("statistics.dashboard.reason"), text("statistics.dashboard.crossings")), rows,
                        query.export("csv", by, Interval.NONE, refused), query.export("xlsx", by, Interval.NONE, refused)));
    }

    /** The sexes a document may give, and UNKNOWN where the crossing had none. */
    private static final List<String> SEXES = List.of("F", "M", "X", "UNKNOWN");

    private Section sexAndAge(Query query, ChartLanguage language) {
        List<Dimension> by = List.of(Dimension.AGE_BAND, Dimension.SEX);
        FlowTable table = query.table(by, Interval.NONE);
        Map<String, Map<String, Cell>> cells = new HashMap<>();
        for (FlowTable.Row row : table.rows()) {
            cells.computeIfAbsent(row.values().get(Dimension.AGE_BAND), b -> new HashMap<>())
                    .put(row.values().get(Dimension.SEX), Cell.of(row.count(), row.suppressed()));
        }
        List<Row> rows = new ArrayList<>();
        List<ColumnChart.Category> categories = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            Map<String, Cell> bySex = cells.getOrDefault(band.label(), Map.of());
            List<Cell> figures = SEXES.stream().map(s -> bySex.getOrDefault(s, new Cell(0L, false))).toList();
            String label = band == AgeBand.UNKNOWN ? text("statistics.dashboard.ageUnknown") : ageLabel(band, language);
            rows.add(new Row(label, null, figures));
            categories.add(new ColumnChart.Category(label, figures.stream().map(Cell::value).toList(), null));
        }
        List<String> sexes = SEXES.stream().map(s -> s.equals("UNKNOWN") ? text("statistics.dashboard.unknown") : text("sex." + s))
                .toList();
        String chart = ColumnChart.render(categories, new ColumnChart.Words(text("statistics.dashboard.sexAge"), sexes,
                text("statistics.dashboard.noData"), SUPPRESSED), language, 560, 260);
        List<String> headers = new ArrayList<>();
        headers.add(text("statistics.dashboard.ageBand"));
        headers.addAll(sexes);
        return new Section("sex-age", text("statistics.dashboard.sexAge"), chart,
                new Table(headers, rows, query.export("csv", by, Interval.NONE, Map.of()),
                        query.export("xlsx", by, Interval.NONE, Map.of())));
    }

    /** An age band in the language's digits: {@code ٠–٤}, {@code ٦٠+}. */
    private static String ageLabel(AgeBand band, ChartLanguage language) {
        String[] parts = band.label().split("-");
        if (parts.length == 2) {
            return language.number(Long.parseLong(parts[0])) + "–" + language.number(Long.parseLong(parts[1]));
        }
        return language.number(Long.parseLong(band.label().replace("+", ""))) + "+";
    }

    private String map(DashboardLevel level, String code, List<BorderPoint> points, FlowTable byPoint, ChartLanguage language,
                       String keep) {
        Map<String, Long> flow = new HashMap<>();
        Set<String> hidden = new java.util.HashSet<>();
        for (FlowTable.Row row : byPoint.rows()) {
            String point = row.values().get(Dimension.BORDER_POINT);
            if (row.count() == null) {
                hidden.add(point);
            } else {
                flow.merge(point, row.count(), Long::sum);
            }
        }
        List<MapChart.Marker> markers = new ArrayList<>();
        for (BorderPoint p : points) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            Long f = hidden.contains(p.code()) ? null : flow.getOrDefault(p.code(), 0L);
            markers.add(new MapChart.Marker(p.code(), borderPoint(p.code()), p.longitude().doubleValue(), p.latitude().doubleValue(),
                    f, path(DashboardLevel.POINT, p.code(), null) + keep, level == DashboardLevel.POINT && p.code().equals(code)));
        }
        List<MapChart.Area> areas = map.areas(this::governorate, g -> path(DashboardLevel.GOVERNORATE, g, null) + keep,
                level == DashboardLevel.GOVERNORATE ? code : null);
        return MapChart.render(areas, markers, new MapChart.Words(text("statistics.dashboard.map"), SUPPRESSED), language);
    }

    /** Today's surges at these points; null when they could not be read, which the page must say. */
    private List<DashboardPage.SurgeRow> surgeRows(List<BorderPoint> points, String username) {
        SurgeAlerts alerts = surges.getIfAvailable();
        if (alerts == null) {
            return List.of();
        }
        Set<String> codes = points.stream().map(BorderPoint::code).collect(java.util.stream.Collectors.toSet());
        try {
            return alerts.between(today(), today(), username).stream().filter(s -> codes.contains(s.borderPoint()))
                    .map(s -> new DashboardPage.SurgeRow(borderPoint(s.borderPoint()), path(DashboardLevel.DAY, s.borderPoint(), s.day()),
                            s.window().name(), s.day(), s.hour(), s.observed(), s.expected(), s.high(), s.raisedAt()))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Surge alerts could not be read; the dashboard says so", e);
            return null;
        }
    }

    private static Cell sum(Cell a, Cell b) {
        return a.suppressed() || b.suppressed() ? new Cell(null, true) : new Cell(a.value() + b.value(), false);
    }

    /** Largest first, suppressed figures last, then by name. */
    private static Comparator<Row> byFirstFigureDescending(int column) {
        return Comparator.comparing((Row r) -> r.cells().get(column).value() == null ? -1L : r.cells().get(column).value())
                .reversed().thenComparing(Row::label);
    }

    private String placeLabel(Dimension dimension, String value) {
        return switch (dimension) {
            case AUTHORITY -> text("statistics.dashboard.authority." + value, value);
            case GOVERNORATE -> governorate(value);
            case BORDER_POINT -> borderPoint(value);
            default -> value;
        };
    }

    private static String placeHref(Dimension dimension, String value) {
        return switch (dimension) {
            case AUTHORITY -> path(DashboardLevel.AUTHORITY, value, null);
            case GOVERNORATE -> path(DashboardLevel.GOVERNORATE, value, null);
            case BORDER_POINT -> path(DashboardLevel.POINT, value, null);
            default -> null;
        };
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    String borderPoint(String code) {
        return referenceData.borderPoint(code).map(p -> switch (language()) {
            case "ar" -> p.nameAr();
            case "ckb" -> p.nameCkb();
            default -> p.nameEn();
        }).orElse(code);
    }

    String governorate(String code) {
        String key = governorateCode(code);
        return governorates().stream().filter(g -> g.code().equals(key)).findFirst().map(g -> switch (language()) {
            case "ar" -> g.nameAr();
            case "ckb" -> g.nameCkb();
            default -> g.nameEn();
        }).orElse(code == null ? "" : code);
    }

    private String reason(String code) {
        if (code == null || code.isBlank() || code.equals("NONE")) {
            return text("statistics.dashboard.noReason");
        }
        return referenceData.refusalReason(code).map(r -> switch (language()) {
            case "ar" -> r.labelAr();
            case "ckb" -> r.labelCkb();
            default -> r.labelEn();
        }).orElse(code);
    }

    private volatile Map<String, Country> countries;

    /** A nationality by CLDR's name in the user's language, the reference data's where CLDR has none. */
    String country(String code) {
        if (code == null || code.isBlank() || code.equals("UNKNOWN")) {
            return text("statistics.dashboard.unknown");
        }
        Map<String, Country> byCode = countries;
        if (byCode == null) {
            byCode = referenceData.countries().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Country::code, Function.identity()));
            countries = byCode;
        }
        Country country = byCode.get(code);
        if (country == null) {
            return code;
        }
        if (country.alpha2() != null) {
            ULocale locale = switch (language()) {
                case "ar" -> new ULocale("ar");
                case "ckb" -> new ULocale("ckb");
                default -> ULocale.ENGLISH;
            };
            String name = new ULocale("und_" + country.alpha2()).getDisplayCountry(locale);
            if (!name.isBlank() && !name.equals(country.alpha2())) {
                return name;
            }
        }
        return country.name(language());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
