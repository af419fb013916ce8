package org.manfadh.bench.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.manfadh.screening.matching.JaroWinklerScan;
import org.manfadh.screening.matching.ListedPerson;
import org.manfadh.screening.matching.MatchThresholds;
import org.manfadh.screening.matching.NameIndex;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.PartialDate;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.SyntheticPopulation;
import org.manfadh.screening.matching.TransliterationModel;
import org.manfadh.screening.matching.WatchlistIndex;

/**
 * The name index at the scale of a national list: build time and heap, latency of one check,
 * checks a second on two threads, and recall against the brute-force Jaro-Winkler scan on a sample
 * of queries. A plain driver, not JMH: the figures are of seconds-long phases, not nanoseconds.
 *
 * <pre>java -Xmx12g -cp bench/target/benchmarks.jar org.manfadh.bench.screening.NameIndexBenchmark [persons] [queries] [baselineQueries]</pre>
 */
public final class NameIndexBenchmark {

    private static final int TOP = 10;

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int baselineQueries = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        UUID list = UUID.randomUUID();

        long t0 = System.nanoTime();
        TransliterationModel model = TransliterationModel.fromClasspath();
        double modelSeconds = (System.nanoTime() - t0) / 1e9;

        List<ListedPerson> population = SyntheticPopulation.list(persons, 42, list);
        long heapBefore = usedHeap();
        NameIndex index = new NameIndex(model);
        t0 = System.nanoTime();
        for (int i = 0; i < population.size(); i += 10_000) {
            index.putPersons(population.subList(i, Math.min(population.size(), i + 10_000)));
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heapIndex = usedHeap() - heapBefore;

        // four in five: noisy readings of listed names (respelt, MRZ, middle name dropped, typo,
        // reordered, truncated; names in Arabic script as written, or with Persian letters), with
        // the listed date of birth and nationality half of the time; one in five: travellers of
        // the region who are not listed, with their own date of birth and nationality
        Random random = new Random(99);
        Random others = new Random(4242);
        java.util.Set<String> listedNames = new java.util.HashSet<>();
        for (ListedPerson p : population) {
            listedNames.add(p.names().get(0).text());
        }
        List<PersonQuery> qs = new ArrayList<>(queries);
        List<UUID> expected = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            if (random.nextInt(5) == 0) {
                SyntheticPopulation.Person t = SyntheticPopulation.person(others);
                if (listedNames.contains(t.latinName())) {
                    i--;
                    continue;
                }
                String name = t.scriptName() != null && random.nextInt(4) == 0 ? t.scriptName() : t.latinName();
                qs.add(new PersonQuery(name, null, null, PartialDate.exact(t.dateOfBirth()), t.nationality(), null, null));
                expected.add(null);
                continue;
            }
            ListedPerson p = population.get(random.nextInt(population.size()));
            String name = p.names().get(random.nextInt(p.names().size())).text();
            String noisy;
            if (!name.chars().allMatch(c -> c < 0x600)) {
                noisy = random.nextBoolean() ? name : name.replace('ي', 'ی').replace('ك', 'ک');
            } else {
                noisy = random.nextInt(5) == 0 ? name : SyntheticPopulation.noisy(name, random);
            }
            boolean details = random.nextBoolean();
            qs.add(new PersonQuery(noisy, null, null, details ? p.datesOfBirth().get(0) : null,
                    details ? p.nationalities().iterator().next() : null, null, null));
            expected.add(p.entryId());
        }
        listedNames = null;
        String loadBefore = loadAverage();

