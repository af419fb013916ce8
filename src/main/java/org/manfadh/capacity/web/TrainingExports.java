package org.manfadh.capacity.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.manfadh.capacity.TrainingRecords.Refresher;
import org.manfadh.platform.web.TableFiles;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;

/**
 * The refresher-due list as a file, CSV or XLSX ({@link TableFiles}). Headers in the caller's language, codes as the
 * API gives them.
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
        TableFiles.Table table = new TableFiles.Table(title, title, headers, values, !language.equals("en"));
        return TableFiles.file(table, csv ? TableFiles.Format.CSV : TableFiles.Format.XLSX, "refreshers-" + today, locale);
    }
}
