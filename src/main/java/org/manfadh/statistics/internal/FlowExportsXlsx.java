package org.manfadh.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an XLSX workbook: the table's sheet (bold header row frozen, filters on it, days as
 * dates, counts as numbers, a suppressed cell empty, the total's row last) and a second sheet saying
 * what the table is. Both sheets run right to left in Arabic and Kurdish. Streamed (SXSSF), so a
 * large table does not hold every cell's object in memory at once.
 */
final class FlowExportsXlsx {

    /** The table's rows, its header and total must fit in a sheet. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 50;

    private FlowExportsXlsx() {
    }

    static byte[] write(FlowExportsSheet table) {
        if (table.rows().size() > MAX_ROWS) {
            throw new IllegalArgumentException("A sheet holds at most " + MAX_ROWS + " rows of a table");
        }
        // The streamed rows wait in temporary files until written; closing the workbook removes them.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            return write(table, workbook);
        } catch (IOException e) {
            throw new UncheckedIOException("An XLSX written to memory failed", e);
        }
    }

    private static byte[] write(FlowExportsSheet table, SXSSFWorkbook workbook) throws IOException {
        workbook.setCompressTempFiles(true);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(table.title());
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Manfadh");
        Styles styles = new Styles(workbook);

        SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
        sheet.setRightToLeft(table.rightToLeft());
        int[] widths = new int[table.headers().size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.headers().get(c));
            cell.setCellStyle(styles.header);
            widths[c] = table.headers().get(c).length() + 2;
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : table.rows()) {
            fill(sheet.createRow(r++), values, styles, null, widths);
        }
        if (!table.headers().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.headers().size() - 1));
        }
        fill(sheet.createRow(r), table.total(), styles, styles.totalText, widths);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.clamp(widths[c], MIN_WIDTH, MAX_WIDTH) * 256);
        }

        SXSSFSheet about = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.aboutSheet()));
        about.setRightToLeft(table.rightToLeft());
        int labelWidth = MIN_WIDTH;
        int valueWidth = MIN_WIDTH;
        int a = 0;
        for (FlowExportsSheet.About line : table.about()) {
            Row row = about.createRow(a++);
            Cell label = row.createCell(0);
            label.setCellValue(line.label());
            label.setCellStyle(styles.header);
            row.createCell(1).setCellValue(line.value());
            labelWidth = Math.max(labelWidth, line.label().length() + 2);
            valueWidth = Math.max(valueWidth, line.value().length() + 2);
        }
        about.setColumnWidth(0, Math.min(labelWidth, MAX_WIDTH) * 256);
        about.setColumnWidth(1, Math.min(valueWidth, MAX_WIDTH * 2) * 256);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        return bytes.toByteArray();
    }

    private static void fill(Row row, List<Object> values, Styles styles, CellStyle text, int[] widths) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            int width;
            switch (value) {
                case LocalDate day -> {
                    cell.setCellValue(day);
                    cell.setCellStyle(styles.day);
                    width = 12;
                }
                case Number number -> {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.count);
                    width = String.format("%,d", number.longValue()).length() + 2;
                }
                case Boolean flag -> {
                    cell.setCellValue(flag);
                    width = 7;
                }
                default -> {
                    cell.setCellValue(value.toString());
                    if (text != null) {
                        cell.setCellStyle(text);
                    }
                    width = value.toString().length() + 2;
                }
            }
            widths[c] = Math.max(widths[c], width);
        }
    }

    /** The few cell styles a workbook needs, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle totalText;
        final CellStyle day;
        final CellStyle count;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            totalText = workbook.createCellStyle();
            totalText.setFont(bold);
            day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        }
    }
}
