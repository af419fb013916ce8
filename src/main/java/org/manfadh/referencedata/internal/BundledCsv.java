package org.manfadh.referencedata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file that ships inside Manfadh; a malformed bundle stops the start with its line. */
final class BundledCsv {

    private BundledCsv() {
    }

    static <T> List<T> read(String resource, Function<CSVRecord, T> mapper) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = BundledCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled reference data " + resource);
            }
            List<T> rows = new ArrayList<>();
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                try {
                    rows.add(mapper.apply(row));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Bundled reference data " + resource + ", line "
                            + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
