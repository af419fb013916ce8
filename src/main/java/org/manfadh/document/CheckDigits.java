package org.manfadh.document;

/**
 * The ICAO 9303 Part 3 check digit: characters valued 0-9 (digits), 10-35 (A-Z) and 0 (filler),
 * weighted 7, 3, 1 repeating, summed modulo 10.
 */
final class CheckDigits {

    /** Character values by code point below 128; -1 for characters a zone cannot hold. */
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (char c = '0'; c <= '9'; c++) {
            VALUES[c] = (byte) (c - '0');
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            VALUES[c] = (byte) (c - 'A' + 10);
        }
        VALUES['<'] = 0;
    }

    private CheckDigits() {
    }

    /** The value of an MRZ character, or -1 for a character outside {@code A-Z 0-9 <}. */
    static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    /**
     * The weighted sum over {@code chars[from, to)}, continuing the 7-3-1 cycle at {@code offset}.
     * Callers check validity first; an invalid character only spoils the sum, it never throws.
     */
    static int sum(char[] chars, int from, int to, int offset) {
        int sum = 0;
        int phase = offset % 3;
        for (int i = from; i < to; i++) {
            int v = value(chars[i]);
            sum += phase == 0 ? v * 7 : phase == 1 ? v * 3 : v;
            phase = phase == 2 ? 0 : phase + 1;
        }
        return sum;
    }

    static int compute(char[] chars, int from, int to) {
        return sum(chars, from, to, 0) % 10;
    }

    /** The check digit of a string of valid MRZ characters. */
    static char of(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += value(text.charAt(i)) * (i % 3 == 0 ? 7 : i % 3 == 1 ? 3 : 1);
        }
        return (char) ('0' + sum % 10);
    }
}
