package org.manfadh.screening.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a name as written into comparable tokens: Latin tokens become lower-case ASCII, Arabic-script
 * tokens (Arabic, Persian, Kurdish) become Arabic letters in one canonical form, and tokens of other
 * scripts (Cyrillic, Greek, …) are romanised. Particles are resolved so that "Abd al-Rahman",
 * "Abdulrahman" and "Abdel Rahman" give the same token, and connectives (bin, ibn, al-) that lists
 * write inconsistently are dropped.
 */
final class NameNormalizer {

    private NameNormalizer() {
    }

    /** Romanises scripts the matcher has no model for; built on first use, not thread-safe. */
    private static final class OtherScripts {
        static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    }

    private static final Set<String> LATIN_ARTICLES = Set.of("al", "el", "ul", "ol", "il");
    /** The article with its l assimilated to a "sun letter", as in "ar-Rashid", "as-Sayed". */
    private static final Set<String> HYPHEN_ARTICLES = Set.of("al", "el", "ul", "ol", "il", "l", "ad", "ar", "as",
            "ash", "at", "az", "an", "adh", "ath", "ud", "ur", "us", "un", "ut", "ed", "er", "es", "et", "ez",
            "en", "esh");
    private static final Set<String> LATIN_CONNECTIVES = Set.of("bin", "ibn", "bint", "binti", "bn", "ibnu", "ibni",
            "iben", "ebn", "ebin", "bent", "binte", "bnt");
    private static final Set<String> LATIN_ABD = Set.of("abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdoul",
            "abdil", "abdur", "abdar", "abdus", "abdas", "abdou", "abdi");
    private static final Set<String> LATIN_ABU = Set.of("abu", "abou", "abo", "aboo", "abul", "abol", "abuu", "aboul",
            "umm", "um", "oum", "omm");
    private static final Set<String> ARABIC_CONNECTIVES = Set.of("بن", "ابن", "بنت");
    private static final Set<String> ARABIC_ABU = Set.of("ابو", "ام", "ابي");
    /**
     * Second halves of compound names that Arabic script writes as a word of their own and
     * romanisations glue on: نجيب الله, Najibullah; شمس الدين, Shamsuddin.
     */
    static final Set<String> ARABIC_COMPOUND_ENDS = Set.of("الله", "الدين");
    private static final Set<String> LATIN_COMPOUND_ENDS = Set.of("ullah", "ulla", "allah", "ollah", "olla",
            "uddin", "eddin", "oddin", "addin", "eddine", "uddeen", "din", "deen", "dine", "ddin", "ddine", "ddeen");
    /**
     * The second half of a compound glued on, however it is spelt: NOORALDEEN, Nureddine,
     * Nurudeen, Nuruddin, Nurdin; Najibullah, Najiballah, Najibolla.
     */
    private static final Pattern DIN_END = Pattern.compile("(.{3,}?)(?:[aeiou][ld]?)?d(?:in|een|ine|ean|en|ene)");
    private static final Pattern ALLAH_END = Pattern.compile("(.{3,}?)(?:[aeiou]?ll?ah?)");
    /** Names that begin with the letters of the article without having it. */
    private static final Set<String> ARABIC_AL_EXCEPTIONS = Set.of("الله", "الياس", "الهام", "الفت", "الماس", "البرت",
            "الكس", "الن", "اليسا", "اليزابيث");

