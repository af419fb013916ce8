package org.manfadh.screening.matching;

import org.manfadh.screening.matching.NameIndex.Token;

/** How alike two tokens are, through their Latin readings: 1 for the same token, 0 for unrelated. */
final class TokenSimilarity {

    private TokenSimilarity() {
    }

    /**
     * The similarity of a query token to a listed one. A romanisation other than the most likely
     * one counts a little less; {@code truncatable} lets the query token stand for a listed token
     * it begins (an MRZ cuts the last name at the field's length).
     */
    static double of(Token query, Token listed, boolean truncatable) {
        if (query.text().equals(listed.text())) {
            return 1;
        }
        double best = 0;
        String[] qf = query.forms();
        String[] lf = listed.forms();
        for (int i = 0; i < qf.length; i++) {
            for (int j = 0; j < lf.length; j++) {
                double s = forms(qf[i], query.keys()[i], lf[j], listed.keys()[j], truncatable && !query.arabic());
                if (query.arabic() || listed.arabic()) {
                    // a reading of Arabic script is a guess; the likelier the guess, the more it counts
                    s *= 1 - 0.015 * (i + j) - (query.arabic() && listed.arabic() ? 0.03 : 0.01);
                }
                if (s > best) {
                    best = s;
                }
            }
        }
        return best;
    }

    private static double forms(String q, String qKey, String l, String lKey, boolean truncatable) {
        if (q.equals(l)) {
            return 1;
        }
        if (qKey.equals(lKey)) {
            return 0.96;
        }
        double s = KeyDistance.similarity(qKey, lKey);
        if (truncatable && q.length() >= 3 && q.length() < l.length()
                && (l.startsWith(q) || qKey.length() >= 3 && lKey.startsWith(qKey))) {
            s = Math.max(s, q.length() >= 5 ? 0.95 : q.length() == 4 ? 0.93 : 0.86);
        }
        return s;
    }

    /**
     * What a similarity is worth in a name's score: full value when the tokens are the same name,
     * falling linearly to nothing at {@link NameIndex#MIN_TOKEN_SIMILARITY}. (A steeper fall, as
     * the square, lost names spelt by ear, JLEL for Jalil, without sparing ordinary travellers.)
     */
    static double effective(double similarity) {
        if (similarity >= 0.92) {
            return similarity;
        }
        if (similarity < NameIndex.MIN_TOKEN_SIMILARITY) {
            return 0;
        }
        double t = (similarity - NameIndex.MIN_TOKEN_SIMILARITY) / (0.92 - NameIndex.MIN_TOKEN_SIMILARITY);
        return 0.92 * t;
    }
}
