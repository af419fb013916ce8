package org.manfadh.referencedata;

import java.util.Objects;

/**
 * An ICAO code for a nationality or an issuing state or organisation, with its names.
 *
 * @param code   the code as written in a machine readable zone, without fillers ({@code IRQ}, {@code D})
 * @param alpha2 the ISO 3166-1 alpha-2 code, or null where there is none
 */
public record Country(String code, String alpha2, CountryKind kind, String nameEn, String nameAr, String nameCkb) {

    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (code.isEmpty() || code.length() > 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("An ICAO code has one to three letters A-Z: " + code);
        }
        alpha2 = alpha2 == null || alpha2.isBlank() ? null : alpha2;
    }

    /** The name in a language of the user interface ({@code en}, {@code ar}, {@code ckb}); English otherwise. */
    public String name(String language) {
        return switch (language) {
            case "ar" -> nameAr;
            case "ckb" -> nameCkb;
            default -> nameEn;
        };
    }
}
