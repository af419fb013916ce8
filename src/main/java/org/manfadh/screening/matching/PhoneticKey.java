package org.manfadh.screening.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Phonetic keys of Latin name tokens, tuned to the ways Arabic, Persian, Kurdish and Turkish names
 * are romanised: letters that stand for the same sound in different conventions share a class
 * (q/k/g/gh, dh/z, sh/ch, v/w, p/b, th/t), doubled letters count once, and vowels fall into four
 * classes, a, e, i (i, ee, ai, ay, ei) and o (o, u, ou, oo), since vowels are what romanisations
 * disagree on most ("Mohammed", "Muhammad" give "mohamed", "mohamad", one cheap step apart in
 * {@link KeyDistance}). The {@link #skeleton} drops the vowels, for candidate generation only: it
 * is too coarse to score with ("Mahmoud" and "Mohammed" share it).
 */
final class PhoneticKey {

    private PhoneticKey() {
    }

    /** The key of a lower-case ASCII token. */
    static String of(String s) {
        int n = s.length();
        StringBuilder k = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                k.append(c);
                i++;
                continue;
            }
            if (isVowelAt(s, i)) {
                int j = i;
                while (j < n && isVowelAt(s, j)) {
                    j++;
                }
                int runEnd = j;
                // a final "h" after a vowel is silent: Fatimah, Fatemeh, Abdallah
                if (j == n - 1 && s.charAt(j) == 'h') {
                    j++;
                }
                vowels(s.substring(i, runEnd), k);
                i = j;
                continue;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char cls;
            int width = 1;
            if (c == 's' && next == 'c' && i + 2 < n && s.charAt(i + 2) == 'h') {
                cls = 'S';
                width = 3;
            } else if (next == 'h' && "sckgptdzb".indexOf(c) >= 0) {
                width = 2;
                cls = switch (c) {
                    // "ch" is sh in French spellings (Cherif), k in Gulf and Iraqi ones (Chalb for
                    // Kalb), the Persian and Turkish ch (Chamran): a class of its own, near all three
                    case 'c' -> 'C';
                    case 's' -> 'S';
                    case 'k' -> 'x';
                    case 'g' -> 'k';
                    case 'p' -> 'f';
                    case 't' -> 't';
                    case 'd', 'z' -> c == 'd' ? 'z' : 'j';
                    default -> 'b';
                };
            } else if (c == 'd' && next == 'j') {
                cls = 'j';
                width = 2;
            } else if (c == 'c' && next == 'k') {
                cls = 'k';
                width = 2;
            } else {
                cls = switch (c) {
                    case 'p' -> 'b';
                    case 'w' -> 'v';
                    case 'q', 'g' -> 'k';
                    case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
                    case 'y' -> 'y';
                    default -> c;
                };
            }
            if (k.isEmpty() || k.charAt(k.length() - 1) != cls) {
                k.append(cls);
            }
            i += width;
        }
        return k.toString();
    }

    /** A run of vowels as classes: a diphthong or long vowel is one class, two syllables two. */
    private static void vowels(String run, StringBuilder k) {
        if (run.isEmpty()) {
            return;
        }
        String classes = switch (run) {
            case "a", "aa" -> "a";
            case "e", "ae", "ea" -> "e";
            case "i", "ee", "ii", "ai", "ay", "ei", "ey", "ie", "y", "iy", "aye", "ye", "eey" -> "i";
            case "o", "u", "ou", "oo", "uu", "au", "aw", "ow", "oe", "ue", "uo", "oa" -> "o";
            default -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < run.length(); i++) {
                    char c = run.charAt(i);
                    char cls = c == 'u' ? 'o' : c == 'y' ? 'i' : c;
                    if (b.isEmpty() || b.charAt(b.length() - 1) != cls) {
                        b.append(cls);
                    }
                }
                yield b.toString();
            }
        };
        if (!k.isEmpty() && isVowelClass(k.charAt(k.length() - 1)) && k.charAt(k.length() - 1) == classes.charAt(0)) {
            k.append(classes, 1, classes.length());
        } else {
            k.append(classes);
        }
    }

    static boolean isVowelClass(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o';
    }

    /**
     * The skeleton with the consonants that romanisations trade for one another merged, for
     * candidate generation only: the velars and uvulars (k, q, g, kh and the "ch" of Gulf
     * spellings), the dentals that stand for ذ ظ ض ث (d, t, z, dh, th), j and y (the Gulf y for
     * ج); h, which spellings drop and add, is left out. The "ch" of French and Persian spellings is
     * sh: a key with "ch" gives both readings. Empty when fewer than two consonants remain.
     */
    static List<String> coarse(String key) {
        StringBuilder first = new StringBuilder(key.length());
        StringBuilder second = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (isVowelClass(c) || c == 'h') {
                continue;
            }
            char merged = switch (c) {
                case 'k', 'x', 'C' -> 'k';
                case 'd', 't', 'z' -> 'd';
                case 'y' -> 'j';
                case 'S' -> 's';
                default -> c;
            };
            if (c == 'C' && second == null) {
                second = new StringBuilder(first);
            }
            append(first, merged);
            if (second != null) {
                append(second, c == 'C' ? 's' : merged);
            }
        }
        List<String> out = new ArrayList<>(2);
        if (first.length() >= 2) {
            out.add(first.toString());
        }
        if (second != null && second.length() >= 2) {
            out.add(second.toString());
        }
        return out;
    }

    private static void append(StringBuilder b, char c) {
        if (b.isEmpty() || b.charAt(b.length() - 1) != c) {
            b.append(c);
        }
    }

    /** The key without its vowels. */
    static String skeleton(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isVowelClass(c) && (b.isEmpty() || b.charAt(b.length() - 1) != c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** 'y' is a vowel unless it begins a syllable: Yusuf, Ayoub keep it, Husayn, Hasny do not. */
    private static boolean isVowelAt(String s, int i) {
        char c = s.charAt(i);
        if (NameNormalizer.isVowel(c)) {
            return true;
        }
        if (c != 'y') {
            return false;
        }
        boolean beforeVowel = i + 1 < s.length() && NameNormalizer.isVowel(s.charAt(i + 1));
        return !beforeVowel;
    }
}
