package org.manfadh.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.manfadh.platform.pdf.PdfCanvas.Align;
import org.manfadh.platform.pdf.PdfCanvas.Weight;
import org.manfadh.platform.pdf.PdfCanvas;
import org.manfadh.platform.pdf.PdfCharts;
import org.manfadh.platform.pdf.PdfFonts;
import org.manfadh.statistics.AgeBand;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.MonthlyReports.Language;
import org.manfadh.statistics.SurgeAlerts;
import org.manfadh.statistics.internal.MonthlyReport.AccuracyLine;
import org.manfadh.statistics.internal.MonthlyReport.AgeLine;
import org.manfadh.statistics.internal.MonthlyReport.DayLine;
import org.manfadh.statistics.internal.MonthlyReport.Line;
import org.manfadh.statistics.internal.MonthlyReport.PointLine;
import org.manfadh.statistics.internal.MonthlyReport.SurgeLine;
import org.springframework.context.MessageSource;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Writes a {@link MonthlyReport} as an A4 PDF in its language: the words from the message bundles,
 * numbers and dates in the language's digits and month names, the page from the side the language
 * is read from.
 */
final class MonthlyReportPdf {

    private static final String SUPPRESSED = "–";
    private static final ZoneId BORDER = ZoneId.of("Asia/Baghdad");

    private final MessageSource messages;
    private final PdfFonts fonts;

    MonthlyReportPdf(MessageSource messages, PdfFonts fonts) {
        this.messages = messages;
        this.fonts = fonts;
    }

    byte[] render(MonthlyReport report, LocalDate madeOn) {
        Writer writer = new Writer(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        String title = writer.title();
        try (PdfCanvas canvas = new PdfCanvas(out, fonts, report.language().rightToLeft(), report.language().tag(),
                title, writer.text("statistics.report.footer", title), n -> writer.number(n))) {
            writer.write(canvas, title, madeOn);
        }
        return out.toByteArray();
    }

    /**
     * Numbers and dates as Iraq writes them in each language: Arabic-Indic digits in Arabic and
     * Kurdish, and in Arabic the Syriac month names (كانون الثاني, آذار) used in Iraq.
     */
    static ULocale formats(Language language) {
        return switch (language) {
            case EN -> new ULocale("en-IQ");
            case AR -> new ULocale("ar-IQ");
            case CKB -> new ULocale("ckb-IQ");
        };
    }

    /** The report's words and numbers in its language. */
    private final class Writer {

        private final MonthlyReport report;
        private final Locale locale;
        private final ULocale formats;
        private final NumberFormat integers;

        Writer(MonthlyReport report) {
            this.report = report;
            this.locale = report.language().locale();
            this.formats = formats(report.language());
            this.integers = NumberFormat.getIntegerInstance(formats);
        }

        String text(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }

        String number(long value) {
            synchronized (integers) {
                return integers.format(value);
            }
        }

        String count(Long value) {
            return value == null ? SUPPRESSED : number(value);
        }

        String decimal(double value, int digits) {
            NumberFormat format = NumberFormat.getNumberInstance(formats);
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return format.format(value);
        }

        String percent(Long part, Long whole) {
            if (part == null || whole == null || whole == 0) {
                return SUPPRESSED;
            }
            NumberFormat format = NumberFormat.getPercentInstance(formats);
            format.setMaximumFractionDigits(1);
            format.setMinimumFractionDigits(1);
            return format.format((double) part / whole);
        }

        String date(LocalDate day, String pattern) {
            SimpleDateFormat format = new SimpleDateFormat(pattern, formats);
            format.setTimeZone(TimeZone.getTimeZone(BORDER.getId()));
            return format.format(Date.from(day.atStartOfDay(BORDER).toInstant()));
        }

        String longDate(LocalDate day) {
            DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, formats);
            format.setTimeZone(TimeZone.getTimeZone(BORDER.getId()));
            return format.format(Date.from(day.atStartOfDay(BORDER).toInstant()));
        }

        String title() {
            return text("statistics.report.title", text("statistics.report.authority." + report.authority().name()),
                    date(report.month().atDay(1), "LLLL y"));
        }

        void write(PdfCanvas canvas, String title, LocalDate madeOn) {
            canvas.paragraph(title, 16, PdfCanvas.INK);
            canvas.down(2);
            canvas.paragraph(text("statistics.report.subtitle", longDate(madeOn)), 9, PdfCanvas.MUTED);
            if (report.shared()) {
                canvas.paragraph(text("statistics.report.shared"), 9, PdfCanvas.MUTED);
            }
            canvas.down(6);

            heading(canvas, "statistics.report.figures");
            figures(canvas);
            decisions(canvas);

            heading(canvas, "statistics.report.daily");
            daily(canvas);

            heading(canvas, "statistics.report.nationalities");
            nationalities(canvas);

            heading(canvas, "statistics.report.points");
            points(canvas);

            heading(canvas, "statistics.report.reasons");
            reasons(canvas);

            heading(canvas, "statistics.report.ages");
            ages(canvas);

            heading(canvas, "statistics.report.surges");
            surges(canvas);

            heading(canvas, "statistics.report.accuracy");
            accuracy(canvas);
        }

        private void heading(PdfCanvas canvas, String key) {
            canvas.ensure(60);
            canvas.down(6);
            canvas.line(text(key), Weight.BOLD, 12, PdfCanvas.INK, 20);
            canvas.down(2);
        }

        private void note(PdfCanvas canvas, String key) {
            canvas.paragraph(text(key), 9, PdfCanvas.MUTED);
            canvas.down(4);
        }

        private void figures(PdfCanvas canvas) {
            Long entries = report.entries();
            Long exits = report.exits();
            Long net = entries == null || exits == null ? null : entries - exits;
            Long crossings = entries == null || exits == null ? null : entries + exits;
            String[][] tiles = {
                    {text("statistics.report.entries"), count(entries)},
                    {text("statistics.report.exits"), count(exits)},
                    {text("statistics.report.net"), net == null ? SUPPRESSED : signed(net)},
                    {text("statistics.report.crossings"), count(crossings)}};
            float gap = 8;
            float width = (PdfCanvas.WIDTH - gap * (tiles.length - 1)) / tiles.length;
            float height = 46;
            canvas.ensure(height + 8);
            float top = canvas.y();
            for (int i = 0; i < tiles.length; i++) {
                float start = i * (width + gap);
                canvas.box(start, top - height, width, height, PdfCanvas.SHADE);
                canvas.text(tiles[i][0], start + 8, top - 14, width - 16, Align.START, Weight.REGULAR, 7.5f,
                        PdfCanvas.MUTED);
                canvas.text(tiles[i][1], start + 8, top - 36, width - 16, Align.START, Weight.BOLD, 15,
                        PdfCanvas.INK);
            }
            canvas.down(height + 10);
        }

        /** A net flow with its sign as the language writes it (with the marks that keep it beside its digits). */
        private String signed(long value) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(formats);
            return value > 0 ? symbols.getPlusSignString() + number(value)
                    : value < 0 ? symbols.getMinusSignString() + number(-value) : number(0);
        }