    /** The tokens of a name; never null, empty for a name with no letters or digits. */
    static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String raw = fold(text);
        List<String> tokens = new ArrayList<>();
        for (String spaced : raw.split(" ")) {
            if (spaced.isEmpty()) {
                continue;
            }
            String[] parts = spaced.split("-");
            for (int p = 0; p < parts.length; p++) {
                String part = parts[p];
                if (part.isEmpty()) {
                    continue;
                }
                if (p < parts.length - 1 && HYPHEN_ARTICLES.contains(part) && !parts[p + 1].isEmpty()) {
                    continue;
                }
                String token = isArabicScript(part) ? part : latin(part);
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return particles(tokens);
    }

    /** True when the token is written in Arabic script (Arabic, Persian, Kurdish letters). */
    static boolean isArabicScript(String token) {
        return !token.isEmpty() && isArabicLetter(token.charAt(0));
    }

    private static boolean isArabicLetter(int cp) {
        return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D5) || (cp >= 0x06EE && cp <= 0x06FF)
                || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF);
    }

    /**
     * NFKC, case, Arabic letter forms, and separators: the result holds lower-case letters and
     * digits, Arabic letters in canonical form, '-' and single spaces between words; a change of
     * script also separates words.
     */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        int previousKind = 0; // 0 separator, 1 Arabic, 2 other letter or digit
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int mapped = arabicCanonical(cp);
            if (mapped == 0 || isApostrophe(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.ENCLOSING_MARK) {
                continue; // vowel signs, tatweel, hamza alone, bidi and joiner marks, apostrophes
            }
            if (mapped == '-' ) {
                if (previousKind != 0) {
                    out.append('-');
                }
                continue;
            }
            int kind;
            if (isArabicLetter(mapped)) {
                kind = 1;
            } else if (Character.isLetterOrDigit(mapped)) {
                kind = 2;
                if (Character.isDigit(mapped)) {
                    int d = Character.digit(mapped, 10);
                    mapped = d >= 0 ? '0' + d : mapped;
                }
            } else {
                if (previousKind != 0) {
                    out.append(' ');
                }
                previousKind = 0;
                continue;
            }
            if (previousKind != 0 && previousKind != kind) {
                out.append(' ');
            }
            if (kind == 2) {
                out.append(Character.toChars(Character.isValidCodePoint(mapped) ? lower(mapped) : mapped));
            } else {
                out.appendCodePoint(mapped);
            }
            previousKind = kind;
        }
        return out.toString().strip();
    }

    private static int lower(int cp) {
        if (cp == 'İ') {
            return 'i';
        }
        return Character.toLowerCase(cp);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '`' || cp == '´' || cp == 'ʼ' || cp == 'ʻ' || cp == 'ʽ' || cp == 'ʾ' || cp == 'ʿ'
                || cp == '‘' || cp == '’' || cp == 'ˈ' || cp == 'ʹ' || cp == '′';
    }

    /** The canonical Arabic letter for a code point; 0 to drop it; '-' for a word-joining hyphen. */
    private static int arabicCanonical(int cp) {
        return switch (cp) {
            case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ' -> 'ا';
            case 'ؤ', 'ۆ', 'ۇ', 'ۈ', 'ۉ', 'ۊ', 'ۋ', 'ۏ', 'ٶ', 'ٷ' -> 'و';
            case 'ئ', 'ى', 'ی', 'ێ', 'ې', 'ۍ', 'ۑ', 'ي', 'ٸ' -> 'ي';
            case 'ة', 'ۀ', 'ە', 'ھ', 'ہ', 'ۃ', 'ۂ' -> 'ه';
            case 'ک', 'ڪ', 'ػ', 'ؼ' -> 'ك';
            case 'ڕ' -> 'ر';
            case 'ڵ' -> 'ل';
            case 'ء', 'ـ', 'ٴ' -> 0;
            case '-', '‐', '‑', '‒', '–', '—' -> '-';
            default -> {
                if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED)
                        || (cp >= 0x0610 && cp <= 0x061A)) {
                    yield 0;
                }
                yield cp;
            }
        };
    }

    /** Lower-case ASCII for a token of Latin (or another non-Arabic) script; digits kept. */
    static String latin(String token) {
        StringBuilder special = new StringBuilder(token.length());
        boolean plain = true;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case 'ß' -> special.append("ss");
                case 'æ' -> special.append("ae");
                case 'œ' -> special.append("oe");
                case 'ø' -> special.append('o');
                case 'ı' -> special.append('i');
                case 'ł' -> special.append('l');
                case 'đ', 'ð' -> special.append('d');
                case 'þ' -> special.append("th");
                case 'ş', 'ș' -> special.append("sh");
                case 'ğ' -> special.append('g');
                case 'ç' -> special.append("ch");
                default -> {
                    special.append(c);
                    if (c > 0x7F) {
                        plain = false;
                    }
                }
            }
        }
        String s = special.toString();
        if (!plain) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder stripped = new StringBuilder(s.length());
            boolean foreign = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.getType(c) == Character.NON_SPACING_MARK) {
                    continue;
                }
                if (c > 0x7F) {
                    foreign = true;
                }
                stripped.append(c);
            }
            s = stripped.toString();
            if (foreign) {
                synchronized (OtherScripts.TO_LATIN) {
                    s = OtherScripts.TO_LATIN.transliterate(s);
                }
                s = s.toLowerCase(Locale.ROOT);
            }
        }
        StringBuilder ascii = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }

    /** Drops connectives and glues "abd", "abu" and "umm" to the name they introduce. */
    static List<String> particles(List<String> tokens) {
        int n = tokens.size();
        if (n <= 1) {
            return n == 0 ? tokens : List.of(canonical(tokens.get(0)));
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            boolean last = i == n - 1;
            if (isArabicScript(t)) {
                if (ARABIC_CONNECTIVES.contains(t) && !last || t.equals("ال") && !last) {
                    continue;
                }
                if (!last && ARABIC_COMPOUND_ENDS.contains(tokens.get(i + 1)) && !ARABIC_ABU.contains(t)
                        && !t.equals("عبد") && !ARABIC_COMPOUND_ENDS.contains(t)) {
                    out.add(t + tokens.get(++i));
                    continue;
                }
                if ((t.equals("عبد") || ARABIC_ABU.contains(t)) && !last) {
                    String next = tokens.get(++i);
                    if (next.equals("ال") && i < n - 1) {
                        next = tokens.get(++i);
                    }
                    if (isArabicScript(next)) {
                        out.add(canonical(t + stripArabicArticle(next)));
                        continue;
                    }
                    out.add(t);
                    out.add(canonical(next));
                    continue;
                }
                out.add(canonical(t));
            } else {
                if (!last && (LATIN_ARTICLES.contains(t) || LATIN_CONNECTIVES.contains(t)
                        || t.equals("ben") || t.equals("been") || t.equals("bein")
                        || assimilatedArticle(t, tokens.get(i + 1)))) {
                    continue;
                }
                // the second half of a compound, after an article written as a word of its own or not:
                // Saif al Din, Shams ad Din, Nur Din
                int end = i + 1;
                if (end < n - 1 && (LATIN_ARTICLES.contains(tokens.get(end)) || assimilatedArticle(tokens.get(end),
                        tokens.get(end + 1)))) {
                    end++;
                }
                if (!last && isLatinCompoundEnd(tokens.get(end)) && !LATIN_ABD.contains(t)
                        && !LATIN_ABU.contains(t) && !isArabicScript(tokens.get(end))) {
                    out.add(canonical(t + tokens.get(end)));
                    i = end;
                    continue;
                }
                if (!last && (LATIN_ABD.contains(t) || LATIN_ABU.contains(t))) {
                    String next = tokens.get(++i);
                    if (LATIN_ARTICLES.contains(next) && i < n - 1) {
                        next = tokens.get(++i);
                    }
                    if (!isArabicScript(next)) {
                        String head = LATIN_ABD.contains(t) ? "abd"
                                : t.startsWith("u") || t.startsWith("o") ? "umm" : "abu";
                        out.add(canonical(head + next));
                        continue;
                    }
                    out.add(canonical(t));
                    out.add(canonical(next));
                    continue;
                }
                out.add(canonical(t));
            }
        }
        return out.isEmpty() ? List.of(canonical(tokens.get(tokens.size() - 1))) : out;
    }

    private static final Pattern COMPOUND_END_ALONE = Pattern.compile("(?:[aeiou][ld]{1,2})?d(?:in|een|ine|ean|ene|den)|[aeiou]llah?|[aeiou]lah");

    /**
     * The article written as a word of its own with its l assimilated to the letter that follows:
     * AT TIKRITI, AR RAWI, ASH SHAMI, AD DIN; only when that letter follows, so that a name such as
     * Ar or An stays.
     */
    private static boolean assimilatedArticle(String t, String next) {
        if (!HYPHEN_ARTICLES.contains(t) || LATIN_ARTICLES.contains(t) || t.length() < 2 || isArabicScript(next)) {
            return false;
        }
        String consonant = t.substring(1);
        return next.length() > consonant.length() && next.startsWith(consonant);
    }

    /** "din", "aldeen", "eddine", "ullah": the second half of a compound written as a word of its own. */
    private static boolean isLatinCompoundEnd(String t) {
        return LATIN_COMPOUND_ENDS.contains(t) || COMPOUND_END_ALONE.matcher(t).matches();
    }

    /** How passports of the Gulf, Malaysia and South Asia abbreviate Muhammad. */
    private static final Set<String> MOHAMMED_ABBREVIATIONS = Set.of("mohd", "mhd", "muhd", "mhmd", "mohamd");

    /** One token on its own: the article and the "abd" connective in canonical form. */
    static String canonical(String t) {
        if (isArabicScript(t)) {
            if (t.startsWith("عبدال") && t.length() > 6) {
                return "عبد" + t.substring(5);
            }
            return stripArabicArticle(t);
        }
        if (MOHAMMED_ABBREVIATIONS.contains(t)) {
            return "mohammed";
        }
        if (t.startsWith("abd") && t.length() > 5) {
            return canonicalAbd(t);
        }
        if (t.length() >= 6) {
            java.util.regex.Matcher din = DIN_END.matcher(t);
            if (din.matches()) {
                return din.group(1) + "uddin";
            }
            java.util.regex.Matcher allah = ALLAH_END.matcher(t);
            if (allah.matches()) {
                return allah.group(1) + "ullah";
            }
        }
        return t;
    }

    private static String stripArabicArticle(String t) {
        if (t.startsWith("ال") && t.length() >= 5 && !ARABIC_AL_EXCEPTIONS.contains(t)) {
            return t.substring(2);
        }
        return t;
    }

    /** "abdulrahman", "abderrahmane", "abdullah" → "abdrahman", "abdrahmane", "abdallah". */
    private static String canonicalAbd(String t) {
        String rest = t.substring(3);
        for (String connective : new String[] {"oul", "ul", "el", "al", "ol", "il"}) {
            if (rest.startsWith(connective) && rest.length() - connective.length() >= 3) {
                rest = rest.substring(connective.length());
                break;
            }
        }
        if (rest.length() >= 3 && isVowel(rest.charAt(0)) && !isVowel(rest.charAt(1))
                && rest.charAt(1) == rest.charAt(2)) {
            rest = rest.substring(2); // abdurrahman, abdessalam: the article assimilated
        } else if (rest.length() >= 4 && (rest.charAt(0) == 'u' || rest.charAt(0) == 'e')
                && "rsnz".indexOf(rest.charAt(1)) >= 0 && isVowel(rest.charAt(2))) {
            rest = rest.substring(1); // abdurahman, abdusalam
        }
        if (rest.equals("lah") || rest.equals("llah") || rest.equals("la") || rest.equals("lla")
                || rest.equals("ulla") || rest.equals("ullah") || rest.equals("alla")) {
            rest = "allah";
        }
        return "abd" + rest;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
