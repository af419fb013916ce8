package org.manfadh.capacity.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.manfadh.platform.Rejection;

/**
 * Reads a roster file, XLSX or CSV, into rows of named cells, guarding against hostile files: at most
 * {@link #MAX_BYTES} bytes and {@link #MAX_ROWS} rows; an XLSX whose parts inflate beyond 20 MB together (counted
 * here) or more than 100 times (POI's own guard) is refused; formulas are read as their cached values and never evaluated; POI's XML
 * parsers resolve no external entities. The kind is told by the content (an XLSX is a zip), not by the name.
 */
final class RosterFiles {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 1000;
    private static final int MAX_COLUMNS = 40;
    private static final int MAX_CELL = 500;

    /** The columns a roster may have, by their English header; Arabic and Kurdish headers map to the same. */
    static final List<String> COLUMNS = List.of("name", "sex", "agency", "rank", "borderPoint", "account",
            "preTestScore", "postTestScore", "attended");

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        for (String column : COLUMNS) {
            HEADERS.put(fold(column), column);
        }
        HEADERS.put(fold("border point"), "borderPoint");
        HEADERS.put(fold("pre-test score"), "preTestScore");
        HEADERS.put(fold("post-test score"), "postTestScore");
        HEADERS.put(fold("pre"), "preTestScore");
        HEADERS.put(fold("post"), "postTestScore");
        // Arabic
        HEADERS.put(fold("الاسم"), "name");
        HEADERS.put(fold("الجنس"), "sex");
        HEADERS.put(fold("الجهة"), "agency");
        HEADERS.put(fold("الرتبة"), "rank");
        HEADERS.put(fold("المنفذ"), "borderPoint");
        HEADERS.put(fold("الحساب"), "account");
        HEADERS.put(fold("الاختبار القبلي"), "preTestScore");
        HEADERS.put(fold("الاختبار البعدي"), "postTestScore");
        HEADERS.put(fold("الحضور"), "attended");
        // Central Kurdish
        HEADERS.put(fold("ناو"), "name");
        HEADERS.put(fold("ڕەگەز"), "sex");
        HEADERS.put(fold("دامەزراوە"), "agency");
        HEADERS.put(fold("پلە"), "rank");
        HEADERS.put(fold("دەروازە"), "borderPoint");
        HEADERS.put(fold("هەژمار"), "account");
        HEADERS.put(fold("تاقیکردنەوەی پێشوو"), "preTestScore");
        HEADERS.put(fold("تاقیکردنەوەی دواتر"), "postTestScore");
        HEADERS.put(fold("ئامادەبوون"), "attended");
    }

    /** A data row: its number as the spreadsheet shows it (the header is row 1) and its cells by column. */
    record Row(int number, Map<String, String> cells) {
    }

    /**
     * A fault of the file or of a row; row 0 is the file as a whole. {@code code} is stable (screens say it in the
     * reader's language), {@code message} says it in English.
     */
    record Fault(int row, String column, String code, String message) {
    }

    private RosterFiles() {
    }

    private static String fold(String header) {
        return NameKeys.of(header).replace(" ", "");
    }

    /** The rows, or a 400 naming what is wrong with the file as a whole. */
    static List<Row> read(byte[] content) {
        if (content == null || content.length == 0) {
            throw fileFault("the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw Rejection.of(Rejection.Kind.TOO_LARGE, "roster-too-large", "Roster file too large",
                    "A roster file is at most " + MAX_BYTES / 1024 + " KB.");
        }
        List<List<String>> table = isZip(content) ? xlsx(content) : csv(content);
        if (table.isEmpty()) {
            throw fileFault("the file has no header row");
        }
        List<String> columns = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (String header : table.getFirst()) {
            String column = header == null || header.isBlank() ? null : HEADERS.get(fold(header));
            if (column == null && header != null && !header.isBlank()) {
                faults.add(new Fault(1, header.strip(), "unknown-column", "is not a roster column: " + String.join(", ", COLUMNS)));
            } else if (column != null && columns.contains(column)) {
                faults.add(new Fault(1, header.strip(), "duplicate-column", "appears twice"));
            }
            columns.add(column);
        }
        if (!columns.contains("name") && !columns.contains("account")) {
            faults.add(new Fault(1, "name", "missing-column", "is required: a roster names its participants (or their accounts)"));
        }
        if (!columns.contains("agency")) {
            faults.add(new Fault(1, "agency", "missing-column", "is required: FEDERAL_MOI, KRG_MOI, BPC, CUSTOMS, HEALTH or OTHER"));
        }
        if (!faults.isEmpty()) {
            throw rowFaults(faults);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> values = table.get(r);
            for (int c = 0; c < columns.size() && c < values.size(); c++) {
                String value = values.get(c);
                if (columns.get(c) != null && value != null && !value.isBlank()) {
                    cells.put(columns.get(c), value.strip());
                }
            }
            if (!cells.isEmpty()) {
                rows.add(new Row(r + 1, cells));
            }
        }
        if (rows.isEmpty()) {
            throw fileFault("the file has a header but no participants");
        }
        return rows;
    }

    static Rejection rowFaults(List<Fault> faults) {
        List<Map<String, Object>> errors = faults.stream().map(f -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("row", f.row());
            e.put("column", f.column());
            e.put("code", f.code());
            e.put("message", f.message());
            return e;
        }).toList();
        return Rejection.invalid("invalid-roster", "The roster has " + faults.size() + " fault"
                + (faults.size() == 1 ? "" : "s") + "; nothing was imported.").with("errors", errors);
    }

    private static Rejection fileFault(String message) {
        return rowFaults(List.of(new Fault(0, "file", "file", message)));
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw fileFault("the file is neither an XLSX workbook nor CSV text in UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw fileFault("the file is neither an XLSX workbook nor CSV text in UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> table = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                addRow(table, record.toList());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw fileFault("the CSV is malformed: " + firstSentence(e.getMessage()));
        }
        return table;
    }

    private static void addRow(List<List<String>> table, List<String> values) {
        if (table.size() > MAX_ROWS) {
            throw fileFault("the file has more than " + MAX_ROWS + " rows");
        }
        if (values.size() > MAX_COLUMNS) {
            throw fileFault("row " + (table.size() + 1) + " has more than " + MAX_COLUMNS + " columns");
        }
        for (String v : values) {
            if (v != null && v.length() > MAX_CELL) {
                throw fileFault("row " + (table.size() + 1) + " has a cell longer than " + MAX_CELL + " characters");
            }
        }
        table.add(values);
    }

    /** What a roster workbook may inflate to, all its parts together, and how many parts it may have. */
    private static final long MAX_INFLATED = 20L * 1024 * 1024;
    private static final int MAX_ENTRIES = 500;

    /**
     * Inflates the workbook once, counting, before POI opens it: a zip bomb is refused here without touching POI's
     * settings, which are global to the application (POI's own guard, an inflate ratio of at least 1 %, stays on).
     */
    private static void guardInflation(byte[] content) {
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw fileFault("the workbook has more than " + MAX_ENTRIES + " parts");
                }
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > MAX_INFLATED) {
                        throw fileFault("the workbook inflates to more than " + MAX_INFLATED / (1024 * 1024)
                                + " MB: refused as a zip bomb");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw fileFault("the file is not a readable XLSX workbook: " + firstSentence(e.getMessage()));
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        guardInflation(content);
        List<List<String>> table = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw fileFault("the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw fileFault("the file has more than " + MAX_ROWS + " rows");
            }
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    if (row.getLastCellNum() > MAX_COLUMNS) {
                        throw fileFault("row " + (r + 1) + " has more than " + MAX_COLUMNS + " columns");
                    }
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        values.add(text(row.getCell(c), formatter));
                    }
                }
                if (table.isEmpty() && values.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // blank rows above the header
                }
                addRow(table, values);
            }
        } catch (Rejection e) {
            throw e;
        } catch (Exception e) {
            // A corrupt zip, a zip bomb, XML that is not a workbook: all the client's file.
            throw fileFault("the file is not a readable XLSX workbook: " + firstSentence(e.getMessage()));
        }
        return table;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            default -> null;
        };
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse("unreadable");
        return first.length() > 200 ? first.substring(0, 200) : first;
    }
}
