package org.manfadh.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The watchlist index that screens travellers: every listed name broken into tokens, each distinct
 * token held once with its Latin readings and phonetic keys, and found again through those keys,
 * so that a check looks at the few persons who share a name with the traveller and never scans
 * the list.
 *
 * <p>A check (1) normalises the query's tokens and reads Arabic-script ones into Latin spellings
 * with the {@link TransliterationModel}; (2) finds the listed tokens that sound alike, through
 * their vowel-less skeletons (exact or one letter apart) and, for a truncated last token, their
 * prefixes; (3) adds up, for every person holding such tokens, how much of the query they cover,
 * each token weighted by its rarity among the listed names, so that "Mohammed Ali" counts for
 * little; (4) scores the best of them fully: tokens paired one to one whatever their order,
 * coverage of the query and of the listed name, then date of birth, nationality, sex and document
 * number raise or lower the score. Every step's part goes into the explanation.
 *
 * <p>Thread safety: checks share a read lock, puts and removals take the write lock briefly; the
 * expensive part of a put (reading new tokens) happens before the lock. Memory: persons, names and
 * tokens are numbered; postings are int arrays.
 */
public final class NameIndex implements WatchlistIndex {

    /** Token similarities below this do not count at all. */
    static final double MIN_TOKEN_SIMILARITY = 0.72;
    private static final int MAX_QUERY_TOKENS = 12;
    /** Postings longer than this are skipped in candidate generation when the query has rarer names. */
    private static final int COMMON_POSTINGS = 20_000;
    private static final int ROMANISATIONS = 5;

    private final TransliterationModel model;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Readings of tokens, shared by puts and checks; bounded. */
    private final Map<String, Token> readings = new ConcurrentHashMap<>();

