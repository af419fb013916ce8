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
 * prefixes; (3) walks the postings of the strong look-alikes of the query's two rarest tokens, and
 * of other look-alikes within a budget, adding to each person found an upper bound of how much of
 * the query they cover, each query token weighted by its rarity among the listed names, so that
 * "Mohammed Ali" counts for little; very common tokens are not walked but added to the bounds of
 * the best few hundred persons from their own tokens; (4) scores the best of them fully, ranked by
 * bound and date of birth: tokens paired one to one whatever their order, coverage of the query
 * and of the listed name, then date of birth, nationality, sex and document number raise or lower
 * the score. Every step's part goes into the explanation of the matches returned.
 *
 * <p>Thread safety: checks share a read lock, puts and removals take the write lock briefly; the
 * expensive part of a put (reading new tokens) happens before the lock. Memory: persons, names and
 * tokens are numbered; a token's postings are an int array of the persons holding it.
 */
public final class NameIndex implements WatchlistIndex {

    /** Token similarities below this do not count at all. */
    static final double MIN_TOKEN_SIMILARITY = 0.72;
    private static final int MAX_QUERY_TOKENS = 12;
    private static final int ROMANISATIONS = 5;

    private final TransliterationModel model;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Readings of tokens, shared by puts and checks; bounded. */
    private final Map<String, Token> readings = new ConcurrentHashMap<>();

    // --- tokens (under the lock) ---
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private Token[] tokens = new Token[1024];
    private int[] tokenPersons = new int[1024];
    /** Per token, the slots of the persons holding it, each once. */
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
    /** The span of each person's listed dates of birth in epoch days, from in the high half (from > to when none), to rank candidates. */
    /**
     * Per person, for ranking candidates without reading the person: the span of its listed dates of
     * birth in epoch days (from in the high 28 bits, to in the next 28, each offset to be positive;
     * from > to when none), and in the low 8 bits, bit k set when one of its names has k parts (k up
     * to 7, longer names on bit 7). One array, so that ranking a person met costs one memory read.
     */
    private long[] personDob = new long[1024];
    private static final int DAY_OFFSET = 1 << 27;
    private int[][] personNames = new int[1024][];
    private int personSlots;
    private final Map<UUID, Integer> slotOf = new HashMap<>();
    private final java.util.ArrayDeque<Integer> freeSlots = new java.util.ArrayDeque<>();
    /** Slots of removed persons that postings may still name. */
    private final List<Integer> pendingSlots = new ArrayList<>();
    private int livePersons;
    private final Map<String, int[]> personsByDocument = new HashMap<>();

    // --- documents (under the lock) ---
    private final Map<UUID, ListedDocument> documents = new HashMap<>();
    private final Map<String, List<ListedDocument>> documentsByKey = new HashMap<>();

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * The listed tokens each query token's keys lead to, with their similarities, so that the
     * common names that come back in check after check are compared once. Keyed by the token's
     * key array (one per token and position, held by its cached reading); an entry is stale once
     * new tokens are listed.
     */
    private final Map<String[], Likeness> likenesses = new ConcurrentHashMap<>();
    private static final int MAX_LIKENESSES = 100_000;

    /** Listed tokens like a query token, as of a number of listed tokens. */
    private record Likeness(int tokenCount, int[] ids, float[] similarities, byte[] foundBy) {

        /** Which key led to a listed token, for the explanation. */
        TokenMatch.FoundBy foundBy(int id) {
            for (int k = 0; k < ids.length; k++) {
                if (ids[k] == id) {
                    return TokenMatch.FoundBy.values()[foundBy[k]];
                }
            }
            return TokenMatch.FoundBy.COMPARED;
        }
    }

    private static TokenMatch.FoundBy foundBy(String key) {
        return switch (key.charAt(0)) {
            case 's', 'v' -> TokenMatch.FoundBy.CONSONANTS;
            case 'c' -> TokenMatch.FoundBy.CONSONANT_CLASSES;
            case 'd' -> TokenMatch.FoundBy.ONE_LETTER_APART;
            default -> TokenMatch.FoundBy.BEGINNING;
        };
    }

