package org.manfadh.capacity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.manfadh.platform.Rejection;
import org.springframework.security.core.Authentication;

/**
 * Request parameters read by hand, after the caller's roles are checked: a caller without the role hears 403 before
 * anything about their parameters.
 */
final class Parameters {

    private Parameters() {
    }

    static <E extends Enum<E>> E option(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("invalid-parameter", "Parameter '" + name + "' cannot be '" + value + "'. Allowed: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".")
                    .with("parameter", name);
        }
    }

    static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("invalid-parameter", "Parameter '" + name + "' cannot be '" + value
                    + "': a day is written YYYY-MM-DD.").with("parameter", name);
        }
    }

    static boolean has(Authentication caller, String... roles) {
        for (String role : roles) {
            if (caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()))) {
                return true;
            }
        }
        return false;
    }

    /** Managers of the module change everything in their scope; others (a border point's manager) report only. */
    static boolean manages(Authentication caller) {
        return has(caller, "CAPACITY_MANAGER", "ADMIN");
    }

    /** Who may read a border point's flows, as the statistics API lets them. */
    static boolean readsFlows(Authentication caller) {
        return has(caller, "ANALYST", "SUPERVISOR", "ADMIN", "CAPACITY_MANAGER");
    }
}
