package org.manfadh.screening.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import com.ibm.icu.text.Transliterator;

/**
 * How Arabic-script names are spelt in Latin letters, learnt from pairs of spellings: a dictionary
 * of the Latin spellings of frequent names, and for every other name a model of which Latin
 * letters each Arabic letter becomes (with the vowels Arabic does not write absorbed into the
 * letter before them: م → "mu", "mo", "ma", "m", "mm"…), at the start, in the middle and at the end
 * of a word. The model is learnt by aligning each pair letter by letter (Viterbi, hard EM over a
 * few rounds, starting from the letters' textbook values), so that it learns the conventions of
 * real names rather than one standard. Persian names, for which there is no corpus, are read by the
 * same model with the Persian letters added, and by ICU's Persian-Latin/BGN transform.
 *
 * <p>Immutable once built, and safe for concurrent use.
 */
public final class TransliterationModel {

    /** A pair of spellings of one name, and how often it was seen. */
    record Pair(String arabic, String latin, int count) {
    }

    private static final int MAX_SEGMENT = 4;
    private static final double UNSEEN = Math.log(1e-7);
    private static final int KEEP_PER_LETTER = 10;
    private static final int BEAM = 32;

    /** The textbook values of each letter: its consonants; vowels may follow any of them. */
    private static final Map<Character, String[]> TEXTBOOK = new HashMap<>();

    static {
        textbook('ا', "", "'");
        textbook('ب', "b", "p");
        textbook('ت', "t");
        textbook('ث', "th", "s", "t");
        textbook('ج', "j", "g", "dj", "zh");
        textbook('ح', "h");
        textbook('خ', "kh", "h", "k", "x", "ch");
        textbook('د', "d");
        textbook('ذ', "dh", "z", "d", "th");
        textbook('ر', "r");
        textbook('ز', "z", "s");
        textbook('س', "s");
        textbook('ش', "sh", "ch", "sch", "s");
        textbook('ص', "s");
        textbook('ض', "d", "dh", "z");
        textbook('ط', "t");
        textbook('ظ', "z", "dh", "d");
        textbook('ع', "", "'");
        textbook('غ', "gh", "g");
        textbook('ف', "f", "ph", "v");
        textbook('ق', "q", "k", "g");
        textbook('ك', "k", "c", "ck", "ch");
        textbook('ل', "l");
        textbook('م', "m");
        textbook('ن', "n");
        textbook('ه', "h", "");
        textbook('و', "w", "v", "");
        textbook('ي', "y", "");
        textbook('پ', "p");
        textbook('چ', "ch", "tch", "c", "j");
        textbook('ژ', "zh", "j", "z");
        textbook('گ', "g", "gu");
        textbook('ڤ', "v", "w");
    }

    private static void textbook(char letter, String... consonants) {
        TEXTBOOK.put(letter, consonants);
    }

    /** Letters the corpus cannot teach: Persian and Kurdish ones, learnt from their Arabic twins. */
    private static final Map<Character, Character> TWIN = Map.of('پ', 'ب', 'چ', 'ش', 'ژ', 'ز', 'گ', 'ق', 'ڤ', 'ف');

    /** Built on first use: the transform takes most of a second to build and serves Persian letters only. */
    private static final class Persian {
        static final Transliterator BGN = Transliterator.getInstance("Persian-Latin/BGN");
    }

    private final Map<String, String[]> dictionary;
    /** segments[letter][position]: the Latin spellings of a letter, most likely first. */
    private final Map<Character, String[][]> segments;
    private final Map<Character, double[][]> logProbabilities;
    /** How often a Latin spelling's phonetic key occurs among the corpus's names. */
    private final Map<String, Integer> keyCounts;
    private final int totalCount;
    /** Every letter's segments in every context, as learnt: what a given spelling is scored by. */
    private final SegmentTable[] tables;
    /** Per table, the log-probability of its likeliest segment. */
    private final double[] bestLogs;

