package org.manfadh.capacity.training;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A person's name folded for matching a roster's rows to people already known: compatibility forms unfolded, marks
 * (Latin accents, Arabic harakat, shadda, superscript alef) and tatweel dropped, the letter forms that Arabic and
 * Kurdish typists use for one another made one (alef with hamza or madda → alef, teh marbuta → heh, alef maksura and
 * Farsi yeh → yeh, keheh → kaf), case folded, punctuation to spaces, spaces collapsed. Kurdish vowels (ە, ۆ, ێ) and
 * letters (ڕ, ڵ, ڤ, گ, چ, پ, ژ) stay what they are: they tell names apart. No transliteration across scripts: a name
 * typed in Latin letters once and in Arabic letters another time is two people until linked by an account.
 */
final class NameKeys {

    private NameKeys() {
    }

    static String of(String name) {
        if (name == null) {
            return "";
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\u0640') {
                continue;
            }
            char folded = switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627';
                case '\u0629' -> '\u0647';
                case '\u0649', '\u06CC' -> '\u064A';
                case '\u06A9' -> '\u0643';
                default -> Character.toLowerCase(c);
            };
            if (Character.isLetterOrDigit(folded)) {
                key.append(folded);
                space = false;
            } else if (!space) {
                key.append(' ');
                space = true;
            }
        }
        String folded = key.toString().strip();
        // NFKD split alef with madda/hamza into alef + mark: recompose what is left, then fold once more.
        return Normalizer.normalize(folded, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
