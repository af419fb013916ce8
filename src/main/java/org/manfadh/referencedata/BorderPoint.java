package org.manfadh.referencedata;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An official border crossing point of Iraq.
 *
 * @param code              three letters; airports use their IATA code
 * @param governorate       the code of its governorate ({@code IQ-DA})
 * @param neighbourCountry  the ICAO code of the country across a land border, or null
 * @param neighbourCrossing the name of the crossing on the other side, or null
 * @param latitude          approximate, for maps; null where unknown
 */
public record BorderPoint(String code, String nameEn, String nameAr, String nameCkb, BorderPointType type,
                          String governorate, Authority authority, String neighbourCountry,
                          String neighbourCrossing, BorderPointStatus status, BigDecimal latitude,
                          BigDecimal longitude) {

    public BorderPoint {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("A border point code has three letters A-Z: " + code);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(status, "status");
    }
}
