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

        // noisy readings of listed names, with the listed date of birth half of the time
        Random random = new Random(99);
        List<PersonQuery> qs = new ArrayList<>(queries);
        List<UUID> expected = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            ListedPerson p = population.get(random.nextInt(population.size()));
            String name = p.names().get(random.nextInt(p.names().size())).text();
            String noisy = random.nextInt(4) == 0 || !name.chars().allMatch(c -> c < 0x600)
                    ? name : SyntheticPopulation.noisy(name, random);
            PartialDate dob = random.nextBoolean() ? p.datesOfBirth().get(0) : null;
            qs.add(new PersonQuery(noisy, null, null, dob, null, null, null));
            expected.add(p.entryId());
        }

        // warm-up, then one thread for latency
        for (int i = 0; i < Math.min(5_000, queries); i++) {
            index.matchPersons(qs.get(i), 0.5, TOP);
        }
        long[] nanos = new long[queries];
        int found = 0;
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            List<NameMatch> m = index.matchPersons(qs.get(i), 0.5, TOP);
            nanos[i] = System.nanoTime() - s;
            UUID want = expected.get(i);
            if (m.stream().anyMatch(x -> x.entryId().equals(want))) {
                found++;
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

        // the brute-force baseline on a sample
        JaroWinklerScan scan = new JaroWinklerScan();
        for (int i = 0; i < population.size(); i += 10_000) {
            scan.putPersons(population.subList(i, Math.min(population.size(), i + 10_000)));
        }
        population = null;
        int baseFound = 0;
        int indexFoundOnSample = 0;
        long baseNanos = 0;
        long indexNanos = 0;
        for (int i = 0; i < baselineQueries; i++) {
            PersonQuery q = qs.get(i);
            long s = System.nanoTime();
            List<NameMatch> b = scan.matchPersons(q, 0.0, TOP);
            baseNanos += System.nanoTime() - s;
            s = System.nanoTime();
            List<NameMatch> m = index.matchPersons(q, 0.0, TOP);
            indexNanos += System.nanoTime() - s;
            UUID want = expected.get(i);
            if (b.stream().anyMatch(x -> x.entryId().equals(want))) {
                baseFound++;
            }
            if (m.stream().anyMatch(x -> x.entryId().equals(want))) {
                indexFoundOnSample++;
            }
        }

        System.out.printf(Locale.ROOT, """
                Name index benchmark: %,d persons (%s names), %,d noisy queries, %d cores, %s
                | measure | value |
                |---|---|
                | transliteration model learnt | %.2f s |
                | index build | %.1f s (%,.0f persons/s) |
                | heap of the index (after GC; the ListedPerson records it keeps are counted in the population, not here) | %,d MB |
                | check latency p50 / p99 / max, one thread | %.2f / %.2f / %.2f ms |
                | checks per second, 2 threads | %,.0f |
                | recall (right entry in top %d), all queries | %.4f |
                | baseline JaroWinklerScan, %d queries: mean latency | %.0f ms |
                | index on the same queries: mean latency | %.2f ms (%.0f× faster) |
                | recall on the sample: baseline / index | %.3f / %.3f (index at %.1f%% of baseline) |
                """,
                persons, "~3", queries, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                modelSeconds, buildSeconds, persons / buildSeconds, heapIndex >> 20,
                nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6, perSecond,
                TOP, found / (double) queries, baselineQueries, baseNanos / 1e6 / baselineQueries,
                indexNanos / 1e6 / baselineQueries, (double) baseNanos / Math.max(1, indexNanos),
                baseFound / (double) baselineQueries, indexFoundOnSample / (double) baselineQueries,
                100.0 * indexFoundOnSample / Math.max(1, baseFound));
        System.out.println(index.personCount() + " persons indexed; " + scan.personCount() + " scanned");
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