        private void decisions(PdfCanvas canvas) {
            if (report.decisions().isEmpty()) {
                note(canvas, "statistics.report.noCrossings");
                return;
            }
            Long whole = sum(report.decisions().stream().map(Line::count).toList());
            List<List<String>> rows = new ArrayList<>();
            for (Line line : report.decisions()) {
                rows.add(List.of(text("decision." + line.code()), count(line.count()), percent(line.count(), whole)));
            }
            canvas.table(List.of(text("statistics.report.decision"), text("statistics.report.count"),
                            text("statistics.report.share")), rows, new float[] {3, 1.5f, 1.5f},
                    new Align[] {Align.START, Align.END, Align.END});
        }

        private void daily(PdfCanvas canvas) {
            List<DayLine> days = report.days();
            if (days.isEmpty()) {
                note(canvas, "statistics.report.noCrossings");
                return;
            }
            List<String> labels = new ArrayList<>();
            long[] entries = new long[days.size()];
            long[] exits = new long[days.size()];
            for (int i = 0; i < days.size(); i++) {
                DayLine day = days.get(i);
                int dayOfMonth = day.day().getDayOfMonth();
                labels.add(dayOfMonth == 1 || dayOfMonth % 5 == 0 ? number(dayOfMonth) : null);
                entries[i] = day.entries();
                exits[i] = day.exits();
            }
            PdfCharts.lines(canvas, 150, labels, List.of(
                    new PdfCharts.Series(text("statistics.report.entries"), PdfCharts.ENTRIES, entries),
                    new PdfCharts.Series(text("statistics.report.exits"), PdfCharts.EXITS, exits)), this::number);
        }

        private void nationalities(PdfCanvas canvas) {
            if (report.nationalities().isEmpty()) {
                note(canvas, "statistics.report.noCrossings");
                return;
            }
            List<PdfCharts.Bar> bars = report.nationalities().stream()
                    .filter(line -> line.count() != null)
                    .map(line -> new PdfCharts.Bar(line.label() == null ? text("statistics.report.unknown") : line.label(),
                            line.count())).toList();
            PdfCharts.bars(canvas, bars, PdfCharts.ENTRIES, this::number);
        }

