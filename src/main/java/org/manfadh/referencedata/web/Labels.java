package org.manfadh.referencedata.web;

import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reference data by name in the user's language, for the screens: {@code ${@labels.country('IRN')}},
 * {@code ${@labels.borderPoint('ZRB')}}, {@code ${@labels.reason('A')}}. An unknown code is shown as it is.
 */
@Component("labels")
public class Labels {

    private final ReferenceData referenceData;
    /** The codes change only with a release; read once. */
    private volatile java.util.Map<String, Country> countries;

    Labels(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    private static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = code.replace("<", "").strip();
        java.util.Map<String, Country> byCode = countries;
        if (byCode == null) {
            byCode = referenceData.countries().stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Country::code, c -> c));
            countries = byCode;
        }
        Country country = byCode.get(key);
        return country == null ? code : country.name(language());
    }

    public String borderPoint(String code) {
        return code == null ? "" : referenceData.borderPoint(code).map(this::name).orElse(code);
    }

    public String name(BorderPoint point) {
        return switch (language()) {
            case "ar" -> point.nameAr();
            case "ckb" -> point.nameCkb();
            default -> point.nameEn();
        };
    }

    public String governorate(String code) {
        return code == null ? "" : referenceData.governorates().stream().filter(g -> g.code().equals(code))
                .findFirst().map(this::name).orElse(code);
    }

    public String name(Governorate governorate) {
        return switch (language()) {
            case "ar" -> governorate.nameAr();
            case "ckb" -> governorate.nameCkb();
            default -> governorate.nameEn();
        };
    }

    public String reason(String code) {
        return code == null ? "" : referenceData.refusalReason(code).map(this::label).orElse(code);
    }

    public String label(RefusalReason reason) {
        return switch (language()) {
            case "ar" -> reason.labelAr();
            case "ckb" -> reason.labelCkb();
            default -> reason.labelEn();
        };
    }
}
