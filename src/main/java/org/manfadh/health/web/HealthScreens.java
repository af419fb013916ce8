package org.manfadh.health.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.manfadh.health.Alert;
import org.manfadh.health.Disease;
import org.manfadh.platform.Rejection;
import org.springframework.context.i18n.LocaleContextHolder;

/** What the health officer's screens share: names in the user's language, and refusals as message keys. */
final class HealthScreens {

    private HealthScreens() {
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** Each disease's name in the user's language, by code. */
    static Map<String, String> diseaseNames(List<Disease> diseases) {
        return diseases.stream().collect(Collectors.toMap(Disease::code, d -> switch (language()) {
            case "ar" -> d.nameAr();
            case "ckb" -> d.nameCkb();
            default -> d.nameEn();
        }, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** A text of the three languages in the user's, else the first one given. */
    static String text(Alert.Texts texts) {
        if (texts == null) {
            return null;
        }
        String own = switch (language()) {
            case "ar" -> texts.ar();
            case "ckb" -> texts.ckb();
            default -> texts.en();
        };
        return own != null && !own.isBlank() ? own
                : texts.en() != null && !texts.en().isBlank() ? texts.en()
                : texts.ar() != null && !texts.ar().isBlank() ? texts.ar() : texts.ckb();
    }

    /** The message key a screen shows for a refusal; the fields it names go to {@code fields} by their name. */
    static String problemKey(Rejection e, Map<String, String> fields, Function<String, String> fieldKey) {
        for (Rejection.Field f : e.fields()) {
            String name = f.field().replaceFirst("[\\[.].*$", "");
            fields.putIfAbsent(name, fieldKey.apply(name));
        }
        return switch (e.code()) {
            case "hq-only" -> "health.error.hqOnly";
            case "invalid-fields" -> "health.error.invalidFields";
            case "forbidden" -> "health.error.forbidden";
            case "not-found" -> "health.error.notFound";
            default -> e.kind() == Rejection.Kind.NOT_FOUND ? "health.error.notFound"
                    : e.kind() == Rejection.Kind.FORBIDDEN ? "health.error.forbidden" : "health.error.other";
        };
    }

    /** Codes typed with spaces or commas between them, upper case, each once. */
    static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.strip().split("[\\s,;،]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }
}
