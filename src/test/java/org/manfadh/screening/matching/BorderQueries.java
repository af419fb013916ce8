package org.manfadh.screening.matching;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * How names and dates of birth reach a border booth: the same person written by a Gulf, Iraqi,
 * Egyptian, Maghrebi, Turkish, Iranian or Afghan passport office, by a clerk in Arabic or Persian
 * letters, by a traveller who writes as they speak, or cut by a passport's machine readable zone.
 * Written from how these conventions spell names, not from the matcher: nothing here looks at how
 * Manfadh reads a name, so that an evaluation on these queries cannot have been tuned to them by
 * construction. Every generator returns null where its convention would not change the name.
 */
final class BorderQueries {

    /** Where a name comes from, which decides which conventions a clerk would apply to it. */
    enum Origin { ARAB, KURD, PERSIAN, AFGHAN, TURKISH, OTHER }

    /** One way of writing a listed name differently. */
    enum NameKind {
        AS_LISTED("as-listed (control)"),
        PARTICLES("particles"),
        VOWELS("vowels"),
        VOWELS_DROPPED("vowels-dropped"),
        GULF("gulf"),
        IRAQI("iraqi"),
        LEVANT_EGYPT("levant-egypt"),
        MAGHREB("maghreb"),
        TURKISH("turkish"),
        PERSIAN("persian"),
        AFGHAN("afghan-pashtun"),
        ARABIC_SCRIPT("arabic-script"),
        ARABIC_SCRIPT_RULES("arabic-script-rules"),
        PERSIAN_SCRIPT("persian-script"),
        MRZ_TRUNCATED("mrz-truncated"),
        GIVEN_REORDERED("given-reordered"),
        GIVEN_MISSING("given-missing"),
        SURNAME_FATHER_OR_TRIBE("surname-father/tribe");

        final String label;

        NameKind(String label) {
            this.label = label;
        }

        /** Whether a clerk writing this origin's names would use this convention at all. */
        boolean appliesTo(Origin o) {
            return switch (this) {
                case AS_LISTED, MRZ_TRUNCATED, GIVEN_REORDERED -> true;
                // names of the region are chains of separate names (own, father's, grandfather's, family);
                // elsewhere (Korea, China) the parts of a name are not names of their own to drop or move
                case GIVEN_MISSING, SURNAME_FATHER_OR_TRIBE -> o != Origin.OTHER;
                case PARTICLES, VOWELS, VOWELS_DROPPED -> o != Origin.OTHER && o != Origin.TURKISH;
                case GULF, IRAQI, LEVANT_EGYPT, MAGHREB -> o == Origin.ARAB;
                case TURKISH, PERSIAN -> o == Origin.ARAB || o == Origin.PERSIAN || o == Origin.AFGHAN;
                case AFGHAN -> o == Origin.AFGHAN;
                case ARABIC_SCRIPT, ARABIC_SCRIPT_RULES, PERSIAN_SCRIPT -> o != Origin.OTHER && o != Origin.TURKISH;
            };
        }
    }

    /** How the traveller's date of birth relates to the listed one. */
    enum DateKind {
        EXACT("exact"),
        DAY_MONTH_SWAPPED("day-month-swapped"),
        YEAR_OFF_BY_ONE("year-off-by-one"),
        YEAR_ONLY("year-only"),
        NONE("none given"),
        NOT_LISTED("not listed (any given)");

        final String label;

        DateKind(String label) {
            this.label = label;
        }
    }

    /** A name as a query carries it: a whole name, or surname and given names from a document. */
    record Variant(String fullName, String surname, String givenNames) {

        static Variant whole(String name) {
            return new Variant(name, null, null);
        }

        String text() {
            return fullName != null ? fullName : surname + " << " + givenNames;
        }
    }

    private static final Locale TR = Locale.forLanguageTag("tr");

    private BorderQueries() {
    }

    // ------------------------------------------------------------------ origins

    private static final Set<String> ARAB_STATES = Set.of("IRQ", "SYR", "SAU", "KWT", "JOR", "LBN", "EGY", "YEM",
            "LBY", "TUN", "DZA", "MAR", "SDN", "QAT", "ARE", "BHR", "OMN", "MRT", "PSE");
    private static final Set<String> ARABIC_NAME_WORDS = Set.of("mohammed", "mohammad", "muhammad", "mohamed",
            "muhammed", "ahmed", "ahmad", "abd", "abdul", "abdel", "abu", "bin", "ibn", "al", "abdullah", "abdallah",
            "ali", "hassan", "hussein", "omar", "umar", "ibrahim", "yusuf", "khalid", "salim", "said");
    private static final Set<String> ARABIC_PARTICLES = Set.of("abd", "abdul", "abdel", "abu", "bin", "ibn", "al", "el");