    private TransliterationModel(Map<String, String[]> dictionary, Map<String, Integer> keyCounts, int totalCount,
            SegmentTable[] tables) {
        this.tables = tables;
        this.bestLogs = new double[tables.length];
        for (int t = 0; t < tables.length; t++) {
            double best = UNSEEN;
            for (double l : tables[t].logs()) {
                best = Math.max(best, l);
            }
            bestLogs[t] = best;
        }
        this.dictionary = dictionary;
        this.keyCounts = keyCounts;
        this.totalCount = totalCount;
        this.segments = new HashMap<>();
        this.logProbabilities = new HashMap<>();
        for (int l = 0; l < LETTERS.length(); l++) {
            String[][] segs = new String[CONTEXTS][];
            double[][] lp = new double[CONTEXTS][];
            for (int c = 0; c < CONTEXTS; c++) {
                SegmentTable t = tables[l * CONTEXTS + c];
                Integer[] order = new Integer[t.codes.length];
                for (int k = 0; k < order.length; k++) {
                    order[k] = k;
                }
                Arrays.sort(order, (x, y) -> Double.compare(t.logs[y], t.logs[x]));
                int keep = Math.min(KEEP_PER_LETTER, order.length);
                segs[c] = new String[keep];
                lp[c] = new double[keep];
                for (int k = 0; k < keep; k++) {
                    segs[c][k] = decode(t.codes[order[k]]);
                    lp[c][k] = t.logs[order[k]];
                }
            }
            segments.put(LETTERS.charAt(l), segs);
            logProbabilities.put(LETTERS.charAt(l), lp);
        }
    }

    /**
     * The model Manfadh ships: learnt from the corpora at build time (see {@link LearntModelFile})
     * and read here in milliseconds. Fails with {@link IllegalStateException} saying what to do
     * when the learnt model is missing from the class path, damaged, or of another version.
     */
    public static TransliterationModel fromClasspath() {
        return LearntModelFile.fromClasspath();
    }

    /** Learns the model from the corpora that ship with Manfadh (a second or two of CPU). */
    static TransliterationModel learnFromClasspath() {
        return learnFromClasspath(pair -> true);
    }

