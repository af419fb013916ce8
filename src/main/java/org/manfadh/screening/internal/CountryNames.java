package org.manfadh.screening.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.IcaoCodes;

/**
 * Country names as lists write them, to ICAO codes: the English names of the reference data, and
 * the United Nations' formal names where they differ (the UN list says "Iran (Islamic Republic
 * of)", the reference data "Iran"). A name that is not known stays text on the entry.
 */
final class CountryNames {

    private static final Map<String, String> UN_NAMES = Map.ofEntries(
            Map.entry("Congo", "COG"),
            Map.entry("Democratic Republic of the Congo", "COD"),
            Map.entry("Democratic People's Republic of Korea", "PRK"),
            Map.entry("Republic of Korea", "KOR"),
            Map.entry("Iran (Islamic Republic of)", "IRN"),
            Map.entry("Russian Federation", "RUS"),
            Map.entry("State of Palestine", "PSE"),
            Map.entry("Syrian Arab Republic", "SYR"),
            Map.entry("United Kingdom of Great Britain and Northern Ireland", "GBR"),
            Map.entry("United Republic of Tanzania", "TZA"),
            Map.entry("United States of America", "USA"),
            Map.entry("Viet Nam", "VNM"),
            Map.entry("Lao People's Democratic Republic", "LAO"),
            Map.entry("Republic of Moldova", "MDA"),
            Map.entry("Bolivia (Plurinational State of)", "BOL"),
            Map.entry("Venezuela (Bolivarian Republic of)", "VEN"),
            Map.entry("Micronesia (Federated States of)", "FSM"),
            Map.entry("Netherlands (Kingdom of the)", "NLD"),
            Map.entry("Türkiye", "TUR"),
            Map.entry("Turkey", "TUR"),
            Map.entry("Côte d'Ivoire", "CIV"),
            Map.entry("Brunei Darussalam", "BRN"),
            Map.entry("Czechia", "CZE"),
            Map.entry("Eswatini", "SWZ"),
            Map.entry("North Macedonia", "MKD"),
            Map.entry("Myanmar", "MMR"),
            Map.entry("Kosovo", "RKS"));

    private final Map<String, String> codes = new HashMap<>();

    CountryNames(IcaoCodes icao) {
        for (Country country : icao.countries()) {
            if (country.nameEn() != null && !country.nameEn().isBlank()) {
                codes.putIfAbsent(key(country.nameEn()), country.code());
            }
        }
        UN_NAMES.forEach((name, code) -> {
            if (icao.contains(code)) {
                codes.put(key(name), code);
            }
        });
    }

    /** The ICAO code of a country named in a list, if the name is known. */
    Optional<String> code(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(codes.get(key(name)));
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z]+", "");
    }
}
