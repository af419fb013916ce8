package org.manfadh.platform.pdf;

import java.awt.Color;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutFontManager.FontLoadException;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * An A4 document drawn line by line from the top, in the reading direction of its language. Every
 * position is logical: {@code start} is the distance from the margin where lines begin (the left
 * in English, the right in Arabic and Kurdish), so the report's code reads the same in all three
 * languages and only this class knows the page's physical sides.
 *
 * <p>Text is laid out the way a browser would: a line is split into runs by the Unicode
 * bidirectional algorithm, each run into pieces by the font that has its characters (Noto Sans
 * Arabic first for Arabic and Kurdish, Noto Sans for Latin), the runs put in visual order, and each
 * piece shaped and joined by the JDK's HarfBuzz through OpenPDF's glyph layout. Shaping the real
 * letters, rather than substituting presentation forms, is what joins the Kurdish letters (ڵ ێ ڕ
 * ۆ …) that have none. Glyphs are drawn in visual order, as every PDF of Arabic is, and each maps
 * back to its letter, so copying and text extraction ({@code pdftotext}) give the words as written.
 */
public final class PdfCanvas implements AutoCloseable {

    public enum Align { START, END, CENTER }

    public enum Weight { REGULAR, BOLD }

    public static final float PAGE_WIDTH = PageSize.A4.getWidth();
    public static final float PAGE_HEIGHT = PageSize.A4.getHeight();
    public static final float MARGIN = 42;
    public static final float WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final float FOOTER = 24;

    public static final Color INK = new Color(0x1f, 0x29, 0x33);
    public static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    public static final Color RULE = new Color(0xc8, 0xcf, 0xd8);
    public static final Color SHADE = new Color(0xee, 0xf1, 0xf5);

    private record Piece(String text, BaseFont font, float size, float width) {
    }

    /**
     * Glyph layout for pieces this class has already cut into runs of one direction: a piece is
     * shaped right to left when it holds a right-to-left letter. (The library's own guess calls a
     * run of Arabic-Indic digits such as ١٤:٠٠ "mixed" and gives up.)
     */
    private static final class OneDirection extends GlyphLayoutManager {
        @Override
        protected int computeBidiFlags(String text) {
            return hasRightToLeftLetter(text) ? java.awt.Font.LAYOUT_RIGHT_TO_LEFT : java.awt.Font.LAYOUT_LEFT_TO_RIGHT;
        }

        @Override
        protected boolean ifMixedThenDivideTextAndShow(PdfContentByte cb, BaseFont font, float size, String text) {
            return false;
        }
    }

    private final Document document;
    private final PdfWriter writer;
    private final GlyphLayoutManager layout;
    private final boolean rtl;
    private final BaseFont primary;
    private final BaseFont primaryBold;
    private final BaseFont secondary;
    private final BaseFont secondaryBold;
    private final String footer;
    private final IntFunction<String> pageNumbers;
    private float y;
    private int page = 1;

    /**
     * @param rtl      whether lines begin on the right (Arabic, Kurdish)
     * @param language the document's language tag for readers and screen readers ({@code ckb})
     * @param footer   printed at the foot of every page beside its number
     * @param pageNumbers a page's number in the language's digits
     */
    public PdfCanvas(OutputStream out, PdfFonts fonts, boolean rtl, String language, String title, String footer,
              IntFunction<String> pageNumbers) {
        this.rtl = rtl;
        this.footer = footer;
        this.pageNumbers = pageNumbers;
        this.layout = new OneDirection();
        BaseFont arabic = load("NotoSansArabic-Regular.ttf", fonts.arabic());
        BaseFont arabicBold = load("NotoSansArabic-Bold.ttf", fonts.arabicBold());
        BaseFont latin = load("NotoSans-Regular.ttf", fonts.latin());
        BaseFont latinBold = load("NotoSans-Bold.ttf", fonts.latinBold());
        this.primary = rtl ? arabic : latin;
        this.primaryBold = rtl ? arabicBold : latinBold;
        this.secondary = rtl ? latin : arabic;
        this.secondaryBold = rtl ? latinBold : arabicBold;
        this.document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        document.setGlyphLayoutManager(layout);
        this.writer = PdfWriter.getInstance(document, out);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
        document.addTitle(title);
        document.addCreator("Manfadh");
        document.open();
        startPage();
    }

    private BaseFont load(String name, byte[] bytes) {
        try {
            BaseFont font = layout.loadFont(name, new ByteArrayInputStream(bytes), 10f).getBaseFont();
            extractedAsLetters(font);
            return font;
        } catch (FontLoadException e) {
            throw new IllegalStateException("The shipped font " + name + " cannot be loaded", e);
        }
    }