        // warm-up on other queries (the index keeps what it learns of the query tokens it meets),
        // then one thread for latency
        Random warmUp = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            ListedPerson p = population.get(warmUp.nextInt(population.size()));
            index.matchPersons(PersonQuery.ofName(SyntheticPopulation.noisy(p.names().get(0).text(), warmUp)), 0.5, TOP);
        }
        int misses = Integer.getInteger("bench.misses", 0);
        long[] nanos = new long[queries];
        int found = 0;
        int listedQueries = 0;
        int alerted = 0;
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            List<NameMatch> m = index.matchPersons(qs.get(i), 0.5, TOP);
            nanos[i] = System.nanoTime() - s;
            UUID want = expected.get(i);
            if (want == null) {
                if (!m.isEmpty() && m.get(0).score() >= MatchThresholds.DEFAULT_POSSIBLE) {
                    alerted++;
                }
                continue;
            }
            listedQueries++;
            if (m.stream().anyMatch(x -> x.entryId().equals(want))) {
                found++;
            } else if (misses-- > 0) {
                System.out.println("missed: " + qs.get(i).wholeName() + (qs.get(i).dateOfBirth() == null ? "" : " (with date of birth)")
                        + " -> " + (m.isEmpty() ? "nothing" : m.get(0).matchedName() + " " + m.get(0).score()));
            }
        }
        Arrays.sort(nanos);

        // two threads, closed loop, 10 s
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 10_000_000_000L;
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                int i = offset * 7919;
                while (System.nanoTime() < end) {
                    index.matchPersons(qs.get(i++ % qs.size()), 0.5, TOP);
                    done.incrementAndGet();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double perSecond = done.get() / 10.0;
        String loadAfter = loadAverage();

        // the brute-force baseline on a sample
        JaroWinklerScan scan = new JaroWinklerScan();
        for (int i = 0; i < population.size(); i += 10_000) {
            scan.putPersons(population.subList(i, Math.min(population.size(), i + 10_000)));
        }
        population = null;
        int baseFound = 0;
        int baseQueries = 0;
        int indexFoundOnSample = 0;
        long baseNanos = 0;
        long indexNanos = 0;
        for (int i = 0; i < qs.size() && baseQueries < baselineQueries; i++) {
            UUID want = expected.get(i);
            if (want == null) {
                continue; // the sample measures recall of listed persons only
            }
            baseQueries++;
            PersonQuery q = qs.get(i);
            long s = System.nanoTime();
            List<NameMatch> b = scan.matchPersons(q, 0.0, TOP);
            baseNanos += System.nanoTime() - s;
            s = System.nanoTime();
            List<NameMatch> m = index.matchPersons(q, 0.0, TOP);
            indexNanos += System.nanoTime() - s;
            if (b.stream().anyMatch(x -> x.entryId().equals(want))) {
                baseFound++;
            }
            if (m.stream().anyMatch(x -> x.entryId().equals(want))) {
                indexFoundOnSample++;
            }
        }

        System.out.printf(Locale.ROOT, """
                Name index benchmark: %,d persons (%s names, %,d distinct tokens), %,d queries, %d cores, %s
                load average (1, 5, 15 min) before the timed checks: %s; after the two-thread run: %s
                | measure | value |
                |---|---|
                | transliteration model learnt | %.2f s |
                | index build | %.1f s (%,.0f persons/s) |
                | heap of the index (after GC; the ListedPerson records it keeps are counted in the population, not here) | %,d MB |
                | check latency p50 / p99 / max, one thread | %.2f / %.2f / %.2f ms |
                | checks per second, 2 threads | %,.0f |
                | recall (right entry in top %d), %,d queries of listed persons | %.4f |
                | travellers not listed with a match at %.2f or more (%,d queries) | %.4f |
                | baseline JaroWinklerScan, %d queries of listed persons: mean latency | %.0f ms |
                | index on the same queries: mean latency | %.2f ms (%.0f× faster) |
                | recall on the sample: baseline / index | %.3f / %.3f (index at %.1f%% of baseline) |
                """,
                persons, "~3", index.distinctTokens(), queries, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadBefore, loadAfter,
                modelSeconds, buildSeconds, persons / buildSeconds, heapIndex >> 20,
                nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6, perSecond,
                TOP, listedQueries, found / (double) listedQueries, MatchThresholds.DEFAULT_POSSIBLE,
                queries - listedQueries, alerted / (double) Math.max(1, queries - listedQueries),
                baseQueries, baseNanos / 1e6 / Math.max(1, baseQueries), indexNanos / 1e6 / Math.max(1, baseQueries), (double) baseNanos / Math.max(1, indexNanos),
                baseFound / (double) Math.max(1, baseQueries), indexFoundOnSample / (double) Math.max(1, baseQueries),
                100.0 * indexFoundOnSample / Math.max(1, baseFound));
        System.out.println(index.personCount() + " persons indexed; " + scan.personCount() + " scanned");
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
