package org.manfadh.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list on a screen as a file to download: CSV (UTF-8 with a byte order mark, so that Excel reads Arabic and
 * Kurdish names right; RFC 4180 quoting and line ends; a leading = + - @ marked as text, so that no field runs as a
 * formula) or XLSX (a bold header frozen with filters, days as days, numbers as numbers, right to left in Arabic and
 * Kurdish). The health officer's follow-up lists and the training directorate's refresher lists are written here.
 */
public final class TableFiles {

    private TableFiles() {
    }

    /** The file kinds. */
    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The kind named by its extension ({@code csv}, {@code xlsx}), whatever its case. */
        public static Optional<Format> of(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A table to write: its title, sheet name, header and rows of plain values (text, numbers, days). */
    public record Table(String title, String sheet, List<String> headers, List<List<Object>> rows, boolean rightToLeft) {
    }

    /** The table as an attachment named {@code filename} and the format's extension. */
    public static ResponseEntity<byte[]> file(Table table, Format format, String filename, Locale locale) {
        byte[] content = format == Format.CSV ? csv(table) : xlsx(table);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename + "." + format.extension, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .contentLength(content.length).body(content);
    }

    /** RFC 4180: fields with a comma, quote or line break quoted, quotes doubled, CRLF after every record. */
    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(table.headers()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            // A leading = + - @ would be read as a formula by a spreadsheet: such a field is marked as text. A phone
            // number (+964 750 ...) is no formula and stays as written.
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)
                    && !s.matches("[+-][0-9 ()]+")) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        out.append("\r\n");
    }

    public static byte[] xlsx(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            workbook.setCompressTempFiles(true);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(table.title());
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Manfadh");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
            sheet.setRightToLeft(table.rightToLeft());
            int[] widths = new int[table.headers().size()];
            Row top = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(header);
                widths[c] = table.headers().get(c).length() + 2;
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (v) {
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(day);
                        }
                        case Number n -> cell.setCellValue(n.doubleValue());
                        default -> cell.setCellValue(v.toString());
                    }
                    widths[c] = Math.max(widths[c], v instanceof LocalDate ? 12 : v.toString().length() + 2);
                }
            }
            if (!table.headers().isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, table.headers().size() - 1));
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.clamp(widths[c], 8, 50) * 256);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("An XLSX written to memory failed", e);
        }
    }
}
