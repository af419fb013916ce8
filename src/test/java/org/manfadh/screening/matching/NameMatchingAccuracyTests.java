package org.manfadh.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The matcher's accuracy, printed and held to floors: labelled name pairs, Arabic-Latin pairs the
 * model never saw, and a border-style run of the UN list beside a synthetic national list.
 * {@code -Dscreening.nationalList=100000} runs the last one at full size (default 20,000).
 */
class NameMatchingAccuracyTests {

    private static final double POSSIBLE = MatchThresholds.DEFAULT_POSSIBLE;
    private static final double HIT = MatchThresholds.DEFAULT_HIT;

    @Test
    void scoresLabelledPairsWithUsefulPrecisionAndRecall() throws Exception {
        TransliterationModel model = Models.model();
        int[] possible = new int[4]; // tp fp fn tn
        int[] hit = new int[4];
        try (Reader in = new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream("screening/name-pairs-labelled.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                NameIndex index = new NameIndex(model);
                index.putPersons(List.of(new ListedPerson(UUID.randomUUID(), UUID.randomUUID(),
                        List.of(new ListedName(r.get("name1"), NameQuality.PRIMARY)), List.of(), java.util.Set.of(), null, List.of())));
                List<NameMatch> found = index.matchPersons(PersonQuery.ofName(r.get("name2")), 0, 1);
                double score = found.isEmpty() ? 0 : found.get(0).score();
                boolean match = Boolean.parseBoolean(r.get("is_match"));
                count(possible, match, score >= POSSIBLE);
                count(hit, match, score >= HIT);
            }
        }
        System.out.printf(Locale.ROOT, "labelled pairs: at POSSIBLE %.2f precision %.3f recall %.3f; at HIT %.2f precision %.3f recall %.3f%n",
                POSSIBLE, precision(possible), recall(possible), HIT, precision(hit), recall(hit));
        assertThat(precision(possible)).isGreaterThan(0.75);
        assertThat(recall(possible)).isGreaterThan(0.35);
        assertThat(precision(hit)).isGreaterThan(0.8);
    }

    private static void count(int[] c, boolean actual, boolean predicted) {
        c[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
    }

    private static double precision(int[] c) {
        return c[0] / (double) Math.max(1, c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] / (double) Math.max(1, c[0] + c[2]);
    }

    @Test
    void readsArabicNamesItNeverSawIntoTheirLatinSpellings() {
        TransliterationModel trained = TransliterationModel.learnFromClasspath(p -> !heldOut(p.arabic()));
        List<TransliterationModel.Pair> held = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        ClassLoader loader = getClass().getClassLoader();
        for (TransliterationModel.Pair p : TransliterationModel.readPairs(
                loader.getResourceAsStream("screening/translit-en-ar-wikidata.tsv"),
                loader.getResourceAsStream("screening/translit-ar-en-wikipedia.txt"))) {
            if (heldOut(p.arabic()) && seen.putIfAbsent(p.arabic(), true) == null && p.arabic().length() >= 3) {
                held.add(p);
            }
        }
        NameIndex reader = new NameIndex(trained);
        int n = Math.min(400, held.size());
        int matched = 0;
        int falselyMatched = 0;
        int first = 0;
        double[][] sims = new double[n][n];
        for (int i = 0; i < n; i++) {
            NameIndex.Token latin = reader.read(held.get(i).latin());
            for (int j = 0; j < n; j++) {
                sims[i][j] = reader.tokenSimilarity(latin, reader.read(held.get(j).arabic()), false);
            }
        }
        for (int i = 0; i < n; i++) {
            if (sims[i][i] >= 0.85) {
                matched++;
            }
            if (sims[i][(i + 1 + (i * 7) % (n - 1)) % n] >= 0.85) {
                falselyMatched++;
            }
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (sims[i][j] > sims[i][best]) {
                    best = j;
                }
            }
            if (sims[i][best] == sims[i][i]) {
                first++;
            }
        }
        System.out.printf(Locale.ROOT, "cross-script, %d held-out pairs: matched %.3f, shuffled pairs matched %.3f, right reading ranked first %.3f%n",
                n, matched / (double) n, falselyMatched / (double) n, first / (double) n);
        assertThat(matched / (double) n).isGreaterThan(0.5);
        assertThat(falselyMatched / (double) n).isLessThan(0.1);
    }

    private static boolean heldOut(String arabic) {
        return Math.floorMod(arabic.hashCode() * 31 + 7, 10) == 0;
    }

