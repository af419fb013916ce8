package org.manfadh.document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.manfadh.referencedata.IcaoCodes;

/**
 * A valid machine readable zone made from random fields, with the fields the reader must find in
 * it. Check digits come from {@link Zone}, independent of the reader.
 *
 * @param today the day to read it on; two-digit years are chosen to resolve to the intended dates
 */
record GeneratedDocument(MrzFormat format, String text, LocalDate today, String documentCode, String issuingState,
                         String documentNumber, String surname, String givenNames, boolean nameTruncated,
                         String nationality, String dateOfBirth, String sex, String dateOfExpiry, String optionalData,
                         String optionalData2, Set<MrzProblemCode> warnings) {

    private static final List<String> CODES = IcaoCodes.bundled().codes().stream().sorted().toList();
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    private static final String MRZ_ALPHABET = ALPHANUMERIC + "<";
    private static final LocalDate EARLIEST_TODAY = LocalDate.of(1960, 1, 1);
    private static final LocalDate LATEST_TODAY = LocalDate.of(2099, 12, 31);

    static GeneratedDocument random(Random random) {
        return random(random, MrzFormat.values()[random.nextInt(MrzFormat.values().length)]);
    }

    static GeneratedDocument random(Random random, MrzFormat format) {
        Zone zone = Zone.of(format);
        LocalDate today = between(random, EARLIEST_TODAY, LATEST_TODAY);
        Set<MrzProblemCode> warnings = EnumSet.noneOf(MrzProblemCode.class);

        String code = documentCode(random, format);
        zone.code(code);
        char first = code.charAt(0);
        if ((first == 'I' || first == 'A' || first == 'C') && code.length() == 2 && code.charAt(1) == 'V') {
            warnings.add(MrzProblemCode.DOCUMENT_CODE_NOT_ALLOWED);
        }
        String issuingState = pick(random, CODES);
        String nationality = pick(random, CODES);
        zone.issuingState(issuingState).nationality(nationality);

        int nameLength = switch (format) {
            case TD1 -> 30;
            case TD2, MRV_B -> 31;
            case TD3, MRV_A -> 39;
        };
        String[] name = name(random, nameLength);
        zone.nameField(name[0]);
        boolean truncated = name[0].length() == nameLength;
        if (truncated) {
            warnings.add(MrzProblemCode.NAME_POSSIBLY_TRUNCATED);
        }

        String number = documentNumber(random, format);
        zone.number(number);

        String[] birth = birthDate(random, today);
        zone.birth(birth[0]);

        LocalDate expiry = LocalDate.ofYearDay(today.getYear() - 50 + random.nextInt(100), 1);
        expiry = expiry.plusDays(random.nextInt(expiry.lengthOfYear()));
        zone.expiry(yymmdd(expiry));
        if (expiry.isBefore(today)) {
            warnings.add(MrzProblemCode.DOCUMENT_EXPIRED);
        }

        char sex = "MFX<".charAt(random.nextInt(4));
        zone.sex(sex);

        int optionalLength = switch (format) {
            case TD1 -> number.length() <= 9 ? 15 : Math.max(0, 15 - (number.length() - 9) - 2);
            case TD2 -> number.length() <= 9 ? 7 : Math.max(0, 7 - (number.length() - 9) - 2);
            case TD3 -> 14;
            case MRV_A -> 16;
            case MRV_B -> 8;
        };
        String optional = trimFillers(mrzText(random, random.nextInt(optionalLength + 1)));
        zone.optional(optional);
        String optional2 = null;
        if (format == MrzFormat.TD1) {
            optional2 = trimFillers(mrzText(random, random.nextInt(12)));
            zone.optional2(optional2);
        }
        if (format == MrzFormat.TD3 && optional.isEmpty()) {
            zone.emptyPersonalNumberCheck(random.nextBoolean() ? '<' : '0');
        }

        return new GeneratedDocument(format, zone.text(), today, trimFillers(code), issuingState, number, name[1],
                name[2], truncated, nationality, birth[1], sex == '<' ? "X" : String.valueOf(sex),
                expiry.toString(), optional, optional2, warnings);
    }

    /** The 1-based (line, position) pairs inside a field covered by a check digit, or a check digit. */
    List<int[]> checkedPositions() {
        List<int[]> positions = new ArrayList<>();
        switch (format) {
            case TD1 -> {
                range(positions, 1, 6, 30);
                range(positions, 2, 1, 7);
                range(positions, 2, 9, 15);
                range(positions, 2, 19, 30);
            }
            case TD2, TD3 -> {
                int length = format.lineLength();
                range(positions, 2, 1, 10);
                range(positions, 2, 14, 20);
                range(positions, 2, 22, length);
            }
            case MRV_A, MRV_B -> {
                range(positions, 2, 1, 10);
                range(positions, 2, 14, 20);
                range(positions, 2, 22, 28);
            }
        }
        return positions;
    }

    private static void range(List<int[]> positions, int line, int from, int to) {
        for (int p = from; p <= to; p++) {
            positions.add(new int[] {line, p});
        }
    }

    // --- fields --------------------------------------------------------------------------------

    private static String documentCode(Random random, MrzFormat format) {
        char first = switch (format) {
            case TD3 -> 'P';
            case MRV_A, MRV_B -> 'V';
            case TD1, TD2 -> "IAC".charAt(random.nextInt(3));
        };
        int second = random.nextInt(LETTERS.length() + 8);
        return second >= LETTERS.length() ? first + "<" : first + String.valueOf(LETTERS.charAt(second));
    }

    /** The name field (before padding), its primary and its secondary identifier. */
    private static String[] name(Random random, int length) {
        List<String> primary = words(random, 1 + random.nextInt(3));
        List<String> secondary = words(random, random.nextInt(4));
        while (render(primary, secondary).length() > length) {
            if (!secondary.isEmpty()) {
                secondary.removeLast();
            } else {
                primary.set(0, primary.getFirst().substring(0, Math.min(primary.getFirst().length(), length)));
                primary.subList(1, primary.size()).clear();
            }
        }
        if (random.nextInt(8) == 0) {
            // fill the field to its last character: a name that may have been truncated
            List<String> last = secondary.isEmpty() ? primary : secondary;
            int missing = length - render(primary, secondary).length();
            last.set(last.size() - 1, last.getLast() + letters(random, missing));
        }
        return new String[] {render(primary, secondary), String.join(" ", primary), String.join(" ", secondary)};
    }

    private static String render(List<String> primary, List<String> secondary) {
        String field = String.join("<", primary);
        return secondary.isEmpty() ? field : field + "<<" + String.join("<", secondary);
    }

    private static List<String> words(Random random, int count) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(letters(random, 1 + random.nextInt(random.nextBoolean() ? 4 : 12)));
        }
        return words;
    }

    private static String documentNumber(Random random, MrzFormat format) {
        int longest = switch (format) {
            case TD1 -> 9 + 14;
            case TD2 -> 9 + 6;
            default -> 9;
        };
        int length = longest > 9 && random.nextBoolean()
                ? 10 + random.nextInt(longest - 9)
                : 1 + random.nextInt(9);
        StringBuilder number = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            number.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return number.toString();
    }

    /** The field as written in the zone, and the date the reader must make of it. */
    private static String[] birthDate(Random random, LocalDate today) {
        LocalDate birth = between(random, today.minusYears(100).plusDays(1), today);
        String full = yymmdd(birth);
        int kind = random.nextInt(20);
        if (kind == 0) {
            return new String[] {"<<<<<<", null};
        }
        if (kind == 1 && birth.getYear() > today.getYear() - 100) {
            return new String[] {full.substring(0, 2) + "<<<<", Integer.toString(birth.getYear())};
        }
        if (kind == 2 && YearMonth.from(birth).isAfter(YearMonth.from(today).minusYears(100))) {
            return new String[] {full.substring(0, 4) + "<<", YearMonth.from(birth).toString()};
        }
        return new String[] {full, birth.toString()};
    }

    // --- helpers -------------------------------------------------------------------------------

    private static LocalDate between(Random random, LocalDate first, LocalDate last) {
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        return LocalDate.ofEpochDay(first.toEpochDay() + (long) (random.nextDouble() * days));
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String letters(Random random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return sb.toString();
    }

    private static String mrzText(Random random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(random.nextInt(4) == 0 ? '<' : MRZ_ALPHABET.charAt(random.nextInt(MRZ_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String trimFillers(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '<') {
            end--;
        }
        return value.substring(0, end);
    }
}
