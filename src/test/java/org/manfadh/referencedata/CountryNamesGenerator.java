package org.manfadh.referencedata;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Regenerates the ISO 3166-1 rows of {@code referencedata/countries.csv} from ICU4J (CLDR data).
 *
 * <p>Rows for the codes that ICAO Doc 9303 Part 3 adds to ISO 3166-1 (D, GBD, XXA, UNO, ...) are
 * maintained by hand in the CSV and are kept as they are, except that D, RKS and EUE take their
 * names from the CLDR regions DE, XK and EU. Every other STATE row is rebuilt from ICU.
 *
 * <p>Not a test. Run from the project root after compiling the test classes:
 * {@code java -cp <test-classpath> org.manfadh.referencedata.CountryNamesGenerator [path/to/countries.csv]}
 */
public final class CountryNamesGenerator {

    private static final String DEFAULT_PATH = "src/main/resources/referencedata/countries.csv";
    private static final String HEADER = "code,alpha2,kind,name_en,name_ar,name_ckb";

    private static final ULocale ARABIC = new ULocale("ar");
    private static final ULocale CENTRAL_KURDISH = new ULocale("ckb");

    /** Listed by ICU/CLDR, but not officially assigned ISO 3166-1 codes (exceptionally reserved or user-assigned). */
    private static final Set<String> NOT_ISO_ASSIGNED = Set.of("AC", "CP", "CQ", "DG", "EA", "IC", "TA", "XK");

    /** Hand-maintained rows whose names nevertheless come from a CLDR region. */
    private static final Map<String, String> CLDR_REGION_FOR_SPECIAL_CODE = Map.of("D", "DE", "RKS", "XK", "EUE", "EU");

    private CountryNamesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
        Map<String, String[]> rows = new TreeMap<>();
        List<String> fallbacks = new ArrayList<>();

        for (String alpha2 : ULocale.getISOCountries()) {
            String alpha3 = new ULocale("", alpha2).getISO3Country();
            if (alpha3.isEmpty() || NOT_ISO_ASSIGNED.contains(alpha2)
                    || Region.getInstance(alpha2).getType() != Region.RegionType.TERRITORY) {
                continue;
            }
            String[] names = names(alpha2, fallbacks);
            rows.put(alpha3, new String[] {alpha3, alpha2, "STATE", names[0], names[1], names[2]});
        }
        int isoRows = rows.size();

        int kept = 0;
        if (Files.exists(path)) {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !HEADER.equals(lines.get(0).replace("\uFEFF", ""))) {
                throw new IllegalStateException(path + " does not start with the header " + HEADER);
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] row = parse(line);
                String code = row[0];
                if (rows.containsKey(code)) {
                    continue;
                }
                if (CLDR_REGION_FOR_SPECIAL_CODE.containsKey(code)) {
                    String[] names = names(CLDR_REGION_FOR_SPECIAL_CODE.get(code), fallbacks);
                    System.arraycopy(names, 0, row, 3, 3);
                } else if ("STATE".equals(row[2])) {
                    System.err.println("Dropping STATE row no longer in ICU's ISO list: " + line);
                    continue;
                }
                rows.put(code, row);
                kept++;
            }
        }

        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (String[] row : rows.values()) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "" : ",").append(quote(row[i]));
            }
            out.append('\n');
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, out, StandardCharsets.UTF_8);

        System.out.printf("%s: %d ISO rows from ICU, %d hand-maintained rows kept, %d rows in all%n",
                path, isoRows, kept, rows.size());
        System.out.println("name_ckb missing in ICU, Arabic name used instead: " + fallbacks);
    }

    /** English, Arabic and Central Kurdish names of a CLDR region; ckb falls back to Arabic when ICU has none. */
    private static String[] names(String region, List<String> fallbacks) {
        ULocale locale = new ULocale("", region);
        String en = locale.getDisplayCountry(ULocale.ENGLISH);
        String ar = locale.getDisplayCountry(ARABIC);
        String ckb = locale.getDisplayCountry(CENTRAL_KURDISH);
        if (ckb.isEmpty() || ckb.equals(region) || ckb.equals(en)) {
            fallbacks.add(region);
            ckb = ar;
        }
        return new String[] {en, ar, ckb};
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
    private static String[] parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() != 6) {
            throw new IllegalArgumentException("Expected 6 fields: " + line);
        }
        return fields.toArray(String[]::new);
    }
}
