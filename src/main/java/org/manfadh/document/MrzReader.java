package org.manfadh.document;

import static org.manfadh.document.MrzProblemCode.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads and validates the machine readable zone of a travel document (ICAO Doc 9303 parts 3 to 7).
 *
 * <p>The format is recognised from the lines themselves. Every check digit is verified; the result
 * names every problem found rather than the first. Digits that optical character recognition
 * misread as letters are repaired only in numeric fields and only where the check digit proves the
 * repair. No input makes it throw. Instances are immutable and safe to share between threads.
 */
public final class MrzReader {

    /** Beyond this many, further invalid characters in one zone are summarised, not listed. */
    private static final int MAX_CHARACTER_PROBLEMS = 12;

    private final Predicate<String> knownCountryCode;
    private final Clock clock;

    /**
     * @param knownCountryCode whether a code (fillers removed: {@code D}, {@code IRQ}, {@code XXA})
     *                         is an ICAO nationality or issuing-state code
     * @param clock            today's date, against which two-digit years resolve and expiry is judged
     */
    public MrzReader(Predicate<String> knownCountryCode, Clock clock) {
        this.knownCountryCode = Objects.requireNonNull(knownCountryCode, "knownCountryCode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MrzResult read(String text) {
        return read(text, LocalDate.now(clock));
    }

    public MrzResult read(String text, LocalDate today) {
        return new Reading(today).read(text);
    }

    // --- layouts -------------------------------------------------------------------------------

    /** A run of characters {@code [start, end)} on one line (0-based). */
    private record Span(int line, int start, int end) {
        int length() {
            return end - start;
        }
    }

    private record Layout(MrzFormat format, Span code, Span issuingState, Span name, Span documentNumber,
                          Span documentNumberCheck, Span nationality, Span birthDate, Span birthDateCheck,
                          Span sex, Span expiryDate, Span expiryDateCheck, Span optional, Span optionalCheck,
                          Span optional2, Span composite, Span[] compositeCoverage) {

        /** TD1 and TD2 let a long document number overflow into the optional data (Part 5, Part 6). */
        boolean overflowAllowed() {
            return format == MrzFormat.TD1 || format == MrzFormat.TD2;
        }
    }

    private static Span s(int line, int start, int end) {
        return new Span(line, start, end);
    }

    private static final Layout TD3 = new Layout(MrzFormat.TD3, s(0, 0, 2), s(0, 2, 5), s(0, 5, 44),
            s(1, 0, 9), s(1, 9, 10), s(1, 10, 13), s(1, 13, 19), s(1, 19, 20), s(1, 20, 21), s(1, 21, 27),
            s(1, 27, 28), s(1, 28, 42), s(1, 42, 43), null, s(1, 43, 44),
            new Span[] {s(1, 0, 10), s(1, 13, 20), s(1, 21, 43)});

    private static final Layout MRV_A = new Layout(MrzFormat.MRV_A, s(0, 0, 2), s(0, 2, 5), s(0, 5, 44),
            s(1, 0, 9), s(1, 9, 10), s(1, 10, 13), s(1, 13, 19), s(1, 19, 20), s(1, 20, 21), s(1, 21, 27),
            s(1, 27, 28), s(1, 28, 44), null, null, null, null);

    private static final Layout TD2 = new Layout(MrzFormat.TD2, s(0, 0, 2), s(0, 2, 5), s(0, 5, 36),
            s(1, 0, 9), s(1, 9, 10), s(1, 10, 13), s(1, 13, 19), s(1, 19, 20), s(1, 20, 21), s(1, 21, 27),
            s(1, 27, 28), s(1, 28, 35), null, null, s(1, 35, 36),
            new Span[] {s(1, 0, 10), s(1, 13, 20), s(1, 21, 35)});

    private static final Layout MRV_B = new Layout(MrzFormat.MRV_B, s(0, 0, 2), s(0, 2, 5), s(0, 5, 36),
            s(1, 0, 9), s(1, 9, 10), s(1, 10, 13), s(1, 13, 19), s(1, 19, 20), s(1, 20, 21), s(1, 21, 27),
            s(1, 27, 28), s(1, 28, 36), null, null, null, null);

    private static final Layout TD1 = new Layout(MrzFormat.TD1, s(0, 0, 2), s(0, 2, 5), s(2, 0, 30),
            s(0, 5, 14), s(0, 14, 15), s(1, 15, 18), s(1, 0, 6), s(1, 6, 7), s(1, 7, 8), s(1, 8, 14),
            s(1, 14, 15), s(0, 15, 30), null, s(1, 18, 29), s(1, 29, 30),
            new Span[] {s(0, 5, 30), s(1, 0, 7), s(1, 8, 15), s(1, 18, 29)});

    // --- OCR confusions ------------------------------------------------------------------------

    /** The digit a letter is commonly misread from, or 0 when the letter is not a known confusion. */
    private static char digitFor(char c) {
        return switch (c) {
            case 'O', 'Q', 'D' -> '0';
            case 'I' -> '1';
            case 'Z' -> '2';
            case 'S' -> '5';
            case 'G' -> '6';
            case 'B' -> '8';
            default -> 0;
        };
    }

    /** Characters an OCR engine may have read in place of {@code c}, in either direction. */
    private static String confusionsOf(char c) {
        return switch (c) {
            case '0' -> "OQD";
            case 'O', 'Q', 'D' -> "0";
            case '1' -> "I";
            case 'I' -> "1";
            case '2' -> "Z";
            case 'Z' -> "2";
            case '5' -> "S";
            case 'S' -> "5";
            case '6' -> "G";
            case 'G' -> "6";
            case '8' -> "B";
            case 'B' -> "8";
            default -> "";
        };
    }

    // --- one reading ---------------------------------------------------------------------------

    /** Bits naming the check digits of a zone, for recording which fail. */
    private static final int DOCUMENT_NUMBER = 1, BIRTH_DATE = 2, EXPIRY_DATE = 4, PERSONAL_NUMBER = 8,
            COMPOSITE = 16;

    /** The document number as read, with the place of its check digit (moved by an overflow). */
    private record DocumentNumber(String value, int checkLine, int checkPosition, boolean overflow,
                                  int optionalStart, boolean missingOverflowCheck) {
    }

    private final class Reading {

        private final LocalDate today;
        private final List<MrzProblem> errors = new ArrayList<>();
        private final List<MrzProblem> warnings = new ArrayList<>();
        private char[][] lines;
        private boolean[][] invalid;
        private boolean anyInvalid;
        private Layout layout;

        Reading(LocalDate today) {
            this.today = today;
        }

        MrzResult read(String text) {
            if (text == null || !splitLines(text)) {
                errors.add(MrzProblem.of(EMPTY_INPUT, "mrz", "No machine readable zone was given."));
                return MrzResult.unreadable(errors);
            }
            layout = recogniseFormat();
            if (anyInvalid) {
                markInvalidCharacters();
            }
            if (layout == null) {
                return MrzResult.unreadable(errors);
            }
            repairNumericFields();
            DocumentNumber documentNumber = documentNumber(lines);
            int failing = failingCheckDigits(lines, documentNumber);
            reportCheckDigits(failing, documentNumber);
            if (failing != 0) {
                suggestRepair(failing);
            }

            String documentCode = documentCode();
            String issuingState = countryCode(layout.issuingState(), UNKNOWN_ISSUING_STATE, "issuingState",
                    "issuing state");
            String nationality = countryCode(layout.nationality(), UNKNOWN_NATIONALITY, "nationality",
                    "nationality");
            String birthDate = birthDate();
            String sex = sex();
            String expiryDate = expiryDate();
            String[] names = names();
            char lastOfName = lines[layout.name().line()][layout.name().end() - 1];
            boolean truncated = lastOfName >= 'A' && lastOfName <= 'Z';
            if (truncated) {
                warnings.add(MrzProblem.at(NAME_POSSIBLY_TRUNCATED, "surname", layout.name().line(),
                        layout.name().end() - 1,
                        "The name fills its field and ends in a letter: it may have been truncated."));
            }
            Span optional = layout.optional();
            String optionalData = documentNumber.overflow()
                    ? trimFillers(lines[optional.line()], documentNumber.optionalStart(), optional.end())
                    : trimFillers(lines[optional.line()], optional.start(), optional.end());
            String optionalData2 = layout.optional2() == null ? null : text(layout.optional2());

            errors.sort(MrzReader::byPlace);
            return new MrzResult(errors.isEmpty(), layout.format(), documentCode, issuingState,
                    documentNumber.value(), names[0], names[1], truncated, nationality, birthDate, sex,
                    expiryDate, optionalData, optionalData2, errors, warnings);
        }

        // --- lines and format ------------------------------------------------------------------

        /** Splits into lines, dropping CRs, trailing blanks and blank lines; false when nothing is left. */
        private boolean splitLines(String text) {
            List<char[]> kept = new ArrayList<>(3);
            int start = 0;
            int length = text.length();
            while (start <= length) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = length;
                }
                int last = end;
                while (last > start && isBlank(text.charAt(last - 1))) {
                    last--;
                }
                if (last > start) {
                    char[] line = new char[last - start];
                    for (int i = start; i < last; i++) {
                        char c = text.charAt(i);
                        if (c >= 'a' && c <= 'z') {
                            c = (char) (c - 32);
                        } else if (CheckDigits.value(c) < 0) {
                            anyInvalid = true;
                        }
                        line[i - start] = c;
                    }
                    kept.add(line);
                }
                start = end + 1;
            }
            lines = kept.toArray(new char[0][]);
            return lines.length > 0;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\r' || c == '\t';
        }