    // --- tokens (under the lock) ---
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private Token[] tokens = new Token[1024];
    private int[] tokenPersons = new int[1024];
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];
    private int tokenCount;
    /** Skeletons, their one-letter deletions and prefixes → token ids. */
    private final Map<String, int[]> keyTokens = new HashMap<>();

    // --- names and persons (under the lock) ---
    private int[] namePerson = new int[4096];
    private int[][] nameTokens = new int[4096][];
    private byte[] nameQuality = new byte[4096];
    private int nameCount;
    private ListedPerson[] persons = new ListedPerson[1024];
    private int[][] personNames = new int[1024][];
    private int personSlots;
    private final Map<UUID, Integer> slotOf = new HashMap<>();
    private final java.util.ArrayDeque<Integer> freeSlots = new java.util.ArrayDeque<>();
    private int livePersons;
    private final Map<String, int[]> personsByDocument = new HashMap<>();

    // --- documents (under the lock) ---
    private final Map<UUID, ListedDocument> documents = new HashMap<>();
    private final Map<String, List<ListedDocument>> documentsByKey = new HashMap<>();

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public NameIndex(TransliterationModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** A distinct token with its Latin readings (itself, or romanisations) and their keys. */
    record Token(String text, boolean arabic, String[] forms, String[] keys) {
    }

    Token read(String text) {
        Token known = readings.get(text);
        if (known != null) {
            return known;
        }
        boolean arabic = NameNormalizer.isArabicScript(text);
        List<String> forms = arabic ? model.romanise(text, ROMANISATIONS) : latinForms(text);
        String[] f = forms.toArray(String[]::new);
        String[] k = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            k[i] = PhoneticKey.of(f[i]);
        }
        Token token = new Token(text, arabic, f, k);
        if (readings.size() < 2_000_000) {
            readings.put(text, token);
        }
        return token;
    }

    /** A Latin token, and without the article when it is glued on, as MRZs write it: ALSHAMRANI. */
    private static List<String> latinForms(String text) {
        if (text.length() >= 6 && (text.startsWith("al") || text.startsWith("el"))
                && !NameNormalizer.isVowel(text.charAt(2))) {
            return List.of(text, text.substring(2));
        }
        return List.of(text);
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void putPersons(Collection<ListedPerson> toPut) {
        List<List<List<String>>> tokenised = new ArrayList<>(toPut.size());
        for (ListedPerson person : toPut) {
            List<List<String>> names = new ArrayList<>(person.names().size());
            for (ListedName name : person.names()) {
                List<String> t = NameNormalizer.tokens(name.text());
                names.add(t);
                for (String s : t) {
                    read(s);
                }
            }
            tokenised.add(names);
        }
        lock.writeLock().lock();
        try {
            int i = 0;
            for (ListedPerson person : toPut) {
                Integer old = slotOf.get(person.entryId());
                if (old != null) {
                    removeSlot(old);
                }
                addPerson(person, tokenised.get(i++));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void addPerson(ListedPerson person, List<List<String>> names) {
        int slot = freeSlots.isEmpty() ? personSlots++ : freeSlots.pop();
        if (slot >= persons.length) {
            persons = Arrays.copyOf(persons, persons.length * 2);
            personNames = Arrays.copyOf(personNames, personNames.length * 2);
        }
        persons[slot] = person;
        slotOf.put(person.entryId(), slot);
        livePersons++;
        int[] nameSlots = new int[names.size()];
        Set<Integer> distinct = new HashSet<>();
        for (int n = 0; n < names.size(); n++) {
            int nameSlot = nameCount++;
            if (nameSlot >= namePerson.length) {
                namePerson = Arrays.copyOf(namePerson, namePerson.length * 2);
                nameTokens = Arrays.copyOf(nameTokens, nameTokens.length * 2);
                nameQuality = Arrays.copyOf(nameQuality, nameQuality.length * 2);
            }
            List<String> t = names.get(n);
            int[] ids = new int[t.size()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = tokenId(t.get(k));
                if (distinct.add(ids[k])) {
                    tokenPersons[ids[k]]++;
                }
                addPosting(ids[k], nameSlot);
            }
            namePerson[nameSlot] = slot;
            nameTokens[nameSlot] = ids;
            nameQuality[nameSlot] = (byte) person.names().get(n).quality().ordinal();
            nameSlots[n] = nameSlot;
        }
        personNames[slot] = nameSlots;
        for (String number : person.documentNumbers()) {
            String key = DocumentNumbers.folded(number);
            if (!key.isEmpty()) {
                personsByDocument.merge(key, new int[] {slot}, NameIndex::concat);
            }
        }
    }

    private void removeSlot(int slot) {
        ListedPerson person = persons[slot];
        Set<Integer> distinct = new HashSet<>();
        for (int nameSlot : personNames[slot]) {
            for (int id : nameTokens[nameSlot]) {
                if (distinct.add(id)) {
                    tokenPersons[id]--;
                }
            }
            namePerson[nameSlot] = -1;
            nameTokens[nameSlot] = null;
        }
        for (String number : person.documentNumbers()) {
            String key = DocumentNumbers.folded(number);
            int[] slots = personsByDocument.get(key);
            if (slots != null) {
                int[] kept = Arrays.stream(slots).filter(s -> s != slot).toArray();
                if (kept.length == 0) {
                    personsByDocument.remove(key);
                } else {
                    personsByDocument.put(key, kept);
                }
            }
        }
        slotOf.remove(person.entryId());
        persons[slot] = null;
        personNames[slot] = null;
        freeSlots.push(slot);
        livePersons--;
    }

    private int tokenId(String text) {
        Integer id = tokenIds.get(text);
        if (id != null) {
            return id;
        }
        int newId = tokenCount++;
        if (newId >= tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
            tokenPersons = Arrays.copyOf(tokenPersons, tokenPersons.length * 2);
            postings = Arrays.copyOf(postings, postings.length * 2);
            postingSizes = Arrays.copyOf(postingSizes, postingSizes.length * 2);
        }
        Token token = read(text);
        tokens[newId] = token;
        postings[newId] = new int[2];
        tokenIds.put(text, newId);
        for (String key : candidateKeys(token, false)) {
            keyTokens.merge(key, new int[] {newId}, NameIndex::concat);
        }
        return newId;
    }

    private void addPosting(int tokenId, int nameSlot) {
        int size = postingSizes[tokenId];
        int[] list = postings[tokenId];
        if (size == list.length) {
            // drop the postings of removed names before growing
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (namePerson[list[i]] >= 0 && nameTokens[list[i]] != null) {
                    list[kept++] = list[i];
                }
            }
            size = kept;
            if (size * 2 > list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                postings[tokenId] = list;
            }
        }
        list[size] = nameSlot;
        postingSizes[tokenId] = size + 1;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * The keys a token is found by: its skeletons, their one-letter deletions (a typo, or a
     * consonant one convention writes and another not) and, for lookups of a truncated token,
     * the first three letters of the skeleton.
     */
    static Set<String> candidateKeys(Token token, boolean query) {
        Set<String> keys = new HashSet<>();
        for (String key : token.keys()) {
            String skeleton = PhoneticKey.skeleton(key);
            if (skeleton.isEmpty()) {
                keys.add("v" + key);
                continue;
            }
            keys.add("s" + skeleton);
            if (skeleton.length() >= 4) {
                for (int i = 0; i < skeleton.length(); i++) {
                    keys.add("d" + skeleton.substring(0, i) + skeleton.substring(i + 1));
                }
            }
            if (query) {
                // a skeleton one letter short of a listed one is one of its deletions
                keys.add("d" + skeleton);
            } else if (skeleton.length() >= 3) {
                keys.add("p" + skeleton.substring(0, 3));
            }
        }
        return keys;
    }

    @Override
    public void putDocuments(Collection<ListedDocument> toPut) {
        lock.writeLock().lock();
        try {
            for (ListedDocument document : toPut) {
                removeDocument(document.entryId());
                documents.put(document.entryId(), document);
                documentsByKey.computeIfAbsent(DocumentNumbers.folded(document.number()), k -> new ArrayList<>(1))
                        .add(document);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeDocument(UUID entryId) {
        ListedDocument old = documents.remove(entryId);
        if (old != null) {
            String key = DocumentNumbers.folded(old.number());
            List<ListedDocument> same = documentsByKey.get(key);
            same.removeIf(d -> d.entryId().equals(entryId));
            if (same.isEmpty()) {
                documentsByKey.remove(key);
            }
        }
    }

    @Override
    public void remove(Collection<UUID> entryIds) {
        lock.writeLock().lock();
        try {
            for (UUID id : entryIds) {
                Integer slot = slotOf.get(id);
                if (slot != null) {
                    removeSlot(slot);
                }
                removeDocument(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void removeList(UUID listId) {
        lock.writeLock().lock();
        try {
            for (int slot = 0; slot < personSlots; slot++) {
                if (persons[slot] != null && persons[slot].listId().equals(listId)) {
                    removeSlot(slot);
                }
            }
            for (UUID id : documents.values().stream().filter(d -> d.listId().equals(listId))
                    .map(ListedDocument::entryId).toList()) {
                removeDocument(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public int personCount() {
        lock.readLock().lock();
        try {
            return livePersons;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int documentCount() {
        lock.readLock().lock();
        try {
            return documents.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ documents

    @Override
    public List<DocumentMatch> matchDocuments(String number, String issuingState) {
        String plain = DocumentNumbers.plain(number);
        if (plain.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            List<ListedDocument> same = documentsByKey.getOrDefault(DocumentNumbers.folded(plain), List.of());
            List<DocumentMatch> found = new ArrayList<>(same.size());
            for (ListedDocument d : same) {
                if (issuingState != null && d.issuingState() != null && !issuingState.equals(d.issuingState())) {
                    continue; // the same number from another state is another document
                }
                boolean exact = DocumentNumbers.plain(d.number()).equals(plain);
                found.add(new DocumentMatch(d.entryId(), d.listId(), d.number(), d.issuingState(), exact,
                        exact ? "same number" : "same number up to OCR confusions (O/0, I/1, S/5, B/8 …): "
                                + plain + " vs " + DocumentNumbers.plain(d.number())));
            }
            found.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ checks

    /** Per-thread working memory of a check, reused so that a check allocates little. */
    private static final class Scratch {
        float[] bound = new float[0];
        int[] seen = new int[0];
        int stamp;
        int[] touched = new int[1024];
        int touchedCount;

        void ensure(int slots) {
            if (bound.length < slots) {
                bound = new float[Math.max(slots, bound.length * 2)];
                seen = new int[bound.length];
                stamp = 0;
            }
        }
    }

    /** A query token with its readings and how it matches listed tokens. */
    private static final class QueryToken {
        final Token token;
        final boolean last;
        final Map<Integer, Double> similar = new HashMap<>();

        QueryToken(Token token, boolean last) {
            this.token = token;
            this.last = last;
        }
    }

    @Override
    public List<NameMatch> matchPersons(PersonQuery query, double minScore, int limit) {
        List<String> texts = NameNormalizer.tokens(query.wholeName());
        if (texts.size() > MAX_QUERY_TOKENS) {
            texts = texts.subList(0, MAX_QUERY_TOKENS);
        }
        List<QueryToken> q = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            q.add(new QueryToken(read(texts.get(i)), i == texts.size() - 1));
        }
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            return check(query, q, minScore, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    private double weight(int tokenId) {
        return idf(tokenPersons[tokenId]);
    }

    private double idf(int df) {
        return Math.log(1 + (livePersons + 1.0) / (df + 1.0)) + 0.1;
    }

    private List<NameMatch> check(PersonQuery query, List<QueryToken> q, double minScore, int limit) {
        Scratch s = scratch.get();
        s.ensure(personSlots);
        s.touchedCount = 0;
        // 1. listed tokens like each query token
        for (QueryToken qt : q) {
            Set<Integer> candidates = new HashSet<>();
            for (String key : candidateKeys(qt.token, true)) {
                int[] ids = keyTokens.get(key);
                if (ids != null) {
                    for (int id : ids) {
                        candidates.add(id);
                    }
                }
            }
            if (qt.last) {
                for (String key : prefixKeys(qt.token)) {
                    int[] ids = keyTokens.get(key);
                    if (ids != null) {
                        for (int id : ids) {
                            candidates.add(id);
                        }
                    }
                }
            }
            Integer exact = tokenIds.get(qt.token.text());
            if (exact != null) {
                candidates.add(exact);
            }
            for (int id : candidates) {
                double sim = TokenSimilarity.of(qt.token, tokens[id], qt.last);
                if (sim >= MIN_TOKEN_SIMILARITY) {
                    qt.similar.put(id, sim);
                }
            }
        }
        // 2. persons holding them, with an upper bound of how much of the query they cover
        double queryWeight = 0;
        for (QueryToken qt : q) {
            queryWeight += queryTokenWeight(qt);
        }
        // a very common name (Mohammed) would touch a tenth of the list for little weight: when the
        // query has a rarer name to find candidates by, the common one only counts in full scoring
        boolean anySmall = false;
        for (QueryToken qt : q) {
            for (int id : qt.similar.keySet()) {
                anySmall |= postingSizes[id] <= COMMON_POSTINGS;
            }
        }
        for (int i = 0; i < q.size(); i++) {
            int stamp = ++s.stamp;
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(s.seen, 0);
                s.stamp = stamp = 1;
            }
            List<Map.Entry<Integer, Double>> similar = new ArrayList<>(q.get(i).similar.entrySet());
            similar.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
            for (Map.Entry<Integer, Double> e : similar) {
                int id = e.getKey();
                if (anySmall && postingSizes[id] > COMMON_POSTINGS) {
                    continue;
                }
                float gain = (float) (TokenSimilarity.effective(e.getValue()) * weight(id));
                int[] list = postings[id];
                int size = postingSizes[id];
                for (int k = 0; k < size; k++) {
                    int person = namePerson[list[k]];
                    if (person < 0 || s.seen[person] == stamp) {
                        continue;
                    }
                    s.seen[person] = stamp;
                    if (s.bound[person] == 0) {
                        if (s.touchedCount == s.touched.length) {
                            s.touched = Arrays.copyOf(s.touched, s.touched.length * 2);
                        }
                        s.touched[s.touchedCount++] = person;
                    }
                    s.bound[person] += gain;
                }
            }
        }
        Set<Integer> byDocument = new HashSet<>();
        if (query.documentNumber() != null) {
            int[] slots = personsByDocument.get(DocumentNumbers.folded(query.documentNumber()));
            if (slots != null) {
                for (int slot : slots) {
                    byDocument.add(slot);
                }
            }
        }
        // 3. the most promising persons, scored fully
        int keep = Math.max(40, limit * 4);
        int[] best = topByBound(s, keep, queryWeight, minScore);
        Set<Integer> scored = new HashSet<>();
        List<NameMatch> found = new ArrayList<>();
        PersonScorer scorer = new PersonScorer(q, query);
        for (int person : best) {
            scored.add(person);
            NameMatch m = scorer.score(person, persons[person], byDocument.contains(person));
            if (m != null && m.score() >= minScore) {
                found.add(m);
            }
        }
        for (int person : byDocument) {
            if (scored.add(person)) {
                NameMatch m = scorer.score(person, persons[person], true);
                if (m != null && m.score() >= minScore) {
                    found.add(m);
                }
            }
        }
        for (int k = 0; k < s.touchedCount; k++) {
            s.bound[s.touched[k]] = 0;
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private static List<String> prefixKeys(Token token) {
        List<String> keys = new ArrayList<>();
        for (String key : token.keys()) {
            String skeleton = PhoneticKey.skeleton(key);
            if (skeleton.length() >= 3) {
                keys.add("p" + skeleton.substring(0, 3));
            }
        }
        return keys;
    }

    /** The weight of a query token: that of the listed token it resembles most, or of a rare one. */
    private double queryTokenWeight(QueryToken qt) {
        Integer exact = tokenIds.get(qt.token.text());
        if (exact != null) {
            return weight(exact);
        }
        int df = 0;
        double bestSim = 0;
        for (Map.Entry<Integer, Double> e : qt.similar.entrySet()) {
            if (e.getValue() > bestSim) {
                bestSim = e.getValue();
                df = tokenPersons[e.getKey()];
            }
        }
        return idf(bestSim >= 0.9 ? df : 0);
    }

    /** Candidates whose bound could reach the threshold, best first, at most {@code keep}. */
    private int[] topByBound(Scratch s, int keep, double queryWeight, double minScore) {
        int n = s.touchedCount;
        float floor = (float) (queryWeight * Math.min(0.45, minScore * 0.5));
        int[] candidates = new int[n];
        int c = 0;
        for (int k = 0; k < n; k++) {
            if (s.bound[s.touched[k]] >= floor) {
                candidates[c++] = s.touched[k];
            }
        }
        if (c <= keep) {
            return Arrays.copyOf(candidates, c);
        }
        // a partial sort by bound: the k-th largest by selection on a copy of the bounds
        float[] bounds = new float[c];
        for (int k = 0; k < c; k++) {
            bounds[k] = s.bound[candidates[k]];
        }
        float[] sorted = bounds.clone();
        Arrays.sort(sorted);
        float cut = sorted[c - keep];
        int[] out = new int[keep];
        int o = 0;
        for (int k = 0; k < c && o < keep; k++) {
            if (bounds[k] > cut) {
                out[o++] = candidates[k];
            }
        }
        for (int k = 0; k < c && o < keep; k++) {
            if (bounds[k] == cut) {
                out[o++] = candidates[k];
            }
        }
        return out;
    }

    /** Scores candidate persons against one query. */
    private final class PersonScorer {

        private final List<QueryToken> q;
        private final PersonQuery query;
        private final double[] queryWeights;
        private final double queryWeightSum;

        PersonScorer(List<QueryToken> q, PersonQuery query) {
            this.q = q;
            this.query = query;
            this.queryWeights = new double[q.size()];
            double sum = 0;
            for (int i = 0; i < q.size(); i++) {
                queryWeights[i] = queryTokenWeight(q.get(i));
                sum += queryWeights[i];
            }
            this.queryWeightSum = sum;
        }

        private double similarity(QueryToken qt, int id) {
            Double known = qt.similar.get(id);
            if (known != null) {
                return known;
            }
            double sim = TokenSimilarity.of(qt.token, tokens[id], qt.last);
            qt.similar.put(id, sim);
            return sim;
        }

        NameMatch score(int slot, ListedPerson person, boolean documentMatched) {
            double bestName = -1;
            int bestSlot = -1;
            String bestDetail = "";
            for (int nameSlot : personNames[slot]) {
                int[] ids = nameTokens[nameSlot];
                int n = q.size();
                int m = ids.length;
                if (m == 0) {
                    continue;
                }
                double[] eff = new double[n * m];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        eff[i * m + j] = TokenSimilarity.effective(similarity(q.get(i), ids[j]));
                    }
                }
                // pair tokens one to one, best pairs first, whatever their order
                int[] pairOf = new int[n];
                Arrays.fill(pairOf, -1);
                boolean[] listedUsed = new boolean[m];
                for (int round = 0; round < Math.min(n, m); round++) {
                    int bi = -1;
                    int bj = -1;
                    double bv = 0;
                    for (int i = 0; i < n; i++) {
                        if (pairOf[i] >= 0) {
                            continue;
                        }
                        for (int j = 0; j < m; j++) {
                            if (!listedUsed[j] && eff[i * m + j] > bv) {
                                bv = eff[i * m + j];
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                    if (bi < 0) {
                        break;
                    }
                    pairOf[bi] = bj;
                    listedUsed[bj] = true;
                }
                double coveredQuery = 0;
                double coveredListed = 0;
                double listedSum = 0;
                double[] listedWeights = new double[m];
                for (int j = 0; j < m; j++) {
                    listedWeights[j] = weight(ids[j]);
                    listedSum += listedWeights[j];
                }
                for (int i = 0; i < n; i++) {
                    if (pairOf[i] >= 0) {
                        double e = eff[i * m + pairOf[i]];
                        coveredQuery += queryWeights[i] * e;
                        coveredListed += listedWeights[pairOf[i]] * e;
                    }
                }
                double covQ = queryWeightSum == 0 ? 0 : coveredQuery / queryWeightSum;
                double covL = listedSum == 0 ? 0 : coveredListed / listedSum;
                // a query name the listed person does not have is evidence against them: squared
                double name = QUERY_SHARE * covQ * covQ + (1 - QUERY_SHARE) * covL;
                // names keep their order more often than not: first and last names in place break ties
                if (n >= 2 && m >= 2) {
                    if (pairOf[0] == 0 && eff[0] >= 0.9) {
                        name += 0.03;
                    }
                    if (pairOf[n - 1] == m - 1 && eff[(n - 1) * m + m - 1] >= 0.9) {
                        name += 0.02;
                    }
                    name = Math.min(1, name);
                }
                NameQuality quality = NameQuality.values()[nameQuality[nameSlot]];
                name *= switch (quality) {
                    case PRIMARY, ORIGINAL_SCRIPT -> 1.0;
                    case STRONG_ALIAS -> 0.98;
                    case WEAK_ALIAS -> 0.9;
                };
                if (name > bestName) {
                    bestName = name;
                    bestSlot = nameSlot;
                    bestDetail = describe(ids, pairOf, eff, m, quality, covQ, covL);
                }
            }
            if (bestSlot < 0 || bestName < 0.3 && !documentMatched) {
                return null;
            }
            int nameIndex = 0;
            int[] names = personNames[slot];
            for (int k = 0; k < names.length; k++) {
                if (names[k] == bestSlot) {
                    nameIndex = k;
                }
            }
            List<Contribution> explanation = new ArrayList<>(5);
            explanation.add(new Contribution("name", bestName, bestDetail));
            double score = bestName;
            score += Attributes.dateOfBirth(query.dateOfBirth(), person.datesOfBirth(), explanation);
            score += Attributes.nationality(query.nationality(), person.nationalities(), explanation);
            score += Attributes.sex(query.sex(), person.sex(), explanation);
            if (documentMatched) {
                score += Attributes.document(query.documentNumber(), person.documentNumbers(), explanation);
            }
            score = Math.max(0, Math.min(1, score));
            return new NameMatch(person.entryId(), person.listId(), score, person.names().get(nameIndex).text(),
                    explanation);
        }

        private String describe(int[] ids, int[] pairOf, double[] eff, int m, NameQuality quality, double covQ,
                double covL) {
            StringBuilder b = new StringBuilder();
            boolean[] used = new boolean[m];
            for (int i = 0; i < q.size(); i++) {
                if (!b.isEmpty()) {
                    b.append("; ");
                }
                Token qt = q.get(i).token;
                if (pairOf[i] < 0) {
                    b.append(qt.text()).append(" not in the listed name");
                    continue;
                }
                used[pairOf[i]] = true;
                Token lt = tokens[ids[pairOf[i]]];
                double e = eff[i * m + pairOf[i]];
                b.append(qt.text()).append(e >= 0.999 ? " = " : " ~ ").append(lt.text());
                if (qt.arabic() != lt.arabic()) {
                    b.append(" (cross-script, read as ").append(qt.arabic() ? qt.forms()[0] : lt.forms()[0]).append(')');
                } else if (e < 0.999) {
                    b.append(String.format(java.util.Locale.ROOT, " (%.2f)", e));
                }
            }
            StringBuilder missing = new StringBuilder();
            for (int j = 0; j < m; j++) {
                if (!used[j]) {
                    missing.append(missing.isEmpty() ? "" : ", ").append(tokens[ids[j]].text());
                }
            }
            if (!missing.isEmpty()) {
                b.append("; listed name also has ").append(missing);
            }
            b.append(String.format(java.util.Locale.ROOT, "; covers %.0f%% of the query, %.0f%% of the listed name",
                    covQ * 100, covL * 100));
            if (quality == NameQuality.WEAK_ALIAS) {
                b.append("; a low-quality alias");
            }
            return b.toString();
        }
    }

    /** How much the coverage of the query counts in a name's score; the rest is the listed name's. */
    static final double QUERY_SHARE = 0.7;
}