    @Test
    void findsUnListedPersonsUnderBorderConditionsAndSparesOrdinaryTravellers() throws Exception {
        int nationalSize = Integer.getInteger("screening.nationalList", 20_000);
        UUID un = UUID.randomUUID();
        UUID national = UUID.randomUUID();
        List<UnConsolidatedList.Individual> individuals = UnConsolidatedList.read(un);
        NameIndex index = new NameIndex(Models.model());
        // the original-script names stay off the index, so that Arabic-script queries test the reading
        index.putPersons(individuals.stream().map(UnConsolidatedList.Individual::person).toList());
        List<ListedPerson> nationalList = SyntheticPopulation.list(nationalSize, 42, national);
        for (int i = 0; i < nationalList.size(); i += 5_000) {
            index.putPersons(nationalList.subList(i, Math.min(nationalList.size(), i + 5_000)));
        }
        Map<String, int[]> byKind = new LinkedHashMap<>();
        Random random = new Random(7);
        List<String> misses = new ArrayList<>();
        for (int n = 0; n < individuals.size(); n++) {
            UnConsolidatedList.Individual ind = individuals.get(n);
            ListedPerson p = ind.person();
            boolean withDetails = n % 2 == 0;
            PartialDate dob = withDetails && !p.datesOfBirth().isEmpty() ? asTravellerDate(p.datesOfBirth().get(0), random) : null;
            String nat = withDetails && !p.nationalities().isEmpty() ? p.nationalities().iterator().next() : null;
            String[] parts = ind.nameParts();
            String primary = ind.primaryName();
            // MRZ: SURNAME<<GIVEN<NAMES cut at 39 characters
            String surname = mrz(parts[parts.length - 1]);
            StringBuilder given = new StringBuilder();
            for (int k = 0; k < parts.length - 1; k++) {
                given.append(given.isEmpty() ? "" : " ").append(mrz(parts[k]));
            }
            String field = (surname.replace(' ', '<') + "<<" + given.toString().replace(' ', '<'));
            field = field.length() > 39 ? field.substring(0, 39) : field;
            String[] split = field.split("<<", 2);
            expect(index, byKind, misses, "mrz", p, new PersonQuery(null, split[0].replace('<', ' '),
                    split.length > 1 ? split[1].replace('<', ' ') : null, dob, nat, p.sex(), null));
            String respelt = SyntheticPopulation.respell(primary, random);
            if (!respelt.equals(primary)) {
                expect(index, byKind, misses, "romanisation", p, query(respelt, dob, nat));
            }
            String[] tokens = primary.split("\\s+");
            if (tokens.length >= 2) {
                List<String> reordered = new ArrayList<>(List.of(tokens));
                reordered.add(0, reordered.remove(reordered.size() - 1));
                expect(index, byKind, misses, "reordered", p, query(String.join(" ", reordered), dob, nat));
                String last = tokens[tokens.length - 1];
                if (last.length() >= 6) {
                    String cut = String.join(" ", List.of(tokens).subList(0, tokens.length - 1)) + " "
                            + last.substring(0, Math.max(4, last.length() - 3));
                    expect(index, byKind, misses, "truncated", p, query(cut, dob, nat));
                }
            }
            List<String> names = names(tokens);
            if (names.size() >= 3) {
                expect(index, byKind, misses, "middle-missing", p,
                        query(names.get(0) + " " + names.get(names.size() - 1), dob, nat));
            }
            for (String script : ind.originalScript()) {
                if (NameNormalizer.isArabicScript(NameNormalizer.fold(script).split(" ")[0])) {
                    expect(index, byKind, misses, "arabic-script", p, query(script, dob, nat));
                    String persian = script.replace('ي', 'ی').replace('ك', 'ک').replace('ى', 'ی');
                    expect(index, byKind, misses, "persian-script", p, query(persian, dob, nat));
                    break;
                }
            }
        }
        int total = 0;
        int hits = 0;
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            total += e.getValue()[1];
            hits += e.getValue()[0];
            table.append(String.format(Locale.ROOT, "  %-15s recall@1 %.3f (%d/%d)%n", e.getKey(),
                    e.getValue()[0] / (double) e.getValue()[1], e.getValue()[0], e.getValue()[1]));
        }
        // ordinary travellers: people of the region not on any list, with their own details
        Random travellers = new Random(1234);
        java.util.Set<String> listedNames = new java.util.HashSet<>();
        for (ListedPerson l : nationalList) {
            listedNames.add(l.names().get(0).text());
        }
        List<String> alerts = new ArrayList<>();
        int alerted = 0;
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            SyntheticPopulation.Person t = SyntheticPopulation.person(travellers);
            if (listedNames.contains(t.latinName())) {
                i--;
                continue; // a namesake of a listed person is not an ordinary traveller
            }
            alerted += alerts(index, t, i, alerts);
        }
        // and those who share a listed person's first and family names, with another father's
        // name and their own date of birth: the travellers a border sees most alerts for
        List<SyntheticPopulation.Person> listedPeople = SyntheticPopulation.people(nationalSize, 42);
        int namesakeAlerted = 0;
        int namesakes = 0;
        for (int i = 0; namesakes < 1_000 && i < listedPeople.size(); i++) {
            SyntheticPopulation.Person t = SyntheticPopulation.namesake(listedPeople.get(i), travellers);
            if (t == null || listedNames.contains(t.latinName())) {
                continue;
            }
            namesakeAlerted += alerts(index, t, namesakes++, alerts);
        }
        System.out.printf(Locale.ROOT, "UN list (%d individuals) beside a national list of %,d: recall@1 %.3f (%d/%d)%n%s"
                + "  ordinary travellers alerted at POSSIBLE %.2f: %.3f (%d/%d); namesakes of listed persons"
                + " (same first and family name, another father's name and birth date): %.3f (%d/%d); together %.3f%n",
                individuals.size(), nationalSize, hits / (double) total, hits, total, table, POSSIBLE,
                alerted / (double) count, alerted, count, namesakeAlerted / (double) Math.max(1, namesakes),
                namesakeAlerted, namesakes, (alerted + namesakeAlerted) / (double) (count + namesakes));
        misses.stream().limit(Integer.getInteger("screening.misses", 25)).forEach(m -> System.out.println("  missed: " + m));
        alerts.stream().limit(20).forEach(m -> System.out.println("  alerted: " + m));
        assertThat(hits / (double) total).isGreaterThan(0.95);
        assertThat(alerted / (double) count).isLessThan(0.03);
        assertThat((alerted + namesakeAlerted) / (double) (count + namesakes)).isLessThan(0.06);
    }

    /** 1 when a traveller not on any list raises an alert, written down with its explanation. */
    private static int alerts(NameIndex index, SyntheticPopulation.Person t, int i, List<String> alerts) {
        String name = i % 4 == 3 && t.scriptName() != null ? t.scriptName() : t.latinName();
        List<NameMatch> found = index.matchPersons(new PersonQuery(name, null, null,
                PartialDate.exact(t.dateOfBirth()), t.nationality(), t.sex(), null), POSSIBLE, 1);
        if (found.isEmpty()) {
            return 0;
        }
        alerts.add(name + " " + t.dateOfBirth() + " -> " + found.get(0).matchedName() + " "
                + String.format(Locale.ROOT, "%.2f ", found.get(0).score()) + found.get(0).explanation());
        return 1;
    }

    private static final java.util.Set<String> PARTICLES = java.util.Set.of("abd", "abdul", "abdel", "abdal", "'abd",
            "‘abd", "abu", "abou", "al", "el", "bin", "ibn", "bint", "umm");

    /**
     * A name's parts as a document holds them: "Abdul Rahman", "Abu Zayd", "bin Laden" are one
     * name each, so that dropping a middle name never leaves half of one ("Abdul Yasin").
     */
    private static List<String> names(String[] tokens) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String t : tokens) {
            pending.append(pending.isEmpty() ? "" : " ").append(t);
            if (!PARTICLES.contains(t.toLowerCase(Locale.ROOT).replace("-", ""))) {
                out.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            out.add(pending.toString());
        }
        return out;
    }

    private static PersonQuery query(String name, PartialDate dob, String nat) {
        return new PersonQuery(name, null, null, dob, nat, null, null);
    }

    /** A traveller's document gives an exact day: one inside the listed date. */
    private static PartialDate asTravellerDate(PartialDate listed, Random random) {
        return PartialDate.exact(listed.earliest());
    }

    private static String mrz(String s) {
        return NameNormalizer.latin(s.toLowerCase(Locale.ROOT).replace('-', ' ').replace('\'', ' '))
                .toUpperCase(Locale.ROOT).isEmpty() ? "" : String.join(" ",
                java.util.Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).map(NameNormalizer::latin)
                        .filter(x -> !x.isEmpty()).map(x -> x.toUpperCase(Locale.ROOT)).toList());
    }

    private static void expect(NameIndex index, Map<String, int[]> byKind, List<String> misses, String kind,
            ListedPerson p, PersonQuery q) {
        int[] c = byKind.computeIfAbsent(kind, k -> new int[2]);
        c[1]++;
        List<NameMatch> found = index.matchPersons(q, 0.0, 1);
        if (!found.isEmpty() && found.get(0).entryId().equals(p.entryId())) {
            c[0]++;
        } else {
            misses.add(kind + ": " + q.wholeName() + " -> " + (found.isEmpty() ? "nothing"
                    : found.get(0).matchedName() + " " + String.format(Locale.ROOT, "%.2f", found.get(0).score()))
                    + " (listed " + p.names().get(0).text() + (q.dateOfBirth() != null ? "; with date of birth" : "") + ")");
        }
    }
}
