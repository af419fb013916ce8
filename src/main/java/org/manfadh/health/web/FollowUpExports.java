package org.manfadh.health.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.manfadh.health.ContactTracing;
import org.manfadh.health.FollowUps;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Follow-up lists and contact-tracing manifests as files for the Ministry of Health: CSV (UTF-8 with a byte order
 * mark, so that Excel reads Arabic and Kurdish names right; RFC 4180 quoting and line ends) or XLSX (a bold header
 * frozen with filters, right to left in Arabic and Kurdish). Headers in the caller's language; codes as the API
 * gives them, times on the border's clock.
 */
final class FollowUpExports {

    /** The file kinds. */
    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        static Optional<Format> of(String text) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A table to write: its sheet name, header and rows of plain values (text, numbers, days). */
    record Table(String title, String sheet, List<String> headers, List<List<Object>> rows, boolean rightToLeft) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    FollowUpExports(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private boolean rightToLeft() {
        return List.of("ar", "ckb").contains(locale.getLanguage());
    }

    Table followUp(FollowUps.FollowUpList list) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("crossing", "surname", "givenNames", "nationality", "borderPoint", "enteredAt",
                "transport", "screened", "screeningOutcome", "exposureCountries", "lastExposure", "daysLeft", "address",
                "phone", "contacts", "latest", "lastContactedAt")) {
            headers.add(text("health.followup.col." + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (FollowUps.Entry e : list.entries().content()) {
            FollowUps.Contact last = e.contacts().isEmpty() ? null : e.contacts().getLast();
            rows.add(values(e.crossingId(), e.surname(), e.givenNames(), e.nationality(), e.borderPoint(),
                    time(e.enteredAt()), e.transportReference(),
                    text(e.screened() ? "health.followup.yes" : "health.followup.no"), e.screeningOutcome(),
                    String.join(" ", e.exposureCountries()), e.lastExposure(), e.daysLeft(), e.address(), e.phone(),
                    e.contacts().size(), e.latest(), last == null ? null : time(last.contactedAt())));
        }
        return new Table(text("health.followup.title") + " " + list.disease(), text("health.followup.sheet"), headers,
                rows, rightToLeft());
    }

    Table manifest(ContactTracing.Manifest manifest) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("list", "crossing", "surname", "givenNames", "nationality", "borderPoint",
                "direction", "occurredAt", "transportMode", "transportReference", "decision", "screened",
                "screeningOutcome", "lastOutcome", "lastContactedAt")) {
            headers.add(text("health.contacts.col." + key));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(person(text("health.contacts.list.index"), manifest.indexCase()));
        manifest.sameTransport().forEach(p -> rows.add(person(text("health.contacts.list.sameTransport"), p)));
        manifest.sameBorderPoint().forEach(p -> rows.add(person(text("health.contacts.list.sameBorderPoint"), p)));
        return new Table(text("health.contacts.title"), text("health.contacts.sheet"), headers, rows, rightToLeft());
    }

    private List<Object> person(String list, ContactTracing.Person p) {
        return values(list, p.crossingId(), p.surname(), p.givenNames(), p.nationality(), p.borderPoint(),
                p.direction(), time(p.occurredAt()), p.transportMode(), p.transportReference(), p.decision(),
                text(p.followUp().screened() ? "health.followup.yes" : "health.followup.no"),
                p.followUp().screeningOutcome(), p.followUp().lastOutcome(),
                p.followUp().lastContactedAt() == null ? null : time(p.followUp().lastContactedAt()));
    }

    private String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    private static List<Object> values(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v instanceof Enum<?> e ? e.name() : v instanceof java.util.UUID u ? u.toString() : v);
        }
        return row;
    }

    static ResponseEntity<byte[]> file(Table table, Format format, String filename, Locale locale) {
        byte[] content = format == Format.CSV ? csv(table) : xlsx(table);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename + "." + format.extension, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .contentLength(content.length).body(content);
    }

    /** RFC 4180: fields with a comma, quote or line break quoted, quotes doubled, CRLF after every record. */
    static byte[] csv(Table table) {
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

    static byte[] xlsx(Table table) {
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
