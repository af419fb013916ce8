package org.manfadh.document;

/**
 * The machine readable zone formats of ICAO Doc 9303 parts 4 to 7, with their line geometry.
 */
public enum MrzFormat {

    /** Identity card size 1: three lines of 30 characters (Part 5). */
    TD1(3, 30),
    /** Identity card size 2: two lines of 36 characters (Part 6). */
    TD2(2, 36),
    /** Passport booklet: two lines of 44 characters (Part 4). */
    TD3(2, 44),
    /** Full-page visa: two lines of 44 characters (Part 7). */
    MRV_A(2, 44),
    /** Small visa: two lines of 36 characters (Part 7). */
    MRV_B(2, 36);

    private final int lines;
    private final int lineLength;

    MrzFormat(int lines, int lineLength) {
        this.lines = lines;
        this.lineLength = lineLength;
    }

    public int lines() {
        return lines;
    }

    public int lineLength() {
        return lineLength;
    }

    /** Whether documents in this format carry a composite check digit. */
    public boolean hasCompositeCheckDigit() {
        return this == TD1 || this == TD2 || this == TD3;
    }
}
