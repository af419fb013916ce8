package org.manfadh.screening.matching;

import java.util.Locale;

/** Document numbers as compared: without spaces and fillers, and with OCR confusions folded. */
final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /** Upper-case letters and digits only: "A 123-456<" → "A123456". */
    static String plain(String number) {
        if (number == null) {
            return "";
        }
        String upper = number.toUpperCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The plain number with every character an OCR engine confuses with a digit replaced by that
     * digit, so that "AB1O2S" and "A81025" share a key.
     */
    static String folded(String number) {
        String plain = plain(number);
        StringBuilder b = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            b.append(switch (c) {
                case 'O', 'Q', 'D' -> '0';
                case 'I', 'L', 'J' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'G' -> '6';
                case 'T' -> '7';
                case 'B' -> '8';
                default -> c;
            });
        }
        return b.toString();
    }
}
