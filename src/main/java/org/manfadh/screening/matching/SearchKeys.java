package org.manfadh.screening.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.manfadh.screening.matching.NameIndex.Token;

/**
 * What a search of stored people by name needs from the matcher, so that it finds a name however
 * it is written, exactly as screening does: the same normalisation (particles, articles, letter
 * forms), the same phonetic keys and skeletons, and the same Latin readings of Arabic-script
 * names through the {@link TransliterationModel}.
 *
 * <p>A stored person is given the keys of every part of every name they are known by
 * ({@link #keysOf}); a searched name is broken into parts, each with the keys it is found by
 * ({@link #searched}). A person shares a key with a part when the two read alike (the same
 * skeleton, one consonant apart, the same after merging the consonants romanisations trade, or,
 * for the last part, its beginning), whatever the script of either. The found persons are then
 * ranked by how many parts agree and how closely ({@link Searched#agreement}), with the token
 * similarity screening scores with, across scripts through the model's readings.
 *
 * <p>Safe for concurrent use; a {@link Searched} belongs to one search.
 */
public final class SearchKeys {

    /** The parts of a searched name that count; beyond them a name is a sentence, not a name. */
    public static final int MAX_PARTS = 6;

    /**
     * How alike a stored part and a searched one are at least to agree: spellings of one name
     * (Muhammad and Mohammed 0.97, Kadim and Kadhim 0.94, كاظم and Kadhim 0.99) are above it, other
     * names that screening still weighs as possible (Mahmoud and Mohammed 0.79, Hassan and Hussein
     * 0.76) below: a search lists the person asked for, not everyone a watchlist would flag.
     */
    static final double AGREES = 0.85;

    /** How much the share of a stored name's own parts found weighs in the closeness. */
    private static final double STORED_SHARE = 0.1;

    /** An index with nothing listed: its readings of tokens, their keys and similarities. */
    private final NameIndex readings;

    public SearchKeys(TransliterationModel model) {
        this.readings = new NameIndex(Objects.requireNonNull(model, "model"));
    }

    /**
     * The keys a person known by these names (in any script; null and blank ones ignored) is found
     * by: distinct and sorted, empty when no name has a letter.
     */
    public List<String> keysOf(Collection<String> names) {
        TreeSet<String> keys = new TreeSet<>();
        for (String name : names) {
            for (String part : NameNormalizer.tokens(name)) {
                keys.addAll(NameIndex.candidateKeys(readings.read(part), false));
            }
        }
        return List.copyOf(keys);
    }

    /** A name searched for; no parts when it has no letter or digit. */
    public Searched searched(String name) {
        List<String> parts = NameNormalizer.tokens(name);
        if (parts.size() > MAX_PARTS) {
            parts = parts.subList(0, MAX_PARTS);
        }
        Token[] tokens = new Token[parts.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = readings.read(parts.get(i));
        }
        return new Searched(tokens);
    }

    /**
     * How well a stored person's names agree with a searched name: how many of the searched parts
     * are found in one of the names, and how closely (1 for the same name part for part, less for
     * parts spelt differently, missing or in excess).
     */
    public record Agreement(int parts, double closeness) implements Comparable<Agreement> {

        /** The better agreement first: more parts, then closer. */
        @Override
        public int compareTo(Agreement other) {
            int byParts = Integer.compare(other.parts, parts);
            return byParts != 0 ? byParts : Double.compare(other.closeness, closeness);
        }
    }

    /** One search: its parts, and the similarities of stored name parts to them as they are met. */
    public final class Searched {

        private final Token[] parts;
        /** Per stored name part met, its similarity to each searched part. */
        private final Map<String, double[]> similarities = new HashMap<>();

        private Searched(Token[] parts) {
            this.parts = parts;
        }

        /** The normalised parts, in the order searched. */
        public List<String> parts() {
            List<String> out = new ArrayList<>(parts.length);
            for (Token t : parts) {
                out.add(t.text());
            }
            return out;
        }

        /**
         * Per part, the keys that find it among {@link #keysOf stored keys}; the last part also by
         * its beginning, for a name typed in part.
         */
        public List<List<String>> partKeys() {
            List<List<String>> out = new ArrayList<>(parts.length);
            for (int i = 0; i < parts.length; i++) {
                String[] keys = i == parts.length - 1 ? parts[i].lastQueryKeys() : parts[i].queryKeys();
                out.add(List.copyOf(new TreeSet<>(List.of(keys))));
            }
            return out;
        }

        /** How well the best of a person's names agrees with the search; none for no names. */
        public Agreement agreement(Collection<String> names) {
            Agreement best = new Agreement(0, 0);
            for (String name : names) {
                List<String> stored = NameNormalizer.tokens(name);
                if (stored.isEmpty() || parts.length == 0) {
                    continue;
                }
                Agreement a = agreement(stored);
                if (a.compareTo(best) < 0) {
                    best = a;
                }
            }
            return best;
        }

        /** Parts paired one to one, the most alike first, whatever their order. */
        private Agreement agreement(List<String> stored) {
            int n = parts.length;
            int m = stored.size();
            double[][] sim = new double[n][];
            double[][] byStored = new double[m][];
            for (int j = 0; j < m; j++) {
                byStored[j] = similarities.computeIfAbsent(stored.get(j), this::similarities);
            }
            for (int i = 0; i < n; i++) {
                sim[i] = new double[m];
                for (int j = 0; j < m; j++) {
                    sim[i][j] = byStored[j][i];
                }
            }
            boolean[] searchedUsed = new boolean[n];
            boolean[] storedUsed = new boolean[m];
            int agreed = 0;
            double total = 0;
            for (int round = 0; round < Math.min(n, m); round++) {
                int bi = -1;
                int bj = -1;
                double bv = AGREES;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m && !searchedUsed[i]; j++) {
                        if (!storedUsed[j] && sim[i][j] >= bv && (bi < 0 || sim[i][j] > bv)) {
                            bv = sim[i][j];
                            bi = i;
                            bj = j;
                        }
                    }
                }
                if (bi < 0) {
                    break;
                }
                searchedUsed[bi] = true;
                storedUsed[bj] = true;
                agreed++;
                total += bv;
            }
            double closeness = (1 - STORED_SHARE) * total / n + STORED_SHARE * agreed / m;
            return new Agreement(agreed, closeness);
        }

        private double[] similarities(String storedPart) {
            Token stored = readings.read(storedPart);
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Math.min(1, readings.tokenSimilarity(parts[i], stored, i == parts.length - 1));
            }
            return out;
        }
    }
}
