package org.manfadh.screening.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline every faster index is measured against: compares the query with every name of
 * every listed person by Jaro-Winkler, the way moov-io/watchman does — each query token paired
 * with its most similar listed token, the similarities averaged weighted by token length. No
 * candidate generation, no transliteration: a full scan, kept for the benchmark and as a
 * reference in tests, never used to screen travellers.
 */
public final class JaroWinklerScan implements WatchlistIndex {

    private record Scanned(ListedPerson person, List<String[]> tokenisedNames) {
    }

    private final Map<UUID, Scanned> persons = new ConcurrentHashMap<>();
    private final Map<UUID, ListedDocument> documents = new ConcurrentHashMap<>();

    @Override
    public void putPersons(Collection<ListedPerson> toPut) {
        for (ListedPerson person : toPut) {
            List<String[]> names = new ArrayList<>(person.names().size());
            for (ListedName name : person.names()) {
                names.add(tokens(name.text()));
            }
            persons.put(person.entryId(), new Scanned(person, names));
        }
    }

    @Override
    public void putDocuments(Collection<ListedDocument> toPut) {
        for (ListedDocument document : toPut) {
            documents.put(document.entryId(), document);
        }
    }

    @Override
    public void remove(Collection<UUID> entryIds) {
        for (UUID id : entryIds) {
            persons.remove(id);
            documents.remove(id);
        }
    }

    @Override
    public void removeList(UUID listId) {
        persons.values().removeIf(s -> s.person().listId().equals(listId));
        documents.values().removeIf(d -> d.listId().equals(listId));
    }

    @Override
    public List<NameMatch> matchPersons(PersonQuery query, double minScore, int limit) {
        String[] queryTokens = tokens(query.wholeName());
        if (queryTokens.length == 0) {
            return List.of();
        }
        List<NameMatch> found = new ArrayList<>();
        for (Scanned scanned : persons.values()) {
            double best = -1;
            int bestName = -1;
            for (int i = 0; i < scanned.tokenisedNames().size(); i++) {
                double score = similarity(queryTokens, scanned.tokenisedNames().get(i));
                if (score > best) {
                    best = score;
                    bestName = i;
                }
            }
            if (best >= minScore) {
                String name = scanned.person().names().get(bestName).text();
                found.add(new NameMatch(scanned.person().entryId(), scanned.person().listId(), best, name,
                        List.of(new Contribution("name", best, "Jaro-Winkler, token by token", "name", List.of()))));
            }
        }
        found.sort(Comparator.comparingDouble(NameMatch::score).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public List<DocumentMatch> matchDocuments(String number, String issuingState) {
        String wanted = number.replaceAll("[\\s<]", "").toUpperCase(Locale.ROOT);
        List<DocumentMatch> found = new ArrayList<>();
        for (ListedDocument document : documents.values()) {
            if (document.number().replaceAll("[\\s<]", "").toUpperCase(Locale.ROOT).equals(wanted)) {
                found.add(new DocumentMatch(document.entryId(), document.listId(), document.number(),
                        document.issuingState(), true, "same number"));
            }
        }
        return found;
    }

    @Override
    public int personCount() {
        return persons.size();
    }

    @Override
    public int documentCount() {
        return documents.size();
    }

    /** Lower case, accents removed, anything but letters and digits a separator. */
    static String[] tokens(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }

    /** Each query token against its best listed token, weighted by length. */
    static double similarity(String[] query, String[] listed) {
        if (listed.length == 0) {
            return 0;
        }
        double weighted = 0;
        int weights = 0;
        for (String q : query) {
            double best = 0;
            for (String l : listed) {
                best = Math.max(best, jaroWinkler(q, l));
            }
            weighted += best * q.length();
            weights += q.length();
        }
        return weights == 0 ? 0 : weighted / weights;
    }

    /** Jaro-Winkler similarity with the usual prefix scale 0.1 over at most four characters. */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
