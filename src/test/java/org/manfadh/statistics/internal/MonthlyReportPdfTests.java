package org.manfadh.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.platform.pdf.PdfCanvas;
import org.manfadh.platform.pdf.PdfFonts;
import org.manfadh.referencedata.Authority;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.MonthlyReports.Language;
import org.manfadh.statistics.SurgeAlerts;
import org.manfadh.statistics.internal.MonthlyReport.AccuracyLine;
import org.manfadh.statistics.internal.MonthlyReport.AgeLine;
import org.manfadh.statistics.internal.MonthlyReport.DayLine;
import org.manfadh.statistics.internal.MonthlyReport.Line;
import org.manfadh.statistics.internal.MonthlyReport.PointLine;
import org.manfadh.statistics.internal.MonthlyReport.SurgeLine;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.ibm.icu.text.Normalizer2;

/**
 * The monthly report as a reader gets it: the PDF's text as {@code pdftotext} extracts it (words
 * in the order they are written, Kurdish letters joined into their words) and its first page as an
 * image under {@code target/screenshots/}. Skipped, with a notice, where poppler-utils is missing.
 */
class MonthlyReportPdfTests {

    private static final Path OUT = Path.of("target", "screenshots");
    private static final LocalDate MADE_ON = LocalDate.of(2026, 4, 2);
    private static boolean poppler;

    @BeforeAll
    static void findPoppler() {
        poppler = runs("pdftotext", "-v") && runs("pdftoppm", "-v");
        if (!poppler) {
            System.err.println("NOTICE: pdftotext/pdftoppm (poppler-utils) not found: the monthly report's text "
                    + "extraction and page images are not checked. Install poppler-utils (.ci/run does).");
        }
    }

