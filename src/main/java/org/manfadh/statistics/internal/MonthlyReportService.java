package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.pdf.PdfFonts;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.Interval;
import org.manfadh.statistics.MonthlyReports.Language;
import org.manfadh.statistics.MonthlyReports;
import org.manfadh.statistics.SurgeAlerts;
import org.manfadh.statistics.internal.MonthlyReport.AccuracyLine;
import org.manfadh.statistics.internal.MonthlyReport.AgeLine;
import org.manfadh.statistics.internal.MonthlyReport.DayLine;
import org.manfadh.statistics.internal.MonthlyReport.Line;
import org.manfadh.statistics.internal.MonthlyReport.PointLine;
import org.manfadh.statistics.internal.MonthlyReport.SurgeLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The monthly report of one authority for headquarters: its month counted through
 * {@link FlowStatistics} (the rollups, as the caller may see them), its surges and the forecast's
 * accuracy where those services run, written as a PDF in English, Arabic or Kurdish.
 */
@Service
class MonthlyReportService implements MonthlyReports {

    private static final int TOP_NATIONALITIES = 10;
    private static final String UNKNOWN = "UNKNOWN";

    private final FlowStatistics flows;
    private final ObjectProvider<SurgeAlerts> surges;
    private final ObjectProvider<Forecasts> forecasts;
    private final ReferenceData reference;
    private final Accounts accounts;
    private final Clock clock;
    private final MonthlyReportPdf pdf;

    MonthlyReportService(FlowStatistics flows, ObjectProvider<SurgeAlerts> surges, ObjectProvider<Forecasts> forecasts,
                   ReferenceData reference, Accounts accounts, Clock clock, MessageSource messages) {
        this.flows = flows;
        this.surges = surges;
        this.forecasts = forecasts;
        this.reference = reference;
        this.accounts = accounts;
        this.clock = clock;
        this.pdf = new MonthlyReportPdf(messages, PdfFonts.shipped());
    }

    @Override
    public byte[] pdf(Authority authority, YearMonth month, Language language, String username) {
        return pdf.render(report(authority, month, language, username), LocalDate.now(clock));
    }

    MonthlyReport report(Authority authority, YearMonth month, Language language, String username) {
        LocalDate today = LocalDate.now(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw Rejection.invalidField("month", "The month " + month + " has not begun; the report covers a month "
                    + "up to today at most.");
        }
        boolean own = accounts.jurisdictionOf(username).authority().includes(authority);
        ReadScope scope = accounts.readScope(username, SharedData.AGGREGATES);
        List<BorderPoint> points = reference.borderPoints().stream()
                .filter(p -> p.authority() == authority && scope.allows(p.code())).toList();
        if (points.isEmpty()) {
            throw Rejection.forbidden("The " + authority + " authority is outside your jurisdiction and does not share "
                    + "its aggregates with it.");
        }
        boolean shared = !own;
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        Counter counter = new Counter(authority, from, to, shared, username);

        Map<String, Long> directions = counter.byOne(Dimension.DIRECTION, Map.of());
        Map<String, Long> decisions = counter.byOne(Dimension.DECISION, Map.of());
        Map<String, Long> reasons = counter.byOne(Dimension.REASON,
                Map.of(Dimension.DECISION, Set.of("REFUSED")));
        Map<String, Long> nationalities = counter.byOne(Dimension.NATIONALITY, Map.of());
        FlowTable pointTable = counter.table(Interval.NONE, List.of(Dimension.BORDER_POINT, Dimension.DIRECTION));
        FlowTable ageTable = counter.table(Interval.NONE, List.of(Dimension.AGE_BAND, Dimension.SEX));
        FlowTable dayTable = counter.table(Interval.DAY, List.of(Dimension.DIRECTION));
        String lang = language.tag();

        List<Line> decisionLines = new ArrayList<>();
        for (String decision : List.of("ADMITTED", "REFUSED", "REFERRED", "PENDING")) {
            if (decisions.containsKey(decision)) {
                decisionLines.add(new Line(decision, null, decisions.get(decision)));
            }
        }
        List<Line> reasonLines = largestFirst(reasons).stream()
                .filter(e -> !e.getKey().equals("NONE"))
                .map(e -> new Line(e.getKey(), reference.refusalReason(e.getKey()).map(r -> label(r, lang))
                        .orElse(e.getKey()), e.getValue())).toList();
        Map<String, Country> countries = new HashMap<>();
        reference.countries().forEach(c -> countries.put(c.code(), c));
        List<Line> nationalityLines = largestFirst(nationalities).stream().limit(TOP_NATIONALITIES)
                .map(e -> new Line(e.getKey(), e.getKey().equals(UNKNOWN) ? null : Optional.ofNullable(countries.get(e.getKey()))
                        .map(c -> c.name(lang)).orElse(e.getKey()), e.getValue())).toList();

        return new MonthlyReport(authority, month, language, shared, count(directions, "ENTRY"),
                count(directions, "EXIT"), decisionLines, reasonLines, nationalityLines,
                pointLines(pointTable, lang), ageLines(ageTable), dayLines(dayTable, from, to),
                Optional.ofNullable(surges.getIfAvailable()).map(s -> surgeLines(s, from, to, points, username, lang)),
                Optional.ofNullable(forecasts.getIfAvailable()).map(f -> accuracyLines(f, month, to, points, lang)));
    }

    /** The report's tables, all of one authority over the same days. */
    private final class Counter {
        private final Authority authority;
        private final LocalDate from;
        private final LocalDate to;
        private final boolean shared;
        private final String username;

