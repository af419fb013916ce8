package org.manfadh.capacity.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.manfadh.capacity.TrainingRecords.Refresher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The refresher-due list as a file: CSV (UTF-8 with a byte order mark so that Excel reads Arabic and Kurdish names,
 * RFC 4180 quoting, a leading = + - @ marked as text) or XLSX (bold frozen header with filters, right to left in
 * Arabic and Kurdish). Headers in the caller's language, codes as the API gives them.
 */
final class TrainingExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private TrainingExports() {
    }

    static ResponseEntity<byte[]> refreshers(List<Refresher> rows, boolean csv, Locale locale, MessageSource messages,
                                             LocalDate today) {
        String language = locale.getLanguage();
        List<String> headers = new ArrayList<>();
        for (String key : List.of("borderPoint", "name", "sex", "agency", "rank", "course", "number", "issuedOn",
                "expiresOn", "daysLeft")) {
            headers.add(messages.getMessage("capacity.training.refreshers.column." + key, null, key, locale));
        }
        List<List<Object>> values = new ArrayList<>();
        for (Refresher r : rows) {
            values.add(java.util.Arrays.asList(r.borderPoint(), r.name(), r.sex().name(), r.agency().name(), r.rank(),
                    r.courseCode() + " " + r.courseTitle().in(language), r.number(), r.issuedOn(), r.expiresOn(),
                    r.daysLeft()));
        }
        String title = messages.getMessage("capacity.training.refreshers.title", null, "Refreshers due", locale);
        byte[] content = csv ? csv(headers, values) : xlsx(title, headers, values, !language.equals("en"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(csv ? CSV + ";charset=UTF-8" : XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("refreshers-" + today + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build()
                        .toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .contentLength(content.length).body(content);
    }

    private static byte[] csv(List<String> headers, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, headers);
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
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

    private static byte[] xlsx(String title, List<String> headers, List<List<Object>> rows, boolean rightToLeft) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Manfadh");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title));
            sheet.setRightToLeft(rightToLeft);
            Row top = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.clamp(headers.get(c).length() + 4, 10, 40) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : rows) {
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
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("An XLSX written to memory failed", e);
        }
    }
}
