package org.manfadh.capacity.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manfadh.access.Accounts;
import org.manfadh.capacity.Indicators;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Counts the programme's indicators in the caller's work scope: the training indicators grouped in SQL and finished
 * here (a border point's authority and governorate come from the reference data), the quarters of the programme's
 * report, and its exports. Reads only. A table of indicators is counted in one read-only transaction, so its rows
 * and total agree; the programme's report is not, because the traffic beside it is counted by the statistics
 * module, which first brings its rollups up to date (a write).
 */
@Service
class IndicatorService implements Indicators {

    /** About ten years, as the flows allow. */
    static final int MAX_DAYS = 3_700;
    /** Five years of quarters in one report. */
    static final int MAX_QUARTERS = 20;
    private static final ZoneId BORDER = ZoneId.of("Asia/Baghdad");

    private final TrainingCounts training;
    private final ProgrammeCounts programme;
    private final Accounts accounts;
    private final ReferenceData referenceData;
    private final ObjectProvider<FlowStatistics> flows;
    private final MessageSource messages;
    private final Clock clock;

    IndicatorService(TrainingCounts training, ProgrammeCounts programme, Accounts accounts,
                     ReferenceData referenceData, ObjectProvider<FlowStatistics> flows, MessageSource messages,
                     Clock clock) {
        this.training = training;
        this.programme = programme;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.flows = flows;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- the training indicators ----------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Table indicators(LocalDate from, LocalDate to, List<Indicators.Dimension> by, String username) {
        checkRange(from, to);
        checkDimensions(by);
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        return table(from, to, by, points, true);
    }

    private Table table(LocalDate from, LocalDate to, List<Indicators.Dimension> by, String[] points,
                        boolean withRefreshers) {
        return assemble(from, to, by, training.groups(from, to, by, points),
                withRefreshers ? training.refresherDue(from, to, points) : 0);
    }

    /** The table from the groups SQL counted: authority and governorate looked up, equal rows merged, rows ordered. */
    private Table assemble(LocalDate from, LocalDate to, List<Indicators.Dimension> by,
                           List<TrainingCounts.Group> groups, long due) {
        Map<String, BorderPoint> pointsByCode = new LinkedHashMap<>();
        for (BorderPoint p : referenceData.borderPoints()) {
            pointsByCode.put(p.code(), p);
        }
        Map<List<String>, Sum> merged = new LinkedHashMap<>();
        Sum total = new Sum();
        for (TrainingCounts.Group group : groups) {
            List<String> values = new ArrayList<>(by.size());
            for (int i = 0; i < by.size(); i++) {
                values.add(value(by.get(i), group.values().get(i), pointsByCode));
            }
            merged.computeIfAbsent(values, v -> new Sum()).add(group);
            total.add(group);
        }
        List<Row> rows = new ArrayList<>(merged.size());
        merged.entrySet().stream().sorted(Map.Entry.comparingByKey(IndicatorService::compareValues))
                .forEach(e -> {
                    Map<Indicators.Dimension, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < by.size(); i++) {
                        values.put(by.get(i), e.getKey().get(i));
                    }
                    rows.add(new Row(java.util.Collections.unmodifiableMap(values), e.getValue().figures()));
                });
        return new Table(from, to, by, rows, total.figures(), due);
    }

    /** The value of a dimension from its grouping column: a border point's authority or governorate looked up. */
    private static String value(Indicators.Dimension dimension, String column, Map<String, BorderPoint> points) {
        if (column == null) {
            return null;
        }
        return switch (dimension) {
            case AUTHORITY -> Optional.ofNullable(points.get(column.strip())).map(p -> p.authority().name()).orElse(null);
            case GOVERNORATE -> Optional.ofNullable(points.get(column.strip())).map(BorderPoint::governorate).orElse(null);
            case BORDER_POINT -> column.strip();
            default -> column;
        };
    }

    /** Rows in the order of their values, dimension by dimension; no value (no border point) last. */
    static int compareValues(List<String> a, List<String> b) {
        Comparator<String> each = Comparator.nullsLast(Comparator.naturalOrder());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = each.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** What the indicators add up: they add across groups, the mean gain from its sum and count. */
    private static final class Sum {
        long trained;
        long certified;
        BigDecimal gainSum = BigDecimal.ZERO;
        long gainCount;

        void add(TrainingCounts.Group group) {
            trained += group.trained();
            certified += group.certified();
            if (group.gainSum() != null) {
                gainSum = gainSum.add(group.gainSum());
            }
            gainCount += group.gainCount();
        }

        Figures figures() {
            return new Figures(trained, certified, meanGain(gainSum, gainCount));
        }
    }

    /** The mean of the gains, one decimal, half up; null when none. */
    static BigDecimal meanGain(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        List<Rejection.Field> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Rejection.Field("from", "is required, as YYYY-MM-DD."));
        }
        if (to == null) {
            problems.add(new Rejection.Field("to", "is required, as YYYY-MM-DD."));
        }
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(new Rejection.Field("from", "is after 'to' (" + to + "): the range runs from 'from' to 'to'."));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                problems.add(new Rejection.Field("to", "the range may be " + MAX_DAYS + " days at most."));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
    }

    private static void checkDimensions(List<Indicators.Dimension> by) {
        if (by.stream().anyMatch(java.util.Objects::isNull)) {
            throw Rejection.invalidField("by", "names an unknown dimension.");
        }
        Set<Indicators.Dimension> seen = new HashSet<>();
        for (Indicators.Dimension d : by) {
            if (!seen.add(d)) {
                throw Rejection.invalidField("by", "names '" + d.parameter() + "' more than once.");
            }
        }
    }

    // ---- the programme's quarters ---------------------------------------------------------------

    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    static String quarterName(LocalDate start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public Programme programme(LocalDate from, LocalDate to, String username) {
        checkRange(from, to);
        LocalDate today = LocalDate.now(clock.withZone(BORDER));
        LocalDate first = quarterStart(from);
        if (first.isAfter(today)) {
            throw Rejection.invalidField("from", "the quarter of " + from + " has not begun.");
        }
        LocalDate last = quarterStart(to.isAfter(today) ? today : to).plusMonths(3).minusDays(1);
        long quarters = ChronoUnit.MONTHS.between(first, last.plusDays(1)) / 3;
        if (quarters > MAX_QUARTERS) {
            throw Rejection.invalidField("to", "a report holds " + MAX_QUARTERS + " quarters at most.");
        }
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        // Counted once by quarter and sex: the report's table by sex, and each quarter's trained, women and men.
        List<Indicators.Dimension> quarterAndSex = List.of(Indicators.Dimension.QUARTER, Indicators.Dimension.SEX);
        List<TrainingCounts.Group> bySex = training.groups(first, last, quarterAndSex, points);
        List<Quarter> lines = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = start.plusMonths(3)) {
            String name = quarterName(start);
            List<TrainingCounts.Group> ofQuarter = bySex.stream().filter(g -> name.equals(g.values().get(0)))
                    .map(g -> new TrainingCounts.Group(g.values().subList(1, 2), g.trained(), g.certified(),
                            g.gainSum(), g.gainCount())).toList();
            LocalDate end = start.plusMonths(3).minusDays(1);
            lines.add(quarter(start, today, points, username,
                    assemble(start, end, List.of(Indicators.Dimension.SEX), ofQuarter, 0)));
        }
        return new Programme(first, last, lines,
                assemble(first, last, quarterAndSex, bySex, 0),
                table(first, last, List.of(Indicators.Dimension.QUARTER, Indicators.Dimension.AGENCY), points, false),
                table(first, last, List.of(Indicators.Dimension.QUARTER, Indicators.Dimension.GOVERNORATE), points, false),
                table(first, last, List.of(Indicators.Dimension.QUARTER, Indicators.Dimension.COURSE), points, false),
                points(first, last, today, points, username));
    }

    /** Each border point's capacity beside its traffic over the whole range. */
    private List<Point> points(LocalDate first, LocalDate last, LocalDate today, String[] scope, String username) {
        LocalDate asOf = last.isAfter(today) ? today : last;
        Map<String, long[]> figures = new java.util.TreeMap<>();
        for (Row row : table(first, last, List.of(Indicators.Dimension.BORDER_POINT), scope, false).rows()) {
            String point = row.values().get(Indicators.Dimension.BORDER_POINT);
            if (point != null) {
                figures.computeIfAbsent(point, p -> new long[4])[0] = row.figures().trained();
            }
        }
        for (ProgrammeCounts.Readers r : programme.readers(asOf.plusDays(1).atStartOfDay(BORDER).toInstant(), scope)) {
            long[] f = figures.computeIfAbsent(r.borderPoint().strip(), p -> new long[4]);
            f[1] += r.count();
            if (r.status().equals("DEPLOYED")) {
                f[2] += r.count();
            }
        }
        programme.sopsAdoptedByPoint(asOf, scope).forEach((point, n) -> figures.computeIfAbsent(point,
                p -> new long[4])[3] = n);
        Map<String, Long> arrivals = null;
        Map<String, Long> departures = null;
        FlowStatistics statistics = flows.getIfAvailable();
        if (statistics != null) {
            try {
                FlowTable table = statistics.flows(new FlowQuery(first, asOf, Interval.NONE,
                        List.of(org.manfadh.statistics.Dimension.BORDER_POINT, org.manfadh.statistics.Dimension.DIRECTION),
                        Map.of(), false), username);
                arrivals = new java.util.HashMap<>();
                departures = new java.util.HashMap<>();
                for (FlowTable.Row row : table.rows()) {
                    String point = row.values().get(org.manfadh.statistics.Dimension.BORDER_POINT);
                    String direction = row.values().get(org.manfadh.statistics.Dimension.DIRECTION);
                    long count = row.count() == null ? 0 : row.count();
                    if (point == null || scope != null && !java.util.Arrays.asList(scope).contains(point)) {
                        continue;
                    }
                    (("ENTRY".equals(direction)) ? arrivals : departures).merge(point, count, Long::sum);
                    figures.computeIfAbsent(point, p -> new long[4]);
                }
            } catch (Rejection e) {
                arrivals = null;
                departures = null;
            }
        }
        List<Point> lines = new ArrayList<>(figures.size());
        for (Map.Entry<String, long[]> e : figures.entrySet()) {
            long[] f = e.getValue();
            lines.add(new Point(e.getKey(), f[0], f[1], f[2], f[3],
                    arrivals == null ? null : arrivals.getOrDefault(e.getKey(), 0L),
                    departures == null ? null : departures.getOrDefault(e.getKey(), 0L)));
        }
        return lines;
    }

    @Override
    public Quarter thisQuarter(String username) {
        LocalDate today = LocalDate.now(clock.withZone(BORDER));
        LocalDate start = quarterStart(today);
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        return quarter(start, today, points, username,
                table(start, start.plusMonths(3).minusDays(1), List.of(Indicators.Dimension.SEX), points, false));
    }

    /** A quarter of the report, its officials trained by sex counted already. */
    private Quarter quarter(LocalDate start, LocalDate today, String[] points, String username, Table bySex) {
        LocalDate end = start.plusMonths(3).minusDays(1);
        LocalDate asOf = end.isAfter(today) ? today : end;
        long women = 0;
        long men = 0;
        for (Row row : bySex.rows()) {
            String sex = row.values().get(Indicators.Dimension.SEX);
            if ("F".equals(sex)) {
                women += row.figures().trained();
            } else if ("M".equals(sex)) {
                men += row.figures().trained();
            }
        }
        long due = training.refresherDue(start, asOf, points);
        long equipped = 0;
        long inPlace = 0;
        long working = 0;
        long broken = 0;
        Set<String> deployedAt = new HashSet<>();
        for (ProgrammeCounts.Readers r : programme.readers(asOf.plusDays(1).atStartOfDay(BORDER).toInstant(), points)) {
            inPlace += r.count();
            switch (r.status()) {
                case "DEPLOYED" -> {
                    working += r.count();
                    deployedAt.add(r.borderPoint());
                }
                case "BROKEN" -> broken += r.count();
                default -> {
                }
            }
        }
        equipped = deployedAt.size();
        BigDecimal availability = inPlace == 0 ? null
                : BigDecimal.valueOf(working).divide(BigDecimal.valueOf(inPlace), 3, RoundingMode.HALF_UP);
        ProgrammeCounts.Audits audits = programme.audits(start, end, points);
        Long arrivals = null;
        Long departures = null;
        FlowStatistics statistics = flows.getIfAvailable();
        if (statistics != null) {
            try {
                FlowTable table = statistics.flows(new FlowQuery(start, asOf, Interval.NONE, List.of(org.manfadh.statistics.Dimension.DIRECTION),
                        Map.of(), false), username);
                arrivals = 0L;
                departures = 0L;
                for (FlowTable.Row row : table.rows()) {
                    long count = row.count() == null ? 0 : row.count();
                    String direction = row.values().get(org.manfadh.statistics.Dimension.DIRECTION);
                    if ("ENTRY".equals(direction)) {
                        arrivals += count;
                    } else if ("EXIT".equals(direction)) {
                        departures += count;
                    }
                }
            } catch (Rejection e) {
                // The caller may not read the traffic: the report goes without it.
                arrivals = null;
                departures = null;
            }
        }
        return new Quarter(quarterName(start), start, end, asOf, bySex.total().trained(), women, men,
                bySex.total().certified(), bySex.total().meanGain(), due, equipped, inPlace, working, broken,
                availability, programme.sopsAdopted(asOf, points), audits.meanScore(), audits.count(),
                programme.projectsCompleted(start, end, points), programme.spend(start, end, points), arrivals,
                departures);
    }

    // ---- exports --------------------------------------------------------------------------------

    @Override
    public byte[] xlsx(LocalDate from, LocalDate to, List<Indicators.Dimension> by, Language language,
                       String username) {
        Programme report = programme(from, to, username);
        Table table = by == null || by.isEmpty() ? null : indicators(report.from(), report.to(), by, username);
        return new ProgrammeXlsx(this, messages, language).write(report, table);
    }

    @Override
    public byte[] pdf(LocalDate from, LocalDate to, Language language, String username) {
        Programme report = programme(from, to, username);
        return new ProgrammePdf(this, messages, language).render(report, LocalDate.now(clock.withZone(BORDER)));
    }

    // ---- labels ---------------------------------------------------------------------------------

    @Override
    public String label(Indicators.Dimension dimension, String value, String language) {
        Locale locale = Locale.forLanguageTag(language);
        if (value == null) {
            return text("capacity.indicators.value.none", locale);
        }
        return switch (dimension) {
            case SEX -> text("sex." + value, locale);
            case AGENCY -> text("capacity.indicators.agency." + value, locale);
            case TOPIC -> text("capacity.indicators.topic." + value, locale);
            case AUTHORITY -> text("authority." + value, locale);
            case BORDER_POINT -> referenceData.borderPoint(value).map(p -> name(p, language)).orElse(value);
            case GOVERNORATE -> referenceData.governorates().stream().filter(g -> g.code().equals(value)).findFirst()
                    .map(g -> name(g, language)).orElse(value);
            case TRAINING_CENTRE -> value.matches("[A-Z]{3}")
                    ? referenceData.borderPoint(value).map(p -> name(p, language)).orElse(value)
                    : text("capacity.indicators.centre." + value, locale);
            case COURSE -> {
                yield training.courseTitle(value).map(title -> value + " · " + title.in(language)).orElse(value);
            }
            case QUARTER -> quarterLabel(value, language);
        };
    }

    /** {@code 2026-Q1} as the language writes it, in its digits. */
    String quarterLabel(String quarter, String language) {
        if (quarter == null || !quarter.matches("[0-9]{4}-Q[1-4]")) {
            return quarter;
        }
        NumberFormat digits = NumberFormat.getIntegerInstance(new ULocale(language + "-IQ"));
        digits.setGroupingUsed(false);
        return text("capacity.indicators.quarter", Locale.forLanguageTag(language),
                digits.format(Integer.parseInt(quarter.substring(0, 4))),
                digits.format(Integer.parseInt(quarter.substring(6))));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static String name(BorderPoint point, String language) {
        return switch (language) {
            case "ar" -> point.nameAr();
            case "ckb" -> point.nameCkb();
            default -> point.nameEn();
        };
    }

    private static String name(Governorate governorate, String language) {
        return switch (language) {
            case "ar" -> governorate.nameAr();
            case "ckb" -> governorate.nameCkb();
            default -> governorate.nameEn();
        };
    }
}
