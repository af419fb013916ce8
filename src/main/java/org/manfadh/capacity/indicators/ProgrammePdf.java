package org.manfadh.capacity.indicators;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.manfadh.capacity.Indicators;
import org.manfadh.capacity.Indicators.Dimension;
import org.manfadh.capacity.Indicators.Programme;
import org.manfadh.capacity.Indicators.Quarter;
import org.manfadh.capacity.Indicators.Table;
import org.manfadh.platform.pdf.PdfCanvas;
import org.manfadh.platform.pdf.PdfCanvas.Align;
import org.manfadh.platform.pdf.PdfCanvas.Weight;
import org.manfadh.platform.pdf.PdfCharts;
import org.manfadh.platform.pdf.PdfFonts;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.context.MessageSource;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The programme's quarterly report for donors as an A4 PDF in its language: the quarters' training figures and a
 * chart of officials trained by sex, equipment and SOPs at the quarters' ends, premises, the border points' traffic,
 * and officials trained by agency, governorate and course. Words from the message bundles, numbers in the
 * language's digits, the page from the side the language is read from.
 */
final class ProgrammePdf {

    static final Color WOMEN = new Color(0x8e, 0x44, 0xad);
    static final Color MEN = PdfCharts.ENTRIES;
    /** Quarters side by side in one table. */
    private static final int PER_TABLE = 4;
    private static final String NONE = "–";
    private static final ZoneId BORDER = ZoneId.of("Asia/Baghdad");

    private final IndicatorService indicators;
    private final MessageSource messages;
    private final Language language;
    private final ULocale formats;

