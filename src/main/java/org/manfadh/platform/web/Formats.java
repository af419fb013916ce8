package org.manfadh.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Numbers, days and times as the user reads them ({@code ${@fmt.date(day)}} in a template): Arabic
 * and Kurdish with Arabic-Indic digits and month names of their own, English as in Iraq's English
 * documents; times on the border's clock (Asia/Baghdad). Document numbers and the machine readable
 * zone are not formatted: they stay in Latin letters and digits as printed.
 */
@Component("fmt")
public class Formats {

    private final ZoneId zone;
    private final Clock clock;
    private final ConcurrentMap<String, ULocale> locales = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> patterns = new ConcurrentHashMap<>();

    Formats(Clock clock) {
        this.zone = clock.getZone();
        this.clock = clock;
    }

    /** How long something has waited, in whole days, hours and minutes; none before it began. */
    public record Age(long days, long hours, long minutes) {

        /** The message that says it: {@code age.days}, {@code age.hours} or {@code age.minutes}. */
        public String key() {
            return days > 0 ? "age.days" : hours > 0 ? "age.hours" : "age.minutes";
        }
    }

    /** The time since a moment, for a screen to say with {@code #{${age.key()}(…)}}. */
    public Age age(Instant since) {
        long minutes = since == null ? 0 : Math.max(0, java.time.Duration.between(since, clock.instant()).toMinutes());
        return new Age(minutes / 1440, minutes / 60 % 24, minutes % 60);
    }

    private ULocale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locales.computeIfAbsent(locale.getLanguage(), language -> switch (language) {
            case "ar" -> new ULocale("ar_IQ");
            case "ckb" -> new ULocale("ckb_IQ");
            default -> new ULocale("en_GB");
        });
    }

    /** A day: a {@link LocalDate}, or ISO text that may be a year ({@code 1974}) or a month ({@code 1974-08}). */
    public String date(Object day) {
        if (day == null) {
            return "";
        }
        String text = day.toString();
        if (text.matches("\\d{4}")) {
            return number(Integer.parseInt(text), false);
        }
        if (text.matches("\\d{4}-\\d{2}")) {
            text = text + "-01";
            return utc(pattern("MMMM y")).format(toDate(LocalDate.parse(text)));
        }
        LocalDate parsed = day instanceof LocalDate d ? d : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        return utc(pattern("d MMM y")).format(toDate(parsed));
    }

    /**
     * A moment on the border's clock, day and minute. Central Kurdish has no pattern of its own
     * joining a day and a time, and ICU's fallback puts the year's digits and the hour's side by
     * side with a space between; the day and the time are joined here with the Arabic comma, as
     * Arabic's own pattern does.
     */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Date moment = Date.from(instant);
        TimeZone border = TimeZone.getTimeZone(zone.getId());
        if (locale().getLanguage().equals("ckb")) {
            DateFormat day = pattern("d MMM y");
            DateFormat time = pattern("HH mm");
            day.setTimeZone(border);
            time.setTimeZone(border);
            return day.format(moment) + "، " + time.format(moment);
        }
        DateFormat format = pattern("d MMM y HH mm");
        format.setTimeZone(border);
        return format.format(moment);
    }

    /**
     * A date of birth as the matcher's explanation gives it: an ISO day, a year, "~" before an
     * approximate day (shown with "≈"), "from/to" for a span of years; isolated, so that a
     * right-to-left sentence around it keeps its order.
     */
    public String partialDate(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String shown;
        if (value.startsWith("~")) {
            shown = "≈ " + date(value.substring(1));
        } else if (value.contains("/")) {
            String[] years = value.split("/", 2);
            shown = date(years[0]) + "–" + date(years[1]);
        } else {
            shown = date(value);
        }
        return isolate(shown);
    }

    /**
     * Text of another direction inside a sentence (a name in Latin letters in Arabic, a code, a
     * date), between first-strong isolate marks: the character-level {@code <bdi>}, for message
     * parameters, where an element cannot go.
     */
    public String isolate(Object value) {
        return value == null ? "" : "\u2068" + value + "\u2069";
    }

    /** A whole percentage given as text ("97"), as the user reads percentages. */
    public String percentText(String value) {
        if (value == null || !value.matches("\\d{1,3}")) {
            return "";
        }
        return percent(Integer.parseInt(value) / 100.0);
    }

    public String number(Number value) {
        return value == null ? "" : number(value, true);
    }

    /** A measurement with one decimal (a temperature), in the user's digits. */
    public String decimal(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A score between 0 and 1 as a percentage. */
    public String percent(Number value) {
        return value == null ? "" : NumberFormat.getPercentInstance(locale()).format(value.doubleValue());
    }

    private String number(Number value, boolean grouping) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale());
        format.setGroupingUsed(grouping);
        return format.format(value);
    }

    private SimpleDateFormat pattern(String skeleton) {
        ULocale locale = locale();
        String pattern = patterns.computeIfAbsent(locale + "|" + skeleton, k -> com.ibm.icu.text.DateTimePatternGenerator
                .getInstance(locale).getBestPattern(skeleton.replace(" ", "")));
        return new SimpleDateFormat(pattern, locale);
    }

    /** A day is turned into UTC midnight, so it is formatted in UTC whatever the machine's zone. */
    private static DateFormat utc(DateFormat format) {
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format;
    }

    private static Date toDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("UTC")).toInstant());
    }
}