    public NameIndex(TransliterationModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * A distinct token with its Latin readings (itself, or romanisations) and their keys, and the
     * keys a query looks its listed look-alikes up by (the last token of a query also by prefix),
     * worked out once, since the same tokens come back in check after check.
     */
    record Token(String text, boolean arabic, String[] forms, String[] keys, String[] queryKeys,
            String[] lastQueryKeys) {

        static Token of(String text, boolean arabic, String[] forms, String[] keys) {
            Token plain = new Token(text, arabic, forms, keys, new String[0], new String[0]);
            Set<String> query = candidateKeys(plain, true);
            Set<String> last = new java.util.LinkedHashSet<>(query);
            last.addAll(prefixKeys(plain));
            return new Token(text, arabic, forms, keys, query.toArray(String[]::new), last.toArray(String[]::new));
        }
    }

    private static List<String> prefixKeys(Token token) {
        List<String> keys = new ArrayList<>();
        for (String key : token.keys()) {
            String skeleton = PhoneticKey.skeleton(key);
            if (skeleton.length() >= 3) {
                keys.add("p" + skeleton.substring(0, 3));
            } else if (skeleton.length() == 2) {
                keys.add("q" + skeleton);
            }
        }
        return keys;
    }

    /**
     * What a letter model's reading costs per unit of its gap (see {@link TransliterationModel#readingGap}):
     * chosen on tuning queries between finding Arabic-script names written by ear and sparing
     * travellers whose names read alike (Kazem and قاسم).
     */
    static final double GAP_WEIGHT = 0.065;

    /**
     * How alike a query token and a listed one are ({@link TokenSimilarity}); across scripts also
     * by how well the letter model reads the Latin token out of the Arabic-script one, which finds
     * a listed spelling none of the model's first guesses is near (طلفاح, Tilfah).
     */
    double tokenSimilarity(Token query, Token listed, boolean truncatable) {
        double s = TokenSimilarity.of(query, listed, truncatable);
        if (query.arabic() != listed.arabic() && s >= CROSS_SCRIPT_FLOOR && s < 0.97) {
            s = Math.min(1, Math.max(s, letterByLetter(query, listed)) + CROSS_SCRIPT_LIFT);
        }
        return s;
    }

    /** How alike by the letter model's reading of the Latin token out of the Arabic-script one. */
    private double letterByLetter(Token query, Token listed) {
        Token arabic = query.arabic() ? query : listed;
        Token latin = query.arabic() ? listed : query;
        double best = Double.POSITIVE_INFINITY;
        for (String form : latin.forms()) {
            best = Math.min(best, model.readingGap(arabic.text(), form));
        }
        return 1 - GAP_WEIGHT * best;
    }

    /**
     * What a pair across scripts gains over one within a script: every reading of Arabic script is a
     * guess, and a name of four or five parts read so loses a little on each (chosen on tuning
     * queries, where 0.02 found Arabic-script names of Latin-listed persons without alerting more
     * travellers whose names are written in their own script).
     */
    static final double CROSS_SCRIPT_LIFT = 0.02;

    /**
     * Cross-script pairs less alike than this by their readings are not read letter by letter: the
     * letter model forgives a missing letter or two too readily to judge names its readings find
     * unlike (Ali and هلالي); chosen on tuning queries (0.6 alerted more travellers at a million
     * listed persons, 0.75 lost Arabic-script names written by a clerk's rules).
     */
    private static final double CROSS_SCRIPT_FLOOR = 0.7;

    Token read(String text) {
        Token known = readings.get(text);
        if (known != null) {
            return known;
        }
        boolean arabic = NameNormalizer.isArabicScript(text);
        List<String> forms = arabic ? arabicForms(text) : latinForms(text);
        String[] f = forms.toArray(String[]::new);
        String[] k = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            k[i] = PhoneticKey.of(f[i]);
        }
        Token token = Token.of(text, arabic, f, k);
        if (readings.size() < 2_000_000) {
            readings.put(text, token);
        }
        return token;
    }