    ProgrammePdf(IndicatorService indicators, MessageSource messages, Language language) {
        this.indicators = indicators;
        this.messages = messages;
        this.language = language;
        this.formats = new ULocale(language.tag() + "-IQ");
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, language.locale());
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(formats).format(value);
    }

    private String decimal(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(formats);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String percent(BigDecimal share) {
        if (share == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(formats);
        format.setMaximumFractionDigits(1);
        return format.format(share.doubleValue());
    }

    private String count(Long value) {
        return value == null ? NONE : number(value);
    }

    private String quarter(String name) {
        return indicators.quarterLabel(name, language.tag());
    }

    private String date(LocalDate day) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, formats);
        format.setTimeZone(TimeZone.getTimeZone(BORDER.getId()));
        return format.format(Date.from(day.atStartOfDay(BORDER).toInstant()));
    }

    byte[] render(Programme report, LocalDate madeOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        String title = text("capacity.indicators.report.title");
        try (PdfCanvas canvas = new PdfCanvas(out, PdfFonts.shipped(), language.rightToLeft(), language.tag(), title,
                text("capacity.indicators.report.footer"), n -> number(n))) {
            write(canvas, report, title, madeOn);
        }
        return out.toByteArray();
    }

    private void write(PdfCanvas canvas, Programme report, String title, LocalDate madeOn) {
        List<Quarter> quarters = report.quarters();
        canvas.paragraph(title, 16, PdfCanvas.INK);
        canvas.down(2);
        canvas.paragraph(text("capacity.indicators.report.subtitle", quarter(quarters.getFirst().quarter()),
                quarter(quarters.getLast().quarter()), date(madeOn)), 9, PdfCanvas.MUTED);
        canvas.down(6);

        // The quarters across, the indicators down, as donors' logframes put them: four quarters to a table.
        for (int first = 0; first < quarters.size(); first += PER_TABLE) {
            List<Quarter> chunk = quarters.subList(first, Math.min(quarters.size(), first + PER_TABLE));
            figures(canvas, "capacity.indicators.report.training", chunk, List.of(
                    line("capacity.indicators.col.trained", q -> number(q.trained())),
                    line("capacity.indicators.col.women", q -> number(q.trainedWomen())),
                    line("capacity.indicators.col.men", q -> number(q.trainedMen())),
                    line("capacity.indicators.col.certified", q -> number(q.certified())),
                    line("capacity.indicators.col.meanGain", q -> decimal(q.meanGain())),
                    line("capacity.indicators.col.refresherDue", q -> number(q.refresherDue()))));
        }
        heading(canvas, "capacity.indicators.report.chart");
        columns(canvas, quarters);
        for (int first = 0; first < quarters.size(); first += PER_TABLE) {
            List<Quarter> chunk = quarters.subList(first, Math.min(quarters.size(), first + PER_TABLE));
            figures(canvas, "capacity.indicators.report.equipment", chunk, List.of(
                    line("capacity.indicators.col.pointsEquipped", q -> number(q.pointsEquipped())),
                    line("capacity.indicators.col.readersWorking", q -> text("capacity.indicators.report.ofReaders",
                            number(q.readersWorking()), number(q.readersInPlace()))),
                    line("capacity.indicators.col.availability", q -> percent(q.availability())),
                    line("capacity.indicators.col.readersBroken", q -> number(q.readersBroken())),
                    line("capacity.indicators.col.sopsAdopted", q -> number(q.sopsAdopted())),
                    line("capacity.indicators.col.audits", q -> number(q.audits())),
                    line("capacity.indicators.col.meanAuditScore", q -> decimal(q.meanAuditScore()))));
        }
        for (int first = 0; first < quarters.size(); first += PER_TABLE) {
            List<Quarter> chunk = quarters.subList(first, Math.min(quarters.size(), first + PER_TABLE));
            figures(canvas, "capacity.indicators.report.premisesAndTraffic", chunk, List.of(
                    line("capacity.indicators.col.projectsCompleted", q -> number(q.projectsCompleted())),
                    line("capacity.indicators.col.spend", q -> q.spend().isEmpty() ? number(0) : q.spend().entrySet()
                            .stream().map(e -> decimal(e.getValue()) + " " + e.getKey())
                            .collect(Collectors.joining(language.rightToLeft() ? "، " : ", "))),
                    line("capacity.indicators.col.arrivals", q -> count(q.arrivals())),
                    line("capacity.indicators.col.departures", q -> count(q.departures()))));
        }

        points(canvas, report);
        breakdown(canvas, "capacity.indicators.report.byAgency", report.byAgency());
        breakdown(canvas, "capacity.indicators.report.byGovernorate", report.byGovernorate());
        breakdown(canvas, "capacity.indicators.report.byCourse", report.byCourse());

        canvas.down(6);
        canvas.paragraph(text("capacity.indicators.report.definitions"), 8, PdfCanvas.MUTED);
    }

    /** An indicator's row: its name and how a quarter's value is written. */
    private record Line(String name, Function<Quarter, String> value) {
    }

    private Line line(String key, Function<Quarter, String> value) {
        return new Line(text(key), value);
    }

    /** A table of indicators down and quarters across. */
    private void figures(PdfCanvas canvas, String heading, List<Quarter> quarters, List<Line> lines) {
        heading(canvas, heading);
        List<String> header = new ArrayList<>();
        header.add("");
        quarters.forEach(q -> header.add(quarter(q.quarter())));
        float[] widths = new float[quarters.size() + 1];
        Align[] aligns = new Align[quarters.size() + 1];
        widths[0] = 3.2f;
        aligns[0] = Align.START;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.3f;
            aligns[i] = Align.END;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            List<String> row = new ArrayList<>();
            row.add(line.name());
            quarters.forEach(q -> row.add(line.value().apply(q)));
            rows.add(row);
        }
        canvas.table(header, rows, widths, aligns);
    }

    private void heading(PdfCanvas canvas, String key) {
        canvas.ensure(60);
        canvas.down(6);
        canvas.line(text(key), Weight.BOLD, 12, PdfCanvas.INK, 20);
        canvas.down(2);
    }

    /** Each border point's capacity beside its traffic. */
    private void points(PdfCanvas canvas, Programme report) {
        heading(canvas, "capacity.indicators.report.points");
        if (report.points().isEmpty()) {
            canvas.paragraph(text("capacity.indicators.report.noPoints"), 9, PdfCanvas.MUTED);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Indicators.Point point : report.points()) {
            rows.add(List.of(indicators.label(Dimension.BORDER_POINT, point.borderPoint(), language.tag()),
                    number(point.trained()), text("capacity.indicators.report.ofReaders",
                            number(point.readersWorking()), number(point.readersInPlace())),
                    number(point.sopsAdopted()), count(point.arrivals()), count(point.departures())));
        }
        canvas.table(List.of(text("capacity.indicators.by.borderPoint"), text("capacity.indicators.col.trained"),
                        text("capacity.indicators.col.readersWorking"), text("capacity.indicators.col.sopsAdopted"),
                        text("capacity.indicators.col.arrivals"), text("capacity.indicators.col.departures")), rows,
                new float[] {2.1f, 1, 2.3f, 1.7f, 1.1f, 1.1f},
                new Align[] {Align.START, Align.END, Align.END, Align.END, Align.END, Align.END});
    }

    private void breakdown(PdfCanvas canvas, String key, Table table) {
        heading(canvas, key);
        if (table.rows().isEmpty()) {
            canvas.paragraph(text("capacity.indicators.report.nobody"), 9, PdfCanvas.MUTED);
            return;
        }
        Dimension what = table.by().get(1);
        List<List<String>> rows = new ArrayList<>();
        for (Indicators.Row row : table.rows()) {
            Map<Dimension, String> values = row.values();
            rows.add(List.of(quarter(values.get(Dimension.QUARTER)),
                    indicators.label(what, values.get(what), language.tag()), number(row.figures().trained()),
                    number(row.figures().certified())));
        }
        canvas.table(List.of(text("capacity.indicators.col.quarter"), text("capacity.indicators.by." + what.parameter()),
                        text("capacity.indicators.col.trained"), text("capacity.indicators.col.certified")), rows,
                new float[] {1.3f, 3, 1.3f, 1.6f}, new Align[] {Align.START, Align.START, Align.END, Align.END});
    }

    /** Officials trained per quarter, women beside men, on a scale from zero; quarters in reading order. */
    private void columns(PdfCanvas canvas, List<Quarter> quarters) {
        float height = 120;
        float legend = 24;
        float axis = 16;
        canvas.ensure(height + legend + axis + 8);
        float at = 0;
        for (String[] series : new String[][] {{"capacity.indicators.col.women", "W"}, {"capacity.indicators.col.men", "M"}}) {
            String name = text(series[0]);
            canvas.box(at, canvas.y() - 10, 10, 6, series[1].equals("W") ? WOMEN : MEN);
            canvas.text(name, at + 14, canvas.y() - 11, 160, Align.START, Weight.REGULAR, 8, PdfCanvas.INK);
            at += 24 + canvas.width(name, Weight.REGULAR, 8);
        }
        float bottom = canvas.y() - legend - height;
        long max = 1;
        for (Quarter q : quarters) {
            max = Math.max(max, Math.max(q.trainedWomen(), q.trainedMen()));
        }
        long step = PdfCharts.niceStep(max / 4.0);
        long ceiling = (max + step - 1) / step * step;
        float scale = 40;
        float plot = PdfCanvas.WIDTH - scale;
        for (long tick = 0; tick <= ceiling; tick += step) {
            float y = bottom + height * tick / ceiling;
            canvas.rule(scale, y, PdfCanvas.WIDTH, y, tick == 0 ? PdfCanvas.MUTED : PdfCanvas.RULE, 0.4f);
            canvas.text(number(tick), 0, y - 3, scale - 6, Align.END, Weight.REGULAR, 7, PdfCanvas.MUTED);
        }
        float slot = plot / quarters.size();
        float bar = Math.min(22, slot / 3);
        for (int i = 0; i < quarters.size(); i++) {
            Quarter q = quarters.get(i);
            float centre = scale + slot * i + slot / 2;
            float women = height * q.trainedWomen() / ceiling;
            float men = height * q.trainedMen() / ceiling;
            canvas.box(centre - bar, bottom, bar, Math.max(women, 0.5f), WOMEN);
            canvas.box(centre, bottom, bar, Math.max(men, 0.5f), MEN);
            canvas.text(quarter(q.quarter()), centre - slot / 2, bottom - 11, slot, Align.CENTER, Weight.REGULAR, 7,
                    PdfCanvas.MUTED);
        }
        canvas.down(legend + height + axis + 8);
    }
}
