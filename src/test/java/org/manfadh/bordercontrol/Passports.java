package org.manfadh.bordercontrol;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Machine readable zones of passports for tests, with correct check digits. */
public final class Passports {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Passports() {
    }

    public static String td3(String issuingState, String number, String surname, String givenNames, String nationality,
                             LocalDate birth, char sex, LocalDate expiry) {
        String name = pad(surname.replace(' ', '<') + "<<" + givenNames.replace(' ', '<'), 39);
        String line1 = "P<" + pad(issuingState, 3) + name;
        String doc = pad(number, 9);
        String dob = birth.format(YYMMDD);
        String exp = expiry.format(YYMMDD);
        String personal = pad("", 14);
        String docPart = doc + check(doc);
        String dobPart = dob + check(dob);
        String expPart = exp + check(exp);
        String personalPart = personal + check(personal);
        String composite = check(docPart + dobPart + expPart + personalPart);
        String line2 = docPart + pad(nationality, 3) + dobPart + sex + expPart + personalPart + composite;
        return line1 + "\n" + line2;
    }

    public static String td3(String number, String surname, String givenNames, String nationality, LocalDate birth) {
        return td3(nationality, number, surname, givenNames, nationality, birth, 'M', LocalDate.now().plusYears(5));
    }

    /** A document number unlikely to be used twice: the letter given, a random letter and seven digits. */
    public static String number(char prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + prefix + (char) ('A' + r.nextInt(26)) + String.format("%07d", r.nextInt(10_000_000));
    }

    /** A surname unlikely to be used twice: the stem and {@code letters} random letters. */
    public static String surname(String stem, int letters) {
        StringBuilder s = new StringBuilder(stem);
        for (int i = 0; i < letters; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    static String pad(String value, int length) {
        StringBuilder sb = new StringBuilder(value);
        while (sb.length() < length) {
            sb.append('<');
        }
        return sb.substring(0, length);
    }

    static String check(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }
        return Integer.toString(sum % 10);
    }
}
