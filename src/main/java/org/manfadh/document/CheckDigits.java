package org.manfadh.document;

/**
 * The ICAO 9303 Part 3 check digit: characters valued 0-9 (digits), 10-35 (A-Z) and 0 (filler),
 * weighted 7, 3, 1 repeating, summed modulo 10.
 */
final class CheckDigits {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigits() {
    }

    /** The value of an MRZ character, or -1 for a character outside {@code A-Z 0-9 <}. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    /** The check digit over {@code chars[from, to)}, continuing the weight cycle at {@code offset}. */
    static int sum(char[] chars, int from, int to, int offset) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += value(chars[i]) * WEIGHTS[(offset + i - from) % 3];
        }
        return sum;
    }

    static int compute(char[] chars, int from, int to) {
        return sum(chars, from, to, 0) % 10;
    }

    /** The check digit of a string; public for tests and data generators within this module. */
    static char of(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += value(text.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }
}