    /**
     * Romanisations of an Arabic-script token. A compound glued by the normaliser (نجيبالله) is
     * read as its first half with the second half's usual spellings (Najibullah, Najiballah),
     * which the model, having seen few such compounds whole, reads less well.
     */
    private List<String> arabicForms(String text) {
        for (String end : NameNormalizer.ARABIC_COMPOUND_ENDS) {
            if (text.endsWith(end) && text.length() > end.length() + 1) {
                List<String> heads = model.romanise(text.substring(0, text.length() - end.length()), ROMANISATIONS);
                String[] tails = end.equals("الله") ? new String[] {"ullah"} : new String[] {"uddin"};
                List<String> out = new ArrayList<>(ROMANISATIONS + 1);
                for (String head : heads) {
                    for (String tail : tails) {
                        if (out.size() < ROMANISATIONS + 1) {
                            out.add(head + tail);
                        }
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
        }
        return model.romanise(text, ROMANISATIONS);
    }

    /**
     * A Latin token and the other ways it may be read: without the article when it is glued on, as
     * MRZs write it (ALSHAMRANI, ALUBAIDI); without the kunya's Abu or Umm, which documents drop and
     * fields cut (Abu Ghaith, Ghaith); with the c of Turkish spellings read as j (Mecit, Cafer, Hacı
     * for Majid, Jafar, Haji), and the g of Egyptian ones (Gaber); with a y after a vowel read as
     * the Gulf's j (Faray for Faraj).
     */
    private static List<String> latinForms(String text) {
        List<String> forms = new ArrayList<>(3);
        forms.add(text);
        if (text.length() >= 5 && (text.startsWith("al") || text.startsWith("el"))) {
            forms.add(text.substring(2));
        } else if (text.length() >= 6 && (text.startsWith("abu") || text.startsWith("umm"))) {
            forms.add(text.substring(3));
        }
        int c = text.indexOf('c');
        if (c >= 0 && c + 1 < text.length() && NameNormalizer.isVowel(text.charAt(c + 1))
                && (c == 0 || text.charAt(c - 1) != 's')) {
            forms.add(text.replace('c', 'j'));
        }
        // the Egyptian g for ج: Gamal, Gaber, Khafagi
        int g = text.indexOf('g');
        if (g >= 0 && g + 1 < text.length() && NameNormalizer.isVowel(text.charAt(g + 1))
                && (g == 0 || text.charAt(g - 1) != 'n')) {
            forms.add(text.replace('g', 'j'));
        }
        // the Gulf y for ج after a vowel, where a reading would take it for a diphthong: Faray, Naymuddin
        int y = text.indexOf('y', 1);
        if (y > 0 && NameNormalizer.isVowel(text.charAt(y - 1))
                && (y == text.length() - 1 || !NameNormalizer.isVowel(text.charAt(y + 1)))) {
            forms.add(text.substring(0, y) + 'j' + text.substring(y + 1));
        }
        return forms;
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
            compactPostings();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void addPerson(ListedPerson person, List<List<String>> names) {
        int slot = freeSlots.isEmpty() ? personSlots++ : freeSlots.pop();
        if (slot >= persons.length) {
            persons = Arrays.copyOf(persons, persons.length * 2);
            personNames = Arrays.copyOf(personNames, personNames.length * 2);
            personDob = Arrays.copyOf(personDob, personDob.length * 2);
        }
        persons[slot] = person;
        int from = 1;
        int to = 0;
        for (PartialDate d : person.datesOfBirth()) {
            int a = (int) d.earliest().toEpochDay();
            int b = (int) d.latest().toEpochDay();
            from = from > to ? a : Math.min(from, a);
            to = Math.max(to, b);
        }
        int lengths = 0;
        for (List<String> name : names) {
            lengths |= 1 << Math.min(7, name.size());
        }
        personDob[slot] = ((long) (from + DAY_OFFSET) << 36) | ((long) (to + DAY_OFFSET) << 8) | lengths;
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
                    addPosting(ids[k], slot);
                }
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
        // the slot is reused only once no postings name it any more (see compactPostings)
        pendingSlots.add(slot);
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

    private void addPosting(int tokenId, int personSlot) {
        int size = postingSizes[tokenId];
        int[] list = postings[tokenId];
        if (size == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            postings[tokenId] = list;
        }
        list[size] = personSlot;
        postingSizes[tokenId] = size + 1;
    }

    /**
     * Drops removed persons from the postings once enough have gathered, and frees their slots.
     * Until then their postings stay: a check that meets such a slot finds no person there and
     * passes on. One pass over all postings, so a list replaced in bulk costs no more than it.
     */
    private void compactPostings() {
        if (pendingSlots.size() < Math.max(1_024, livePersons / 16)) {
            return;
        }
        for (int id = 0; id < tokenCount; id++) {
            int[] list = postings[id];
            int kept = 0;
            for (int k = 0; k < postingSizes[id]; k++) {
                if (persons[list[k]] != null) {
                    list[kept++] = list[k];
                }
            }
            postingSizes[id] = kept;
        }
        for (int slot : pendingSlots) {
            freeSlots.push(slot);
        }
        pendingSlots.clear();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * The keys a token is found by: its skeletons, their one-letter deletions (a typo, or a
     * consonant one convention writes and another not) and, for lookups of a truncated token,
     * the first three (and the first two) letters of the skeleton.
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
            for (String coarse : PhoneticKey.coarse(key)) {
                keys.add("c" + coarse);
            }
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
                // a name cut after two consonants (Esla for Eslami, Luba for Lubanga)
                keys.add("q" + skeleton.substring(0, 2));
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
            compactPostings();
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
            compactPostings();
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

    /** How many distinct tokens the listed names hold (for benchmarks and monitoring). */
    public int distinctTokens() {
        lock.readLock().lock();
        try {
            return tokenCount;
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

    /**
     * Postings longer than this are too common to find candidates by: their tokens only add to
     * the bounds of persons found through rarer ones. At a million persons "Mohammed" has a few
     * hundred thousand postings; walking them would cost more than the rest of the check.
     */
    private static final int COMMON_POSTINGS = 12_000;
    /** A listed token this much like a query token (in effect) stands for it. */
    private static final double STRONG = 0.9;
    /** How many postings a check walks at most to find candidates, beyond its anchors. */
    private static final int WALKED_POSTINGS = 16_000;
    /** The longest postings walked to anchor a query's second token. */
    private static final int ANCHOR_POSTINGS = 32_000;
    /** How many persons, best by their bound, have the common tokens of the query added. */
    private static final int REFINED = 400;
    /** How many comparisons of query tokens with listed tokens no key led to a check may make. */
    private static final int LAZY_SIMILARITIES = 120;
    /** How many persons, best by their refined bound, are scored in full. */
    private static final int SCORED = 150;

    /** Per-thread working memory of a check, reused so that a check allocates little. */
    private static final class Scratch {
        float[] bound = new float[0];
        short[] credited = new short[0];
        int[] touched = new int[1024];
        int touchedCount;
        long[] ranked = new long[1024];
        int[] kept = new int[1024];
        // a row of similarities to the query tokens for every listed token the check has met
        int[] tokenStamp = new int[0];
        int[] tokenRow = new int[0];
        int stamp;
        float[] rowSims = new float[1024];
        int[] rowToken = new int[64];
        int rows;
        float[] eff = new float[256];
        int[] pairOf = new int[MAX_QUERY_TOKENS];
        float[] best = new float[MAX_QUERY_TOKENS];
        boolean[] listedUsed = new boolean[64];

        void ensure(int slots, int tokenSlots) {
            if (bound.length < slots) {
                bound = new float[Math.max(slots, bound.length * 2)];
                credited = new short[bound.length];
            }
            if (tokenStamp.length < tokenSlots) {
                tokenStamp = new int[Math.max(tokenSlots, tokenStamp.length * 2)];
                tokenRow = new int[tokenStamp.length];
                stamp = 0;
            }
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(tokenStamp, 0);
                stamp = 1;
            }
            rows = 0;
            touchedCount = 0;
        }
    }

    @Override
    public List<NameMatch> matchPersons(PersonQuery query, double minScore, int limit) {
        List<String> texts;
        int cut;
        if (blank(query.fullName()) && !blank(query.surname()) && !blank(query.givenNames())) {
            // a document's fields: compared in the order lists write names, given names first, each field
            // normalised on its own (a compound never runs from one field into the other); a zone cuts
            // the given names, which end the field, so the last given name may stand for a longer one
            List<String> given = NameNormalizer.tokens(query.givenNames());
            texts = new ArrayList<>(given);
            texts.addAll(NameNormalizer.tokens(query.surname()));
            cut = given.isEmpty() ? texts.size() - 1 : given.size() - 1;
        } else {
            texts = NameNormalizer.tokens(query.wholeName());
            cut = texts.size() - 1;
        }
        if (texts.size() > MAX_QUERY_TOKENS) {
            texts = texts.subList(0, MAX_QUERY_TOKENS);
            cut = Math.min(cut, MAX_QUERY_TOKENS - 1);
        }
        if (texts.isEmpty() || limit <= 0) {
            return List.of();
        }
        Token[] q = new Token[texts.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = read(texts.get(i));
        }
        lock.readLock().lock();
        try {
            return new Check(q, cut, query, scratch.get()).run(minScore, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private double weight(int tokenId) {
        return idf(tokenPersons[tokenId]);
    }

    private double idf(int df) {
        return Math.log(1 + (livePersons + 1.0) / (df + 1.0)) + 0.1;
    }

    /** One check: the query's tokens against the listed ones, under the read lock. */
    private final class Check {

        private final Token[] q;
        private final int n;
        /** The query token that may be cut short: the last one written, the last given name of a zone. */
        private final int cut;
        private final PersonQuery query;
        private final Scratch s;
        /** Per query token: listed tokens like it (similarity ≥ the minimum), best gain first. */
        private final int[][] similarIds;
        private final float[][] similarGains;
        /** Per query token, the listed tokens its keys led to: kept to say which key found a pair. */
        private final Likeness[] likenessOf;
        private final double[] queryWeights;
        private double queryWeightSum;
        private final int dobFrom;
        /** The days a slip of the query's exact date of birth gives (day and month swapped, a year either side). */
        private final int[] slips;
        private final int dobTo;
        private final boolean dobExact;

        Check(Token[] q, int cut, PersonQuery query, Scratch s) {
            this.q = q;
            this.n = q.length;
            this.cut = cut;
            this.query = query;
            this.s = s;
            s.ensure(personSlots, tokenCount);
            this.similarIds = new int[n][];
            this.similarGains = new float[n][];
            this.likenessOf = new Likeness[n];
            this.queryWeights = new double[n];
            PartialDate dob = query.dateOfBirth();
            dobFrom = dob == null ? 0 : (int) dob.earliest().toEpochDay();
            dobTo = dob == null ? -1 : (int) dob.latest().toEpochDay();
            dobExact = dob != null && dob.precision() == PartialDate.Precision.EXACT;
            slips = dobExact ? slips(dob.earliest()) : new int[0];
        }

        private static int[] slips(java.time.LocalDate day) {
            List<Integer> out = new ArrayList<>(3);
            if (day.getDayOfMonth() <= 12 && day.getDayOfMonth() != day.getMonthValue()) {
                out.add((int) java.time.LocalDate.of(day.getYear(), day.getDayOfMonth(), day.getMonthValue()).toEpochDay());
            }
            if (!(day.getMonthValue() == 2 && day.getDayOfMonth() == 29)) {
                out.add((int) day.plusYears(1).toEpochDay());
                out.add((int) day.minusYears(1).toEpochDay());
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The row of similarities of a listed token to every query token, NaN for not yet computed. */
        private int row(int id) {
            if (s.tokenStamp[id] == s.stamp) {
                return s.tokenRow[id];
            }
            int r = s.rows++;
            if ((r + 1) * n > s.rowSims.length) {
                s.rowSims = Arrays.copyOf(s.rowSims, s.rowSims.length * 2);
            }
            if (r >= s.rowToken.length) {
                s.rowToken = Arrays.copyOf(s.rowToken, s.rowToken.length * 2);
            }
            Arrays.fill(s.rowSims, r * n, r * n + n, Float.NaN);
            s.rowToken[r] = id;
            s.tokenStamp[id] = s.stamp;
            s.tokenRow[id] = r;
            return r;
        }

        /**
         * How alike query token i and a listed token are. Tokens found through the query token's
         * keys were compared then; others (a first letter respelt, Haroun and Kharoun, or a cut
         * name too short for a prefix key) are compared for the best-ranked candidates only, up
         * to a budget: comparing every token of every candidate would cost thousands of edit
         * distances a check, and tokens no key leads to rarely match.
         */
        private double similarity(int i, int id) {
            int at = row(id) * n + i;
            float known = s.rowSims[at];
            if (known == known) {
                return known;
            }
            if (lazyBudget <= 0) {
                return 0;
            }
            lazyBudget--;
            double sim = tokenSimilarity(q[i], tokens[id], i == cut);
            s.rowSims[at] = (float) sim;
            return sim;
        }

        private int lazyBudget = LAZY_SIMILARITIES;

        List<NameMatch> run(double minScore, int limit) {
            findSimilarTokens();
            int selected = collectCandidates();
            int refined = refine(selected);
            return score(refined, minScore, limit);
        }

        /** The listed tokens a query token's keys lead to, and how alike they are; kept for the next checks. */
        private Likeness likeness(Token token, boolean last, Integer exact) {
            String[] keys = last ? token.lastQueryKeys() : token.queryKeys();
            Map<Integer, TokenMatch.FoundBy> found = new java.util.LinkedHashMap<>();
            if (exact != null) {
                found.put(exact, TokenMatch.FoundBy.SAME_TEXT);
            }
            // the most telling keys first, so that a token is said to be found by the best of its keys
            String[] ordered = keys.clone();
            Arrays.sort(ordered, java.util.Comparator.comparingInt(k -> foundBy(k).ordinal()));
            for (String key : ordered) {
                int[] ids = keyTokens.get(key);
                if (ids != null) {
                    for (int id : ids) {
                        found.putIfAbsent(id, foundBy(key));
                    }
                }
            }
            int[] ids = new int[found.size()];
            float[] sims = new float[ids.length];
            byte[] by = new byte[ids.length];
            int k = 0;
            for (Map.Entry<Integer, TokenMatch.FoundBy> e : found.entrySet()) {
                ids[k] = e.getKey();
                by[k] = (byte) e.getValue().ordinal();
                sims[k] = (float) tokenSimilarity(token, tokens[ids[k]], last);
                k++;
            }
            Likeness likeness = new Likeness(tokenCount, ids, sims, by);
            if (likenesses.size() >= MAX_LIKENESSES) {
                likenesses.clear(); // rarely: a cache of the tokens travellers bring, not of every token seen
            }
            likenesses.put(keys, likeness);
            return likeness;
        }

        /** 1. listed tokens like each query token, found by their keys. */
        private void findSimilarTokens() {
            int[] ids = new int[16];
            float[] gains = new float[16];
            for (int i = 0; i < n; i++) {
                int c = 0;
                Token token = q[i];
                boolean last = i == cut;
                Integer exact = tokenIds.get(token.text());
                Likeness likeness = likenesses.get(last ? token.lastQueryKeys() : token.queryKeys());
                if (likeness == null || likeness.tokenCount() != tokenCount) {
                    likeness = likeness(token, last, exact);
                }
                likenessOf[i] = likeness;
                for (int k = 0; k < likeness.ids().length; k++) {
                    int id = likeness.ids()[k];
                    float sim = likeness.similarities()[k];
                    int at = row(id) * n + i;
                    s.rowSims[at] = sim;
                    if (sim >= MIN_TOKEN_SIMILARITY) {
                        if (c == ids.length) {
                            ids = Arrays.copyOf(ids, c * 2);
                            gains = Arrays.copyOf(gains, c * 2);
                        }
                        ids[c] = id;
                        gains[c++] = (float) TokenSimilarity.effective(sim);
                    }
                }
                // best gain first, so that a person is credited with the best of its tokens
                Integer[] order = new Integer[c];
                for (int k = 0; k < c; k++) {
                    order[k] = k;
                }
                float[] g = gains;
                Arrays.sort(order, (a, b) -> Float.compare(g[b], g[a]));
                similarIds[i] = new int[c];
                similarGains[i] = new float[c];
                for (int k = 0; k < c; k++) {
                    similarIds[i][k] = ids[order[k]];
                    similarGains[i][k] = gains[order[k]];
                }
                queryWeights[i] = queryTokenWeight(i, exact);
                queryWeightSum += queryWeights[i];
                // what a listed token adds to a person's bound is what it would add to the coverage
                // of the query: a rare listed token that is only a little like the query token is
                // worth as little as its likeness, however rare
                for (int k = 0; k < c; k++) {
                    // never 0: a bound of 0 marks a person not met yet
                    similarGains[i][k] = Math.max(1e-6f, (float) (similarGains[i][k] * queryWeights[i]));
                }
            }
        }

        /** The weight of a query token: that of the listed token it resembles most, or of a rare one. */
        private double queryTokenWeight(int i, Integer exact) {
            if (exact != null) {
                return weight(exact);
            }
            int df = 0;
            double bestSim = 0;
            for (int id : similarIds[i]) {
                double sim = similarity(i, id);
                if (sim > bestSim) {
                    bestSim = sim;
                    df = tokenPersons[id];
                }
            }
            return idf(bestSim >= 0.9 ? df : 0);
        }

        /**
         * 2. Persons holding a selective token like the query's, each with an upper bound of how
         * much of the query they cover. The tokens whose postings are too long to walk are left
         * for the next step, unless the query has nothing rarer that it matches well.
         */
        private int collectCandidates() {
            // query tokens by weight, rarest first
            Integer[] byWeight = new Integer[n];
            for (int i = 0; i < n; i++) {
                byWeight[i] = i;
            }
            Arrays.sort(byWeight, (a, b) -> Double.compare(queryWeights[b], queryWeights[a]));
            int[] rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[byWeight[r]] = r;
            }
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                pairs += similarIds[i].length;
            }
            // strong likenesses of the rarest query tokens first, then the rest, shortest postings first
            long[] order = new long[pairs];
            int p = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < similarIds[i].length; k++) {
                    boolean strong = similarGains[i][k] >= STRONG * queryWeights[i];
                    long group = strong ? rank[i] : MAX_QUERY_TOKENS;
                    order[p++] = (group << 56) | ((long) Math.min(postingSizes[similarIds[i][k]], (1 << 30) - 1) << 24)
                            | ((long) i << 16) | k;
                }
            }
            Arrays.sort(order);
            // the strong likenesses of the rarest query token are walked whatever they cost, those
            // of the next one unless very common, so that the persons holding both come out on
            // top; the rest only within a budget (they count in the next step all the same)
            int walked = 0;
            for (long o : order) {
                int group = (int) (o >>> 56);
                int size = (int) (o >>> 24) & ((1 << 30) - 1);
                int i = (int) (o >>> 16) & 0xff;
                int k = (int) o & 0xffff;
                boolean walk = group == 0 || group == 1 && size <= ANCHOR_POSTINGS
                        || size <= COMMON_POSTINGS && walked + size <= WALKED_POSTINGS;
                if (walk) {
                    walked += size;
                    walk(similarIds[i][k], i, similarGains[i][k]);
                }
            }
            return s.touchedCount;
        }

        private void walk(int id, int i, float gain) {
            int[] list = postings[id];
            int size = postingSizes[id];
            short bit = (short) (1 << i);
            float[] bound = s.bound;
            short[] credited = s.credited;
            for (int k = 0; k < size; k++) {
                int person = list[k];
                if (bound[person] == 0) {
                    if (s.touchedCount == s.touched.length) {
                        s.touched = Arrays.copyOf(s.touched, s.touched.length * 2);
                    }
                    s.touched[s.touchedCount++] = person;
                    credited[person] = bit;
                    bound[person] = gain;
                } else if ((credited[person] & bit) == 0) {
                    credited[person] |= bit;
                    bound[person] += gain;
                }
            }
        }

        /**
         * A little against persons none of whose names has as many parts as the query: among the
         * thousands who share a common name's parts (Mohamed Omar), the one listed with exactly
         * the query's parts should not be lost to the cut before scoring.
         */
        private double lengthEffect(int person) {
            int lengths = (int) (personDob[person] & 0xff);
            if (lengths == 0) {
                return 0;
            }
            int wanted = Math.min(7, n);
            for (int d = 0; d < 5; d++) {
                if ((wanted - d >= 0 && (lengths & (1 << (wanted - d))) != 0)
                        || (wanted + d <= 7 && (lengths & (1 << (wanted + d))) != 0)) {
                    return 0.002 * d;
                }
            }
            return 0.002 * 5;
        }

        /** What a listed date of birth is likely to do to the score, from the dates' spans alone. */
        private double dateEffect(int person) {
            long span = personDob[person];
            int from = (int) (span >>> 36) - DAY_OFFSET;
            int to = (int) ((span >>> 8) & 0xfffffffL) - DAY_OFFSET;
            if (dobTo < dobFrom || to < from) {
                return 0;
            }
            if (dobExact && from == to && from == dobFrom) {
                return Attributes.SAME_DAY;
            }
            if (from == to) {
                for (int slip : slips) {
                    if (slip == from) {
                        return Attributes.SLIPPED_DATE;
                    }
                }
            }
            if (dobFrom <= to && from <= dobTo) {
                return Attributes.SAME_YEAR;
            }
            int gap = dobTo < from ? from - dobTo : dobFrom - to;
            return gap > 366 * 3 ? Attributes.CLEARLY_DIFFERENT_DATE : 0;
        }

        /**
         * 3. The best persons by their bound (with their date of birth) get the common tokens of
         * the query added to it, from their own tokens. Returns how many are kept in s.ranked.
         */
        private int refine(int touched) {
            double norm = queryWeightSum == 0 ? 1 : queryWeightSum;
            int kept = rankTop(s.touched, touched, REFINED,
                    person -> s.bound[person] / norm + dateEffect(person) - lengthEffect(person));
            if (s.kept.length < kept) {
                s.kept = new int[kept];
            }
            for (int k = 0; k < kept; k++) {
                int person = (int) s.ranked[k];
                s.kept[k] = person;
                int missing = ((1 << n) - 1) & ~s.credited[person];
                if (missing != 0) {
                    s.bound[person] += commonGain(person, missing);
                }
            }
            // the same persons again, now ranked by their full bound
            return rankTop(s.kept, kept, SCORED,
                    person -> s.bound[person] / norm + dateEffect(person) - lengthEffect(person));
        }

        private float commonGain(int person, int missing) {
            float[] best = s.best;
            Arrays.fill(best, 0, n, 0);
            if (persons[person] == null) {
                return 0; // removed; its postings not yet compacted
            }
            for (int nameSlot : personNames[person]) {
                for (int id : nameTokens[nameSlot]) {
                    if (s.tokenStamp[id] != s.stamp) {
                        continue; // not like any query token: found through no key
                    }
                    int row = s.tokenRow[id] * n;
                    for (int i = 0; i < n; i++) {
                        float sim = s.rowSims[row + i];
                        if ((missing & (1 << i)) != 0 && sim >= MIN_TOKEN_SIMILARITY) {
                            best[i] = Math.max(best[i], (float) (TokenSimilarity.effective(sim) * queryWeights[i]));
                        }
                    }
                }
            }
            float total = 0;
            for (int i = 0; i < n; i++) {
                total += best[i];
            }
            return total;
        }

        /**
         * The {@code keep} best of the first {@code count} persons in {@code source} by {@code key},
         * into s.ranked (person in the low bits), in no particular order. Selection, not a sort.
         */
        private int rankTop(int[] source, int count, int keep, java.util.function.IntToDoubleFunction key) {
            if (s.ranked.length < count) {
                s.ranked = new long[Math.max(count, s.ranked.length * 2)];
            }
            long[] r = s.ranked;
            for (int k = 0; k < count; k++) {
                int person = source[k];
                // a positive float's bits order as the float does; the key is shifted to be positive
                int bits = Float.floatToIntBits((float) (key.applyAsDouble(person) + 2));
                r[k] = ((long) bits << 32) | person;
            }
            if (count > keep) {
                select(r, 0, count - 1, count - keep);
                System.arraycopy(r, count - keep, r, 0, keep);
                return keep;
            }
            return count;
        }

        /** 4. The ranked persons scored in full, the best {@code limit} explained. */
        private List<NameMatch> score(int count, double minScore, int limit) {
            Set<Integer> byDocument = new HashSet<>();
            if (query.documentNumber() != null) {
                int[] slots = personsByDocument.get(DocumentNumbers.folded(query.documentNumber()));
                if (slots != null) {
                    for (int slot : slots) {
                        byDocument.add(slot);
                    }
                }
            }
            int[] people = new int[count + byDocument.size()];
            int c = 0;
            // best bound first, so that the budget of comparisons goes to the likeliest persons
            Arrays.sort(s.ranked, 0, count);
            for (int k = count - 1; k >= 0; k--) {
                people[c++] = (int) s.ranked[k];
            }
            for (int k = 0; k < s.touchedCount; k++) {
                s.bound[s.touched[k]] = 0;
            }
            for (int person : byDocument) {
                boolean already = false;
                for (int k = 0; k < count && !already; k++) {
                    already = people[k] == person;
                }
                if (!already) {
                    people[c++] = person;
                }
            }
            double[] scores = new double[c];
            int[] bestNames = new int[c];
            int found = 0;
            for (int k = 0; k < c; k++) {
                int person = people[k];
                boolean documentMatched = byDocument.contains(person);
                int nameSlot = bestName(person);
                if (nameSlot < 0) {
                    continue;
                }
                double name = bestNameScore;
                if (name < 0.3 && !documentMatched) {
                    continue;
                }
                double attributes = attributes(persons[person], documentMatched, null);
                double score = Math.max(0, Math.min(1, name + attributes));
                if (score >= minScore) {
                    people[found] = person;
                    scores[found] = bestRawName + attributes;
                    bestNames[found++] = nameSlot;
                }
            }
            // best first; among equal scores, the person listed first
            Integer[] order = new Integer[found];
            for (int k = 0; k < found; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> {
                int byScore = Double.compare(scores[b], scores[a]);
                return byScore != 0 ? byScore : Integer.compare(people[a], people[b]);
            });
            List<NameMatch> out = new ArrayList<>(Math.min(limit, found));
            for (int k = 0; k < found && out.size() < limit; k++) {
                int at = order[k];
                out.add(explain(people[at], bestNames[at], byDocument.contains(people[at])));
            }
            return out;
        }

        private double bestNameScore;
        private double bestRawName;
        /** The last name score before it was capped at 1. */
        private double rawName;

        /** The slot of the person's name that matches the query best; its score in bestNameScore. */
        private int bestName(int person) {
            double best = -1;
            bestRawName = -1;
            int bestSlot = -1;
            if (persons[person] == null) {
                return -1; // removed; its postings not yet compacted
            }
            for (int nameSlot : personNames[person]) {
                if (nameTokens[nameSlot].length == 0) {
                    continue;
                }
                double name = nameScore(nameSlot, false, null);
                if (rawName > bestRawName || bestSlot < 0) {
                    best = name;
                    bestRawName = rawName;
                    bestSlot = nameSlot;
                }
            }
            bestNameScore = best;
            return bestSlot;
        }

        /** What the date of birth, nationality, sex and document number add or take away. */
        private double attributes(ListedPerson person, boolean documentMatched, List<Contribution> explanation) {
            double score = 0;
            score += Attributes.dateOfBirth(query.dateOfBirth(), person.datesOfBirth(), explanation);
            score += Attributes.nationality(query.nationality(), person.nationalities(), explanation);
            score += Attributes.sex(query.sex(), person.sex(), explanation);
            if (documentMatched) {
                score += Attributes.document(query.documentNumber(), person.documentNumbers(), explanation);
            }
            return score;
        }

        private NameMatch explain(int slot, int nameSlot, boolean documentMatched) {
            StringBuilder detail = new StringBuilder();
            double name = nameScore(nameSlot, true, detail);
            ListedPerson person = persons[slot];
            List<Contribution> explanation = new ArrayList<>(5);
            explanation.add(new Contribution("name", name, detail.toString(), "name", describedValues, describedTokens));
            double score = Math.max(0, Math.min(1, name + attributes(person, documentMatched, explanation)));
            int[] names = personNames[slot];
            int nameIndex = 0;
            for (int k = 0; k < names.length; k++) {
                if (names[k] == nameSlot) {
                    nameIndex = k;
                }
            }
            return new NameMatch(person.entryId(), person.listId(), score, person.names().get(nameIndex).text(),
                    explanation);
        }

        /** A listed name's score against the query: tokens paired one to one whatever their order. */
        private double nameScore(int nameSlot, boolean explain, StringBuilder detail) {
            int[] ids = nameTokens[nameSlot];
            int m = ids.length;
            if (s.eff.length < n * m) {
                s.eff = new float[n * m * 2];
            }
            if (s.listedUsed.length < m) {
                s.listedUsed = new boolean[m * 2];
            }
            float[] eff = s.eff;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    eff[i * m + j] = (float) TokenSimilarity.effective(similarity(i, ids[j]));
                }
            }
            int[] pairOf = s.pairOf;
            Arrays.fill(pairOf, 0, n, -1);
            boolean[] listedUsed = s.listedUsed;
            Arrays.fill(listedUsed, 0, m, false);
            for (int round = 0; round < Math.min(n, m); round++) {
                int bi = -1;
                int bj = -1;
                float bv = 0;
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
            for (int j = 0; j < m; j++) {
                // a listed middle name the query lacks counts for less: documents and lists drop
                // father's and grandfather's names all the time, first and family names rarely
                boolean missingMiddle = !listedUsed[j] && j > 0 && j < m - 1;
                // the last of a chain of three or more names is often a grandfather's or a tribe's that a
                // document leaves out, so that the father's name stands last (Karwan Hawre for Karwan Hawre Rebin)
                boolean missingChainEnd = !listedUsed[j] && j == m - 1 && m >= 3;
                listedSum += weight(ids[j]) * (missingMiddle ? MISSING_MIDDLE_NAME
                        : missingChainEnd ? MISSING_CHAIN_END : 1);
            }
            for (int i = 0; i < n; i++) {
                if (pairOf[i] >= 0) {
                    double e = eff[i * m + pairOf[i]];
                    coveredQuery += queryWeights[i] * e;
                    coveredListed += weight(ids[pairOf[i]]) * e;
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
            }
            NameQuality quality = NameQuality.values()[nameQuality[nameSlot]];
            double factor = switch (quality) {
                case PRIMARY, ORIGINAL_SCRIPT -> 1.0;
                case STRONG_ALIAS -> 0.98;
                case WEAK_ALIAS -> 0.9;
            };
            // the score shown stops at 1; candidates are ranked by what lies beyond, so that of two
            // names both "certain" the one that agrees better comes first
            rawName = name * factor;
            name = Math.min(1, name) * factor;
            if (explain) {
                describe(detail, ids, pairOf, eff, m, quality, covQ, covL);
            }
            return name;
        }

        /** What {@link #describe} found, for the name's contribution: the pairs, and the shares covered and parts missing. */
        private List<TokenMatch> describedTokens = List.of();
        private List<String> describedValues = List.of();

        private void describe(StringBuilder b, int[] ids, int[] pairOf, float[] eff, int m, NameQuality quality,
                double covQ, double covL) {
            boolean[] used = new boolean[m];
            List<TokenMatch> pairs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (!b.isEmpty()) {
                    b.append("; ");
                }
                Token qt = q[i];
                if (pairOf[i] < 0) {
                    b.append(qt.text()).append(" not in the listed name");
                    pairs.add(new TokenMatch(qt.text(), null, 0, TokenMatch.How.NOT_LISTED, TokenMatch.FoundBy.NONE));
                    continue;
                }
                used[pairOf[i]] = true;
                int id = ids[pairOf[i]];
                Token lt = tokens[id];
                double e = eff[i * m + pairOf[i]];
                TokenMatch.How how = how(qt, lt, i == cut);
                TokenMatch.FoundBy by = likenessOf[i] == null ? TokenMatch.FoundBy.COMPARED : likenessOf[i].foundBy(id);
                pairs.add(new TokenMatch(qt.text(), lt.text(), Math.round(e * 1000) / 1000.0, how, by));
                b.append(qt.text()).append(e >= 0.999 ? " = " : " ~ ").append(lt.text());
                if (how == TokenMatch.How.LETTER_BY_LETTER) {
                    b.append(" (cross-script, read letter by letter)");
                } else if (qt.arabic() != lt.arabic()) {
                    b.append(" (cross-script, read as ").append(qt.arabic() ? qt.forms()[0] : lt.forms()[0]).append(')');
                } else if (e < 0.999) {
                    b.append(String.format(java.util.Locale.ROOT, " (%.2f)", e));
                }
                if (by != TokenMatch.FoundBy.SAME_TEXT) {
                    b.append(" [found by ").append(by.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                            .append(']');
                }
            }
            StringBuilder missing = new StringBuilder();
            List<String> values = new ArrayList<>();
            values.add(String.valueOf(Math.round(covQ * 100)));
            values.add(String.valueOf(Math.round(covL * 100)));
            for (int j = 0; j < m; j++) {
                if (!used[j]) {
                    missing.append(missing.isEmpty() ? "" : ", ").append(tokens[ids[j]].text());
                    values.add(tokens[ids[j]].text());
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
            describedTokens = pairs;
            describedValues = values;
        }

        /** Why a paired query token and listed token count as alike. */
        private TokenMatch.How how(Token query, Token listed, boolean last) {
            if (query.text().equals(listed.text())) {
                return TokenMatch.How.SAME;
            }
            if (query.arabic() != listed.arabic()) {
                return letterByLetter(query, listed) > TokenSimilarity.of(query, listed, last) + 1e-9
                        ? TokenMatch.How.LETTER_BY_LETTER : TokenMatch.How.READING;
            }
            if (last && !query.arabic() && query.text().length() < listed.text().length()
                    && listed.text().startsWith(query.text())) {
                return TokenMatch.How.SHORTENED;
            }
            for (String a : query.keys()) {
                for (String b : listed.keys()) {
                    if (a.equals(b)) {
                        return TokenMatch.How.SAME_SOUND;
                    }
                }
            }
            return TokenMatch.How.SPELLING;
        }
    }

    /** Rearranges a[from..to] so that a[k] holds the value a sort would put there (quickselect). */
    private static void select(long[] a, int from, int to, int k) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (from < to) {
            long pivot = a[from + random.nextInt(to - from + 1)];
            int lt = from;
            int gt = to;
            int i = from;
            while (i <= gt) {
                if (a[i] < pivot) {
                    long t = a[lt];
                    a[lt++] = a[i];
                    a[i++] = t;
                } else if (a[i] > pivot) {
                    long t = a[gt];
                    a[gt--] = a[i];
                    a[i] = t;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                to = lt - 1;
            } else if (k > gt) {
                from = gt + 1;
            } else {
                return;
            }
        }
    }

    /** How much the coverage of the query counts in a name's score; the rest is the listed name's. */
    static final double QUERY_SHARE = 0.7;

    /** What a listed middle name missing from the query weighs in the listed name's coverage. */
    static final double MISSING_MIDDLE_NAME = 0.35;

    /** What the last of three or more listed names missing from the query weighs in the listed name's coverage. */
    static final double MISSING_CHAIN_END = 0.6;
}