    /**
     * Text extraction (copy, search, {@code pdftotext}) reads a glyph's character from the font's
     * own map, which gives a joined Arabic letter's presentation form (ﺒ for ب) where the font has
     * one. Mapped back to the letter itself, the text comes out as written; the Kurdish letters,
     * which have no presentation forms, come out right either way. OpenPDF keeps the map in a field
     * of its own, reached here by reflection: without it the report is still right, only its
     * extracted text has presentation forms.
     */
    private static void extractedAsLetters(BaseFont font) {
        try {
            Field field = null;
            for (Class<?> type = font.getClass(); type != null && field == null; type = type.getSuperclass()) {
                for (Field candidate : type.getDeclaredFields()) {
                    if (candidate.getName().equals("inverseCmap") && Map.class.isAssignableFrom(candidate.getType())) {
                        field = candidate;
                    }
                }
            }
            if (field == null) {
                return;
            }
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Integer, Integer> characters = (Map<Integer, Integer>) field.get(font);
            characters.replaceAll((glyph, character) -> letterOf(character));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the library's own mapping stays: presentation forms in extracted text
        }
    }

    /** The letter an Arabic presentation form stands for; a ligature of two letters (ﻻ) stays as it is. */
    public static int letterOf(int character) {
        boolean presentationForm = character >= 0xFB50 && character <= 0xFDFF
                || character >= 0xFE70 && character <= 0xFEFF;
        if (!presentationForm) {
            return character;
        }
        String letters = Normalizer2.getNFKCInstance().normalize(Character.toString(character));
        return letters.codePointCount(0, letters.length()) == 1 ? letters.codePointAt(0) : character;
    }

    public boolean rtl() {
        return rtl;
    }

    /** The top of the space left on the page, in points from the bottom of the page. */
    public float y() {
        return y;
    }