        Counter(Authority authority, LocalDate from, LocalDate to, boolean shared, String username) {
            this.authority = authority;
            this.from = from;
            this.to = to;
            this.shared = shared;
            this.username = username;
        }

        FlowTable table(Interval interval, List<Dimension> by) {
            return table(interval, by, Map.of());
        }

        FlowTable table(Interval interval, List<Dimension> by, Map<Dimension, Set<String>> filters) {
            Map<Dimension, Set<String>> all = new HashMap<>(filters);
            all.put(Dimension.AUTHORITY, Set.of(authority.name()));
            return flows.flows(new FlowQuery(from, to, interval, by, all, shared), username);
        }

        /** Counts by one dimension's values; a suppressed cell's count is null. */
        Map<String, Long> byOne(Dimension dimension, Map<Dimension, Set<String>> filters) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (FlowTable.Row row : table(Interval.NONE, List.of(dimension), filters).rows()) {
                counts.put(row.values().get(dimension), row.count());
            }
            return counts;
        }
    }

    private static Long count(Map<String, Long> counts, String key) {
        return counts.containsKey(key) ? counts.get(key) : Long.valueOf(0);
    }

    private static List<Map.Entry<String, Long>> largestFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue() == null ? -1 : e.getValue())
                        .reversed().thenComparing(Map.Entry::getKey))
                .toList();
    }

    private List<PointLine> pointLines(FlowTable table, String lang) {
        Map<String, Long[]> byPoint = new LinkedHashMap<>();
        for (FlowTable.Row row : table.rows()) {
            Long[] counts = byPoint.computeIfAbsent(row.values().get(Dimension.BORDER_POINT), k -> new Long[] {0L, 0L});
            int i = "ENTRY".equals(row.values().get(Dimension.DIRECTION)) ? 0 : 1;
            counts[i] = row.count();
        }
        return byPoint.entrySet().stream()
                .map(e -> new PointLine(e.getKey(), pointLabel(e.getKey(), lang), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing((PointLine p) -> nullAsMinus(p.entries()) + nullAsMinus(p.exits()))
                        .reversed())
                .toList();
    }

    private static long nullAsMinus(Long count) {
        return count == null ? -1 : count;
    }

    private static List<AgeLine> ageLines(FlowTable table) {
        Map<String, Long[]> byBand = new LinkedHashMap<>();
        for (org.manfadh.statistics.AgeBand band : org.manfadh.statistics.AgeBand.values()) {
            byBand.put(band.label(), null);
        }
        for (FlowTable.Row row : table.rows()) {
            String band = row.values().get(Dimension.AGE_BAND);
            Long[] counts = byBand.get(band);
            if (counts == null) {
                counts = new Long[] {0L, 0L, 0L};
                byBand.put(band, counts);
            }
            int i = switch (row.values().getOrDefault(Dimension.SEX, UNKNOWN)) {
                case "M" -> 0;
                case "F" -> 1;
                default -> 2;
            };
            counts[i] = counts[i] == null || row.count() == null ? null : counts[i] + row.count();
        }
        List<AgeLine> lines = new ArrayList<>();
        byBand.forEach((band, counts) -> {
            if (counts != null) {
                lines.add(new AgeLine(band, counts[0], counts[1], counts[2]));
            }
        });
        return lines;
    }

    /** Every day from the first of the month to its last (or today), a day without crossings at zero. */
    private static List<DayLine> dayLines(FlowTable table, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        for (FlowTable.Row row : table.rows()) {
            long[] counts = days.get(row.period());
            if (counts != null && row.count() != null) {
                counts["ENTRY".equals(row.values().get(Dimension.DIRECTION)) ? 0 : 1] += row.count();
            }
        }
        return days.entrySet().stream().map(e -> new DayLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private List<SurgeLine> surgeLines(SurgeAlerts alerts, LocalDate from, LocalDate to, List<BorderPoint> points,
                                       String username, String lang) {
        Set<String> codes = new java.util.HashSet<>(points.stream().map(BorderPoint::code).toList());
        return alerts.between(from, to, username).stream()
                .filter(s -> codes.contains(s.borderPoint()))
                .sorted(Comparator.comparing(SurgeAlerts.Surge::day)
                        .thenComparing(s -> s.hour() == null ? -1 : s.hour()))
                .map(s -> new SurgeLine(pointLabel(s.borderPoint(), lang), s))
                .toList();
    }

    private List<AccuracyLine> accuracyLines(Forecasts forecasts, YearMonth month, LocalDate to,
                                             List<BorderPoint> points, String lang) {
        if (!to.equals(month.atEndOfMonth())) {
            return List.of();
        }
        List<AccuracyLine> lines = new ArrayList<>();
        for (BorderPoint point : points) {
            forecasts.accuracy(point.code(), month)
                    .ifPresent(a -> lines.add(new AccuracyLine(pointLabel(point.code(), lang), a)));
        }
        return lines;
    }

    private String pointLabel(String code, String lang) {
        return reference.borderPoint(code).map(p -> switch (lang) {
            case "ar" -> nonBlank(p.nameAr(), p.nameEn());
            case "ckb" -> nonBlank(p.nameCkb(), p.nameEn());
            default -> p.nameEn();
        }).orElse(code);
    }

    private static String label(RefusalReason reason, String lang) {
        return switch (lang) {
            case "ar" -> nonBlank(reason.labelAr(), reason.labelEn());
            case "ckb" -> nonBlank(reason.labelCkb(), reason.labelEn());
            default -> reason.labelEn();
        };
    }

    private static String nonBlank(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
