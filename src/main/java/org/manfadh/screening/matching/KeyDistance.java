package org.manfadh.screening.matching;

/**
 * How far apart two phonetic keys are: an edit distance whose costs follow how romanisations
 * differ. A vowel is cheap to add or drop (Arabic does not write short vowels, so one romanisation
 * has them and another not), vowels of neighbouring classes are cheap to swap (a/e, e/i, o/u were
 * folded already), and consonants that conventions confuse (s/z, t/d, h/kh) cost less than others.
 */
final class KeyDistance {

    private KeyDistance() {
    }

    /** 1 for equal keys, falling towards 0 as the cost of editing one into the other grows. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        return Math.max(0, 1 - distance(a, b) / longer);
    }

    static double distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        for (int j = 1; j <= m; j++) {
            previous[j] = previous[j - 1] + indel(b.charAt(j - 1), j - 1);
        }
        for (int i = 1; i <= n; i++) {
            char x = a.charAt(i - 1);
            current[0] = previous[0] + indel(x, i - 1);
            for (int j = 1; j <= m; j++) {
                char y = b.charAt(j - 1);
                double best = previous[j - 1] + substitution(x, y);
                best = Math.min(best, previous[j] + indel(x, i - 1));
                best = Math.min(best, current[j - 1] + indel(y, j - 1));
                current[j] = best;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }

    private static double indel(char c, int position) {
        if (PhoneticKey.isVowelClass(c)) {
            return position == 0 ? 0.6 : 0.35;
        }
        if (c == 'h' || c == 'y' || c == 'v') {
            return 0.6;
        }
        return 1;
    }

    /** Substitution costs between key characters (all ASCII), worked out once: the edit distance is on every check's path. */
    private static final double[][] SUBSTITUTION = new double[128][128];

    static {
        for (char x = 0; x < 128; x++) {
            for (char y = 0; y < 128; y++) {
                SUBSTITUTION[x][y] = substitutionCost(x, y);
            }
        }
    }

    private static double substitution(char x, char y) {
        return x < 128 && y < 128 ? SUBSTITUTION[x][y] : substitutionCost(x, y);
    }

    private static double substitutionCost(char x, char y) {
        if (x == y) {
            return 0;
        }
        char p = x < y ? x : y;
        char q = x < y ? y : x;
        return switch ("" + p + q) {
            case "ae" -> 0.2;
            case "ei" -> 0.3;
            case "eo" -> 0.5;
            case "ai", "ao", "io" -> 0.6;
            // the consonants of Gulf and Iraqi spellings: ch for k, y for j, dh/th/z/d for one another
            // d and t for one another (Turkish Ahmet, Mecit), s and t for ث (Osman, Othman)
            case "dz", "tz", "hx" -> 0.3;
            case "dt" -> 0.35;
            case "st", "sz" -> 0.4;
            case "CS", "Ck" -> 0.25;
            case "kx", "jy", "Cj" -> 0.4;
            case "Ss", "jz", "Sj", "fv", "bf", "jk", "Cs" -> 0.5;
            case "iy", "ov" -> 0.3;
            case "mn", "lr", "bv", "ah" -> 0.7;
            default -> 1;
        };
    }
}