        private void points(PdfCanvas canvas) {
            if (report.borderPoints().isEmpty()) {
                note(canvas, "statistics.report.noCrossings");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (PointLine point : report.borderPoints()) {
                Long net = point.entries() == null || point.exits() == null ? null : point.entries() - point.exits();
                rows.add(List.of(point.label(), count(point.entries()), count(point.exits()),
                        net == null ? SUPPRESSED : signed(net)));
            }
            canvas.table(List.of(text("statistics.report.point"), text("statistics.report.entries"),
                            text("statistics.report.exits"), text("statistics.report.net")), rows,
                    new float[] {3, 1.3f, 1.3f, 2.2f}, new Align[] {Align.START, Align.END, Align.END, Align.END});
        }

        private void reasons(PdfCanvas canvas) {
            if (report.refusalReasons().isEmpty()) {
                note(canvas, "statistics.report.noRefusals");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (Line line : report.refusalReasons()) {
                rows.add(List.of(line.code(), line.label(), count(line.count())));
            }
            canvas.table(List.of("", text("statistics.report.reason"), text("statistics.report.count")), rows,
                    new float[] {0.4f, 5, 1.4f}, new Align[] {Align.START, Align.START, Align.END});
        }

        private void ages(PdfCanvas canvas) {
            if (report.ageBands().isEmpty()) {
                note(canvas, "statistics.report.noCrossings");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (AgeLine line : report.ageBands()) {
                String band = AgeBand.ofLabel(line.band()).filter(b -> b == AgeBand.UNKNOWN).isPresent()
                        ? text("statistics.report.unknown") : bandInDigits(line.band());
                rows.add(List.of(band, count(line.male()), count(line.female()), count(line.other()),
                        count(sum(java.util.Arrays.asList(line.male(), line.female(), line.other())))));
            }
            canvas.table(List.of(text("statistics.report.ageBand"), text("sex.M"), text("sex.F"), text("sex.X"),
                            text("statistics.report.total")), rows, new float[] {2, 1.3f, 1.3f, 1.3f, 1.3f},
                    new Align[] {Align.START, Align.END, Align.END, Align.END, Align.END});
        }

        /** {@code 18-29} and {@code 60+} in the language's digits. */
        private String bandInDigits(String band) {
            StringBuilder out = new StringBuilder();
            StringBuilder digits = new StringBuilder();
            for (char c : (band + " ").toCharArray()) {
                if (Character.isDigit(c)) {
                    digits.append(c);
                    continue;
                }
                if (!digits.isEmpty()) {
                    out.append(number(Long.parseLong(digits.toString())));
                    digits.setLength(0);
                }
                out.append(c == '-' ? '–' : c);
            }
            return out.toString().strip();
        }

        private void surges(PdfCanvas canvas) {
            if (report.surges().isEmpty()) {
                note(canvas, "statistics.report.notAvailable");
                return;
            }
            List<SurgeLine> surges = report.surges().get();
            if (surges.isEmpty()) {
                note(canvas, "statistics.report.noSurges");
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (SurgeLine line : surges) {
                SurgeAlerts.Surge surge = line.surge();
                String hour = surge.window() == SurgeAlerts.Window.HOUR && surge.hour() != null
                        ? number(surge.hour()) + ":" + number(0) + number(0)
                        : text("statistics.report.wholeDay");
                rows.add(List.of(date(surge.day(), "d MMMM"), hour, line.pointLabel(), number(surge.observed()),
                        number(surge.expected()), number(surge.high())));
            }
            canvas.table(List.of(text("statistics.report.day"), text("statistics.report.hour"),
                            text("statistics.report.point"), text("statistics.report.observed"),
                            text("statistics.report.expected"), text("statistics.report.high")), rows,
                    new float[] {1.4f, 1.3f, 2.4f, 1.2f, 1.2f, 1.2f},
                    new Align[] {Align.START, Align.START, Align.START, Align.END, Align.END, Align.END});
        }

        private void accuracy(PdfCanvas canvas) {
            if (report.accuracy().isEmpty()) {
                note(canvas, "statistics.report.notAvailable");
                return;
            }
            List<AccuracyLine> lines = report.accuracy().get();
            if (lines.isEmpty()) {
                note(canvas, "statistics.report.noAccuracy");
                return;
            }
            note(canvas, "statistics.report.accuracyIntro");
            List<List<String>> rows = new ArrayList<>();
            for (AccuracyLine line : lines) {
                Forecasts.Accuracy a = line.accuracy();
                rows.add(List.of(line.pointLabel(), number(a.days()), decimal(a.mae(), 1), decimal(a.naiveMae(), 1),
                        decimal(a.mase(), 2)));
            }
            canvas.table(List.of(text("statistics.report.point"), text("statistics.report.days"),
                            text("statistics.report.mae"), text("statistics.report.naiveMae"),
                            text("statistics.report.mase")), rows, new float[] {2.4f, 0.8f, 1.6f, 1.6f, 1.6f},
                    new Align[] {Align.START, Align.END, Align.END, Align.END, Align.END});
        }

        private static Long sum(List<Long> counts) {
            long total = 0;
            for (Long count : counts) {
                if (count == null) {
                    return null;
                }
                total += count;
            }
            return total;
        }
    }
}