    /** The origin of a UN list individual's name, from nationality, original script and name. */
    static Origin origin(Set<String> nationalities, String latinName, List<String> originalScript) {
        if (nationalities.contains("AFG") || nationalities.contains("PAK")) {
            return Origin.AFGHAN;
        }
        if (nationalities.contains("IRN")) {
            return Origin.PERSIAN;
        }
        if (nationalities.contains("TUR")) {
            return Origin.TURKISH;
        }
        if (nationalities.stream().anyMatch(ARAB_STATES::contains)) {
            return Origin.ARAB;
        }
        boolean arabicScript = originalScript.stream().anyMatch(s -> s.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF));
        long arabicWords = List.of(tokens(latinName)).stream().filter(ARABIC_NAME_WORDS::contains).count();
        boolean particle = List.of(tokens(latinName)).stream().anyMatch(ARABIC_PARTICLES::contains);
        return arabicScript || arabicWords >= 2 || particle ? Origin.ARAB : Origin.OTHER;
    }

    /** The origin of a person of the synthetic national list. */
    static Origin origin(SyntheticPopulation.Person p) {
        return switch (SyntheticPopulation.origin(p)) {
            case "arab" -> Origin.ARAB;
            case "kurd" -> Origin.KURD;
            case "persian" -> Origin.PERSIAN;
            case "turkish" -> Origin.TURKISH;
            default -> Origin.OTHER;
        };
    }

    // ------------------------------------------------------------------ the generators

    /** The listed name written as {@code kind} would write it; null where that changes nothing. */
    static Variant vary(NameKind kind, String listed, Random r) {
        return vary(kind, listed, Origin.ARAB, r);
    }

    /** As {@link #vary(NameKind, String, Random)}, for a name of the given origin. */
    static Variant vary(NameKind kind, String listed, Origin origin, Random r) {
        boolean kurdish = origin == Origin.KURD;
        Variant v = switch (kind) {
            case AS_LISTED -> Variant.whole(up(listed));
            case PARTICLES -> whole(particles(listed, origin == Origin.ARAB, r));
            case VOWELS -> whole(vowels(listed, r));
            case VOWELS_DROPPED -> whole(vowelsDropped(listed, r));
            case GULF -> whole(gulf(listed, r));
            case IRAQI -> whole(iraqi(listed, r));
            case LEVANT_EGYPT -> whole(levant(listed, r));
            case MAGHREB -> whole(maghreb(listed, r));
            case TURKISH -> whole(turkish(listed, r));
            case PERSIAN -> whole(persian(listed, r));
            case AFGHAN -> whole(afghan(listed, r));
            case ARABIC_SCRIPT -> whole(decorate(arabic(listed, false, true, kurdish, r), false, r));
            case ARABIC_SCRIPT_RULES -> whole(decorate(arabic(listed, false, false, kurdish, r), false, r));
            case PERSIAN_SCRIPT -> whole(decorate(arabic(listed, true, r.nextBoolean(), kurdish, r), true, r));
            case MRZ_TRUNCATED -> mrzTruncated(listed);
            case GIVEN_REORDERED -> whole(givenReordered(listed, r));
            case GIVEN_MISSING -> whole(givenMissing(listed, r));
            case SURNAME_FATHER_OR_TRIBE -> surnameFatherOrTribe(listed, r);
        };
        if (v == null || (v.fullName() != null && kind != NameKind.AS_LISTED
                && fold(v.fullName()).equals(fold(listed)))) {
            return null;
        }
        return v;
    }

    private static Variant whole(String name) {
        return name == null || name.isBlank() ? null : Variant.whole(name.strip().replaceAll("\\s+", " "));
    }

    static String up(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Lower case, accents gone (a clerk's keyboard has none), hyphens and apostrophes as spaces. */
    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // an apostrophe stands for an ayn or a hamza, and is left out (SAB'AWI, SABAWI); a hyphen parts words
        return n.replace('ı', 'i').replaceAll("['‘’`ʿʾ]", "").replaceAll("[-.,]", " ").replaceAll("\\s+", " ").strip();
    }

    static String[] tokens(String name) {
        String f = fold(name);
        return f.isEmpty() ? new String[0] : f.split(" ");
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean vowelStrict(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }

    /**
     * Applies one or more of the applicable edits (each a whole-name rewrite returning null where
     * it does not apply), in a random order; null when none applies.
     */
    private static String applySome(String name, List<Function<String, String>> edits, int max, Random r) {
        List<Function<String, String>> left = new ArrayList<>(edits);
        String out = name;
        int applied = 0;
        int want = 1 + r.nextInt(max);
        while (!left.isEmpty() && applied < want) {
            Function<String, String> e = left.remove(r.nextInt(left.size()));
            String next = e.apply(out);
            if (next != null && !next.equals(out)) {
                out = next;
                applied++;
            }
        }
        return applied == 0 ? null : up(out);
    }

    /** Replaces every match of a regular expression in the folded name; null when there is none. */
    private static Function<String, String> sub(Random r, String regex, String... replacements) {
        return s -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(s);
            if (!m.find()) {
                return null;
            }
            return s.replaceAll(regex, pick(r, replacements));
        };
    }

    // ---- particles: articles and the words for son, daughter, father, servant, religion

    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "ad", "ed", "ud", "ar", "as", "ash", "at", "az", "an");

    static String particles(String listed, Random r) {
        return particles(listed, true, r);
    }

    static String particles(String listed, boolean arab, Random r) {
        String[] t = tokens(listed);
        List<Function<String[], String[]>> edits = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            final int at = i;
            String w = t[i];
            boolean hasNext = i + 1 < t.length;
            if (ARTICLES.contains(w) && hasNext && !(i > 0 && t[i - 1].startsWith("abd"))) {
                // the article: written on, joined, traded, or left out
                String next = t[i + 1];
                // before a sun letter the article is spoken, and often written, as that letter: AT TIKRITI
                String spoken = next.matches("(t|th|d|dh|r|z|s|sh|n|l).*") ? "a" + (next.startsWith("sh") || next.startsWith("th")
                        || next.startsWith("dh") ? next.substring(0, 2) : next.substring(0, 1)) + " " + next : "al " + next;
                edits.add(x -> replace(x, at, 2, pick(r, "al" + next, "el" + next, "el " + next, next, spoken)));
            }
            if ((w.equals("abd") || w.equals("abdul") || w.equals("abdel") || w.equals("abdal") || w.equals("abdoul")
                    || w.equals("abdu")) && hasNext) {
                int len = i + 2 < t.length && ARTICLES.contains(t[i + 1]) ? 3 : 2;
                String stem = t[i + len - 1];
                edits.add(x -> replace(x, at, len, pick(r, "abdul" + stem, "abdel" + stem, "abd al " + stem,
                        "abd el " + stem, "abdal" + stem, "abdoul " + stem, "abdul " + stem, "abdel " + stem, "abdi " + stem)));
            }
            if (w.matches("abd(ul|el|al|oul|ol|ur|ar|us|ush|un)[a-z]{3,}") && !w.matches("abd[aeiou]l+a+h?")) {
                String stem = w.replaceFirst("abd(ul|el|al|oul|ol|ur|ar|us|ush|un)", "");
                edits.add(x -> replace(x, at, 1, pick(r, "abdul " + stem, "abd al " + stem, "abdel " + stem,
                        "abd el" + stem, "abdoul" + stem, "abd " + stem)));
            }
            if (w.matches("abd[aeiou]l+a+h?|abd")) {
                if (!w.equals("abd") || !hasNext) {
                    edits.add(x -> replace(x, at, 1, pick(r, "abd allah", "abdallah", "abdulla", "abdoullah", "abdullah",
                            "abdellah")));
                }
            }
            if (Set.of("bin", "ben", "ibn", "bn", "been", "iben").contains(w) && hasNext && i > 0) {
                edits.add(x -> replace(x, at, 1, pick(r, "bin", "ben", "ibn", "been", "iben", "bn", "")));
            }
            if (Set.of("bint", "binti", "binte").contains(w) && hasNext && i > 0) {
                edits.add(x -> replace(x, at, 1, pick(r, "bint", "binte", "binti", "")));
            }
            if (Set.of("abu", "abou", "abo", "aboo").contains(w) && hasNext) {
                edits.add(x -> replace(x, at, 2, pick(r, "abu", "abou", "aboo", "abo") + pick(r, "", " ") + x[at + 1]));
            }
            if (w.matches("(abu|abou|aboo)[a-z]{3,}")) {
                String stem = w.replaceFirst("(abu|abou|aboo)", "");
                edits.add(x -> replace(x, at, 1, pick(r, "abu ", "abou ", "aboo ", "abo ") + stem));
            }
            if (w.matches("[a-z]{3,}(aldin|aldeen|uddin|uddeen|eddin|eddine|addin|iddin|ud din)")) {
                String stem = w.replaceFirst("(aldin|aldeen|uddin|uddeen|eddin|eddine|addin|iddin)$", "");
                edits.add(x -> replace(x, at, 1, stem + pick(r, "aldeen", " al din", "eddine", "uddin", " el din",
                        " ad din", "aldin")));
            }
            if (hasNext && (w.equals("din") || w.equals("deen") || w.equals("dine")) && i >= 2 && ARTICLES.contains(t[i - 1])) {
                edits.add(x -> replace(x, at - 2, 3, x[at - 2] + pick(r, "aldeen", "eddine", "uddin", "aldin")));
            }
            if (w.matches("[a-z]{3,}(ullah|ollah|allah|ulla)")) {
                String stem = w.replaceFirst("(ullah|ollah|allah|ulla)$", "");
                edits.add(x -> replace(x, at, 1, stem + pick(r, " ullah", "ollah", "ulla", " allah", "allah")));
            }
        }
        if (arab && edits.isEmpty() && t.length >= 2 && t[t.length - 1].length() >= 5 && t[t.length - 1].endsWith("i")) {
            // a nisba family name: the clerk puts the article back
            edits.add(x -> replace(x, x.length - 1, 1, pick(r, "al ", "al", "el ", "el") + x[x.length - 1]));
        }
        if (edits.isEmpty()) {
            return null;
        }
        // edits address positions in the listed tokens, so one is applied
        String[] out = pick(r, edits).apply(t);
        return up(String.join(" ", out).replaceAll("\\s+", " ").strip());
    }

    private static String[] replace(String[] t, int at, int len, String with) {
        List<String> out = new ArrayList<>(List.of(t).subList(0, at));
        out.add(with);
        out.addAll(List.of(t).subList(Math.min(t.length, at + len), t.length));
        return out.toArray(String[]::new);
    }

    // ---- vowels: long ones doubled, E/I and O/U traded, diphthongs written either way

    static String vowels(String listed, Random r) {
        List<Function<String, String>> edits = List.of(
                one(r, "ee", "i"), one(r, "(?<=[b-df-hj-np-tv-z])i(?=[^aeiouy ])", "ee"), one(r, "oo", "u", "ou"), one(r, "ou", "oo", "u"),
                one(r, "(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z])", "oo", "ou", "o"), one(r, "(?<=[b-df-hj-np-tv-z])o(?=[b-df-hj-np-tv-z])", "u", "ou"),
                one(r, "(?<=[b-df-hj-np-tv-z])e(?=[b-df-hj-np-tv-z])", "i"), one(r, "(?<=[b-df-hj-np-tv-z])i(?=[b-df-hj-np-tv-z])", "e"), one(r, "ai", "ay", "ei"),
                one(r, "ay", "ai"), one(r, "aa", "a"), one(r, "(?<=[b-df-hj-np-tv-z])a(?=[^aeiou ][aeiou])", "aa"),
                one(r, "(?<=[b-df-hj-np-tv-z])i\\b", "y", "ee", "ie"), one(r, "(?<=[b-df-hj-np-tv-z])y\\b", "i"));
        return applySome(String.join(" ", tokens(listed)), edits, 2, r);
    }

    /** Rewrites one randomly chosen occurrence of the pattern. */
    private static Function<String, String> one(Random r, String regex, String... to) {
        return s -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(s);
            List<int[]> at = new ArrayList<>();
            while (m.find()) {
                at.add(new int[] {m.start(), m.end()});
            }
            if (at.isEmpty()) {
                return null;
            }
            int[] where = pick(r, at);
            return s.substring(0, where[0]) + pick(r, to) + s.substring(where[1]);
        };
    }

    // ---- vowels dropped, as a name is typed from speech or in a text message

    static String vowelsDropped(String listed, Random r) {
        String[] t = tokens(listed);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (!ARTICLES.contains(t[i]) && dropVowels(t[i], new Random(0)) != null) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int i = pick(r, candidates);
        t[i] = dropVowels(t[i], r);
        return up(String.join(" ", t));
    }

    private static String dropVowels(String w, Random r) {
        String out;
        if (w.matches("m[ou]hamm?[ae]d|m[ou]hamm?[ae]t|m[ou]hamed")) {
            out = pick(r, "mhmd", "mohd", "mhd", "mhamad", "mohmd", "mhammed");
        } else if (w.matches("ahm[ae]d|has+[ae]n|h[ou]s+[ae]i?n|mahm[ou]+d|m[ou]st[ae]fa|[ae]brahim|ibrahim")) {
            // the commonest names lose all their vowels but the first letter: AHMD, HSN, MSTFA
            out = w.charAt(0) + w.substring(1).replaceAll("[aeiou]", "");
        } else if (w.replaceAll("[^aeiou]+", " ").strip().split(" ").length >= 3) {
            // an unstressed first vowel between two consonants, in a name of three syllables or more:
            // MHAMAD, SLAIMAN, MSTAFA
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[b-df-hj-np-tv-z])[aeiou](?=[b-df-hj-np-tv-z])").matcher(w);
            out = m.find() ? w.substring(0, m.start()) + w.substring(m.end()) : w;
        } else {
            return null;
        }
        return out.length() < 2 || out.equals(w) ? null : out;
    }

    // ---- regional consonants

    /** Names in which Iraqi clerks write DH for a dad or dha that others write D or Z. */
    private static final String DAD_STEMS = "(fad(i|e)l|fadl|rid(a|ha)|red(a|ha)|riyad|riad|murtad(a|ha)|qadi|radi|khidr|khadr|"
            + "khudair|diya|diaa|ramadan|nad(i|e)m|kad(i|e)m|hafid|mahfud|abdulhafid|zaher|zahir)";

    /** Names whose Z others write stands for a dha or dad, written DH or TH in the Gulf and Iraq. */
    private static final String DHA_STEMS = "\\b(kaz(i|e)m|naz(i|e)m|hafiz|hafez|zahir|zaher|mahfouz|mahfuz|zafar|ramazan|riaz|riyaz|fazl|"
            + "faz(i|e)l|azim|azeem|abdulazim|raza|reza|murtaza|morteza|qazi|khizr|nazar|zia|ziya|ziaa)\\b";

    /** The Z of the names above written as {@code to}; null where there is none. */
    private static Function<String, String> dha(Random r, String... to) {
        return s -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(DHA_STEMS).matcher(s);
            if (!m.find()) {
                return null;
            }
            String with = pick(r, to);
            StringBuilder b = new StringBuilder();
            m.reset();
            while (m.find()) {
                m.appendReplacement(b, m.group().replace("z", with));
            }
            m.appendTail(b);
            return b.toString();
        };
    }

    static String gulf(String listed, Random r) {
        List<Function<String, String>> edits = List.of(
                sub(r, "q", "g"), sub(r, "\\bk(?=[aei])", "ch"), sub(r, "(?<!d)j(?!r\\b)", "y"),
                sub(r, "dh", "th", "z", "d"), dha(r, "dh", "th"), sub(r, "aw", "ow"), sub(r, "ai", "ei", "ay"));
        return applySome(String.join(" ", tokens(listed)), edits, 2, r);
    }

    static String iraqi(String listed, Random r) {
        String s = String.join(" ", tokens(listed));
        List<Function<String, String>> edits = List.of(
                sub(r, "q", "g"), sub(r, "\\bk(?=[aei])", "ch"), dha(r, "dh"),
                x -> dadStems(x), sub(r, "(?<=[aeiou])s(?=[aeiou])", "ss"), sub(r, "(?<=dh|z)im\\b", "um"),
                sub(r, "\\bal (?=[a-z])", "al"), sub(r, "ou", "u"));
        return applySome(s, edits, 2, r);
    }

    private static String dadStems(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + DAD_STEMS).matcher(s);
        if (!m.find()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        m.reset();
        while (m.find()) {
            String w = m.group();
            String written = w.contains("dh") ? w : w.replaceFirst("(?<=[aeiou])d|z|d(?=[aeiou])", "dh");
            m.appendReplacement(b, written);
        }
        m.appendTail(b);
        return b.toString();
    }

    static String levant(String listed, Random r) {
        List<Function<String, String>> edits = List.of(
                sub(r, "(?<!d)j", "g"), sub(r, "th", "s", "t"), sub(r, "dh", "z", "d"),
                one(r, "(?<=[b-df-hj-np-tv-z])a(?=[^aeiouh ][^aeiou ]|[^aeiou ]\\b)", "e"), one(r, "(?<=[b-df-hj-np-tv-z])i(?=[b-df-hj-np-tv-z])", "e"),
                sub(r, "(?<=[b-df-hj-np-tv-z])i\\b", "y"), one(r, "(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z])", "o"), sub(r, "q", "k", "'"));
        return applySome(String.join(" ", tokens(listed)), edits, 3, r);
    }

    static String maghreb(String listed, Random r) {
        List<Function<String, String>> edits = List.of(
                sub(r, "(?<![aeo])u", "ou"), sub(r, "(?<![d])j", "dj"), sub(r, "sh", "ch"), sub(r, "\\bw(?=[aeiou])", "ou"),
                sub(r, "\\bal\\b", "el"), sub(r, "\\b(bin|ibn)\\b", "ben"), sub(r, "\\babd ?(al|ul|el) ?", "abdel"),
                sub(r, "(?<=[aeiou])s(?=[aeiou])", "ss"), sub(r, "ee", "i"), one(r, "(?<=[b-df-hj-np-tv-z])a(?=[b-df-hj-np-tv-z])", "e"));
        return applySome(String.join(" ", tokens(listed)), edits, 3, r);
    }

    // ---- Turkish and Persian registries

    private static final Map<String, String[]> TURKISH_NAMES = table("""
            mohammed,mohammad,muhammad,mohamed,muhammed,mohamad,mohamad,mouhamad,muhamad=mehmet,muhammet,muhammed
            hussein,husayn,hussain,hossein,husain,husein,hussien=hüseyin
            hassan,hasan=hasan
            ahmed,ahmad=ahmet
            mahmoud,mahmud,mahmood=mahmut
            khalid,khaled=halit,halid
            omar,umar=ömer
            othman,uthman,osman,usman=osman
            abdullah,abdallah,abdulla=abdullah
            abdulrahman,abdelrahman,abdurrahman,abdalrahman=abdurrahman
            abdulkarim,abdelkarim,abdalkarim=abdülkerim
            abdulaziz,abdelaziz,abdalaziz=abdülaziz
            abdulqadir,abdelkader,abdalqadir,abdulkadir=abdülkadir
            yousef,yusuf,youssef,yousif,yusef=yusuf
            ibrahim,ebrahim=ibrahim
            ismail,esmaeil,ismael=ismail
            mustafa,mostafa,moustafa=mustafa
            jafar,jaafar,jaffar=cafer
            jamal,gamal=cemal
            jamil,jameel=cemil
            kamal,kamel=kemal
            saleh,salih=salih
            qasim,qassim,kasim,ghasem,qasem=kasım
            zainab,zaynab,zeinab=zeynep
            khadija,khadijah=hatice
            fatima,fatimah,fatemeh=fatma
            aisha,ayesha,aysha=ayşe
            rashid,rasheed=reşit
            majid,majeed=mecit
            hamid,hameed=hamit
            mahdi,mehdi=mehdi
            faisal,faysal=faysal
            nasser,nasir,naser=nasır
            sadiq,sadeq,sadegh=sadık
            baqir,bagher,baqer=bakır
            walid,waleed=velit
            osama,usama=üsame
            anas=enes
            marwan=mervan
            nabil,nabeel=nebil
            hisham=hişam
            emad,imad=imat
            fuad,fouad=fuat
            ghazi=gazi
            saeed,said,saed=sait
            salim,saleem=selim
            karim,kareem=kerim
            jawad,javad=cevat
            kadhim,kazim,kazem,kadhem=kazım
            murtadha,murtada,morteza=murtaza
            ridha,rida,reza=rıza
            tariq,tarek,tareq=tarık
            zuhair,zuhayr=züheyr
            jasim,jassim=casim
            haider,haidar,heydar=haydar
            abubakr,abubakar=ebubekir
            nur,noor,nour=nur
            nuraldin,nureddin,nooraldeen=nurettin
            salahuddin,salahaldin=selahattin
            jalal=celal
            najib,najeeb=necip
            mansour,mansur=mansur
            ramadan,ramazan=ramazan
            shukri=şükrü
            hashim,hashem=haşim
            abbas=abbas
            ali=ali
            yasin,yassin,yaseen=yasin
            bilal=bilal
            hamza=hamza
            ziad,ziyad=ziyad
            bassam=bessam
            ghassan=gassan
            qais,qays=kays
            uday,udai=uday
            yahya=yahya
            adnan=adnan
            salman=selman
            suleiman,sulaiman,sulayman=süleyman
            idris=idris
            hamad=hamit
            """);

    private static final Map<String, String[]> PERSIAN_NAMES = table("""
            mohammed,muhammad,mohamed,muhammed,mohamad,mouhamad,muhamad=mohammad,mohamad
            hussein,husayn,hussain,husain,husein,hussien=hossein,hosein
            hassan=hasan
            ridha,rida=reza
            mahdi=mehdi
            muhsin,mohsin=mohsen
            sayyid,sayed,syed,said,seyed=seyyed,seyed,sayed,sayyid
            qasim,qassim,kasim=ghasem
            kadhim,kazim=kazem
            sadiq=sadegh
            baqir,baqer=bagher
            murtadha,murtada,murtaza=morteza
            mustafa,moustafa=mostafa
            ibrahim=ebrahim
            ismail,ismael=esmaeil,esmail
            yaqub,yacoub,yaqoub,yakub=yaghoub,yaghoob
            abdullah,abdallah,abdulla=abdollah
            abdulrahman,abdelrahman,abdalrahman=abdolrahman
            abdulhamid,abdelhamid=abdolhamid
            fatima,fatimah=fatemeh
            zainab,zaynab=zeynab
            ruhullah,ruhallah=ruhollah
            ahmed=ahmad
            khalid=khaled
            hamza=hamzeh
            mujtaba=mojtaba
            jawad=javad
            rasul,rasool=rasoul
            nasser,nasir=naser
            aisha=aesheh
            khadija=khadijeh
            masuma,masouma=masoumeh
            noor,nur=nour
            osama,usama=osameh
            yousef,yusuf,youssef=yousef
            jafar,jaafar=jafar
            umar,omar=omar
            uthman,othman=osman
            """);

    private static Map<String, String[]> table(String text) {
        Map<String, String[]> out = new HashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] sides = line.strip().split("=");
            for (String from : sides[0].split(",")) {
                out.put(from, sides[1].split(","));
            }
        }
        return out;
    }

    /** Joins "abd al rahman" and "abu bakr" into one word, as registries of Turkey and Iran write them. */
    private static String[] joinCompounds(String[] t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            boolean religion = (w.equals("nur") || w.equals("nour") || w.equals("salah") || w.equals("saif") || w.equals("alaa"))
                    && i + 2 < t.length && ARTICLES.contains(t[i + 1]) && t[i + 2].matches("din|deen|dine");
            if ((w.equals("abd") || w.equals("abdul") || w.equals("abdel") || w.equals("abu") || religion) && i + 1 < t.length) {
                String next = t[i + 1];
                if (ARTICLES.contains(next) && i + 2 < t.length) {
                    next = t[i + 2];
                    i++;
                }
                out.add((w.startsWith("abd") ? "abdul" : religion ? w + "ed" : w) + next);
                i++;
            } else {
                out.add(w);
            }
        }
        return out.toArray(String[]::new);
    }

    static String turkish(String listed, Random r) {
        String[] t = joinCompounds(tokens(listed));
        boolean mapped = false;
        for (int i = 0; i < t.length; i++) {
            String[] to = TURKISH_NAMES.get(t[i]);
            if (to != null) {
                t[i] = pick(r, to);
                mapped = true;
            } else if (!ARTICLES.contains(t[i])) {
                t[i] = turkishSounds(t[i]);
            }
        }
        String out = String.join(" ", t).replaceAll("\\b(al|el) ", r.nextBoolean() ? "" : "el ");
        return mapped || !out.equals(String.join(" ", tokens(listed))) ? out.toUpperCase(TR) : null;
    }

    /** How a Turkish registry writes a name it does not know: by its sounds, in Turkish letters. */
    static String turkishSounds(String w) {
        String s = w.replace("sh", "ş").replace("ch", "ç").replace("kh", "h").replace("dh", "z").replace("th", "s")
                .replace("gh", "g").replace("ou", "u").replace("oo", "u").replace("ee", "i").replace('q', 'k')
                .replace('j', 'c').replace('w', 'v').replace("aa", "a");
        if (s.length() > 3 && s.endsWith("d") && vowelStrict(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1) + "t";
        }
        return s;
    }

    static String persian(String listed, Random r) {
        String[] t = joinCompounds(tokens(listed));
        boolean changed = false;
        for (int i = 0; i < t.length; i++) {
            String[] to = PERSIAN_NAMES.get(t[i]);
            String before = t[i];
            if (to != null) {
                t[i] = pick(r, to);
            } else if (!ARTICLES.contains(t[i]) && r.nextInt(3) > 0) {
                t[i] = persianSounds(t[i], r);
            }
            changed |= !t[i].equals(before);
        }
        return changed ? up(String.join(" ", t).replace("abdul", "abdol")) : null;
    }

    static String persianSounds(String w, Random r) {
        String s = w.replace("q", "gh").replace("dh", "z").replace("th", "s").replace('w', 'v');
        s = s.replaceAll("(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z])", "o").replaceFirst("(?<=[b-df-hj-np-tv-z])i(?=[^aeiou]{1,2}[aeiou])", "e");
        if (s.length() > 4 && s.endsWith("a") && r.nextBoolean()) {
            s = s.substring(0, s.length() - 1) + "eh";
        }
        return s;
    }

    // ---- Afghan and Pashtun names: tribal suffixes written on, apart or in another spelling

    static String afghan(String listed, Random r) {
        String[] t = tokens(listed);
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            java.util.regex.Matcher zai = java.util.regex.Pattern.compile("^([a-z]{4,}?)(zai|zay|zoi|zoy|zaee)$").matcher(w);
            java.util.regex.Matcher khel = java.util.regex.Pattern.compile("^([a-z]{3,}?)(khel|khail|khil|khayl)$").matcher(w);
            if (zai.matches()) {
                String stem = zai.group(1);
                String suffix = zai.group(2);
                List<String> other = new ArrayList<>(List.of("zai", " zai", "zay", "zoy", "zi", " zay"));
                other.remove(suffix);
                t[i] = stem + pick(r, other);
                return up(String.join(" ", t));
            }
            if (khel.matches()) {
                String stem = khel.group(1);
                List<String> other = new ArrayList<>(List.of("khel", " khel", "khail", " khail", "khil"));
                other.remove(khel.group(2));
                t[i] = stem + pick(r, other);
                return up(String.join(" ", t));
            }
            if ((w.equals("zai") || w.equals("zay") || w.equals("khel") || w.equals("khail")) && i > 0) {
                t[i - 1] = t[i - 1] + (w.startsWith("z") ? pick(r, "zai", "zay") : pick(r, "khel", "khail"));
                t[i] = "";
                return up(String.join(" ", t).replaceAll("\\s+", " ").strip());
            }
        }
        return null;
    }

    // ---- structure: MRZ, order, missing and substituted names

    /** A name's parts as a document holds them: "abd al rahman", "abu bakr", "al jubouri" are one each. */
    static List<String> units(String listed) {
        String[] t = tokens(listed);
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            boolean compoundTail = !out.isEmpty() && pending.isEmpty() && (w.matches("(ud|ad|ed|id|uddin|eddine?|addin|ud|ur|ul)")
                    && i + 1 < t.length && t[i + 1].matches("din|deen|dine|rahman|rehman|haq|haqq|islam|arab|dawla") || w.matches("eddine?|uddin|uddeen"));
            boolean articleTail = !out.isEmpty() && pending.isEmpty() && ARTICLES.contains(w) && i + 1 < t.length
                    && t[i + 1].matches("din|deen|dine|islam|arab|dawla|haqq");
            if (compoundTail || articleTail) {
                // Bashir ud-Din, Zaki ur-Rehman, Saif al-Islam, Salah Eddine: one name with the word before
                String tail = w.matches("eddine?|uddin|uddeen") ? w : w + " " + t[++i];
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + tail);
                continue;
            }
            pending.append(pending.isEmpty() ? "" : " ").append(w);
            if (!(ARTICLES.contains(w) || Set.of("abd", "abdul", "abdel", "abu", "abou", "bin", "ibn", "ben", "bint", "umm",
                    "ould", "van", "de", "da", "del", "von", "la", "le", "wa").contains(w))) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending.toString());
        }
        return out;
    }

    /** TD3: SURNAME&lt;&lt;GIVEN&lt;NAMES in 39 characters, cut where the field ends, mid-word. */
    static Variant mrzTruncated(String listed) {
        List<String> u = units(listed);
        if (u.size() < 2) {
            return null;
        }
        String surname = up(u.get(u.size() - 1)).replace(' ', '<');
        String given = up(String.join(" ", u.subList(0, u.size() - 1))).replace(' ', '<');
        String field = surname + "<<" + given;
        if (field.length() <= 39 || !Character.isLetter(field.charAt(39)) || !Character.isLetter(field.charAt(38))) {
            return null;
        }
        field = field.substring(0, 39);
        String[] parts = field.split("<<", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            return null;
        }
        return new Variant(null, parts[0].replace('<', ' ').strip(), parts[1].replace('<', ' ').strip());
    }

    static String givenReordered(String listed, Random r) {
        List<String> u = new ArrayList<>(units(listed));
        if (u.size() < 2) {
            return null;
        }
        if (u.size() >= 3 && r.nextBoolean()) {
            // two given names traded, as a form with "first name" and "middle name" fields does
            int i = r.nextInt(u.size() - 2);
            String a = u.get(i);
            u.set(i, u.get(i + 1));
            u.set(i + 1, a);
        } else {
            // the family name first, as Arabic documents and many clerks write it
            u.add(0, u.remove(u.size() - 1));
        }
        return up(String.join(" ", u));
    }

    static String givenMissing(String listed, Random r) {
        List<String> u = new ArrayList<>(units(listed));
        if (u.size() < 3) {
            return null;
        }
        u.remove(1 + r.nextInt(u.size() - 2));
        return up(String.join(" ", u));
    }

    /**
     * An Iraqi passport holds the traveller's name, the father's and the grandfather's; the
     * surname field holds the grandfather's (or the father's) name where the list has the tribe.
     */
    static Variant surnameFatherOrTribe(String listed, Random r) {
        List<String> u = units(listed);
        if (u.size() < 3) {
            return null;
        }
        if (u.size() >= 4 && r.nextBoolean()) {
            return new Variant(null, up(u.get(u.size() - 2)), up(String.join(" ", u.subList(0, u.size() - 2))));
        }
        if (r.nextBoolean()) {
            return new Variant(null, up(u.get(1)), up(u.get(0)));
        }
        // the tribe as the surname, the father's name dropped
        return new Variant(null, up(u.get(u.size() - 1)), up(u.get(0)));
    }

    // ------------------------------------------------------------------ Arabic and Persian letters

    private static volatile Map<String, String> dictionary;

    /** Common names as Wikidata writes them in Arabic: the most frequent writing of each Latin token. */
    static Map<String, String> dictionary() {
        Map<String, String> d = dictionary;
        if (d != null) {
            return d;
        }
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(BorderQueries.class.getClassLoader()
                .getResourceAsStream("screening/translit-en-ar-wikidata.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                if (f.length < 3) {
                    continue;
                }
                String latin = f[0].strip();
                String arabic = f[1].replace(" ", "");
                int count = Integer.parseInt(f[2].strip());
                // drop alignments that lost most of the name ("abdullah" as عبد)
                if (arabic.length() * 3 < latin.length() || latin.length() < 2) {
                    continue;
                }
                Integer had = counts.get(latin);
                if (had == null || count > had || (count == had && arabic.compareTo(best.get(latin)) < 0)) {
                    counts.put(latin, count);
                    best.put(latin, arabic);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dictionary = best;
        return best;
    }

    static boolean isArabicScript(String s) {
        return s.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    /**
     * The listed Latin name in Arabic (or Persian) letters, word by word, as a clerk writes it:
     * from a dictionary of common names where {@code useDictionary} and the word is in it, else by
     * ear from the Latin letters.
     */
    static String arabic(String listed, boolean persian, boolean useDictionary, Random r) {
        return arabic(listed, persian, useDictionary, false, r);
    }

    /**
     * As above; {@code kurdish} writes every vowel, as Kurdish in Arabic letters does (کاروان for
     * Karwan), where Arabic leaves the short ones out.
     */
    static String arabic(String listed, boolean persian, boolean useDictionary, boolean kurdish, Random r) {
        String[] t = tokens(listed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            boolean hasNext = i + 1 < t.length;
            if (ARTICLES.contains(w) && hasNext) {
                out.add("ال" + word(t[++i], persian, useDictionary, kurdish, r, true));
            } else if ((w.equals("abd") || w.equals("abdul") || w.equals("abdel") || w.equals("abdal")) && hasNext) {
                String next = t[i + 1];
                if (ARTICLES.contains(next) && i + 2 < t.length) {
                    next = t[i + 2];
                    i++;
                }
                i++;
                out.add("عبد" + (r.nextBoolean() ? " " : "") + "ال" + word(next, persian, useDictionary, kurdish, r, true));
            } else if (w.matches("abd(ul|el|al|ol|oul)[a-z]{3,}") && !w.matches("abd[aeiou]l+a+h?")) {
                String stem = w.replaceFirst("abd(ul|el|al|ol|oul)", "");
                out.add("عبد" + (r.nextBoolean() ? " " : "") + "ال" + word(stem, persian, useDictionary, kurdish, r, true));
            } else if (w.matches("abd[aeiou]l+a+h?")) {
                out.add(r.nextBoolean() ? "عبد الله" : "عبدالله");
            } else if (Set.of("abu", "abou", "abo", "aboo").contains(w) && hasNext) {
                out.add((r.nextBoolean() ? "ابو" : "أبو") + (r.nextBoolean() ? " " : "") + word(t[++i], persian, useDictionary, kurdish, r, false));
            } else if (w.matches("(abu|abou)[a-z]{3,}")) {
                out.add((r.nextBoolean() ? "ابو" : "أبو") + (r.nextBoolean() ? " " : "")
                        + word(w.replaceFirst("(abu|abou)", ""), persian, useDictionary, kurdish, r, false));
            } else if (Set.of("bin", "ben", "ibn").contains(w) && hasNext) {
                out.add("بن");
            } else if (w.equals("bint")) {
                out.add("بنت");
            } else if (w.matches("[a-z]{3,}(ullah|ollah|allah)")) {
                out.add(word(w.replaceFirst("(ullah|ollah|allah)$", ""), persian, useDictionary, kurdish, r, false)
                        + (persian ? "\u200Cالله" : r.nextBoolean() ? " الله" : "الله"));
            } else if (w.matches("[a-z]{3,}(aldin|aldeen|uddin|eddin|eddine)")) {
                out.add(word(w.replaceFirst("(aldin|aldeen|uddin|eddin|eddine)$", ""), persian, useDictionary, kurdish, r, false)
                        + (r.nextBoolean() ? " الدين" : "الدين"));
            } else if (w.length() >= 6 && w.startsWith("al") && !dictionary().containsKey(w) && !vowel(w.charAt(2))) {
                // ALJUBOURI: the article written on
                out.add("ال" + word(w.substring(2), persian, useDictionary, kurdish, r, true));
            } else {
                out.add(word(w, persian, useDictionary, kurdish, r, false));
            }
        }
        return String.join(" ", out).replaceAll("\\s+", " ").strip();
    }

    private static String word(String w, boolean persian, boolean useDictionary, boolean kurdish, Random r, boolean afterArticle) {
        if (useDictionary) {
            String d = dictionary().get(w);
            if (d != null && plausible(w, d)) {
                if (afterArticle && d.startsWith("ال")) {
                    d = d.substring(2);
                }
                return persian ? d.replace('ي', 'ی').replace('ك', 'ک').replace('ى', 'ی') : d;
            }
        }
        return byEar(kurdish ? w.replaceAll("(?<![aeiou])([aeiou])(?![aeiou])", "$1$1") : w, persian, r);
    }

    private static final Map<String, String> FIRST_LETTERS = Map.ofEntries(
            Map.entry("a", "اأإآع"), Map.entry("e", "اأإآع"), Map.entry("i", "اأإآع"), Map.entry("o", "اأإآعو"),
            Map.entry("u", "اأإآعو"), Map.entry("b", "ب"), Map.entry("p", "بپ"), Map.entry("t", "تطث"),
            Map.entry("th", "ثتذ"), Map.entry("d", "دضذ"), Map.entry("dh", "ذضظد"), Map.entry("j", "جژ"),
            Map.entry("ch", "شچكج"), Map.entry("kh", "خ"), Map.entry("h", "هح"), Map.entry("g", "غجقكگ"),
            Map.entry("gh", "غقگ"), Map.entry("q", "قك"), Map.entry("k", "كقکخ"), Map.entry("c", "كقکس"),
            Map.entry("s", "سصث"), Map.entry("sh", "ش"), Map.entry("z", "زظذض"), Map.entry("r", "ر"),
            Map.entry("l", "ل"), Map.entry("m", "م"), Map.entry("n", "ن"), Map.entry("f", "ف"), Map.entry("v", "فو"),
            Map.entry("w", "و"), Map.entry("y", "يی"));

    /**
     * Whether a dictionary writing can be the word at all: Wikidata's alignments hold a few that
     * are another name (MOHAMMEDI as السعيد), which no clerk would write.
     */
    private static boolean plausible(String latin, String arabic) {
        String a = arabic.startsWith("ال") && arabic.length() > 3 && !latin.startsWith("al") && !latin.startsWith("el")
                ? arabic.substring(2) : arabic;
        String key = latin.length() >= 2 && FIRST_LETTERS.containsKey(latin.substring(0, 2)) ? latin.substring(0, 2) : latin.substring(0, 1);
        String allowed = FIRST_LETTERS.get(key);
        return allowed != null && allowed.indexOf(a.charAt(0)) >= 0 && a.length() * 10 >= latin.length() * 4
                && a.length() <= latin.length() + 1;
    }

    /**
     * Arabic letters for a Latin word by its sounds. Short vowels are not written; a clerk writes
     * a vowel letter where the Latin has a doubled vowel, a final vowel, or the long A and I of
     * the common name patterns (Khalid, Karim).
     */
    static String byEar(String w, boolean persian, Random r) {
        StringBuilder b = new StringBuilder();
        int n = w.length();
        int vowelsSeen = 0;
        int vowelCount = (int) w.chars().filter(c -> vowelStrict((char) c)).count();
        int digraphEnd = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            String two = i + 1 < n ? w.substring(i, i + 2) : "";
            if (i + 1 < n && Set.of("kh", "gh", "sh", "ch", "th", "dh", "zh", "ph").contains(two)) {
                digraphEnd = i + 2;
            }
            boolean first = i == 0;
            boolean last = i == n - 1;
            char next = i + 1 < n ? w.charAt(i + 1) : ' ';
            char afterNext = i + 2 < n ? w.charAt(i + 2) : ' ';
            switch (two) {
                case "kh" -> { b.append('خ'); i++; continue; }
                case "gh" -> { b.append('غ'); i++; continue; }
                case "sh" -> { b.append('ش'); i++; continue; }
                case "ch" -> { b.append(persian ? "چ" : pick(r, "ش", "چ")); i++; continue; }
                case "th" -> { b.append(pick(r, "ث", "ت")); i++; continue; }
                case "dh" -> { b.append(persian ? pick(r, "ذ", "ض", "ظ", "ز") : pick(r, "ض", "ظ", "ذ")); i++; continue; }
                case "zh" -> { b.append(persian ? 'ژ' : 'ج'); i++; continue; }
                case "ph" -> { b.append('ف'); i++; continue; }
                case "ou", "oo", "uu" -> {
                    b.append(first ? "او" : "و");
                    vowelsSeen++;
                    i++;
                    continue;
                }
                case "ee", "ii", "ie" -> { b.append(first ? "اي" : "ي"); vowelsSeen++; i++; continue; }
                case "aa" -> { b.append(first ? "آ" : "ا"); vowelsSeen++; i++; continue; }
                case "ai", "ay", "ei", "ey" -> {
                    b.append(first ? "اي" : last || i + 2 == n ? "ي" : "ي");
                    vowelsSeen++;
                    i++;
                    continue;
                }
                case "ah" -> {
                    if (i + 2 == n) {
                        b.append(persian ? 'ه' : 'ة');
                        i++;
                        continue;
                    }
                }
                default -> {
                }
            }
            if (i > digraphEnd && c == w.charAt(i - 1) && !vowelStrict(c)) {
                continue; // a doubled consonant is one letter (the shadda is left out)
            }
            if (vowelStrict(c)) {
                vowelsSeen++;
                if (first) {
                    b.append(c == 'a' ? pick(r, "ا", "أ") : c == 'e' || c == 'i' ? pick(r, "ا", "إ") : pick(r, "او", "أو"));
                } else if (last) {
                    b.append(switch (c) {
                        case 'a' -> persian ? "ا" : pick(r, "ا", "ة", "ى");
                        case 'e' -> persian ? "ه" : "ه";
                        case 'i' -> "ي";
                        default -> "و";
                    });
                } else if (c == 'a') {
                    // the long A of CaCiC names (an open first syllable), and of CaCCaC names after the
                    // doubled consonant (Jabbar, Sattar), but not in Hassan and Mohammad, which every clerk knows
                    boolean afterDouble = i >= 3 && w.charAt(i - 1) == w.charAt(i - 2) && !vowel(w.charAt(i - 1))
                            && w.charAt(i - 3) == 'a' && i + 2 == n && !vowel(next);
                    if ((!vowel(next) && next != ' ' && vowelStrict(afterNext) && next != afterNext && vowelsSeen == 1)
                            || (afterDouble && !w.matches("hass[ae]n|m[ou]hamm[ae]d"))) {
                        b.append('ا');
                    }
                } else if (c == 'i') {
                    boolean patternFaAil = b.length() >= 2 && b.charAt(b.length() - 2) == 'ا' && vowelsSeen == 2 && vowelCount == 2;
                    if (!patternFaAil) {
                        b.append('ي');
                    }
                } else if (c == 'o' || c == 'u') {
                    if (!(vowelsSeen == 1 && vowelCount >= 3)) {
                        b.append('و');
                    }
                }
                // a short E is not written (Ahmed, Mohammed)
                continue;
            }
            b.append(switch (c) {
                case 'b' -> "ب";
                case 'p' -> persian ? "پ" : "ب";
                case 't' -> "ت";
                case 'd' -> "د";
                case 'j' -> "ج";
                case 'c' -> vowel(next) && (next == 'e' || next == 'i') ? "س" : persian ? "ک" : "ك";
                case 'f' -> "ف";
                case 'v' -> persian ? "و" : "ف";
                case 'g' -> persian ? "گ" : pick(r, "ك", "ج", "غ", "ق");
                case 'q' -> "ق";
                case 'k' -> persian ? "ک" : "ك";
                case 'l' -> "ل";
                case 'm' -> "م";
                case 'n' -> "ن";
                case 'h' -> first || vowel(next) ? pick(r, "ح", "ح", "ه") : "ه";
                case 'r' -> "ر";
                case 's' -> r.nextInt(5) == 0 ? "ص" : "س";
                case 'z' -> "ز";
                case 'w' -> "و";
                case 'y' -> first ? "ي" : last ? "ي" : "ي";
                case 'x' -> "كس";
                default -> "";
            });
        }
        String out = b.toString();
        return persian ? out.replace('ي', 'ی').replace('ك', 'ک').replace('ى', 'ی') : out;
    }

    private static final String NON_JOINING = "اأإآدذرزوؤةءژ ";

    /**
     * What a keyboard and a clerk's habits add: kashida, a zero-width non-joiner, Persian yeh and
     * keheh, other hamza seats, taa marbuta as haa, a compound split or joined. One or two of them.
     */
    static String decorate(String arabic, boolean persian, Random r) {
        if (arabic == null || arabic.isBlank()) {
            return null;
        }
        String s = arabic;
        if (persian) {
            s = s.replace('ي', 'ی').replace('ك', 'ک').replace('ى', 'ی');
        }
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(7)) {
                case 0 -> s = insertAfterJoining(s, "ـ", r);
                // a zero-width non-joiner where Persian typists put one: inside a compound, before a suffix
                case 1 -> s = s.matches(".*(عبد |ابو |أبو | الله| الدين).*")
                        ? s.replaceFirst("(عبد|ابو|أبو) ", "$1\u200C").replaceFirst(" (الله|الدين)", "\u200C$1")
                        : s.replaceFirst("([^ ])(پور|بور|زاده|نیا|نيا|خانی|خاني|یان|يان)( |$)", "$1\u200C$2$3");
                case 2 -> s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا");
                case 3 -> s = s.replaceFirst("(^| )ا(?!ل)", "$1" + pick(r, "أ", "إ"));
                case 4 -> s = s.replace('ة', 'ه');
                case 5 -> s = s.contains("عبد ال") || s.contains("ابو ") || s.contains("أبو ")
                        ? s.replace("عبد ال", "عبدال").replace("ابو ", "ابو").replace("أبو ", "أبو")
                        : s.replace("عبدال", "عبد ال").replace("ابوب", "ابو ب");
                default -> s = s.replace("ئ", "ي").replace("ؤ", "و").replace("ى", persian ? "ی" : "ي");
            }
        }
        return s;
    }

    private static String insertAfterJoining(String s, String mark, Random r) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            char next = s.charAt(i + 1);
            if (isArabicScript(String.valueOf(c)) && NON_JOINING.indexOf(c) < 0 && next != ' ' && isArabicScript(String.valueOf(next))) {
                at.add(i + 1);
            }
        }
        if (at.isEmpty()) {
            return s;
        }
        int i = pick(r, at);
        return s.substring(0, i) + mark + s.substring(i);
    }

    // ------------------------------------------------------------------ dates of birth

    /** The date the traveller's document shows for a true date of birth; null for none. */
    static PartialDate date(DateKind kind, LocalDate born, Random r) {
        return switch (kind) {
            case EXACT, NOT_LISTED -> PartialDate.exact(born);
            case DAY_MONTH_SWAPPED -> born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
                    ? PartialDate.exact(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue())) : null;
            case YEAR_OFF_BY_ONE -> PartialDate.exact(born.plusYears(r.nextBoolean() ? 1 : -1));
            case YEAR_ONLY -> PartialDate.year(born.getYear());
            case NONE -> null;
        };
    }

    /** Whether {@link #date} can show this date so: a swap needs a day that can be a month. */
    static boolean possible(DateKind kind, LocalDate born) {
        return kind != DateKind.DAY_MONTH_SWAPPED || (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue());
    }
}
