package org.manfadh.statistics.internal;

import java.util.List;
import java.util.Objects;

/**
 * A table laid out for a file, in the caller's language: a header, rows of values (a
 * {@link java.time.LocalDate}, a {@link Number}, a {@link Boolean}, a String, or null for an empty
 * cell), the total's row, and what the table is (the query, when it was made, the threshold).
 * Rendered alike to CSV and XLSX, so the two files always hold the same table.
 *
 * @param title     what the table counts, for the file's properties
 * @param headers   the columns' names
 * @param rows      one list of values per row, as long as the header
 * @param total     the total's row, as long as the header
 * @param about     the query and how the table was made, as labelled lines
 * @param sheet     the name of the table's sheet in a workbook
 * @param aboutSheet the name of the sheet saying what the table is
 */
record FlowExportsSheet(String title, List<String> headers, List<List<Object>> rows, List<Object> total,
                        List<About> about, boolean rightToLeft, String sheet, String aboutSheet) {

    /** A line of the query's description: a label and its value. */
    record About(String label, String value) {
        About {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    FlowExportsSheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        total = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(total));
        about = List.copyOf(about);
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("A row of " + row.size() + " values under " + headers.size()
                        + " columns");
            }
        }
        if (total.size() != headers.size()) {
            throw new IllegalArgumentException("The total's row has " + total.size() + " values under "
                    + headers.size() + " columns");
        }
    }
}