        private Layout recogniseFormat() {
            int count = lines.length;
            int firstLength = lines[0].length;
            boolean sameLength = true;
            for (char[] line : lines) {
                sameLength &= line.length == firstLength;
            }
            if (sameLength && count == 3 && firstLength == 30) {
                return TD1;
            }
            if (sameLength && count == 2 && firstLength == 44) {
                return lines[0][0] == 'V' ? MRV_A : TD3;
            }
            if (sameLength && count == 2 && firstLength == 36) {
                return lines[0][0] == 'V' ? MRV_B : TD2;
            }
            if (sameLength && (firstLength == 30 || firstLength == 36 || firstLength == 44)) {
                int expected = firstLength == 30 ? 3 : 2;
                errors.add(MrzProblem.of(LINE_COUNT, "mrz", "Found " + count + " line(s) of " + firstLength
                        + " characters; a zone with lines of that length has " + expected + "."));
                return null;
            }
            if (count != 2 && count != 3) {
                errors.add(MrzProblem.of(LINE_COUNT, "mrz", "Found " + count
                        + " line(s); a machine readable zone has 2 (TD2, TD3, MRV-A, MRV-B) or 3 (TD1)."));
                return null;
            }
            int expected = count == 3 ? 30 : expectedTwoLineLength();
            if (expected == 0) {
                errors.add(MrzProblem.of(UNKNOWN_FORMAT, "mrz", "Lines of " + lengths()
                        + " characters match no ICAO format (TD1 3x30, TD2 2x36, TD3 2x44, MRV-A 2x44, MRV-B 2x36)."));
                return null;
            }
            for (int i = 0; i < count; i++) {
                if (lines[i].length != expected) {
                    errors.add(new MrzProblem(LINE_LENGTH, "mrz", "Line " + (i + 1) + " has " + lines[i].length
                            + " characters; it should have " + expected + ".", i + 1, null));
                }
            }
            return null;
        }

