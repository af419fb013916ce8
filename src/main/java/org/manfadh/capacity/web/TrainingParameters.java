package org.manfadh.capacity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.platform.Rejection;

/** Query parameters of the training API, read by hand so that every bad one is named in one answer. */
final class TrainingParameters {

    private TrainingParameters() {
    }

    static UUID uuid(String name, String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Rejection.Field(name, "is not an id (a UUID): '" + text + "'"));
            return null;
        }
    }

    static LocalDate date(String name, String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Rejection.Field(name, "is a day such as 2026-12-07, not '" + text + "'"));
            return null;
        }
    }

    static Integer integer(String name, String text, Integer fallback, int min, int max,
                           List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(new Rejection.Field(name, "is a whole number from " + min + " to " + max + ", not '" + text + "'"));
        return fallback;
    }

    static <E extends Enum<E>> E value(String name, String text, Class<E> type, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Rejection.Field(name, "is one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ", not '" + text + "'"));
            return null;
        }
    }

    static Locale language(String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return Locale.ENGLISH;
        }
        String lang = text.strip().toLowerCase(Locale.ROOT);
        if (lang.equals("en") || lang.equals("ar") || lang.equals("ckb")) {
            return Locale.forLanguageTag(lang);
        }
        problems.add(new Rejection.Field("lang", "is en, ar or ckb, not '" + text + "'"));
        return Locale.ENGLISH;
    }

    static void check(List<Rejection.Field> problems) {
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
    }
}