    /** As {@link #learnFromClasspath()}, learning only from the pairs the filter keeps (for held-out tests). */
    static TransliterationModel learnFromClasspath(Predicate<Pair> keep) {
        ClassLoader loader = TransliterationModel.class.getClassLoader();
        try (InputStream wikidata = loader.getResourceAsStream("screening/translit-en-ar-wikidata.tsv");
                InputStream wikipedia = loader.getResourceAsStream("screening/translit-ar-en-wikipedia.txt")) {
            Objects.requireNonNull(wikidata, "screening/translit-en-ar-wikidata.tsv is on the class path");
            Objects.requireNonNull(wikipedia, "screening/translit-ar-en-wikipedia.txt is on the class path");
            return learn(readPairs(wikidata, wikipedia).stream().filter(keep).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the two corpora: {@code wikidata} lines "latin TAB arabic letters space-separated TAB
     * count", {@code wikipedia} lines "arabic TAB latin".
     */
    public static TransliterationModel load(InputStream wikidata, InputStream wikipedia) {
        return learn(readPairs(wikidata, wikipedia));
    }

    static List<Pair> readPairs(InputStream wikidata, InputStream wikipedia) {
        List<Pair> pairs = new ArrayList<>(90_000);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(wikidata, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    int count = 1;
                    if (f.length >= 3) {
                        try {
                            count = Integer.parseInt(f[2].strip());
                        } catch (NumberFormatException e) {
                            count = 1;
                        }
                    }
                    add(pairs, f[1].replace(" ", ""), f[0], count);
                }
            }
            in = new BufferedReader(new InputStreamReader(wikipedia, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    add(pairs, f[0], f[1], 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    private static void add(List<Pair> pairs, String arabic, String latin, int count) {
        String a = NameNormalizer.fold(arabic);
        String l = NameNormalizer.latin(NameNormalizer.fold(latin).replace(" ", "").replace("-", ""));
        if (a.isEmpty() || l.isEmpty() || a.length() > 20 || l.length() > 30) {
            return;
        }
        for (int i = 0; i < a.length(); i++) {
            if (!TEXTBOOK.containsKey(a.charAt(i))) {
                return;
            }
        }
        for (int i = 0; i < l.length(); i++) {
            if (l.charAt(i) < 'a' || l.charAt(i) > 'z') {
                return;
            }
        }
        pairs.add(new Pair(a, l, Math.max(1, count)));
    }

    /** Learns the dictionary and the letter model from pairs of spellings. */
    static TransliterationModel learn(List<Pair> pairs) {
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        Map<String, Integer> keyCounts = new HashMap<>();
        int total = 0;
        for (Pair p : pairs) {
            spellings.computeIfAbsent(p.arabic(), a -> new HashMap<>()).merge(p.latin(), p.count(), Integer::sum);
            keyCounts.merge(PhoneticKey.of(p.latin()), p.count(), Integer::sum);
            total += p.count();
        }
        Map<String, String[]> dictionary = new HashMap<>(spellings.size() * 2);
        spellings.forEach((arabic, latins) -> {
            int sum = latins.values().stream().mapToInt(Integer::intValue).sum();
            dictionary.put(arabic, latins.entrySet().stream()
                    .filter(e -> e.getValue() * 20 >= sum)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(6)
                    .map(Map.Entry::getKey)
                    .toArray(String[]::new));
        });

        SegmentTable[] tables = new SegmentTable[LETTERS.length() * CONTEXTS];
        for (int l = 0; l < LETTERS.length(); l++) {
            SegmentTable textbook = SegmentTable.of(textbookScores(LETTERS.charAt(l)));
            for (int c = 0; c < CONTEXTS; c++) {
                tables[l * CONTEXTS + c] = textbook;
            }
        }
        int[][] letters = new int[pairs.size()][];
        byte[][] latins = new byte[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            letters[i] = contexts(pairs.get(i).arabic());
            latins[i] = codes(pairs.get(i).latin());
        }
        for (int round = 0; round < ROUNDS; round++) {
            Map<Long, Double> counts = new HashMap<>();
            int[] segmentCodes = new int[24];
            for (int i = 0; i < pairs.size(); i++) {
                if (!align(letters[i], latins[i], tables, segmentCodes)) {
                    continue;
                }
                double weight = 1 + Math.log(pairs.get(i).count());
                for (int k = 0; k < letters[i].length; k++) {
                    counts.merge(((long) letters[i][k] << 32) | segmentCodes[k], weight, Double::sum);
                }
            }
            tables = normalise(counts, tables);
        }

        return new TransliterationModel(dictionary, keyCounts, total, tables);
    }

    private static final int ROUNDS = 2;
    /** Where a letter stands: first, inside or last; and whether a letter of long vowel follows. */
    private static final int CONTEXTS = 6;
    private static final String LETTERS;

    static {
        StringBuilder b = new StringBuilder();
        TEXTBOOK.keySet().stream().sorted().forEach(b::append);
        LETTERS = b.toString();
    }

    private static int context(String arabic, int i) {
        int n = arabic.length();
        int position = i == 0 ? 0 : i == n - 1 ? 2 : 1;
        boolean vowelNext = i + 1 < n && "اوي".indexOf(arabic.charAt(i + 1)) >= 0;
        return position * 2 + (vowelNext ? 1 : 0);
    }

    /** Each letter of the word as its table: letter index × contexts + context. */
    private static int[] contexts(String arabic) {
        int[] out = new int[arabic.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = LETTERS.indexOf(arabic.charAt(i)) * CONTEXTS + context(arabic, i);
        }
        return out;
    }

    private static byte[] codes(String latin) {
        byte[] out = new byte[latin.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (latin.charAt(i) - 'a' + 1);
        }
        return out;
    }

    /** A segment of up to four letters as a number: base 27, the empty segment 0. */
    private static int encode(String s) {
        int code = 0;
        for (int i = 0; i < s.length(); i++) {
            code = code * 27 + (s.charAt(i) - 'a' + 1);
        }
        return code;
    }

    private static String decode(int code) {
        StringBuilder b = new StringBuilder();
        while (code > 0) {
            b.append((char) ('a' + code % 27 - 1));
            code /= 27;
        }
        return b.reverse().toString();
    }

    /** One letter's segments in one context: sorted codes and their log-probabilities. */
    private record SegmentTable(int[] codes, double[] logs) {

        static SegmentTable of(Map<Integer, Double> scores) {
            int[] codes = scores.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] logs = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                logs[i] = scores.get(codes[i]);
            }
            return new SegmentTable(codes, logs);
        }

        double log(int code) {
            int at = Arrays.binarySearch(codes, code);
            return at >= 0 ? logs[at] : UNSEEN;
        }
    }

    /** Log-probabilities of each table's segments, backed off to the letter's other contexts. */
    private static SegmentTable[] normalise(Map<Long, Double> counts, SegmentTable[] previous) {
        List<Map<Integer, Double>> byTable = new ArrayList<>();
        for (int t = 0; t < previous.length; t++) {
            byTable.add(new HashMap<>());
        }
        counts.forEach((key, count) -> byTable.get((int) (key >>> 32)).put((int) (long) key, count));
        SegmentTable[] out = new SegmentTable[previous.length];
        for (int l = 0; l < LETTERS.length(); l++) {
            Map<Integer, Double> all = new HashMap<>();
            for (int c = 0; c < CONTEXTS; c++) {
                byTable.get(l * CONTEXTS + c).forEach((k, v) -> all.merge(k, v, Double::sum));
            }
            double allSum = all.values().stream().mapToDouble(Double::doubleValue).sum();
            if (allSum == 0 || TWIN.containsKey(LETTERS.charAt(l))) {
                System.arraycopy(previous, l * CONTEXTS, out, l * CONTEXTS, CONTEXTS);
                continue; // letters the corpus does not show keep their textbook values
            }
            for (int c = 0; c < CONTEXTS; c++) {
                Map<Integer, Double> own = byTable.get(l * CONTEXTS + c);
                double ownSum = own.values().stream().mapToDouble(Double::doubleValue).sum();
                double lambda = ownSum / (ownSum + 20);
                Map<Integer, Double> mixed = new HashMap<>();
                for (var e : all.entrySet()) {
                    double p = lambda * (ownSum > 0 ? own.getOrDefault(e.getKey(), 0.0) / ownSum : 0)
                            + (1 - lambda) * e.getValue() / allSum;
                    if (p > 1e-5) {
                        mixed.put(e.getKey(), Math.log(p));
                    }
                }
                out[l * CONTEXTS + c] = SegmentTable.of(mixed);
            }
        }
        return out;
    }

    private static Map<Integer, Double> textbookScores(char letter) {
        List<String> segs = new ArrayList<>();
        for (String consonant : TEXTBOOK.get(letter)) {
            List<String> heads = new ArrayList<>(List.of(consonant.replace("'", "")));
            if (!consonant.isEmpty()) {
                heads.add(consonant + consonant.charAt(consonant.length() - 1));
            }
            if (letter == 'و') {
                heads.addAll(List.of("o", "u", "ou", "oo"));
            } else if (letter == 'ي') {
                heads.addAll(List.of("i", "ee", "e", "ei", "ai", "ie"));
            } else if (letter == 'ا' || letter == 'ع') {
                heads.addAll(List.of("a", "aa", "e", "i", "o", "u"));
            }
            for (String head : heads) {
                segs.add(head);
                for (String v : new String[] {"a", "e", "i", "o", "u", "y", "ou", "ee", "aa", "ai", "ei"}) {
                    segs.add(head + v);
                }
            }
        }
        Map<Integer, Double> scores = new HashMap<>();
        for (String s : segs) {
            if (s.length() <= MAX_SEGMENT) {
                scores.put(encode(s), Math.log(1.0 / segs.size()));
            }
        }
        return scores;
    }

    /**
     * Aligns one pair by Viterbi: {@code segments[i]} receives the code of the Latin segment that
     * letter i became. False when no alignment is plausible.
     */
    private static boolean align(int[] letters, byte[] latin, SegmentTable[] tables, int[] segments) {
        int n = letters.length;
        int m = latin.length;
        double[] best = new double[(n + 1) * (m + 1)];
        int[] from = new int[(n + 1) * (m + 1)];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            SegmentTable table = tables[letters[i]];
            for (int j = 0; j <= m; j++) {
                double here = best[i * (m + 1) + j];
                if (here == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int code = 0;
                for (int len = 0; len <= MAX_SEGMENT && j + len <= m; len++) {
                    if (len > 0) {
                        code = code * 27 + latin[j + len - 1];
                    }
                    double s = here + table.log(code);
                    int to = (i + 1) * (m + 1) + j + len;
                    if (s > best[to]) {
                        best[to] = s;
                        from[to] = j;
                    }
                }
            }
        }
        if (best[n * (m + 1) + m] < n * Math.log(1e-4) || n > segments.length) {
            return false;
        }
        int j = m;
        for (int i = n; i > 0; i--) {
            int start = from[i * (m + 1) + j];
            int code = 0;
            for (int k = start; k < j; k++) {
                code = code * 27 + latin[k];
            }
            segments[i - 1] = code;
            j = start;
        }
        return true;
    }

    /**
     * Latin spellings of an Arabic-script token (as {@link NameNormalizer} gives it), most likely
     * first: the corpus's own spellings of the name when it knows it, then the letter model's,
     * then ICU's Persian reading. Lower-case ASCII, at most {@code max}, distinct phonetic keys.
     */
    public List<String> romanise(String arabicToken, int max) {
        Map<String, String> byKey = new LinkedHashMap<>();
        String[] known = dictionary.get(arabicToken);
        if (known != null) {
            for (String s : known) {
                byKey.putIfAbsent(PhoneticKey.of(NameNormalizer.canonical(s)), NameNormalizer.canonical(s));
            }
        }
        for (String s : generate(arabicToken, BEAM)) {
            if (byKey.size() >= max) {
                break;
            }
            String c = NameNormalizer.canonical(s);
            byKey.putIfAbsent(PhoneticKey.of(c), c);
        }
        String persian = hasPersianLetters(arabicToken) ? persian(arabicToken) : "";
        if (!persian.isEmpty()) {
            byKey.putIfAbsent(PhoneticKey.of(persian), persian);
        }
        List<String> out = new ArrayList<>(byKey.values());
        return out.size() > max + 1 ? out.subList(0, max + 1) : out;
    }

    /**
     * How well a Latin spelling reads an Arabic-script token, by the letter model itself rather
     * than by comparing guesses: the best alignment of the spelling to the token's letters (each
     * letter becoming one of its learnt segments), its log-probability per letter set against that
     * of the likeliest spelling. 0 for a spelling as likely as the model's first, more the less
     * likely; {@link Double#POSITIVE_INFINITY} when the spelling cannot be aligned at all. Tokens
     * as {@link NameNormalizer} gives them.
     */
    public double readingGap(String arabicToken, String latin) {
        int n = 0;
        int[] letters = new int[arabicToken.length()];
        for (int i = 0; i < arabicToken.length(); i++) {
            int l = LETTERS.indexOf(arabicToken.charAt(i));
            if (l >= 0) {
                letters[n++] = l;
            }
        }
        if (n == 0 || latin.isEmpty() || latin.length() > 4 * n + 4) {
            return Double.POSITIVE_INFINITY;
        }
        StringBuilder known = new StringBuilder(n);
        for (int i = 0; i < arabicToken.length(); i++) {
            if (LETTERS.indexOf(arabicToken.charAt(i)) >= 0) {
                known.append(arabicToken.charAt(i));
            }
        }
        String word = known.toString();
        double best = 0;
        for (int i = 0; i < n; i++) {
            letters[i] = letters[i] * CONTEXTS + context(word, i);
            best += bestLogs[letters[i]];
        }
        byte[] codes = new byte[latin.length()];
        for (int j = 0; j < codes.length; j++) {
            char c = latin.charAt(j);
            if (c < 'a' || c > 'z') {
                return Double.POSITIVE_INFINITY;
            }
            codes[j] = (byte) (c - 'a' + 1);
        }
        double aligned = alignment(letters, n, codes, tables);
        return aligned == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.max(0, (best - aligned) / n);
    }

    /** The log-probability of the best alignment of the first n letters to the whole spelling. */
    private static double alignment(int[] letters, int n, byte[] latin, SegmentTable[] tables) {
        int m = latin.length;
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        Arrays.fill(previous, Double.NEGATIVE_INFINITY);
        previous[0] = 0;
        for (int i = 0; i < n; i++) {
            Arrays.fill(current, Double.NEGATIVE_INFINITY);
            SegmentTable table = tables[letters[i]];
            for (int j = 0; j <= m; j++) {
                double here = previous[j];
                if (here == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int code = 0;
                for (int len = 0; len <= MAX_SEGMENT && j + len <= m; len++) {
                    if (len > 0) {
                        code = code * 27 + latin[j + len - 1];
                    }
                    double s = here + table.log(code);
                    if (s > current[j + len]) {
                        current[j + len] = s;
                    }
                }
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }

    private static boolean hasPersianLetters(String token) {
        for (int i = 0; i < token.length(); i++) {
            if ("پچژگ".indexOf(token.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String persian(String arabicToken) {
        // the transform expects the Persian forms of yeh and kaf
        String p = arabicToken.replace('ي', 'ی').replace('ك', 'ک');
        String latin;
        synchronized (Persian.BGN) {
            latin = Persian.BGN.transliterate(p);
        }
        return NameNormalizer.canonical(NameNormalizer.latin(NameNormalizer.fold(latin).replace(" ", "").replace("-", "")));
    }

    private record Partial(String text, double logp) {
    }

    /** Beam search through the letter model. */
    List<String> generate(String arabic, int beam) {
        List<Partial> partials = List.of(new Partial("", 0));
        int n = arabic.length();
        for (int i = 0; i < n; i++) {
            String[][] segs = segments.get(arabic.charAt(i));
            if (segs == null) {
                continue;
            }
            int pos = context(arabic, i);
            double[] lp = logProbabilities.get(arabic.charAt(i))[pos];
            List<Partial> next = new ArrayList<>(partials.size() * segs[pos].length);
            for (Partial p : partials) {
                for (int s = 0; s < segs[pos].length; s++) {
                    next.add(new Partial(p.text() + segs[pos][s], p.logp() + lp[s]));
                }
            }
            next.sort(Comparator.comparingDouble(Partial::logp).reversed());
            // spellings that differ only in their vowels are one reading: keep the likeliest
            Map<String, Partial> distinct = new LinkedHashMap<>();
            for (Partial p : next) {
                if (distinct.size() >= beam) {
                    break;
                }
                distinct.putIfAbsent(PhoneticKey.of(p.text()), p);
            }
            partials = new ArrayList<>(distinct.values());
        }
        List<String> out = new ArrayList<>(partials.size());
        for (Partial p : partials) {
            if (!p.text().isEmpty()) {
                out.add(p.text());
            }
        }
        return out;
    }

    /**
     * How common a name is among the corpus's names, by its phonetic key: a prior for how much a
     * name says about a person before the index has seen enough names of its own.
     */
    double frequency(String key) {
        return keyCounts.getOrDefault(key, 0) / (double) Math.max(1, totalCount);
    }

    int dictionarySize() {
        return dictionary.size();
    }

    /**
     * What the model learns, the rest being worked out from it: the dictionary, the phonetic keys'
     * counts and their total, and every letter's segment table in every context (table t is letter
     * {@code t / contexts} of {@link #shape()}'s letters in context {@code t % contexts}: codes
     * ascending, base 27, with their log-probabilities).
     */
    record Learnt(Map<String, String[]> dictionary, Map<String, Integer> keyCounts, int totalCount, int[][] codes,
            double[][] logs) {
    }

    /**
     * The layout the learnt tables depend on (the letters in table order, the contexts, the longest
     * segment): a model learnt by code of another shape cannot be read back.
     */
    static String shape() {
        return LETTERS + "|" + CONTEXTS + "|" + MAX_SEGMENT;
    }

    Learnt learnt() {
        int[][] codes = new int[tables.length][];
        double[][] logs = new double[tables.length][];
        for (int t = 0; t < tables.length; t++) {
            codes[t] = tables[t].codes().clone();
            logs[t] = tables[t].logs().clone();
        }
        return new Learnt(Map.copyOf(dictionary), Map.copyOf(keyCounts), totalCount, codes, logs);
    }

    /**
     * The model as it was learnt, taking the learnt state as its own (not copied: nothing else may
     * change it); {@link IllegalArgumentException} when the tables do not fit the model's shape.
     */
    static TransliterationModel of(Learnt learnt) {
        int expected = LETTERS.length() * CONTEXTS;
        if (learnt.codes().length != expected || learnt.logs().length != expected) {
            throw new IllegalArgumentException("expected " + expected + " segment tables, not " + learnt.codes().length);
        }
        int largest = encode("z".repeat(MAX_SEGMENT));
        SegmentTable[] tables = new SegmentTable[expected];
        for (int t = 0; t < expected; t++) {
            int[] codes = learnt.codes()[t];
            double[] logs = learnt.logs()[t];
            if (codes.length != logs.length) {
                throw new IllegalArgumentException("segment table " + t + " has " + codes.length + " codes and "
                        + logs.length + " probabilities");
            }
            for (int k = 0; k < codes.length; k++) {
                if (codes[k] < 0 || codes[k] > largest || k > 0 && codes[k] <= codes[k - 1]) {
                    throw new IllegalArgumentException("segment table " + t + " is not a sorted set of segments");
                }
            }
            tables[t] = new SegmentTable(codes, logs);
        }
        return new TransliterationModel(learnt.dictionary(), learnt.keyCounts(), learnt.totalCount(), tables);
    }
}
