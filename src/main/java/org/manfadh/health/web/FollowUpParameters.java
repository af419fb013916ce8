package org.manfadh.health.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.web.TableFiles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The follow-up and tracing endpoints' parameters, read as text and checked here, so that a caller without the
 * role is refused (403) before a malformed parameter is reported (400), and every mistake is named.
 */
final class FollowUpParameters {

    private FollowUpParameters() {
    }

    static Caller caller(Authentication authentication) {
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .collect(Collectors.toSet()));
    }

    static UUID uuid(String name, String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Rejection.Field(name, "is required."));
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Rejection.Field(name, "must be an id (UUID), not '" + text + "'."));
            return null;
        }
    }

    static Integer integer(String name, String text, int fallback, int min, int max, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(new Rejection.Field(name, "must be a whole number from " + min + " to " + max + ", not '" + text
                + "'."));
        return null;
    }

    static boolean flag(String name, String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(new Rejection.Field(name, "must be true or false."));
                yield false;
            }
        };
    }

    /** The format asked for: null for JSON. */
    static TableFiles.Format format(String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("json")) {
            return null;
        }
        return TableFiles.Format.of(text).orElseGet(() -> {
            problems.add(new Rejection.Field("format", "must be json, csv or xlsx, not '" + text + "'."));
            return null;
        });
    }

    /** The language of a file's headers: {@code lang} if given, else the caller's. */
    static Locale language(String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            String current = LocaleContextHolder.getLocale().getLanguage();
            return Locale.forLanguageTag(List.of("ar", "ckb").contains(current) ? current : "en");
        }
        String tag = text.strip().toLowerCase(Locale.ROOT);
        if (!List.of("en", "ar", "ckb").contains(tag)) {
            problems.add(new Rejection.Field("lang", "must be en, ar or ckb."));
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag(tag);
    }

    static void check(List<Rejection.Field> problems) {
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
    }
}