        private int expectedTwoLineLength() {
            for (char[] line : lines) {
                if (line.length == 44 || line.length == 36) {
                    return line.length;
                }
            }
            return 0;
        }

        private String lengths() {
            StringBuilder sb = new StringBuilder();
            for (char[] line : lines) {
                sb.append(sb.isEmpty() ? "" : ", ").append(line.length);
            }
            return sb.toString();
        }

        private void markInvalidCharacters() {
            invalid = new boolean[lines.length][];
            int reported = 0;
            int more = 0;
            for (int l = 0; l < lines.length; l++) {
                char[] line = lines[l];
                for (int p = 0; p < line.length; p++) {
                    if (CheckDigits.value(line[p]) < 0) {
                        if (invalid[l] == null) {
                            invalid[l] = new boolean[line.length];
                        }
                        invalid[l][p] = true;
                        anyInvalid = true;
                        if (reported < MAX_CHARACTER_PROBLEMS) {
                            reported++;
                            errors.add(MrzProblem.at(INVALID_CHARACTER, fieldAt(l, p), l, p, "Character "
                                    + describe(line[p]) + " at line " + (l + 1) + ", position " + (p + 1)
                                    + " is not allowed: a machine readable zone holds only A-Z, 0-9 and <."));
                        } else {
                            more++;
                        }
                    }
                }
            }
            if (more > 0) {
                errors.add(MrzProblem.of(INVALID_CHARACTER, "mrz", more + " further characters are not allowed."));
            }
        }

