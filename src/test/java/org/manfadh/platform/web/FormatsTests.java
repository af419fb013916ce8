package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTests {

    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneId.of("Asia/Baghdad")));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void writesArabicAndKurdishNumbersInArabicIndicDigits() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThat(formats.number(1234567)).isEqualTo("١٬٢٣٤٬٥٦٧");
        assertThat(formats.date(LocalDate.of(1969, 7, 21))).contains("١٩٦٩", "٢١").doesNotContain("1969");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ckb"));
        assertThat(formats.date("1974")).isEqualTo("١٩٧٤");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.number(1234567)).isEqualTo("1,234,567");
        assertThat(formats.date(LocalDate.of(1969, 7, 21))).isEqualTo("21 Jul 1969");
    }

    @Test
    void showsMomentsOnTheBordersClock() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        // 21:30 UTC is past midnight in Baghdad (UTC+3): the border's day is the next one.
        assertThat(formats.dateTime(Instant.parse("2026-12-02T21:30:00Z"))).isEqualTo("3 Dec 2026, 00:30");
    }

    @Test
    void separatesTheDayFromTheTimeInKurdishAndArabic() {
        Instant moment = Instant.parse("2026-12-02T21:30:00Z");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ckb"));
        assertThat(formats.dateTime(moment)).endsWith("٢٠٢٦، ٠٠:٣٠").doesNotContain("2026");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThat(formats.dateTime(moment)).endsWith("٢٠٢٦، ٠٠:٣٠");
    }

    @Test
    void tellsHowLongSomethingHasWaited() {
        assertThat(formats.age(Instant.parse("2026-12-02T11:35:00Z"))).isEqualTo(new Formats.Age(0, 0, 25));
        assertThat(formats.age(Instant.parse("2026-12-02T10:30:00Z")).key()).isEqualTo("age.hours");
        assertThat(formats.age(Instant.parse("2026-11-29T09:00:00Z"))).isEqualTo(new Formats.Age(3, 3, 0));
        assertThat(formats.age(Instant.parse("2026-12-02T13:00:00Z"))).isEqualTo(new Formats.Age(0, 0, 0));
    }

    @Test
    void keepsPartialBirthDatesPartial() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.date("1974-08")).isEqualTo("August 1974");
        assertThat(formats.date(null)).isEmpty();
    }
}
