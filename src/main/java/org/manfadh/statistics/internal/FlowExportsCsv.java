package org.manfadh.statistics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV for spreadsheet users: UTF-8 behind a byte order mark (without it Excel reads
 * Arabic and Kurdish as Latin-1), RFC 4180 (comma, CRLF, quotes only where a value needs them),
 * days as ISO dates, counts as plain digits, a suppressed cell empty. The header is the first line,
 * the total's row the last.
 */
final class FlowExportsCsv {

    static final String BYTE_ORDER_MARK = "\uFEFF";

    private FlowExportsCsv() {
    }

    static byte[] write(FlowExportsSheet sheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BYTE_ORDER_MARK);
            csv.printRecord(sheet.headers());
            for (List<Object> row : sheet.rows()) {
                csv.printRecord(text(row));
            }
            csv.printRecord(text(sheet.total()));
        } catch (IOException e) {
            throw new UncheckedIOException("A CSV written to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static List<String> text(List<Object> row) {
        List<String> values = new ArrayList<>(row.size());
        for (Object value : row) {
            values.add(switch (value) {
                case null -> "";
                case LocalDate day -> day.toString();
                case Boolean flag -> flag.toString();
                default -> value.toString();
            });
        }
        return values;
    }
}