    /** Moves down the page. */
    public void down(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points are left above the footer. */
    public void ensure(float height) {
        if (y - height < MARGIN + FOOTER) {
            writer.setPageEmpty(false);
            document.newPage();
            page++;
            startPage();
        }
    }

    private void startPage() {
        y = PAGE_HEIGHT - MARGIN;
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorStroke(RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(MARGIN, MARGIN + FOOTER - 8);
        cb.lineTo(PAGE_WIDTH - MARGIN, MARGIN + FOOTER - 8);
        cb.stroke();
        cb.restoreState();
        text(footer, 0, MARGIN + 4, WIDTH, Align.START, Weight.REGULAR, 8, MUTED);
        text(pageNumbers.apply(page), 0, MARGIN + 4, WIDTH, Align.END, Weight.REGULAR, 8, MUTED);
    }

    public int page() {
        return page;
    }

    // ---- text ---------------------------------------------------------------------------------

    public float width(String text, Weight weight, float size) {
        float width = 0;
        for (Piece piece : pieces(text, weight, size)) {
            width += piece.width();
        }
        return width;
    }

    /**
     * One line of text in the box {@code [start, start + box]} (logical), on the baseline given.
     */
    public void text(String text, float start, float baseline, float box, Align align, Weight weight, float size,
              Color color) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<Piece> pieces = pieces(text, weight, size);
        float width = 0;
        for (Piece piece : pieces) {
            width += piece.width();
        }
        float offset = switch (align) {
            case START -> 0;
            case END -> box - width;
            case CENTER -> (box - width) / 2;
        };
        float x = left(start + offset, width);
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorFill(color);
        for (Piece piece : pieces) {
            cb.beginText();
            cb.setFontAndSize(piece.font(), piece.size());
            cb.setTextMatrix(x, baseline);
            cb.showText(piece.text());
            cb.endText();
            x += piece.width();
        }
        cb.restoreState();
    }

    /** A line of text at the top of the free space, which moves below it. */
    public void line(String text, Weight weight, float size, Color color, float leading) {
        ensure(leading);
        y -= leading;
        text(text, 0, y + (leading - size) / 2 + 1, WIDTH, Align.START, weight, size, color);
    }

    /** Text wrapped at spaces to the width of the page. */
    public void paragraph(String text, float size, Color color) {
        float leading = size * 1.5f;
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate, Weight.REGULAR, size) > WIDTH) {
                line(current.toString(), Weight.REGULAR, size, color, leading);
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            line(current.toString(), Weight.REGULAR, size, color, leading);
        }
    }

    /** The physical left edge of something {@code width} wide that starts {@code start} from the line's beginning. */
    public float left(float start, float width) {
        return rtl ? PAGE_WIDTH - MARGIN - start - width : MARGIN + start;
    }

    private List<Piece> pieces(String text, Weight weight, float size) {
        Bidi bidi = new Bidi(text, rtl ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Object[] runs = new Object[count];
        for (int i = 0; i < count; i++) {
            int level = bidi.getRunLevel(i);
            boolean backwards = (level & 1) == 1;
            List<Piece> pieces = byFont(text.substring(bidi.getRunStart(i), bidi.getRunLimit(i)), backwards,
                    weight, size);
            if (backwards) {
                Collections.reverse(pieces);
            }
            levels[i] = (byte) level;
            runs[i] = pieces;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        List<Piece> visual = new ArrayList<>();
        for (Object run : runs) {
            @SuppressWarnings("unchecked")
            List<Piece> pieces = (List<Piece>) run;
            visual.addAll(pieces);
        }
        return visual;
    }

    /** A run of one direction cut where the font that has its characters changes. */
    private List<Piece> byFont(String run, boolean backwards, Weight weight, float size) {
        BaseFont first = weight == Weight.BOLD ? primaryBold : primary;
        BaseFont second = weight == Weight.BOLD ? secondaryBold : secondary;
        List<Piece> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        BaseFont font = null;
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            BaseFont wanted;
            if (font != null && (Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT)
                    && (font.charExists(cp) || !Character.isWhitespace(cp))) {
                wanted = font;
            } else {
                wanted = first.charExists(cp) || !second.charExists(cp) ? first : second;
            }
            if (font != null && wanted != font) {
                pieces.add(piece(current.toString(), font, size, backwards));
                current.setLength(0);
            }
            font = wanted;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (font != null) {
            pieces.add(piece(current.toString(), font, size, backwards));
        }
        return pieces;
    }

    private Piece piece(String text, BaseFont font, float size, boolean backwards) {
        String shown = backwards && !hasRightToLeftLetter(text) ? mirroredBackwards(text) : text;
        GlyphVector glyphs = layout.computeGlyphVector(font, size, shown);
        float width = (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
        return new Piece(shown, font, size, width);
    }

    private static boolean hasRightToLeftLetter(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte direction = Character.getDirectionality(cp);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /**
     * Punctuation and symbols in a right-to-left run with no letter of its own (a bracket, a dash
     * between two Arabic words): the shaper would set them left to right, so they are reversed and
     * mirrored here, as the bidirectional algorithm would show them.
     */
    private static String mirroredBackwards(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] cps = text.codePoints().toArray();
        for (int i = cps.length - 1; i >= 0; i--) {
            out.appendCodePoint(UCharacter.getMirror(cps[i]));
        }
        return out.toString();
    }

    // ---- tables -------------------------------------------------------------------------------

    /**
     * A table across the page: a shaded header, then a row a line, the header again at the top of
     * any page it runs onto.
     *
     * @param widths each column's share of the page's width
     * @param aligns each column's alignment (numbers at the end)
     */
    public void table(List<String> header, List<List<String>> rows, float[] widths, Align[] aligns) {
        float rowHeight = 15;
        float size = 8.5f;
        float[] starts = new float[widths.length];
        float[] boxes = new float[widths.length];
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float at = 0;
        for (int i = 0; i < widths.length; i++) {
            starts[i] = at;
            boxes[i] = WIDTH * widths[i] / total;
            at += boxes[i];
        }
        ensure(rowHeight * Math.min(rows.size() + 1, 4));
        tableRow(header, starts, boxes, aligns, rowHeight, size, Weight.BOLD, SHADE);
        for (List<String> row : rows) {
            if (y - rowHeight < MARGIN + FOOTER) {
                ensure(rowHeight * 2);
                tableRow(header, starts, boxes, aligns, rowHeight, size, Weight.BOLD, SHADE);
            }
            tableRow(row, starts, boxes, aligns, rowHeight, size, Weight.REGULAR, null);
        }
        y -= 6;
    }

    private void tableRow(List<String> cells, float[] starts, float[] boxes, Align[] aligns, float height,
                          float size, Weight weight, Color shade) {
        y -= height;
        if (shade != null) {
            box(0, y, WIDTH, height, shade);
        }
        rule(0, y, WIDTH, y, RULE, 0.4f);
        for (int i = 0; i < starts.length && i < cells.size(); i++) {
            text(cells.get(i), starts[i] + 4, y + (height - size) / 2 + 1.5f, boxes[i] - 8, aligns[i], weight, size,
                    INK);
        }
    }

    // ---- shapes -------------------------------------------------------------------------------

    /** A filled rectangle, {@code start} and {@code width} logical, {@code bottom} and {@code height} physical. */
    public void box(float start, float bottom, float width, float height, Color fill) {
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorFill(fill);
        cb.rectangle(left(start, width), bottom, width, height);
        cb.fill();
        cb.restoreState();
    }

    /** A straight line between two logical points. */
    public void rule(float start1, float y1, float start2, float y2, Color color, float lineWidth) {
        polyline(new float[] {start1, start2}, new float[] {y1, y2}, color, lineWidth);
    }

    /** Connected line segments through logical points. */
    public void polyline(float[] starts, float[] ys, Color color, float lineWidth) {
        if (starts.length < 2) {
            return;
        }
        PdfContentByte cb = writer.getDirectContent();
        cb.saveState();
        cb.setColorStroke(color);
        cb.setLineWidth(lineWidth);
        cb.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        cb.moveTo(left(starts[0], 0), ys[0]);
        for (int i = 1; i < starts.length; i++) {
            cb.lineTo(left(starts[i], 0), ys[i]);
        }
        cb.stroke();
        cb.restoreState();
    }

    @Override
    public void close() {
        document.close();
    }
}
