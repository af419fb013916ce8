package org.manfadh.capacity.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.manfadh.capacity.Indicators;
import org.manfadh.capacity.Indicators.Dimension;
import org.manfadh.capacity.Indicators.Programme;
import org.manfadh.capacity.Indicators.Quarter;
import org.manfadh.capacity.Indicators.Table;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.context.MessageSource;

/**
 * The programme's report as an XLSX workbook: a sheet of the quarters' figures, a sheet each of officials trained by
 * sex, agency, governorate and course, a sheet of the border points (their capacity beside their traffic), and, when asked, the training indicators by the chosen dimensions with their
 * total. Headers and values in the report's language; the sheets run right to left in Arabic and Kurdish; counts
 * are numbers, not text, so that the donor's own sums work.
 */
final class ProgrammeXlsx {

    private final IndicatorService indicators;
    private final MessageSource messages;
    private final Language language;
    private final Map<String, String> labels = new HashMap<>();

    ProgrammeXlsx(IndicatorService indicators, MessageSource messages, Language language) {
        this.indicators = indicators;
        this.messages = messages;
        this.language = language;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, language.locale());
    }

    private String label(Dimension dimension, String value) {
        return labels.computeIfAbsent(dimension + "\u0000" + value,
                k -> indicators.label(dimension, value, language.tag()));
    }

    byte[] write(Programme report, Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setTitle(text("capacity.indicators.report.title"));
            workbook.getProperties().getCoreProperties().setCreator("Manfadh");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            quarters(sheet(workbook, "capacity.indicators.sheet.quarters"), report, bold);
            breakdown(sheet(workbook, "capacity.indicators.sheet.sex"), report.bySex(), bold, false);
            breakdown(sheet(workbook, "capacity.indicators.sheet.agency"), report.byAgency(), bold, false);
            breakdown(sheet(workbook, "capacity.indicators.sheet.governorate"), report.byGovernorate(), bold, false);
            breakdown(sheet(workbook, "capacity.indicators.sheet.course"), report.byCourse(), bold, false);
            points(sheet(workbook, "capacity.indicators.sheet.points"), report, bold);
            if (table != null) {
                breakdown(sheet(workbook, "capacity.indicators.sheet.indicators"), table, bold, true);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("An XLSX written to memory failed", e);
        }
    }

    private XSSFSheet sheet(XSSFWorkbook workbook, String key) {
        XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text(key)));
        sheet.setRightToLeft(language.rightToLeft());
        return sheet;
    }

    private void quarters(XSSFSheet sheet, Programme report, CellStyle bold) {
        TreeSet<String> currencies = new TreeSet<>();
        report.quarters().forEach(q -> currencies.addAll(q.spend().keySet()));
        List<String> header = new ArrayList<>(List.of(text("capacity.indicators.col.quarter"),
                text("capacity.indicators.col.trained"), text("capacity.indicators.col.women"),
                text("capacity.indicators.col.men"), text("capacity.indicators.col.certified"),
                text("capacity.indicators.col.meanGain"), text("capacity.indicators.col.refresherDue"),
                text("capacity.indicators.col.pointsEquipped"), text("capacity.indicators.col.readersInPlace"),
                text("capacity.indicators.col.readersWorking"), text("capacity.indicators.col.readersBroken"),
                text("capacity.indicators.col.availability"), text("capacity.indicators.col.sopsAdopted"),
                text("capacity.indicators.col.audits"), text("capacity.indicators.col.meanAuditScore"),
                text("capacity.indicators.col.projectsCompleted")));
        for (String currency : currencies) {
            header.add(text("capacity.indicators.col.spend") + " (" + currency + ")");
        }
        header.add(text("capacity.indicators.col.arrivals"));
        header.add(text("capacity.indicators.col.departures"));
        header(sheet, header, bold);
        int r = 1;
        for (Quarter q : report.quarters()) {
            List<Object> values = new ArrayList<>(List.of(indicators.quarterLabel(q.quarter(), language.tag()),
                    q.trained(), q.trainedWomen(), q.trainedMen(), q.certified()));
            values.add(q.meanGain());
            values.addAll(List.of(q.refresherDue(), q.pointsEquipped(), q.readersInPlace(), q.readersWorking(),
                    q.readersBroken()));
            values.add(q.availability());
            values.addAll(List.of(q.sopsAdopted(), q.audits()));
            values.add(q.meanAuditScore());
            values.add(q.projectsCompleted());
            for (String currency : currencies) {
                values.add(q.spend().getOrDefault(currency, BigDecimal.ZERO));
            }
            values.add(q.arrivals());
            values.add(q.departures());
            row(sheet, r++, values, null);
        }
        widths(sheet, header.size());
    }

    private void points(XSSFSheet sheet, Programme report, CellStyle bold) {
        List<String> header = List.of(text("capacity.indicators.by.borderPoint"),
                text("capacity.indicators.col.trained"), text("capacity.indicators.col.readersInPlace"),
                text("capacity.indicators.col.readersWorking"), text("capacity.indicators.col.sopsAdopted"),
                text("capacity.indicators.col.arrivals"), text("capacity.indicators.col.departures"));
        header(sheet, header, bold);
        int r = 1;
        for (Indicators.Point point : report.points()) {
            List<Object> values = new ArrayList<>();
            values.add(label(Dimension.BORDER_POINT, point.borderPoint()));
            values.add(point.trained());
            values.add(point.readersInPlace());
            values.add(point.readersWorking());
            values.add(point.sopsAdopted());
            values.add(point.arrivals());
            values.add(point.departures());
            row(sheet, r++, values, null);
        }
        widths(sheet, header.size());
    }

    private void breakdown(XSSFSheet sheet, Table table, CellStyle bold, boolean total) {
        List<String> header = new ArrayList<>();
        for (Dimension d : table.by()) {
            header.add(text("capacity.indicators.by." + d.parameter()));
        }
        header.addAll(List.of(text("capacity.indicators.col.trained"), text("capacity.indicators.col.certified"),
                text("capacity.indicators.col.meanGain")));
        header(sheet, header, bold);
        int r = 1;
        for (Indicators.Row row : table.rows()) {
            List<Object> values = new ArrayList<>();
            row.values().forEach((d, v) -> values.add(label(d, v)));
            values.add(row.figures().trained());
            values.add(row.figures().certified());
            values.add(row.figures().meanGain());
            row(sheet, r++, values, null);
        }
        if (total) {
            List<Object> values = new ArrayList<>();
            values.add(text("capacity.indicators.total"));
            for (int i = 1; i < table.by().size(); i++) {
                values.add(null);
            }
            values.add(table.total().trained());
            values.add(table.total().certified());
            values.add(table.total().meanGain());
            row(sheet, r, values, bold);
        }
        widths(sheet, header.size());
    }

    private static void header(XSSFSheet sheet, List<String> header, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void row(XSSFSheet sheet, int index, List<Object> values, CellStyle style) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            switch (value) {
                case Long n -> cell.setCellValue(n);
                case Integer n -> cell.setCellValue(n);
                case BigDecimal n -> cell.setCellValue(n.doubleValue());
                default -> cell.setCellValue(value.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void widths(XSSFSheet sheet, int columns) {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (c == 0 ? 28 : 16) * 256);
        }
    }
}