        private static String describe(char c) {
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSurrogate(c)) {
                return String.format("U+%04X", (int) c);
            }
            return "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
        }

        private boolean invalidIn(Span span) {
            if (!anyInvalid || invalid[span.line()] == null) {
                return false;
            }
            for (int p = span.start(); p < span.end(); p++) {
                if (invalid[span.line()][p]) {
                    return true;
                }
            }
            return false;
        }

        private boolean invalidIn(Span[] spans) {
            for (Span span : spans) {
                if (invalidIn(span)) {
                    return true;
                }
            }
            return false;
        }

        /** The name of the result field at a position, for locating a problem. */
        private String fieldAt(int line, int position) {
            if (layout == null) {
                return "mrz";
            }
            Layout l = layout;
            Span[] spans = {l.code(), l.issuingState(), l.name(), l.documentNumber(), l.documentNumberCheck(),
                    l.nationality(), l.birthDate(), l.birthDateCheck(), l.sex(), l.expiryDate(),
                    l.expiryDateCheck(), l.optional(), l.optionalCheck(), l.optional2(), l.composite()};
            String[] names = {"documentCode", "issuingState", "surname", "documentNumber", "documentNumber",
                    "nationality", "dateOfBirth", "dateOfBirth", "sex", "dateOfExpiry", "dateOfExpiry",
                    "optionalData", "optionalData", "optionalData2", "composite"};
            for (int i = 0; i < spans.length; i++) {
                Span s = spans[i];
                if (s != null && s.line() == line && position >= s.start() && position < s.end()) {
                    return names[i];
                }
            }
            return "mrz";
        }

        // --- OCR repair of numeric fields ------------------------------------------------------

        private void repairNumericFields() {
            repairWithCheck(layout.birthDate(), layout.birthDateCheck(), "dateOfBirth", true);
            repairWithCheck(layout.expiryDate(), layout.expiryDateCheck(), "dateOfExpiry", false);
            char documentCheck = charAt(layout.documentNumberCheck());
            if (documentCheck != '<') {
                repairWithCheck(layout.documentNumber(), layout.documentNumberCheck(), "documentNumber", false,
                        true);
            }
            if (layout.optionalCheck() != null) {
                repairWithCheck(layout.optional(), layout.optionalCheck(), "optionalData", false, true);
            }
            if (layout.composite() != null && !invalidIn(layout.compositeCoverage())
                    && !invalidIn(layout.composite())) {
                char c = charAt(layout.composite());
                char digit = digitFor(c);
                if (digit != 0) {
                    int expected = compositeValue(lines);
                    if (digit - '0' == expected) {
                        apply(layout.composite().line(), layout.composite().start(), digit, "composite");
                    }
                }
            }
        }

        private void repairWithCheck(Span field, Span check, String fieldName, boolean fillersAllowed) {
            repairWithCheck(field, check, fieldName, fillersAllowed, false);
        }

        /**
         * Replaces letters by the digits they are commonly misread from, in the field (unless only the
         * check digit is numeric) and in its check digit, when the repaired field then passes its check.
         */
        private void repairWithCheck(Span field, Span check, String fieldName, boolean fillersAllowed,
                                     boolean checkDigitOnly) {
            if (invalidIn(field) || invalidIn(check)) {
                return;
            }
            char[] line = lines[field.line()];
            char[] repaired = null;
            if (!checkDigitOnly) {
                for (int p = field.start(); p < field.end(); p++) {
                    char c = line[p];
                    if (c >= 'A' && c <= 'Z') {
                        char digit = digitFor(c);
                        if (digit == 0) {
                            return;
                        }
                        if (repaired == null) {
                            repaired = line.clone();
                        }
                        repaired[p] = digit;
                    } else if (c == '<' && !fillersAllowed) {
                        return;
                    }
                }
            }
            char checkChar = lines[check.line()][check.start()];
            char checkDigit = checkChar >= '0' && checkChar <= '9' ? checkChar : digitFor(checkChar);
            if (checkDigit == 0 || (repaired == null && checkDigit == checkChar)) {
                return;
            }
            char[] candidate = repaired == null ? line : repaired;
            if (CheckDigits.compute(candidate, field.start(), field.end()) != checkDigit - '0') {
                return;
            }
            if (repaired != null) {
                for (int p = field.start(); p < field.end(); p++) {
                    if (repaired[p] != line[p]) {
                        apply(field.line(), p, repaired[p], fieldName);
                    }
                }
            }
            if (checkDigit != checkChar) {
                apply(check.line(), check.start(), checkDigit, fieldName);
            }
        }

        private void apply(int line, int position, char digit, String fieldName) {
            char was = lines[line][position];
            lines[line][position] = digit;
            warnings.add(MrzProblem.at(OCR_REPAIRED, fieldName, line, position, "Read '" + was + "' as '"
                    + digit + "' at line " + (line + 1) + ", position " + (position + 1)
                    + ": the check digit confirms it."));
        }

        // --- check digits ----------------------------------------------------------------------

        private DocumentNumber documentNumber(char[][] zone) {
            Span number = layout.documentNumber();
            Span check = layout.documentNumberCheck();
            char[] line = zone[number.line()];
            if (layout.overflowAllowed() && line[check.start()] == '<' && line[number.end() - 1] != '<') {
                Span optional = layout.optional();
                int end = optional.start();
                while (end < optional.end() && line[end] != '<') {
                    end++;
                }
                if (end == optional.start()) {
                    return new DocumentNumber(new String(line, number.start(), number.length()), number.line(),
                            check.start(), true, optional.start(), true);
                }
                String value = new String(line, number.start(), number.length())
                        + new String(line, optional.start(), end - 1 - optional.start());
                return new DocumentNumber(value, number.line(), end - 1, true, Math.min(end + 1, optional.end()),
                        false);
            }
            return new DocumentNumber(trimFillers(line, number.start(), number.end()), check.line(),
                    check.start(), false, 0, false);
        }

        private int failingCheckDigits(char[][] zone, DocumentNumber documentNumber) {
            int failing = 0;
            if (documentNumber.missingOverflowCheck()
                    || !documentNumberPasses(zone, documentNumber)) {
                failing |= DOCUMENT_NUMBER;
            }
            if (!passes(zone, layout.birthDate(), layout.birthDateCheck(), true)) {
                failing |= BIRTH_DATE;
            }
            if (!passes(zone, layout.expiryDate(), layout.expiryDateCheck(), false)) {
                failing |= EXPIRY_DATE;
            }
            if (layout.optionalCheck() != null && !passes(zone, layout.optional(), layout.optionalCheck(), true)) {
                failing |= PERSONAL_NUMBER;
            }
            if (layout.composite() != null && !invalidIn(layout.compositeCoverage())
                    && !invalidIn(layout.composite())) {
                char c = zone[layout.composite().line()][layout.composite().start()];
                if (c < '0' || c > '9' || c - '0' != compositeValue(zone)) {
                    failing |= COMPOSITE;
                }
            }
            return failing;
        }

        private boolean documentNumberPasses(char[][] zone, DocumentNumber number) {
            Span field = layout.documentNumber();
            if (invalidIn(field) || invalidIn(layout.documentNumberCheck())) {
                return true;
            }
            char[] line = zone[field.line()];
            char check = line[number.checkPosition()];
            if (!number.overflow()) {
                return check >= '0' && check <= '9' && CheckDigits.compute(line, field.start(), field.end()) == check - '0';
            }
            if (invalidIn(layout.optional())) {
                return true;
            }
            // The check digit of an overflowing number covers all of it, the filler in between excluded.
            int sum = CheckDigits.sum(line, field.start(), field.end(), 0);
            int optionalStart = layout.optional().start();
            sum += CheckDigits.sum(line, optionalStart, number.checkPosition(), field.length());
            return check >= '0' && check <= '9' && sum % 10 == check - '0';
        }

        /** Whether a field passes its check digit; a field holding invalid characters is left to that error. */
        private boolean passes(char[][] zone, Span field, Span check, boolean fillerCheckAllowed) {
            if (invalidIn(field) || invalidIn(check)) {
                return true;
            }
            char[] line = zone[field.line()];
            char c = zone[check.line()][check.start()];
            if (fillerCheckAllowed && c == '<' && isAllFillers(line, field.start(), field.end())) {
                return true;
            }
            return c >= '0' && c <= '9' && CheckDigits.compute(line, field.start(), field.end()) == c - '0';
        }

        private int compositeValue(char[][] zone) {
            int sum = 0;
            int offset = 0;
            for (Span span : layout.compositeCoverage()) {
                sum += CheckDigits.sum(zone[span.line()], span.start(), span.end(), offset);
                offset += span.length();
            }
            return sum % 10;
        }

        private void reportCheckDigits(int failing, DocumentNumber number) {
            if ((failing & DOCUMENT_NUMBER) != 0) {
                int line = number.checkLine();
                int position = number.checkPosition();
                String message = number.missingOverflowCheck()
                        ? "The document number continues into the optional data, but no characters or check digit follow there."
                        : "The document number does not match its check digit '"
                        + lines[line][position] + "' (line " + (line + 1) + ", position " + (position + 1) + ").";
                errors.add(MrzProblem.at(DOCUMENT_NUMBER_CHECK_DIGIT, "documentNumber", line, position, message));
            }
            if ((failing & BIRTH_DATE) != 0) {
                errors.add(checkProblem(BIRTH_DATE_CHECK_DIGIT, "dateOfBirth", "date of birth", layout.birthDate(),
                        layout.birthDateCheck()));
            }
            if ((failing & EXPIRY_DATE) != 0) {
                errors.add(checkProblem(EXPIRY_DATE_CHECK_DIGIT, "dateOfExpiry", "date of expiry",
                        layout.expiryDate(), layout.expiryDateCheck()));
            }
            if ((failing & PERSONAL_NUMBER) != 0) {
                errors.add(checkProblem(PERSONAL_NUMBER_CHECK_DIGIT, "optionalData", "personal number",
                        layout.optional(), layout.optionalCheck()));
            }
            if ((failing & COMPOSITE) != 0) {
                Span composite = layout.composite();
                char c = charAt(composite);
                if (c == '<') {
                    errors.add(MrzProblem.at(FINAL_CHECK_DIGIT, "composite", composite.line(), composite.start(),
                            "The final (composite) check digit at line " + (composite.line() + 1) + ", position "
                                    + (composite.start() + 1) + " is missing: it holds a filler."));
                } else {
                    errors.add(MrzProblem.at(COMPOSITE_CHECK_DIGIT, "composite", composite.line(),
                            composite.start(), "The composite check digit '" + c + "' at line "
                                    + (composite.line() + 1) + ", position " + (composite.start() + 1)
                                    + " does not match; it should be " + compositeValue(lines) + "."));
                }
            }
        }

        private MrzProblem checkProblem(MrzProblemCode code, String field, String label, Span span, Span check) {
            String value = new String(lines[span.line()], span.start(), span.length());
            char c = charAt(check);
            String detail = c >= '0' && c <= '9'
                    ? "; it should be " + CheckDigits.compute(lines[span.line()], span.start(), span.end())
                    : "; a check digit must be a digit";
            // A personal number, as a document number, is not repeated: problems reach logs and screens.
            String shown = code == MrzProblemCode.PERSONAL_NUMBER_CHECK_DIGIT ? "" : " " + value;
            return MrzProblem.at(code, field, check.line(), check.start(), "The " + label + shown
                    + " does not match its check digit '" + c + "' (line " + (check.line() + 1) + ", position "
                    + (check.start() + 1) + ")" + detail + ".");
        }

        /**
         * Looks for the one OCR confusion in an alphanumeric field whose correction would make every
         * check digit pass; such a field is never changed, only the correction offered to the officer.
         */
        private void suggestRepair(int failing) {
            // A date's check digit covers the date alone, which no change to an alphanumeric field mends.
            if (anyInvalid || (failing & (BIRTH_DATE | EXPIRY_DATE)) != 0) {
                return;
            }
            List<Span> candidates = new ArrayList<>(3);
            candidates.add(layout.documentNumber());
            if (layout.composite() != null || layout.optionalCheck() != null) {
                candidates.add(layout.optional());
            }
            if (layout.optional2() != null) {
                candidates.add(layout.optional2());
            }
            int foundLine = -1;
            int foundPosition = -1;
            char foundChar = 0;
            int found = 0;
            char[][] trial = new char[lines.length][];
            for (int i = 0; i < lines.length; i++) {
                trial[i] = lines[i].clone();
            }
            for (Span span : candidates) {
                char[] line = trial[span.line()];
                for (int p = span.start(); p < span.end(); p++) {
                    char original = line[p];
                    String alternatives = confusionsOf(original);
                    for (int a = 0; a < alternatives.length(); a++) {
                        line[p] = alternatives.charAt(a);
                        if (failingCheckDigits(trial, documentNumber(trial)) == 0) {
                            found++;
                            foundLine = span.line();
                            foundPosition = p;
                            foundChar = line[p];
                        }
                    }
                    line[p] = original;
                }
            }
            if (found == 1) {
                DocumentNumber number = documentNumber(lines);
                boolean inOverflow = number.overflow() && foundLine == layout.optional().line()
                        && foundPosition >= layout.optional().start() && foundPosition <= number.checkPosition();
                String field = inOverflow ? "documentNumber" : fieldAt(foundLine, foundPosition);
                warnings.add(MrzProblem.at(REPAIR_SUGGESTED, field, foundLine, foundPosition, "Reading '"
                        + lines[foundLine][foundPosition] + "' at line " + (foundLine + 1) + ", position "
                        + (foundPosition + 1) + " as '" + foundChar
                        + "' would make every check digit pass; compare with the printed page."));
            }
        }

        // --- fields ----------------------------------------------------------------------------

        private String documentCode() {
            Span span = layout.code();
            char first = charAt(span);
            char second = lines[span.line()][span.start() + 1];
            String code = trimFillers(lines[span.line()], span.start(), span.end());
            if (invalidIn(span)) {
                return code;
            }
            boolean letters = first >= 'A' && first <= 'Z' && (second == '<' || (second >= 'A' && second <= 'Z'));
            boolean known = first == 'P' || first == 'V' || first == 'I' || first == 'A' || first == 'C';
            if (!letters || !known) {
                errors.add(MrzProblem.at(INVALID_DOCUMENT_CODE, "documentCode", span.line(), span.start(),
                        "Document code '" + new String(lines[span.line()], span.start(), 2)
                                + "' is not an ICAO document code (P, V, I, A or C, then a letter or <)."));
                return code;
            }
            boolean fits = switch (layout.format()) {
                case TD3 -> first == 'P';
                case MRV_A, MRV_B -> first == 'V';
                case TD1, TD2 -> first == 'I' || first == 'A' || first == 'C';
            };
            if (!fits) {
                warnings.add(MrzProblem.at(DOCUMENT_CODE_NOT_ALLOWED, "documentCode", span.line(), span.start(),
                        "Document code '" + code + "' is not used in the " + layout.format()
                                + " format; the document was read as " + layout.format() + "."));
            } else if ((first == 'I' || first == 'A' || first == 'C') && second == 'V') {
                warnings.add(MrzProblem.at(DOCUMENT_CODE_NOT_ALLOWED, "documentCode", span.line(),
                        span.start() + 1, "ICAO does not allow V as the second letter of an identity document code."));
            }
            return code;
        }

        private String countryCode(Span span, MrzProblemCode unknown, String field, String label) {
            String code = trimFillers(lines[span.line()], span.start(), span.end());
            if (invalidIn(span)) {
                return code;
            }
            if (code.isEmpty() || code.indexOf('<') >= 0 || !knownCountryCode.test(code)) {
                errors.add(MrzProblem.at(unknown, field, span.line(), span.start(), "'"
                        + new String(lines[span.line()], span.start(), span.length()) + "' is not an ICAO code for the "
                        + label + "."));
            }
            return code;
        }

        private String sex() {
            char c = charAt(layout.sex());
            return switch (c) {
                case 'M' -> "M";
                case 'F' -> "F";
                case '<', 'X' -> "X";
                default -> {
                    if (!invalidIn(layout.sex())) {
                        errors.add(MrzProblem.at(INVALID_SEX, "sex", layout.sex().line(), layout.sex().start(),
                                "Sex '" + c + "' is not M, F, X or <."));
                    }
                    yield null;
                }
            };
        }

        private String birthDate() {
            Span span = layout.birthDate();
            char[] line = lines[span.line()];
            int from = span.start();
            if (invalidIn(span)) {
                return null;
            }
            int known = 0;
            while (known < 6 && isDigit(line[from + known])) {
                known++;
            }
            for (int i = known; i < 6; i++) {
                if (line[from + i] != '<') {
                    return invalidBirthDate(span, "holds characters other than digits and fillers");
                }
            }
            if (known != 0 && known != 2 && known != 4 && known != 6) {
                return invalidBirthDate(span, "may leave out the day, or the month and day, but nothing else");
            }
            if (known == 0) {
                return null;
            }
            int yy = twoDigits(line, from);
            int month = known >= 4 ? twoDigits(line, from + 2) : 0;
            int day = known == 6 ? twoDigits(line, from + 4) : 0;
            if (known >= 4 && (month < 1 || month > 12)) {
                return invalidBirthDate(span, "has month " + month);
            }
            int year = today.getYear() / 100 * 100 + yy;
            if (year > today.getYear() || (year == today.getYear() && known >= 4 && (month > today.getMonthValue()
                    || (month == today.getMonthValue() && known == 6 && day > today.getDayOfMonth())))) {
                year -= 100;
            }
            if (year < Year.MIN_VALUE) {
                return invalidBirthDate(span, "falls before the first year of the calendar");
            }
            if (known == 6 && (day < 1 || day > daysIn(year, month))) {
                return invalidBirthDate(span, "has day " + day + ", which " + YearMonth.of(year, month) + " does not have");
            }
            return isoDate(year, month, day);
        }

        private String invalidBirthDate(Span span, String why) {
            errors.add(MrzProblem.at(INVALID_BIRTH_DATE, "dateOfBirth", span.line(), span.start(),
                    "Date of birth " + new String(lines[span.line()], span.start(), span.length()) + " " + why + "."));
            return null;
        }

        private String expiryDate() {
            Span span = layout.expiryDate();
            char[] line = lines[span.line()];
            int from = span.start();
            if (invalidIn(span)) {
                return null;
            }
            for (int i = 0; i < 6; i++) {
                if (!isDigit(line[from + i])) {
                    return invalidExpiryDate(span, "is not six digits (YYMMDD)");
                }
            }
            int yy = twoDigits(line, from);
            int month = twoDigits(line, from + 2);
            int day = twoDigits(line, from + 4);
            if (month < 1 || month > 12) {
                return invalidExpiryDate(span, "has month " + month);
            }
            // The century that puts the date within 50 years of today, either way.
            int year = today.getYear() / 100 * 100 + yy;
            if (year - today.getYear() >= 50) {
                year -= 100;
            } else if (today.getYear() - year > 50) {
                year += 100;
            }
            if (year < Year.MIN_VALUE || year > Year.MAX_VALUE) {
                return invalidExpiryDate(span, "falls outside the years of the calendar");
            }
            if (day < 1 || day > daysIn(year, month)) {
                return invalidExpiryDate(span, "has day " + day + ", which " + YearMonth.of(year, month) + " does not have");
            }
            String expiry = isoDate(year, month, day);
            if (year < today.getYear() || (year == today.getYear() && (month < today.getMonthValue()
                    || (month == today.getMonthValue() && day < today.getDayOfMonth())))) {
                warnings.add(MrzProblem.at(DOCUMENT_EXPIRED, "dateOfExpiry", span.line(), span.start(),
                        "The document expired on " + expiry + "."));
            }
            return expiry;
        }

        private String invalidExpiryDate(Span span, String why) {
            errors.add(MrzProblem.at(INVALID_EXPIRY_DATE, "dateOfExpiry", span.line(), span.start(),
                    "Date of expiry " + new String(lines[span.line()], span.start(), span.length()) + " " + why + "."));
            return null;
        }

        /** Primary and secondary identifier: split at the first {@code <<}, fillers read as spaces. */
        private String[] names() {
            Span span = layout.name();
            char[] line = lines[span.line()];
            int split = -1;
            for (int p = span.start(); p < span.end() - 1; p++) {
                if (line[p] == '<' && line[p + 1] == '<') {
                    split = p;
                    break;
                }
            }
            if (split < 0) {
                return new String[] {words(line, span.start(), span.end()), ""};
            }
            return new String[] {words(line, span.start(), split), words(line, split + 2, span.end())};
        }

        private char charAt(Span span) {
            return lines[span.line()][span.start()];
        }

        private String text(Span span) {
            return trimFillers(lines[span.line()], span.start(), span.end());
        }
    }

    // --- small helpers -------------------------------------------------------------------------

    private static int byPlace(MrzProblem a, MrzProblem b) {
        int la = a.line() == null ? 0 : a.line();
        int lb = b.line() == null ? 0 : b.line();
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        int pa = a.position() == null ? 0 : a.position();
        int pb = b.position() == null ? 0 : b.position();
        return Integer.compare(pa, pb);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int twoDigits(char[] line, int from) {
        return (line[from] - '0') * 10 + (line[from + 1] - '0');
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, leaving out a month or day given as 0. */
    private static String isoDate(int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            String y = Integer.toString(year);
            return month == 0 ? y : day == 0 ? y + "-" + twoDigitText(month) : y + "-" + twoDigitText(month) + "-" + twoDigitText(day);
        }
        char[] text = new char[month == 0 ? 4 : day == 0 ? 7 : 10];
        text[0] = (char) ('0' + year / 1000);
        text[1] = (char) ('0' + year / 100 % 10);
        text[2] = (char) ('0' + year / 10 % 10);
        text[3] = (char) ('0' + year % 10);
        if (month != 0) {
            text[4] = '-';
            text[5] = (char) ('0' + month / 10);
            text[6] = (char) ('0' + month % 10);
            if (day != 0) {
                text[7] = '-';
                text[8] = (char) ('0' + day / 10);
                text[9] = (char) ('0' + day % 10);
            }
        }
        return new String(text);
    }

    private static String twoDigitText(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static boolean isAllFillers(char[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] != '<') {
                return false;
            }
        }
        return true;
    }

    /** The characters of a field without its trailing fillers. */
    private static String trimFillers(char[] line, int from, int to) {
        int end = to;
        while (end > from && line[end - 1] == '<') {
            end--;
        }
        return new String(line, from, end - from);
    }

    /** Name words: fillers become single spaces, leading and trailing fillers go. */
    private static String words(char[] line, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && line[start] == '<') {
            start++;
        }
        while (end > start && line[end - 1] == '<') {
            end--;
        }
        char[] text = new char[Math.max(0, end - start)];
        int n = 0;
        boolean gap = false;
        for (int i = start; i < end; i++) {
            char c = line[i];
            if (c == '<') {
                gap = true;
            } else {
                if (gap) {
                    text[n++] = ' ';
                    gap = false;
                }
                text[n++] = c;
            }
        }
        return new String(text, 0, n);
    }
}
