package org.manfadh.screening.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.screening.internal.EntryContent.EntryDocument;
import org.manfadh.screening.EntryKind;
import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.NameQuality;
import org.manfadh.screening.matching.PartialDate;

/**
 * Reads a national list or a list of lost and stolen documents from UTF-8 CSV with a header row,
 * one row at a time. Columns come in any order; the required ones must all be there (a value may
 * be empty), a few optional ones may be, and any other column is refused so that a misspelt
 * header never drops data silently. Every problem names its line (the header is line 1).
 */
final class ListCsvReader {

    enum Layout {
        PERSONS(List.of("externalId", "fullName", "surname", "givenNames", "nameOriginalScript", "aliases",
                "dateOfBirth", "nationality", "sex", "documentNumber", "issuingState", "note")),
        DOCUMENTS(List.of("externalId", "documentNumber", "issuingState", "documentType", "reportedOn"));

        final List<String> required;

        Layout(List<String> required) {
            this.required = required;
        }

        List<String> optional() {
            List<String> optional = new ArrayList<>(List.of("originatingAgency", "legalBasis", "notifyOnHit", "expiresOn"));
            if (this == DOCUMENTS) {
                optional.add("note");
            }
            return optional;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .get();

    private final Layout layout;
    private final IcaoCodes icao;

    ListCsvReader(Layout layout, IcaoCodes icao) {
        this.layout = layout;
        this.icao = icao;
    }

    void read(InputStream in, Consumer<EntryContent> entries) {
        try {
            parse(in, entries);
        } catch (FieldTooLong e) {
            throw e.problem();
        }
    }

    private void parse(InputStream in, Consumer<EntryContent> entries) {
        BufferedReader text = new BufferedReader(new BoundedFields(new InputStreamReader(in, StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))), 1 << 16);
        CSVParser parser;
        try {
            skipByteOrderMark(text);
            parser = FORMAT.parse(text);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw unreadable(e, 1);
        }
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
            throw ImportProblems.empty("The file is empty: it has no header row.");
        }
        List<String> missing = layout.required.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ImportProblems.malformed("The header row lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; it needs " + String.join(", ", layout.required) + ".",
                    1L, missing.getFirst());
        }
        for (String column : header.keySet()) {
            if (!layout.required.contains(column) && !layout.optional().contains(column)) {
                throw ImportProblems.malformed("The header row has an unknown column '" + column + "'. Columns: "
                        + String.join(", ", layout.required) + "; optional: " + String.join(", ", layout.optional())
                        + ".", 1L, column);
            }
        }
        int columns = header.size();
        Iterator<CSVRecord> rows = parser.iterator();
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    break;
                }
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(e, line);
            }
            if (row.size() != columns) {
                throw ImportProblems.malformed("Line " + line + " has " + row.size() + " value"
                        + (row.size() == 1 ? "" : "s") + "; the header has " + columns + " columns.", line, null);
            }
            entries.accept(layout == Layout.PERSONS ? person(new Row(row, line)) : document(new Row(row, line)));
        }
    }

    private record Row(CSVRecord record, long line) {

        String get(String column) {
            if (!record.isMapped(column)) {
                return null;
            }
            String value = record.get(column).strip();
            return value.isEmpty() ? null : value;
        }

        RuntimeException invalid(String column, String message) {
            return ImportProblems.invalidEntry("Line " + line + ", column " + column + ": " + message, line, column);
        }
    }

    private EntryContent person(Row row) {
        String externalId = required(row, "externalId");
        String fullName = row.get("fullName");
        String composed = joined(row.get("givenNames"), row.get("surname"));
        String primary = fullName != null ? fullName : composed;
        if (primary == null) {
            throw row.invalid("fullName", "the entry has no name (fullName, or surname and givenNames).");
        }
        Set<ListedName> names = new LinkedHashSet<>();
        names.add(new ListedName(primary, NameQuality.PRIMARY));
        if (composed != null && !composed.equalsIgnoreCase(primary)) {
            names.add(new ListedName(composed, NameQuality.STRONG_ALIAS));
        }
        String original = row.get("nameOriginalScript");
        if (original != null) {
            names.add(new ListedName(original, NameQuality.ORIGINAL_SCRIPT));
        }
        for (String alias : split(row.get("aliases"))) {
            names.add(new ListedName(alias, NameQuality.STRONG_ALIAS));
        }
        List<PartialDate> dates = new ArrayList<>();
        for (String date : split(row.get("dateOfBirth"))) {
            dates.add(PartialDate.parse(date).orElseThrow(() -> row.invalid("dateOfBirth",
                    "'" + date + "' is not a date (YYYY-MM-DD or YYYY).")));
        }
        List<String> nationalities = new ArrayList<>();
        for (String nationality : split(row.get("nationality"))) {
            nationalities.add(code(row, "nationality", nationality));
        }
        String sex = row.get("sex") == null ? null : switch (row.get("sex").toUpperCase(Locale.ROOT)) {
            case "M" -> "M";
            case "F" -> "F";
            case "X" -> null;
            default -> throw row.invalid("sex", "'" + row.get("sex") + "' is not M, F or X.");
        };
        List<EntryDocument> documents = new ArrayList<>();
        String number = row.get("documentNumber");
        String state = row.get("issuingState") == null ? null : code(row, "issuingState", row.get("issuingState"));
        if (number != null) {
            documents.add(new EntryDocument(number.toUpperCase(Locale.ROOT), state, null, null));
        }
        return new EntryContent(externalId, EntryKind.PERSON, primary, List.copyOf(names), dates, nationalities,
                List.of(), sex, documents, null, null, null, null, null, row.get("originatingAgency"),
                row.get("legalBasis"), row.get("notifyOnHit"), row.get("note"), day(row, "expiresOn"), row.line);
    }

    private EntryContent document(Row row) {
        String externalId = required(row, "externalId");
        String number = required(row, "documentNumber").toUpperCase(Locale.ROOT);
        String state = code(row, "issuingState", required(row, "issuingState"));
        return new EntryContent(externalId, EntryKind.DOCUMENT, null, List.of(), List.of(), List.of(), List.of(),
                null, List.of(), number, state, row.get("documentType"), day(row, "reportedOn"), null,
                row.get("originatingAgency"), row.get("legalBasis"), row.get("notifyOnHit"), row.get("note"),
                day(row, "expiresOn"), row.line);
    }

    private static String required(Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw row.invalid(column, "is empty; every entry has one.");
        }
        return value;
    }

    private String code(Row row, String column, String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!icao.contains(code)) {
            throw row.invalid(column, "'" + value + "' is not an ICAO alpha-3 code.");
        }
        return code;
    }

    private static LocalDate day(Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeException e) {
            // below
        }
        throw row.invalid(column, "'" + value + "' is not a date (YYYY-MM-DD).");
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String joined(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    /** The longest value a list file's field may hold: far beyond any name, note or legal basis. */
    static final int MAX_FIELD_CHARS = 4_096;

    /** The most values a row may have, so that a row of commas cannot fill the memory either. */
    static final int MAX_VALUES = 64;

    /** A value longer than {@link #MAX_FIELD_CHARS}, or a row with too many, found as the file is read. */
    private static final class FieldTooLong extends RuntimeException {

        private final long line;
        private final int field;
        private final String column;

        FieldTooLong(long line, int field, String column) {
            super(null, null, false, false);
            this.line = line;
            this.field = field;
            this.column = column;
        }

        RuntimeException problem() {
            if (field >= MAX_VALUES) {
                return ImportProblems.malformed("Line " + line + " has more than " + MAX_VALUES + " values.", line,
                        null);
            }
            String name = column != null ? column : "number " + (field + 1);
            return ImportProblems.invalidEntry("Line " + line + ", column " + name + ": the value is longer than "
                    + MAX_FIELD_CHARS + " characters.", line, column);
        }
    }

    /**
     * Follows the CSV's quoting as the characters go by and stops at a value longer than
     * {@link #MAX_FIELD_CHARS} before the parser holds it whole: a single quoted field of a
     * gigabyte would otherwise be read into memory. It keeps the header's names to say which
     * column is at fault, and counts lines as the parser does (the header is line 1).
     */
    private static final class BoundedFields extends java.io.FilterReader {

        private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private State state = State.FIELD_START;
        private long line = 1;
        private long recordLine = 1;
        private int field;
        private int length;
        private boolean header = true;
        private final List<String> names = new ArrayList<>();
        private final StringBuilder name = new StringBuilder();

        BoundedFields(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                accept((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            for (int i = 0; i < n; i++) {
                accept(buffer[offset + i]);
            }
            return n;
        }

        private void accept(char c) {
            if (c == '\n') {
                line++;
            }
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = State.QUOTED;
                    } else if (c == ',') {
                        nextField();
                    } else if (c == '\n') {
                        nextRecord();
                    } else if (c != '\r') {
                        state = State.UNQUOTED;
                        add(c);
                    }
                }
                case UNQUOTED -> {
                    if (c == ',') {
                        nextField();
                    } else if (c == '\n') {
                        nextRecord();
                    } else if (c != '\r') {
                        add(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED;
                    } else {
                        add(c);
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        state = State.QUOTED;
                        add(c);
                    } else if (c == ',') {
                        nextField();
                    } else if (c == '\n') {
                        nextRecord();
                    } else if (c != '\r') {
                        // The parser refuses this; its own message names the line.
                        state = State.UNQUOTED;
                        add(c);
                    }
                }
            }
        }

        private void add(char c) {
            if (++length > MAX_FIELD_CHARS) {
                throw new FieldTooLong(recordLine, field, header || field >= names.size() ? null : names.get(field));
            }
            if (header) {
                name.append(c);
            }
        }

        private void nextField() {
            if (header) {
                names.add(name.toString().replace("\uFEFF", "").strip());
                name.setLength(0);
            }
            state = State.FIELD_START;
            length = 0;
            if (++field >= MAX_VALUES) {
                throw new FieldTooLong(recordLine, field, null);
            }
        }

        private void nextRecord() {
            boolean blank = field == 0 && length == 0;
            if (header && !blank) {
                names.add(name.toString().replace("\uFEFF", "").strip());
                name.setLength(0);
                header = false;
            }
            state = State.FIELD_START;
            field = 0;
            length = 0;
            recordLine = line;
        }
    }

    private static void skipByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        int first = text.read();
        if (first != '\uFEFF' && first != -1) {
            text.reset();
        }
    }

    private static RuntimeException unreadable(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return ImportProblems.malformed("The file is not UTF-8 text (near line " + line + ").", line, null);
            }
        }
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        return ImportProblems.malformed("The CSV cannot be read near line " + line + ": " + message, line, null);
    }
}
