package org.manfadh.referencedata;

import java.util.Objects;

/** One of Iraq's governorates; {@code code} follows ISO 3166-2:IQ where ISO has one. */
public record Governorate(String code, String nameEn, String nameAr, String nameCkb, Authority authority) {

    public Governorate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(authority, "authority");
    }
}
