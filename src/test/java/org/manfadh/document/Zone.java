package org.manfadh.document;

import java.util.List;

/**
 * Builds machine readable zones for tests, with check digits computed here, independently of the
 * reader's own {@link CheckDigits}. Fields are given as they appear in the zone (dates as YYMMDD,
 * names as words separated by spaces); a document number longer than nine characters overflows
 * into the optional data of TD1 and TD2 zones as ICAO Doc 9303 parts 5 and 6 describe.
 */
final class Zone {

    private static final int[] WEIGHTS = {7, 3, 1};

    private final MrzFormat format;
    private String documentCode;
    private String issuingState = "UTO";
    private String nameField;
    private String documentNumber = "L898902C3";
    private String nationality = "UTO";
    private String birthDate = "740812";
    private char sex = 'F';
    private String expiryDate = "120415";
    private String optionalData = "";
    private String optionalData2 = "";
    private char emptyPersonalNumberCheck = '<';

    private Zone(MrzFormat format, String documentCode) {
        this.format = format;
        this.documentCode = documentCode;
        name("ERIKSSON", "ANNA MARIA");
    }

    static Zone td1() {
        return new Zone(MrzFormat.TD1, "I");
    }

    static Zone td2() {
        return new Zone(MrzFormat.TD2, "I");
    }

    static Zone td3() {
        return new Zone(MrzFormat.TD3, "P");
    }

    static Zone mrvA() {
        return new Zone(MrzFormat.MRV_A, "V");
    }

    static Zone mrvB() {
        return new Zone(MrzFormat.MRV_B, "V");
    }

    static Zone of(MrzFormat format) {
        return switch (format) {
            case TD1 -> td1();
            case TD2 -> td2();
            case TD3 -> td3();
            case MRV_A -> mrvA();
            case MRV_B -> mrvB();
        };
    }

    Zone code(String code) {
        this.documentCode = code;
        return this;
    }

    Zone issuingState(String code) {
        this.issuingState = code;
        return this;
    }

    Zone nationality(String code) {
        this.nationality = code;
        return this;
    }

    /** Primary and secondary identifiers, words separated by spaces; an empty secondary leaves out the {@code <<}. */
    Zone name(String primary, String secondary) {
        String field = primary.replace(' ', '<');
        if (!secondary.isEmpty()) {
            field += "<<" + secondary.replace(' ', '<');
        }
        this.nameField = field;
        return this;
    }

    /** The name field exactly as it stands in the zone, before padding. */
    Zone nameField(String raw) {
        this.nameField = raw;
        return this;
    }

    Zone number(String number) {
        this.documentNumber = number;
        return this;
    }

    Zone birth(String yymmdd) {
        this.birthDate = yymmdd;
        return this;
    }

    Zone sex(char sex) {
        this.sex = sex;
        return this;
    }

    Zone expiry(String yymmdd) {
        this.expiryDate = yymmdd;
        return this;
    }

    /** TD3: the personal number; TD1: the optional data of the first line; others: the optional data. */
    Zone optional(String data) {
        this.optionalData = data;
        return this;
    }

    /** TD1 only: the optional data of the second line. */
    Zone optional2(String data) {
        this.optionalData2 = data;
        return this;
    }

    /** TD3: the check digit written when the personal number is empty, {@code <} or {@code 0}. */
    Zone emptyPersonalNumberCheck(char check) {
        this.emptyPersonalNumberCheck = check;
        return this;
    }

    MrzFormat format() {
        return format;
    }

    List<String> lines() {
        return switch (format) {
            case TD3 -> twoLines(44, 39, 14);
            case MRV_A -> twoLines(44, 39, 16);
            case TD2 -> twoLines(36, 31, 7);
            case MRV_B -> twoLines(36, 31, 8);
            case TD1 -> td1Lines();
        };
    }

    String text() {
        return String.join("\n", lines());
    }

