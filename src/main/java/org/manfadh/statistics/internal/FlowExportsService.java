package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowExports;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The flows and overstayers tables as CSV or XLSX: counted by {@link FlowStatistics} for the caller
 * (so jurisdiction and suppression are exactly the JSON table's), laid out in the caller's language
 * with each code beside its name, and made whole in memory before anything is handed over.
 */
@Service
class FlowExportsService implements FlowExports {

    private static final ZoneId BORDER = ZoneId.of("Asia/Baghdad");
    private static final String UNKNOWN = "UNKNOWN";
    private static final String NONE = "NONE";

    private final FlowStatistics statistics;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final Clock clock;

    FlowExportsService(FlowStatistics statistics, ReferenceData reference, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.reference = reference;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Export flows(FlowQuery query, Format format, Language language, String username) {
        FlowTable table = statistics.flows(query, username);
        Words words = new Words(language);
        List<FlowExportsSheet.About> about = new ArrayList<>();
        about.add(words.about("from", query.from().toString()));
        about.add(words.about("to", query.to().toString()));
        about.add(words.about("interval", words.text("statistics.export.interval." + query.interval().name())));
        about.add(words.about("by", dimensions(query.by(), words)));
        query.filters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> about.add(
                new FlowExportsSheet.About(words.text("statistics.export.column." + f.getKey().parameter()),
                        f.getValue().stream().sorted().collect(Collectors.joining(words.comma())))));
        String name = "manfadh-flows-" + query.from() + "-" + query.to() + (table.shared() ? "-shared" : "");
        return export(table, words.text("statistics.export.title.flows"), about, name, format, words);
    }

    @Override
    public Export overstayers(LocalDate asOf, List<Dimension> by, boolean shared, Format format, Language language,
                              String username) {
        FlowTable table = statistics.overstayers(asOf, by, username, shared);
        Words words = new Words(language);
        List<FlowExportsSheet.About> about = new ArrayList<>();
        about.add(words.about("asOf", asOf.toString()));
        about.add(words.about("by", dimensions(by, words)));
        String name = "manfadh-overstayers-" + asOf + (table.shared() ? "-shared" : "");
        return export(table, words.text("statistics.export.title.overstayers"), about, name, format, words);
    }

    private Export export(FlowTable table, String title, List<FlowExportsSheet.About> query, String name,
                          Format format, Words words) {
        if (format == Format.XLSX && table.rows().size() > FlowExportsXlsx.MAX_ROWS) {
            throw Rejection.invalid("export-too-large", "The table has " + table.rows().size() + " rows, more than "
                    + "a sheet holds (" + FlowExportsXlsx.MAX_ROWS + "): export it as CSV, or with a longer interval "
                    + "or fewer dimensions.");
        }
        List<FlowExportsSheet.About> about = new ArrayList<>();
        about.add(new FlowExportsSheet.About(words.text("statistics.export.about.table"), title));
        about.addAll(query);
        about.add(words.about("shared", words.text(table.shared() ? "statistics.export.yes" : "statistics.export.no")));
        if (table.shared()) {
            about.add(words.about("threshold", Integer.toString(table.threshold())));
        }
        about.add(words.about("total", table.total() == null ? words.text("statistics.export.suppressedTotal")
                : Long.toString(table.total())));
        about.add(words.about("made", OffsetDateTime.now(clock.withZone(BORDER)).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        about.add(words.about("language", words.language.tag()));
        FlowExportsSheet sheet = layout(table, title, about, words);
        byte[] content = switch (format) {
            case CSV -> FlowExportsCsv.write(sheet);
            case XLSX -> FlowExportsXlsx.write(sheet);
        };
        return new Export(name + "." + format.extension(), format, words.language, content);
    }

    /** The header and rows: period (and hour), each dimension's code and (where it helps) name, count, suppressed. */
    private FlowExportsSheet layout(FlowTable table, String title, List<FlowExportsSheet.About> about, Words words) {
        boolean period = table.interval() != Interval.NONE;
        boolean hour = table.interval() == Interval.HOUR;
        List<String> headers = new ArrayList<>();
        if (period) {
            headers.add(words.text("statistics.export.period." + table.interval().name()));
        }
        if (hour) {
            headers.add(words.text("statistics.export.column.hour"));
        }
        List<Function<String, String>> names = new ArrayList<>();
        for (Dimension d : table.by()) {
            headers.add(words.text("statistics.export.column." + d.parameter()));
            Function<String, String> name = words.names(d);
            names.add(name);
            if (name != null) {
                headers.add(words.text("statistics.export.name." + d.parameter()));
            }
        }
        headers.add(words.text("statistics.export.column.count"));
        headers.add(words.text("statistics.export.column.suppressed"));

        List<List<Object>> rows = new ArrayList<>(table.rows().size());
        for (FlowTable.Row r : table.rows()) {
            List<Object> row = new ArrayList<>(headers.size());
            if (period) {
                row.add(r.period());
            }
            if (hour) {
                row.add(r.hour());
            }
            for (int i = 0; i < table.by().size(); i++) {
                String code = r.values().get(table.by().get(i));
                row.add(code);
                if (names.get(i) != null) {
                    row.add(code == null ? null : names.get(i).apply(code));
                }
            }
            row.add(r.count());
            row.add(r.suppressed());
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size() - 2; i++) {
            total.add(i == 0 ? words.text("statistics.export.total") : null);
        }
        total.add(table.total());
        total.add(table.total() == null);
        return new FlowExportsSheet(title, headers, rows, total, about, words.language.rightToLeft(),
                words.text("statistics.export.sheet.table"), words.text("statistics.export.sheet.about"));
    }

    private static String dimensions(List<Dimension> by, Words words) {
        return by.isEmpty() ? "–" : by.stream().map(d -> words.text("statistics.export.column." + d.parameter()))
                .collect(Collectors.joining(words.comma()));
    }

    /** The words of one language: headers, and the names of the codes a table holds. */
    private final class Words {
        private final Language language;
        private final Locale locale;

        Words(Language language) {
            this.language = language;
            this.locale = language.locale();
        }

        /** The list separator: the Arabic comma in Arabic and Kurdish. */
        String comma() {
            return language.rightToLeft() ? "، " : ", ";
        }

        String text(String key) {
            return messages.getMessage(key, null, locale);
        }

        FlowExportsSheet.About about(String what, String value) {
            return new FlowExportsSheet.About(text("statistics.export.about." + what), value);
        }

        /** A code's name in this language, or null where the code says it all (an age band). */
        Function<String, String> names(Dimension d) {
            String lang = language.tag();
            return switch (d) {
                case BORDER_POINT -> {
                    Map<String, BorderPoint> points = reference.borderPoints().stream()
                            .collect(Collectors.toMap(BorderPoint::code, p -> p));
                    yield code -> points.containsKey(code) ? name(points.get(code).nameEn(),
                            points.get(code).nameAr(), points.get(code).nameCkb(), code) : known(code);
                }
                case GOVERNORATE -> {
                    Map<String, Governorate> governorates = reference.governorates().stream()
                            .collect(Collectors.toMap(Governorate::code, g -> g));
                    yield code -> governorates.containsKey(code) ? name(governorates.get(code).nameEn(),
                            governorates.get(code).nameAr(), governorates.get(code).nameCkb(), code) : known(code);
                }
                case NATIONALITY -> {
                    Map<String, Country> countries = reference.countries().stream()
                            .collect(Collectors.toMap(Country::code, c -> c, (a, b) -> a));
                    yield code -> {
                        Country country = countries.get(code.replace("<", ""));
                        String name = country == null ? null : country.name(lang);
                        return name == null || name.isBlank() ? known(code) : name;
                    };
                }
                case REASON -> {
                    Map<String, RefusalReason> reasons = reference.refusalReasons().stream()
                            .collect(Collectors.toMap(RefusalReason::code, r -> r));
                    yield code -> reasons.containsKey(code) ? name(reasons.get(code).labelEn(),
                            reasons.get(code).labelAr(), reasons.get(code).labelCkb(), code) : known(code);
                }
                case AUTHORITY -> message("authority.");
                case DIRECTION -> message("direction.");
                case SEX -> message("sex.");
                case PURPOSE -> message("purpose.");
                case TRANSPORT_MODE -> message("statistics.export.transportMode.");
                case DECISION -> message("decision.");
                case HIT_OUTCOME -> message("statistics.export.hitOutcome.");
                case HEALTH_OUTCOME -> message("statistics.export.healthOutcome.");
                case AGE_BAND -> null;
            };
        }

        private String name(String en, String ar, String ckb, String code) {
            String name = switch (language) {
                case EN -> en;
                case AR -> ar;
                case CKB -> ckb;
            };
            if (name == null || name.isBlank()) {
                name = en;
            }
            return name == null || name.isBlank() ? code : name;
        }

        /** The bundle's name for a code under a prefix; a code the bundle does not know is written as it is. */
        private Function<String, String> message(String prefix) {
            return code -> SPECIAL.contains(code) ? known(code)
                    : messages.getMessage(prefix + code, null, code, locale);
        }

        /** UNKNOWN and NONE in this language; any other code as it is. */
        private String known(String code) {
            return SPECIAL.contains(code) ? text("statistics.export.value." + code) : code;
        }
    }

    private static final Set<String> SPECIAL = Set.of(UNKNOWN, NONE);
}
