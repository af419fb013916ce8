package org.manfadh.capacity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the equipment and premises screens share: the user's language, border points by name, and a refusal of the
 * service told on the screen in the user's language (its kind, and each field at fault by its label).
 */
@Component
class CapacityScreens {

    /** The refusals a screen explains in words of its own; any other is told by its kind. */
    private static final List<String> KNOWN = List.of("illegal-status-change", "asset-serial-taken", "asset-checked-out",
            "asset-not-checked-out", "asset-retired", "project-cancelled", "hq-only", "forbidden", "not-found");

    /** The fields a refusal may name that have a label on the screens. */
    private static final java.util.Set<String> LABELLED = java.util.Set.of("type", "serialNumber", "status", "borderPoint",
            "lane", "donor", "programmePhase", "manufacturer", "model", "purchaseCost", "currency", "purchasedOn",
            "warrantyEnd", "usefulLifeMonths", "note", "holder", "dueOn", "kind", "openedOn", "closedOn", "cost", "vendor",
            "title", "budget", "startDate", "plannedEnd", "milestones", "spentOn", "amount", "doneOn", "completedOn");

    private final ReferenceData referenceData;
    private final Accounts accounts;

    CapacityScreens(ReferenceData referenceData, Accounts accounts) {
        this.referenceData = referenceData;
        this.accounts = accounts;
    }

    static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("ar") || language.equals("ckb") ? language : "en";
    }

    /** The border points the user works on, by name in their language. */
    List<BorderPoint> workPoints(String username) {
        ReadScope scope = accounts.ownScope(username);
        String language = language();
        return referenceData.borderPoints().stream().filter(p -> scope.allows(p.code()))
                .sorted(Comparator.comparing(p -> name(p, language))).toList();
    }

    /** Each border point's name in the user's language, by code. */
    Map<String, String> pointNames() {
        String language = language();
        Map<String, String> names = new LinkedHashMap<>();
        referenceData.borderPoints().forEach(p -> names.put(p.code(), name(p, language)));
        return names;
    }

    static String name(BorderPoint p, String language) {
        String name = switch (language) {
            case "ar" -> p.nameAr();
            case "ckb" -> p.nameCkb();
            default -> p.nameEn();
        };
        return name == null || name.isBlank() ? p.nameEn() : name;
    }

    /** The refusal, for the page the user is sent back to: its message key and the fields at fault. */
    /**
     * Makes a change asked on a record's page and goes back to the page: with {@code done} to say it was made, or the
     * refusal in the user's language; a record that does not exist (or is out of the caller's sight) is a 404.
     */
    static String change(String page, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("done", done);
        } catch (Rejection refusal) {
            if (refusal.kind() == Rejection.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            tell(refusal, redirect);
        }
        return "redirect:" + page;
    }

    /** A record's id in a page's address; anything else is a page that does not exist. */
    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static void tell(Rejection refusal, RedirectAttributes redirect) {
        String code = refusal.code();
        String key = KNOWN.contains(code) ? "capacity.equipment.error." + code
                : refusal.kind() == Rejection.Kind.INVALID ? "capacity.equipment.error.invalid"
                : "capacity.equipment.error.other";
        redirect.addFlashAttribute("problem", key);
        redirect.addFlashAttribute("problemFields", refusal.fields().stream().map(Rejection.Field::field)
                .map(f -> f.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "")).filter(LABELLED::contains).distinct()
                .toList());
        if (refusal.facts().containsKey("from")) {
            redirect.addFlashAttribute("problemFrom", refusal.facts().get("from"));
            redirect.addFlashAttribute("problemTo", refusal.facts().get("to"));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A day typed into a form; an unreadable one is refused naming the field. */
    static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalidField(field, "is a day written YYYY-MM-DD");
        }
    }

    static BigDecimal money(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw Rejection.invalidField(field, "is an amount such as 1250.50");
        }
    }

    static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalidField(field, "is a whole number");
        }
    }

    static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidField(field, "is not one of the choices");
        }
    }
}
