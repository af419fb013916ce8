package org.manfadh.statistics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.manfadh.statistics.MonthlyReports.Language;

/**
 * The flows and overstayers tables as files for spreadsheet users: CSV (UTF-8 with a byte order
 * mark) or XLSX (right to left in Arabic and Kurdish), the header in the caller's language, codes
 * beside their names. Counted exactly as {@link FlowStatistics} counts them for the same caller;
 * a shared table's suppressed cells are written empty and marked. The whole file is made before it
 * is handed over, so a Rejection never leaves half a file.
 */
public interface FlowExports {

    /** The file formats a table is exported in. */
    enum Format {
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** As the API and the file's name write it: {@code csv}, {@code xlsx}. */
        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<Format> ofExtension(String text) {
            return text == null ? Optional.empty() : Arrays.stream(values())
                    .filter(f -> f.extension.equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    /** A file made: its name ({@code manfadh-flows-2026-08-01-2026-08-31.csv}), format and bytes. */
    record Export(String filename, Format format, Language language, byte[] content) {
    }

    /** The table {@code FlowStatistics.flows} gives the caller for the query, as a file. */
    Export flows(FlowQuery query, Format format, Language language, String username);

    /** The table {@code FlowStatistics.overstayers} gives the caller, as a file. */
    Export overstayers(LocalDate asOf, List<Dimension> by, boolean shared, Format format, Language language,
                       String username);
}