    private List<String> twoLines(int length, int nameLength, int optionalLength) {
        String upper = pad(documentCode, 2) + pad(issuingState, 3) + pad(nameField, nameLength);
        String[] number = numberAndOptional(optionalLength);
        StringBuilder lower = new StringBuilder(length);
        lower.append(number[0]).append(pad(nationality, 3))
                .append(birthDate).append(checkDigit(birthDate)).append(sex)
                .append(expiryDate).append(checkDigit(expiryDate));
        if (format == MrzFormat.TD3) {
            String personal = number[1];
            lower.append(personal).append(optionalData.isEmpty() ? emptyPersonalNumberCheck : checkDigit(personal));
        } else {
            lower.append(number[1]);
        }
        if (format.hasCompositeCheckDigit()) {
            String l = lower.toString();
            lower.append(checkDigit(l.substring(0, 10) + l.substring(13, 20) + l.substring(21, length - 1)));
        }
        return List.of(exactly(upper, length), exactly(lower.toString(), length));
    }

    private List<String> td1Lines() {
        String[] number = numberAndOptional(15);
        String upper = pad(documentCode, 2) + pad(issuingState, 3) + number[0] + number[1];
        String middle = birthDate + checkDigit(birthDate) + sex + expiryDate + checkDigit(expiryDate)
                + pad(nationality, 3) + pad(optionalData2, 11);
        middle += checkDigit(upper.substring(5, 30) + middle.substring(0, 7) + middle.substring(8, 15)
                + middle.substring(18, 29));
        return List.of(exactly(upper, 30), exactly(middle, 30), exactly(pad(nameField, 30), 30));
    }

    /**
     * The document number with its check digit (ten characters), and the optional data that follows
     * it in the zone ({@code optionalLength} characters): for a long TD1 or TD2 number, the
     * overflowing characters, their check digit, a filler, then the optional data.
     */
    private String[] numberAndOptional(int optionalLength) {
        if (documentNumber.length() <= 9) {
            String number = pad(documentNumber, 9);
            return new String[] {number + checkDigit(number), pad(optionalData, optionalLength)};
        }
        if (format != MrzFormat.TD1 && format != MrzFormat.TD2) {
            throw new IllegalArgumentException(format + " has no room for document number " + documentNumber);
        }
        String rest = documentNumber.substring(9) + checkDigit(documentNumber);
        String optional = rest.length() == optionalLength ? rest : rest + "<" + optionalData;
        return new String[] {documentNumber.substring(0, 9) + "<", pad(optional, optionalLength)};
    }

    // --- independent helpers -------------------------------------------------------------------

    /** The value of an MRZ character: digits 0-9, letters 10-35, filler 0. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: " + c);
    }

    /** ICAO 9303 Part 3 check digit, weights 7, 3, 1. */
    static char checkDigit(String field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    static String pad(String value, int length) {
        if (value.length() > length) {
            throw new IllegalArgumentException("'" + value + "' is longer than " + length);
        }
        return value + "<".repeat(length - value.length());
    }

    private static String exactly(String line, int length) {
        if (line.length() != length) {
            throw new IllegalStateException("built a line of " + line.length() + " characters, not " + length
                    + ": " + line);
        }
        return line;
    }

    /** The zone with the character at a 1-based line and position replaced. */
    static String replace(String text, int line, int position, char c) {
        String[] lines = text.split("\n", -1);
        StringBuilder changed = new StringBuilder(lines[line - 1]);
        changed.setCharAt(position - 1, c);
        lines[line - 1] = changed.toString();
        return String.join("\n", lines);
    }

    /**
     * The zone with its composite check digit recomputed over the ICAO ranges, so that a test can
     * break one other check digit and see exactly that error.
     */
    static String withCompositeRecomputed(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 3) {
            String covered = lines[0].substring(5, 30) + lines[1].substring(0, 7) + lines[1].substring(8, 15)
                    + lines[1].substring(18, 29);
            return replace(text, 2, 30, checkDigit(covered));
        }
        String lower = lines[1];
        int length = lower.length();
        String covered = lower.substring(0, 10) + lower.substring(13, 20) + lower.substring(21, length - 1);
        return replace(text, 2, length, checkDigit(covered));
    }

    /** The character at a 1-based line and position. */
    static char at(String text, int line, int position) {
        return text.split("\n", -1)[line - 1].charAt(position - 1);
    }
}