    private static MonthlyReportPdf renderer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MonthlyReportPdf(messages, PdfFonts.shipped());
    }

    /** A March at the Kurdistan Region's points, as the service would gather it, with the names in {@code language}. */
    static MonthlyReport march(Language language) {
        boolean ar = language == Language.AR;
        boolean ckb = language == Language.CKB;
        List<DayLine> days = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            long wave = (long) (300 * Math.sin(d / 31.0 * Math.PI));
            days.add(new DayLine(LocalDate.of(2026, 3, d), 1200 + wave + (d % 7 == 5 ? 400 : 0), 1100 + wave / 2));
        }
        return new MonthlyReport(Authority.KRI, YearMonth.of(2026, 3), language, false, 41_250L, 36_904L,
                List.of(new Line("ADMITTED", ckb ? "ڕێگەی پێدرا" : ar ? "سُمح له" : "Admitted", 77_310L),
                        new Line("REFUSED", ckb ? "ڕەتکرایەوە" : ar ? "رُفض" : "Refused", 612L),
                        new Line("REFERRED", ckb ? "نێردرا" : ar ? "أُحيل" : "Referred", 232L)),
                List.of(new Line("C", ckb ? "ڤیزای دروست نییە" : ar ? "لا يحمل تأشيرة صالحة" : "No valid visa", 401L),
                        new Line("E", ckb ? "ناوی لە لیستی ئاگاداری هەیە" : ar ? "مدرج على قائمة إنذار" : "On an alert list", 211L)),
                List.of(new Line("IRQ", ckb ? "عێراق" : ar ? "العراق" : "Iraq", 52_000L),
                        new Line("IRN", ckb ? "ئێران" : ar ? "إيران" : "Iran", 14_200L),
                        new Line("TUR", ckb ? "تورکیا" : ar ? "تركيا" : "Türkiye", 7_800L),
                        new Line("SYR", ckb ? "سووریا" : ar ? "سوريا" : "Syria", 2_100L),
                        new Line("DEU", ckb ? "ئەڵمانیا" : ar ? "ألمانيا" : "Germany", 950L)),
                List.of(new PointLine("IBK", ckb ? "ئیبراهیم خەلیل" : ar ? "إبراهيم الخليل" : "Ibrahim Khalil", 30_100L, 27_450L),
                        new PointLine("HAJ", ckb ? "حاجی ئۆمەران" : ar ? "حاج عمران" : "Haji Omaran", 8_150L, 7_004L),
                        new PointLine("EBL", ckb ? "فڕۆکەخانەی هەولێر" : ar ? "مطار أربيل" : "Erbil airport", 3_000L, 2_450L)),
                List.of(new AgeLine("0-4", 900L, 850L, 3L), new AgeLine("18-29", 12_000L, 9_000L, 20L),
                        new AgeLine("60+", 2_000L, 2_300L, null), new AgeLine("unknown", 40L, 31L, 2L)),
                days,
                Optional.of(List.of(new SurgeLine(ckb ? "حاجی ئۆمەران" : ar ? "حاج عمران" : "Haji Omaran",
                        new SurgeAlerts.Surge(UUID.randomUUID(), "HAJ", SurgeAlerts.Window.HOUR, LocalDate.of(2026, 3, 20),
                                14, 820, 410, 600, Instant.parse("2026-03-20T11:10:00Z"))))),
                Optional.of(List.of(new AccuracyLine(ckb ? "ئیبراهیم خەلیل" : ar ? "إبراهيم الخليل" : "Ibrahim Khalil",
                        new Forecasts.Accuracy("IBK", YearMonth.of(2026, 3), 84.2, 0.71, 118.6, 31)))));
    }

    @Test
    void writesAPdfInEachLanguage() {
        for (Language language : Language.values()) {
            byte[] pdf = renderer().render(march(language), MADE_ON);
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).as(language.tag()).isEqualTo("%PDF-");
            assertThat(pdf.length).as(language.tag()).isGreaterThan(5_000);
        }
    }

    @Test
    void saysNotAvailableWhileForecastsAndSurgesAreAbsent() throws Exception {
        MonthlyReport full = march(Language.EN);
        MonthlyReport without = new MonthlyReport(full.authority(), full.month(), full.language(), full.shared(),
                full.entries(), full.exits(), full.decisions(), full.refusalReasons(), full.nationalities(),
                full.borderPoints(), full.ageBands(), full.days(), Optional.empty(), Optional.empty());
        assumeTrue(poppler, "pdftotext not installed");
        String text = text(renderer().render(without, MADE_ON), "en-unavailable");
        assertThat(text.split("Not available on this server yet\\.", -1)).hasSize(3);
        assertThat(text).doesNotContain("Mean absolute error");
    }

    @Test
    void extractsEnglishFiguresAndTitle() throws Exception {
        assumeTrue(poppler, "pdftotext not installed");
        String text = text(renderer().render(march(Language.EN), MADE_ON), "report-en");
        assertThat(text).contains("Monthly flow report: Kurdistan Region, March 2026", "41,250", "36,904",
                "+4,346", "Ibrahim Khalil", "No valid visa", "Haji Omaran", "0.71", "14:00");
        page(renderer().render(march(Language.EN), MADE_ON), "report-en");
    }

    @Test
    void extractsKurdishWordsInTheOrderTheyAreWritten() throws Exception {
        assumeTrue(poppler, "pdftotext not installed");
        byte[] pdf = renderer().render(march(Language.CKB), MADE_ON);
        String text = text(pdf, "report-ckb");
        // the title, word for word: the Kurdish name of March (ئازار), the year in Arabic-Indic digits
        assertThat(words(text)).contains("ڕاپۆرتی مانگانەی هاتوچۆ هەرێمی کوردستان ئازار ٢٠٢٦");
        // words with ڵ, ێ, ۆ, ڕ, ڤ, ە, گ, چ, پ, ژ joined in their words, in logical order
        assertThat(text).contains("ئەڵمانیا", "فڕۆکەخانەی هەولێر", "ڤیزای دروست نییە", "پێشبینی", "چوونەدەرەوە",
                "ئامادەکرا", "ژمێردراو", "ڕەگەزنامەی");
        // figures in Arabic-Indic digits
        assertThat(text).contains("٤١٬٢٥٠", "٣٦٬٩٠٤");
        assertThat(text).doesNotContain("41,250");
        page(pdf, "report-ckb");
    }

    @Test
    void extractsArabicWordsInTheOrderTheyAreWritten() throws Exception {
        assumeTrue(poppler, "pdftotext not installed");
        byte[] pdf = renderer().render(march(Language.AR), MADE_ON);
        // the lam-alef ligature (لا) is one glyph that extracts as its presentation form: NFKC gives the two letters
        String text = Normalizer2.getNFKCInstance().normalize(text(pdf, "report-ar"));
        assertThat(words(text)).contains("التقرير الشهري لحركة العبور إقليم كوردستان آذار ٢٠٢٦", "إبراهيم الخليل",
                "لا يحمل تأشيرة صالحة", "أعلى عشر جنسيات", "٤١٬٢٥٠", "حالات الرفض حسب السبب");
        page(pdf, "report-ar");
    }

    @Test
    void mapsJoinedArabicGlyphsBackToTheirLetters() {
        assertThat(PdfCanvas.letterOf(0xFE92)).isEqualTo(0x0628); // ﺒ, beh in the middle of a word
        assertThat(PdfCanvas.letterOf(0xFB58)).isEqualTo(0x067E); // ﭘ, peh at the start of a word
        assertThat(PdfCanvas.letterOf(0xFEFB)).isEqualTo(0xFEFB); // ﻻ, two letters in one glyph
        assertThat(PdfCanvas.letterOf(0x06B5)).isEqualTo(0x06B5); // ڵ has no presentation form
    }

    /**
     * The words of a text, one space between them, without the punctuation around them: pdftotext
     * puts a colon or bracket in a right-to-left line beside the wrong word (poppler's guess), the
     * words themselves it gives in order.
     */
    private static String words(String text) {
        return text.replaceAll("[:،.()\\[\\]]", " ").replaceAll("\\s+", " ");
    }

    /** The text pdftotext extracts, without the bidi embedding marks it wraps right-to-left lines in. */
    private static String text(byte[] pdf, String name) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".pdf");
        Files.write(file, pdf);
        Path txt = OUT.resolve(name + ".txt");
        assertThat(run("pdftotext", "-enc", "UTF-8", file.toString(), txt.toString())).isZero();
        return Files.readString(txt).replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
    }

    private static void page(byte[] pdf, String name) throws IOException, InterruptedException {
        Path file = OUT.resolve(name + ".pdf");
        Files.write(file, pdf);
        assertThat(run("pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", file.toString(),
                OUT.resolve(name).toString())).isZero();
        assertThat(OUT.resolve(name + ".png")).exists();
    }

    private static boolean runs(String... command) {
        try {
            return run(command) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
