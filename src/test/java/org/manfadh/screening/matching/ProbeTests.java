package org.manfadh.screening.matching;

import java.time.LocalDate;
import java.util.*;
import org.junit.jupiter.api.Test;

class ProbeTests {

    static String gulf(String s, Random r) {
        String x = s.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            char n = i + 1 < x.length() ? x.charAt(i + 1) : 0;
            char p = i > 0 ? x.charAt(i - 1) : 0;
            if (c == 'q') { b.append(r.nextBoolean() ? "g" : "j"); }
            else if (c == 'k' && n != 'h' && p != 'c') { b.append(r.nextBoolean() ? "ch" : "k"); }
            else if (c == 'j' && r.nextBoolean()) { b.append('y'); }
            else if (c == 'd' && n == 'h') { b.append(r.nextBoolean() ? "th" : "z"); i++; }
            else if (c == 't' && n == 'h') { b.append(r.nextBoolean() ? "t" : "dh"); i++; }
            else if (c == 'u' && r.nextInt(3) == 0) { b.append("oo"); }
            else if (c == 'i' && r.nextInt(3) == 0) { b.append("ee"); }
            else if (c == 'a' && p != 0 && r.nextInt(4) == 0) { b.append("e"); }
            else b.append(c);
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    static String glue(String s, Random r) {
        String x = s.replaceAll("(?i)\\bal[- ]", "AL").replaceAll("(?i)\\babd[ -]al[- ]", "ABDUL").replaceAll("(?i)\\babu ", "ABU");
        x = x.replaceAll("(?i)[- ]al[- ]din\\b", "ALDEEN").replaceAll("(?i)\\bbin\\b", r.nextBoolean() ? "BEN" : "IBEN");
        return x;
    }

    static String vowels(String s, Random r) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == 'e' && r.nextBoolean()) b.append('i');
            else if (c == 'i' && r.nextBoolean()) b.append(r.nextBoolean() ? "ee" : "e");
            else if (c == 'o' && r.nextBoolean()) b.append('u');
            else if (c == 'u' && r.nextBoolean()) b.append(r.nextBoolean() ? "oo" : "ou");
            else if (c == 'a' && r.nextInt(5) == 0) { }
            else b.append(c);
        }
        return b.toString();
    }

    static String arabic(String name, Random r) {
        StringBuilder out = new StringBuilder();
        for (String w : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z\\- ]", "").split("[ ]+")) {
            if (w.isEmpty()) continue;
            StringBuilder b = new StringBuilder();
            String x = w;
            if (x.startsWith("al-")) { b.append("ال"); x = x.substring(3); }
            x = x.replace("-", " ");
            for (int i = 0; i < x.length(); i++) {
                char c = x.charAt(i);
                char n = i + 1 < x.length() ? x.charAt(i + 1) : 0;
                boolean first = i == 0 || x.charAt(i - 1) == ' ';
                boolean lastc = n == 0 || n == ' ';
                String two = "" + c + n;
                switch (two) {
                    case "sh" -> { b.append('ش'); i++; continue; }
                    case "kh" -> { b.append('خ'); i++; continue; }
                    case "gh" -> { b.append('غ'); i++; continue; }
                    case "th" -> { b.append(r.nextBoolean() ? 'ث' : 'ت'); i++; continue; }
                    case "dh" -> { b.append(r.nextBoolean() ? 'ذ' : 'ض'); i++; continue; }
                    case "ch" -> { b.append(r.nextBoolean() ? 'چ' : 'ش'); i++; continue; }
                    case "ou", "oo", "uu" -> { b.append('و'); i++; continue; }
                    case "ee", "ii", "ei", "ai", "ay" -> { b.append('ي'); i++; continue; }
                    case "aa" -> { b.append('ا'); i++; continue; }
                    default -> { }
                }
                switch (c) {
                    case 'a' -> { if (first) b.append('ا'); else if (lastc) b.append(r.nextBoolean() ? 'ة' : 'ا'); else if (r.nextInt(3) == 0) b.append('ا'); }
                    case 'e' -> { if (first) b.append('ا'); else if (lastc) b.append('ه'); else if (r.nextInt(3) == 0) b.append('ي'); }
                    case 'i' -> { if (first) b.append('ا'); else if (lastc || r.nextBoolean()) b.append('ي'); }
                    case 'o', 'u' -> { if (first) b.append('ا'); if (!first || r.nextBoolean()) b.append('و'); }
                    case 'b' -> b.append('ب'); case 'p' -> b.append('پ'); case 't' -> b.append(r.nextInt(4) == 0 ? 'ط' : 'ت');
                    case 'j' -> b.append('ج'); case 'h' -> b.append(r.nextBoolean() ? 'ح' : 'ه'); case 'd' -> b.append('د');
                    case 'r' -> b.append('ر'); case 'z' -> b.append('ز'); case 's' -> b.append(r.nextInt(4) == 0 ? 'ص' : 'س');
                    case 'f' -> b.append('ف'); case 'q' -> b.append('ق'); case 'k' -> b.append('ك'); case 'g' -> b.append(r.nextBoolean() ? 'گ' : 'ج');
                    case 'l' -> b.append('ل'); case 'm' -> b.append('م'); case 'n' -> b.append('ن'); case 'w' -> b.append('و');
                    case 'y' -> b.append('ي'); case 'v' -> b.append('ڤ'); case 'c' -> b.append('ك'); case 'x' -> b.append("كس");
                    case ' ' -> b.append(' ');
                    default -> { }
                }
            }
            out.append(out.isEmpty() ? "" : " ").append(b);
        }
        return out.toString();
    }

    @Test
    void gaps() {
        TransliterationModel trained = TransliterationModel.fromClasspath(p -> Math.floorMod(p.arabic().hashCode() * 31 + 7, 10) != 0);
        List<TransliterationModel.Pair> held = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ClassLoader loader = getClass().getClassLoader();
        for (TransliterationModel.Pair p : TransliterationModel.readPairs(
                loader.getResourceAsStream("screening/translit-en-ar-wikidata.tsv"),
                loader.getResourceAsStream("screening/translit-ar-en-wikipedia.txt"))) {
            if (Math.floorMod(p.arabic().hashCode() * 31 + 7, 10) == 0 && seen.add(p.arabic()) && p.arabic().length() >= 3) held.add(p);
        }
        int n = Math.min(2000, held.size());
        double[] th = {0.3, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0};
        int[] tp = new int[th.length], fp = new int[th.length];
        for (int i = 0; i < n; i++) {
            String a = NameNormalizer.canonical(held.get(i).arabic());
            String l = NameNormalizer.canonical(held.get(i).latin());
            String other = NameNormalizer.canonical(held.get((i * 7 + 13) % n).latin());
            double g = trained.readingGap(a, l), f = trained.readingGap(a, other);
            for (int k = 0; k < th.length; k++) { if (g <= th[k]) tp[k]++; if (f <= th[k]) fp[k]++; }
        }
        String[][] hard = {{"حسن","hussein"},{"حسين","hassan"},{"حسن","hassan"},{"حسين","hussein"},{"محمد","mahmoud"},{"محمود","mohammed"},{"محمد","mohammed"},{"علي","alaa"},{"عمر","amir"},{"عمر","omar"},{"سعيد","saad"},{"سعد","saeed"},{"كاظم","kadhim"},{"كاظم","kazem"},{"كاظم","chadhim"},{"جبوري","jubouri"},{"جبوري","jabbar"},{"تكريتي","tikriti"},{"عبدرحمن","abdrahman"},{"حامد","hamid"},{"حامد","ahmed"},{"احمد","hamid"},{"احمد","ahmed"},{"ماجد","majid"},{"ماجد","mahdi"},{"كريم","karim"},{"كريم","kareem"},{"كريم","qasim"}};
        for (String[] h : hard) System.out.printf("HARD %s %s %.2f%n", h[0], h[1], trained.readingGap(NameNormalizer.canonical(h[0]), h[1]));
        for (int k = 0; k < th.length; k++) System.out.printf("GAP <= %.2f: true %.3f shuffled %.3f%n", th[k], tp[k] / (double) n, fp[k] / (double) n);
    }

    @Test
    void pairs() {
        TransliterationModel m = Models.model();
        NameIndex idx = new NameIndex(m);
        String[][] ps = {{"خضير","khudhair"},{"الجبوري","al-jubouri"},{"طلفاح","tilfah"},{"حويش","huwaysh"},{"معروف","ma'ruf"},{"سليمان","sulaiman"},{"حبوش","habbush"},{"فليح","fulayyih"},{"محيي","muhyi"},{"رزوقي","razuki"},{"ركان","rukan"},{"عزت","izzat"},{"الدوري","al-duri"},{"مشهداني","mashhadani"},{"سبعاوي","sab'awi"},{"وطبان","watban"},{"قصي","qusay"},{"عدي","uday"},{"حسين","hassan"},{"حسن","hussein"},{"عمر","amir"},{"محمد","mahmoud"},{"احمد","hamid"},{"جاسم","yasim"},{"قاسم","gasim"},{"كاظم","chadhim"}};
        for (String[] p : ps) {
            NameIndex.Token a = idx.read(NameNormalizer.tokens(p[0]).get(0));
            NameIndex.Token l = idx.read(NameNormalizer.tokens(p[1]).get(0));
            System.out.printf("PAIR %s %s sim %.3f gap %.2f forms %s%n", p[0], p[1], idx.tokenSimilarity(a, l, false), m.readingGap(a.text(), l.text()), String.join(",", a.forms()));
        }
    }

    @Test
    void probe() throws Exception {
        int size = Integer.getInteger("probe.size", 20_000);
        UUID un = UUID.randomUUID();
        List<UnConsolidatedList.Individual> individuals = UnConsolidatedList.read(un);
        NameIndex index = new NameIndex(Models.model());
        index.putPersons(individuals.stream().map(UnConsolidatedList.Individual::person).toList());
        List<ListedPerson> national = SyntheticPopulation.list(size, 42, UUID.randomUUID());
        for (int i = 0; i < national.size(); i += 5000) index.putPersons(national.subList(i, Math.min(national.size(), i + 5000)));
        Map<String, int[]> kinds = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        Random r = new Random(3);
        List<ListedPerson> targets = new ArrayList<>();
        individuals.forEach(i -> targets.add(i.person()));
        for (int i = 0; i < 600; i++) targets.add(national.get(r.nextInt(national.size())));
        for (ListedPerson p : targets) {
            String name = p.names().get(0).text();
            if (NameNormalizer.isArabicScript(NameNormalizer.fold(name).split(" ")[0])) continue;
            PartialDate dob = p.datesOfBirth().isEmpty() ? null : p.datesOfBirth().get(0);
            PartialDate exact = dob != null && dob.precision() == PartialDate.Precision.EXACT ? dob : null;
            String nat = p.nationalities().isEmpty() ? null : p.nationalities().iterator().next();
            run(index, kinds, misses, "gulf", p, gulf(name, r), exact, nat);
            run(index, kinds, misses, "glue", p, glue(name, r), exact, nat);
            run(index, kinds, misses, "vowels", p, vowels(name, r), exact, nat);
            run(index, kinds, misses, "nodob", p, name, null, null);
            run(index, kinds, misses, "arabic", p, arabic(name, r), exact, nat);
            if (exact != null) {
                LocalDate d = exact.earliest();
                if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue())
                    run(index, kinds, misses, "dob-swap", p, name, PartialDate.exact(LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue())), nat);
                run(index, kinds, misses, "dob-year", p, name, PartialDate.exact(d.plusYears(r.nextBoolean() ? 1 : -1)), nat);
            }
        }
        kinds.forEach((k, v) -> System.out.printf("PROBE %-10s %.3f (%d/%d)%n", k, v[0] / (double) v[1], v[0], v[1]));
        misses.stream().limit(Integer.getInteger("probe.misses", 60)).forEach(m -> System.out.println("PROBE miss " + m));
    }

    static void run(NameIndex index, Map<String, int[]> kinds, List<String> misses, String kind, ListedPerson p, String name, PartialDate dob, String nat) {
        int[] c = kinds.computeIfAbsent(kind, k -> new int[2]);
        c[1]++;
        List<NameMatch> found = index.matchPersons(new PersonQuery(name, null, null, dob, nat, null, null), 0, 1);
        if (!found.isEmpty() && found.get(0).entryId().equals(p.entryId()) && found.get(0).score() >= MatchThresholds.DEFAULT_POSSIBLE) {
            c[0]++;
        } else {
            misses.add(kind + ": " + name + " -> " + (found.isEmpty() ? "nothing" : found.get(0).matchedName() + " " + String.format("%.2f", found.get(0).score())) + " (listed " + p.names().get(0).text() + ")");
        }
    }
}
