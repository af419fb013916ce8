package org.manfadh.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The TrueType fonts shipped in the jar for PDF reports: Noto Sans Arabic for Arabic and Central
 * Kurdish (every Kurdish letter, both sets of Arabic-Indic digits), Noto Sans for Latin. Read once;
 * each document loads them into its own glyph layout, which shapes through the JDK's HarfBuzz.
 */
public record PdfFonts(byte[] arabic, byte[] arabicBold, byte[] latin, byte[] latinBold) {

    private static final String FOLDER = "fonts/noto/";

    private static final class Shipped {
        static final PdfFonts FONTS = new PdfFonts(read("NotoSansArabic-Regular.ttf"),
                read("NotoSansArabic-Bold.ttf"), read("NotoSans-Regular.ttf"), read("NotoSans-Bold.ttf"));
    }

    /** The fonts in {@code fonts/noto/} on the class path. */
    public static PdfFonts shipped() {
        return Shipped.FONTS;
    }

    private static byte[] read(String name) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + FOLDER + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
