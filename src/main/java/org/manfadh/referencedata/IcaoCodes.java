package org.manfadh.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ICAO nationality and issuing-state codes Manfadh knows: ISO 3166-1 alpha-3 and the special
 * codes of ICAO Doc 9303 Part 3. Plain Java, so that the document reader can use it without a
 * database or a Spring context.
 */
public final class IcaoCodes {

    static final String RESOURCE = "/referencedata/countries.csv";

    private static volatile IcaoCodes bundled;

    private final Map<String, Country> byCode;

    private IcaoCodes(Map<String, Country> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** The codes that ship with Manfadh. */
    public static IcaoCodes bundled() {
        IcaoCodes codes = bundled;
        if (codes == null) {
            try (InputStream in = IcaoCodes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE);
                }
                codes = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = codes;
        }
        return codes;
    }

    static IcaoCodes read(Reader reader) throws IOException {
        Map<String, Country> byCode = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord row : format.parse(reader)) {
            Country country = new Country(row.get("code"), row.get("alpha2"), CountryKind.valueOf(row.get("kind")),
                    row.get("name_en"), row.get("name_ar"), row.get("name_ckb"));
            if (byCode.putIfAbsent(country.code(), country) != null) {
                throw new IllegalStateException("Code " + country.code() + " appears twice in " + RESOURCE);
            }
        }
        return new IcaoCodes(byCode);
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Country> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Set<String> codes() {
        return byCode.keySet();
    }

    public List<Country> countries() {
        return List.copyOf(byCode.values());
    }
}
