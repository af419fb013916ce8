package org.manfadh.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Names for demo travellers by naming tradition, read from {@code demo/names.csv}: surnames, male
 * and female given names, in the Latin form of a machine readable zone and, for traditions written
 * in Arabic script, in the original script.
 */
final class DemoNames {

    /** A name as a document carries it, with its original-script form where there is one. */
    record Name(String surname, String givenNames, String original) {
    }

    /** One name of a tradition, in Latin letters and, where the tradition has one, its original script. */
    record Entry(String latin, String original) {
    }

    private record Tradition(List<Entry> surnames, List<Entry> male, List<Entry> female) {
    }

    /** Traditions whose passports name the father after the given name (Iraq, the Gulf). */
    private static final java.util.Set<String> FATHERS_NAME = java.util.Set.of("IRAQI", "GULF", "KURDISH");

    /** Traditions where a woman's surname takes the feminine ending. */
    private static final java.util.Set<String> FEMININE_SURNAME = java.util.Set.of("RUSSIAN", "AZERI");

    private final Map<String, Tradition> traditions;

    private DemoNames(Map<String, Tradition> traditions) {
        this.traditions = traditions;
    }

    static DemoNames bundled() {
        Map<String, List<Entry>[]> lists = new HashMap<>();
        try (InputStream in = DemoNames.class.getResourceAsStream("/demo/names.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/names.csv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                @SuppressWarnings("unchecked")
                List<Entry>[] kinds = lists.computeIfAbsent(f[0], k -> new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
                int kind = switch (f[1]) {
                    case "S" -> 0;
                    case "M" -> 1;
                    case "F" -> 2;
                    default -> throw new IllegalStateException("demo/names.csv: unknown kind " + f[1]);
                };
                kinds[kind].add(new Entry(f[2], f[3].isEmpty() ? null : f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Tradition> traditions = new HashMap<>();
        lists.forEach((set, kinds) -> traditions.put(set, new Tradition(List.copyOf(kinds[0]), List.copyOf(kinds[1]),
                List.copyOf(kinds[2]))));
        return new DemoNames(traditions);
    }

    boolean knows(String tradition) {
        return traditions.containsKey(tradition);
    }

    /**
     * A new person's name. {@code surname}, when given, is the family's (a child's, a wife's where
     * she takes it); {@code father}, when given, is the father's first name for traditions that carry it.
     */
    Name person(Random random, String tradition, String sex, Entry surname, Entry father) {
        Tradition t = tradition(tradition);
        Entry given = pick(random, "F".equals(sex) ? t.female() : t.male());
        Entry family = surname != null ? surname : pick(random, t.surnames());
        String familyLatin = family.latin();
        if ("F".equals(sex) && FEMININE_SURNAME.contains(tradition) && familyLatin.matches(".*[VN]")) {
            familyLatin = familyLatin + "A";
        }
        Entry fathers = father != null ? father
                : FATHERS_NAME.contains(tradition) && random.nextDouble() < 0.7 ? pick(random, t.male()) : null;
        String givenLatin = fathers == null ? given.latin() : given.latin() + " " + fathers.latin();
        String original = null;
        if (given.original() != null && family.original() != null && (fathers == null || fathers.original() != null)) {
            original = given.original() + (fathers == null ? "" : " " + fathers.original()) + " " + family.original();
        }
        return new Name(familyLatin, givenLatin, original);
    }

    /** The first given name of a person, as the father's name of a child. */
    Entry firstGivenName(String tradition, Name parent) {
        Tradition t = tradition(tradition);
        String first = parent.givenNames().split(" ")[0];
        for (Entry e : t.male()) {
            if (e.latin().equals(first) || e.latin().startsWith(first + " ")) {
                return e;
            }
        }
        return new Entry(first, null);
    }

    Entry surnameOf(String tradition, Name person) {
        for (Entry e : tradition(tradition).surnames()) {
            if (person.surname().equals(e.latin()) || person.surname().equals(e.latin() + "A")) {
                // A feminine form goes back to the family's form, for the children to take.
                return e;
            }
        }
        return new Entry(person.surname(), null);
    }

    /** Whether this tradition's children carry their father's first name after their own. */
    static boolean carriesFathersName(String tradition) {
        return FATHERS_NAME.contains(tradition);
    }

    /** Whether a married woman keeps her own family name, as across the Middle East and South Asia. */
    static boolean keepsOwnSurname(String tradition) {
        return !WESTERN.contains(tradition);
    }

    private static final java.util.Set<String> WESTERN = java.util.Set.of("ENGLISH", "GERMAN", "FRENCH", "ITALIAN",
            "SWEDISH", "DUTCH", "RUSSIAN", "UKRAINIAN", "FILIPINO", "TURKISH", "AZERI");

    /** A username as an officer's account would have it: given name and surname, lower case. */
    String officer(Random random, String tradition) {
        Tradition t = tradition(tradition);
        String given = pick(random, random.nextDouble() < 0.8 ? t.male() : t.female()).latin().split(" ")[0];
        String surname = pick(random, t.surnames()).latin().replace(" ", "");
        return (given.charAt(0) + "." + surname).toLowerCase(java.util.Locale.ROOT);
    }

    private Tradition tradition(String name) {
        Tradition t = traditions.get(name);
        if (t == null) {
            throw new IllegalArgumentException("No demo names for " + name);
        }
        return t;
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // --- document numbers, plates, vessels --------------------------------------------------------

    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String ALPHANUMERIC = "CFGHJKLMNPRTVWXYZ0123456789";

    /**
     * Fills a pattern: {@code #} a digit, {@code @} a letter (no I or O, as issuers avoid them),
     * {@code *} a letter or digit; anything else stands for itself.
     */
    static String fill(Random random, String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '#' -> sb.append((char) ('0' + random.nextInt(10)));
                case '@' -> sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
                case '*' -> sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String[] IRAQI_PLATE_PLACES = {"BAGHDAD", "BASRA", "NAJAF", "KARBALA", "WASIT", "MAYSAN",
        "DIYALA", "BABIL", "ANBAR", "DHI QAR", "QADISIYAH", "MUTHANNA", "NINEVEH", "KIRKUK", "SALAHALDIN"};
    private static final String[] KRI_PLATE_PLACES = {"ERBIL", "DUHOK", "SULAYMANIYAH", "HALABJA"};

    /** A vehicle registration plate as the officer types it, by the country the vehicle comes from. */
    static String plate(Random random, String country, boolean kri) {
        return switch (country) {
            case "IRQ" -> kri ? KRI_PLATE_PLACES[random.nextInt(KRI_PLATE_PLACES.length)] + " " + fill(random, "## #####")
                    : fill(random, "#####") + " " + LETTERS.charAt(random.nextInt(8)) + " "
                    + IRAQI_PLATE_PLACES[random.nextInt(IRAQI_PLATE_PLACES.length)];
            case "IRN" -> fill(random, "## @ ### - ##") + " IR";
            case "TUR" -> String.format("%02d", 1 + random.nextInt(81)) + fill(random, " @@@ ###");
            case "KWT" -> fill(random, "##/#####");
            case "SAU" -> fill(random, "#### @@@");
            case "JOR" -> fill(random, "##-#####");
            case "SYR" -> fill(random, "######") + " SYR";
            default -> fill(random, "@@ ####");
        };
    }

    private static final String[] VESSEL_PREFIXES = {"MV", "MV", "MT", "MSC", "CMA CGM", "COSCO", "MAERSK"};
    private static final String[] VESSEL_NAMES = {"GULF STAR", "BASRAH PRIDE", "AL FAW", "ARABIAN SEA", "OCEAN DAWN",
        "SHATT AL ARAB", "PACIFIC TRADER", "EASTERN GRACE", "NORDIC BREEZE", "ALINA", "KOWLOON", "MUMBAI EXPRESS",
        "SINAR BINTAN", "HORIZON", "AL ZUBAIR", "UMM QASR", "BLUE MARLIN", "SILVER LAKE", "CAPE ORCHID", "DELTA HOPE"};

    static String vessel(Random random) {
        return VESSEL_PREFIXES[random.nextInt(VESSEL_PREFIXES.length)] + " "
                + VESSEL_NAMES[random.nextInt(VESSEL_NAMES.length)];
    }
}
