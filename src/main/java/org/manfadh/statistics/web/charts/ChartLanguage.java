package org.manfadh.statistics.web.charts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The language a chart is written in: its digits, its day names and its direction. Arabic and
 * Central Kurdish are written right to left with Arabic-Indic digits (CLDR's default numbering for
 * {@code ar_IQ} and {@code ckb_IQ}); English left to right.
 */
public record ChartLanguage(String language, ULocale locale, boolean rightToLeft) {

    public static final ChartLanguage ENGLISH = of("en");

    /** The user interface's language ({@code en}, {@code ar}, {@code ckb}); English for any other. */
    public static ChartLanguage of(String language) {
        return switch (language == null ? "" : language) {
            case "ar" -> new ChartLanguage("ar", new ULocale("ar_IQ"), true);
            case "ckb" -> new ChartLanguage("ckb", new ULocale("ckb_IQ"), true);
            default -> new ChartLanguage("en", new ULocale("en_GB"), false);
        };
    }

    /**
     * ICU's formats are costly to make and not safe to share between threads: each thread keeps its
     * own, made once per language and pattern (a chart writes hundreds of numbers and days).
     */
    private static final ThreadLocal<Map<String, Object>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    /** A whole number, grouped ({@code 12,345}; {@code ١٢٬٣٤٥}). */
    public String number(long value) {
        NumberFormat format = (NumberFormat) FORMATS.get().computeIfAbsent(language + "|number",
                k -> NumberFormat.getIntegerInstance(locale));
        return format.format(value);
    }

    /** A day as an axis names it: day and short month ({@code 3 Aug}). */
    public String day(LocalDate day) {
        return format("dMMM", day);
    }

    /** A day in full for a tooltip ({@code 3 Aug 2026}). */
    public String fullDay(LocalDate day) {
        return format("dMMMy", day);
    }

    private String format(String skeleton, LocalDate day) {
        DateFormat format = (DateFormat) FORMATS.get().computeIfAbsent(language + "|" + skeleton, k -> {
            String pattern = DateTimePatternGenerator.getInstance(locale).getBestPattern(skeleton);
            DateFormat made = new SimpleDateFormat(pattern, locale);
            made.setTimeZone(TimeZone.GMT_ZONE);
            return made;
        });
        return format.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
