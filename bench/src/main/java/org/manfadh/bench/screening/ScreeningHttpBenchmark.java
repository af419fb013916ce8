package org.manfadh.bench.screening;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.ListedPerson;
import org.manfadh.screening.matching.MatchThresholds;
import org.manfadh.screening.matching.NameIndex;
import org.manfadh.screening.matching.NameMatch;
import org.manfadh.screening.matching.NameQuality;
import org.manfadh.screening.matching.PartialDate;
import org.manfadh.screening.matching.PersonQuery;
import org.manfadh.screening.matching.SyntheticPopulation;
import org.manfadh.screening.matching.TransliterationModel;

/**
 * One traveller checked against every list in force over HTTP ({@code POST /api/v1/screening/check}),
 * against a running Manfadh with the UN Security Council list and a national list of generated
 * persons loaded through the application's own imports; beside it, the same queries through the
 * name index alone in this process, so that what HTTP, security, auditing and the rest of the
 * request add is visible.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.manfadh.bench.screening.ScreeningHttpBenchmark csv FILE [persons] [seed]
 * java -cp bench/target/benchmarks.jar org.manfadh.bench.screening.ScreeningHttpBenchmark run --url http://localhost:PORT ...
 * </pre>
 *
 * {@code run} with no further option lists its options. The driver sends traffic to loopback
 * addresses only.
 */
public final class ScreeningHttpBenchmark {

    private static final String CSV_HEADER = "externalId,fullName,surname,givenNames,nameOriginalScript,aliases,"
            + "dateOfBirth,nationality,sex,documentNumber,issuingState,note";
    /** The seed of the generated national list (the one NameIndexBenchmark uses). */
    private static final long SEED = 42;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        switch (args[0]) {
            case "csv" -> {
                Path file = Path.of(args[1]);
                int persons = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
                writeCsv(file, population(persons), persons);
                log("wrote " + persons + " persons to " + file);
            }
            case "run" -> run(Options.parse(Arrays.copyOfRange(args, 1, args.length)));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: ScreeningHttpBenchmark csv FILE [persons]
                       ScreeningHttpBenchmark run --url http://localhost:PORT [options]
                options of run (defaults in brackets):
                  --persons N         persons in the generated national list [100000]
                  --un-xml FILE       the UN Security Council list to import first [none]
                  --skip-import       the lists are there already (a rerun on the same server)
                  --checks N          measured checks, one client and then two [20000]
                  --warmup N          checks sent before measuring, other queries [5000]
                  --clients LIST      client counts to measure, in turn [1,2]
                  --in-process B      also time the name index alone in this process [true]
                  --server-pid PID    the server JVM: heap (jcmd) and CPU time per check
                  --pg-pid PID        the embedded PostgreSQL's postmaster: CPU time per check
                  --jcmd PATH         jcmd of the server's JDK [jcmd]
                  --dump FILE         each check of the 1-client run: its latency over HTTP and in this process, and its body
                  --jfr FILE          a flight recording (settings=profile) of the server during the 1-client checks
                  --officer U:P       who checks [officer:manfadh-demo]
                  --manager U:P       who imports the national list [watchlist_manager:manfadh-demo]
                  --admin U:P         who imports the UN list and approves the national one [admin:manfadh-demo]
                """);
    }

    static final class Options {
        String url;
        int persons = 100_000;
        Path unXml;
        boolean skipImport;
        int checks = 20_000;
        int warmup = 5_000;
        int[] clients = {1, 2};
        boolean inProcess = true;
        long serverPid = -1;
        long pgPid = -1;
        String jcmd = "jcmd";
        Path jfr;
        Path dump;
        String officer = "officer:manfadh-demo";
        String manager = "watchlist_manager:manfadh-demo";
        String admin = "admin:manfadh-demo";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> o.url = args[++i];
                    case "--persons" -> o.persons = Integer.parseInt(args[++i]);
                    case "--un-xml" -> o.unXml = Path.of(args[++i]);
                    case "--skip-import" -> o.skipImport = true;
                    case "--checks" -> o.checks = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
                    case "--clients" -> o.clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--in-process" -> o.inProcess = Boolean.parseBoolean(args[++i]);
                    case "--server-pid" -> o.serverPid = Long.parseLong(args[++i]);
                    case "--pg-pid" -> o.pgPid = Long.parseLong(args[++i]);
                    case "--jcmd" -> o.jcmd = args[++i];
                    case "--jfr" -> o.jfr = Path.of(args[++i]);
                    case "--dump" -> o.dump = Path.of(args[++i]);
                    case "--officer" -> o.officer = args[++i];
                    case "--manager" -> o.manager = args[++i];
                    case "--admin" -> o.admin = args[++i];
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + (v == null ? "" : ""));
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            return o;
        }
    }

    // ---- the national list -------------------------------------------------------------------

    static List<ListedPerson> population(int persons) {
        return SyntheticPopulation.list(persons, SEED, new UUID(0, 0));
    }

    static String externalId(int i) {
        return String.format(Locale.ROOT, "BENCH-%07d", i);
    }

    /** The persons as a national list CSV, the layout the watchlist CSV import reads. */
    static void writeCsv(Path file, List<ListedPerson> persons, int count) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write('\n');
            for (int i = 0; i < count; i++) {
                ListedPerson p = persons.get(i);
                String primary = null;
                String script = null;
                List<String> aliases = new ArrayList<>();
                for (ListedName n : p.names()) {
                    switch (n.quality()) {
                        case PRIMARY -> primary = n.text();
                        case ORIGINAL_SCRIPT -> script = n.text();
                        case STRONG_ALIAS, WEAK_ALIAS -> aliases.add(n.text());
                    }
                }
                w.write(String.join(",", externalId(i), csv(primary), "", "", csv(script), csv(String.join("|", aliases)),
                        p.datesOfBirth().isEmpty() ? "" : p.datesOfBirth().get(0).earliest().toString(),
                        String.join("|", p.nationalities()), p.sex() == null ? "" : p.sex(), "", "", ""));
                w.write('\n');
            }
        }
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- the checks ---------------------------------------------------------------------------

    /** One check: the JSON body, and the external id of the listed person it reads (null for a traveller on no list). */
    record Check(String body, String expected, PersonQuery query) {
    }

    /**
     * Four in five: noisy readings of listed names (respelt, MRZ form, middle name dropped, typo,
     * reordered, cut short; names in Arabic script as listed or with Persian letters), half with
     * the listed date of birth and nationality; one in five: travellers of the region on no list.
     * The same mix as NameIndexBenchmark, over the national list.
     */
    static List<Check> checks(List<ListedPerson> population, int count, long seed, long othersSeed) {
        Random random = new Random(seed);
        Random others = new Random(othersSeed);
        Set<String> listedNames = new HashSet<>();
        for (ListedPerson p : population) {
            listedNames.add(p.names().get(0).text());
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < population.size(); i++) {
            position.put(population.get(i).entryId(), i);
        }
        List<Check> out = new ArrayList<>(count);
        while (out.size() < count) {
            if (random.nextInt(5) == 0) {
                SyntheticPopulation.Person t = SyntheticPopulation.person(others);
                if (listedNames.contains(t.latinName())) {
                    continue;
                }
                String name = t.scriptName() != null && random.nextInt(4) == 0 ? t.scriptName() : t.latinName();
                String dob = t.dateOfBirth().toString();
                out.add(new Check(body(name, dob, t.nationality()), null,
                        new PersonQuery(name, null, null, PartialDate.exact(t.dateOfBirth()), t.nationality(), null, null)));
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
            PartialDate dob = details ? p.datesOfBirth().get(0) : null;
            String nationality = details ? p.nationalities().iterator().next() : null;
            out.add(new Check(body(noisy, dob == null ? null : dob.earliest().toString(), nationality),
                    externalId(position.get(p.entryId())),
                    new PersonQuery(noisy, null, null, dob, nationality, null, null)));
        }
        return out;
    }

    /** A name in Arabic or Persian script goes where a form puts it: the name in its original script. */
    static String body(String name, String dateOfBirth, String nationality) {
        boolean script = !name.chars().allMatch(c -> c < 0x600);
        StringBuilder b = new StringBuilder(160).append('{');
        b.append(script ? "\"nameOriginalScript\":" : "\"fullName\":").append(jsonString(name));
        if (dateOfBirth != null) {
            b.append(",\"dateOfBirth\":").append(jsonString(dateOfBirth));
        }
        if (nationality != null) {
            b.append(",\"nationality\":").append(jsonString(nationality));
        }
        return b.append('}').toString();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ---- run ----------------------------------------------------------------------------------

    static void run(Options o) throws Exception {
        URI base = URI.create(o.url);
        requireLoopback(base.getHost());
        String started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        List<ListedPerson> population = population(o.persons);
        Map<String, String> figures = new LinkedHashMap<>();

        HeapFigure heapBefore = null;
        HeapFigure heapAfter = null;
        double importSeconds = Double.NaN;
        if (!o.skipImport) {
            heapBefore = heap(o);
            Api api = new Api(base);
            long t0 = System.nanoTime();
            if (o.unXml != null) {
                UUID un = api.createList(o.admin, "UN Security Council Consolidated List", "SANCTIONS");
                HttpResponse<String> r = api.importFile(o.admin, un, "application/xml", o.unXml);
                require(r, 200, "UN list import");
                log("UN list imported: " + count(r.body(), "imported") + " entries");
            }
            Path csv = Files.createTempFile("manfadh-national-", ".csv");
            try {
                writeCsv(csv, population, o.persons);
                UUID national = api.createList(o.manager, "National alerts (benchmark)", "NATIONAL_ALERT");
                HttpResponse<String> pending = api.importFile(o.manager, national, "text/csv", csv);
                if (pending.statusCode() == 202) {
                    String changeId = field(pending.body(), "id");
                    HttpResponse<String> approved = api.post(o.admin, "/api/v1/watchlists/" + national + "/pending/"
                            + changeId + "/approve", "");
                    require(approved, 200, "approval of the national list");
                    log("national list imported and approved: " + count(approved.body(), "entryCount") + " entries");
                } else {
                    require(pending, 200, "national list import");
                    log("national list imported: " + count(pending.body(), "entryCount") + " entries");
                }
            } finally {
                Files.deleteIfExists(csv);
            }
            // In force once the index finds the list's last person, as listed, as a hit.
            ListedPerson last = population.get(o.persons - 1);
            String probe = body(last.names().get(0).text(), last.datesOfBirth().get(0).earliest().toString(),
                    last.nationalities().iterator().next());
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            try (RawClient client = new RawClient(base, o.officer)) {
                while (true) {
                    int status = client.post("/api/v1/screening/check", probe.getBytes(StandardCharsets.UTF_8));
                    if (status == 200 && client.lastBody().contains(externalId(o.persons - 1))) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the national list's last person is not found after 10 minutes: "
                                + status + " " + client.lastBody());
                    }
                    Thread.sleep(200);
                }
            }
            importSeconds = (System.nanoTime() - t0) / 1e9;
            log(String.format(Locale.ROOT, "lists in force and indexed %.1f s after the first import began", importSeconds));
            heapAfter = heap(o);
        }

        // The index keeps what it learns of the query tokens it meets: each client count gets queries of its own.
        List<List<Check>> measuredSets = new ArrayList<>();
        for (int k = 0; k < o.clients.length; k++) {
            measuredSets.add(checks(population, o.checks, 99 + k, 4242 + k));
        }
        List<Check> measured = measuredSets.get(0);
        List<Check> warmups = checks(population, o.warmup, 7, 777);
        String loadBefore = loadAverage();

        // warm-up: other queries, one client, then as many clients as the most measured
        int maxClients = Arrays.stream(o.clients).max().orElse(1);
        long t0 = System.nanoTime();
        runClients(base, o.officer, warmups, 1);
        runClients(base, o.officer, warmups.subList(0, warmups.size() / 2), maxClients);
        log(String.format(Locale.ROOT, "warm-up: %d checks with one client, %d with %d, in %.1f s", warmups.size(),
                warmups.size() / 2, maxClients, (System.nanoTime() - t0) / 1e9));

        List<Map<String, String>> rows = new ArrayList<>();
        List<String> outcomeLines = new ArrayList<>();
        long[] httpNanos = null;
        for (int k = 0; k < o.clients.length; k++) {
            int clients = o.clients[k];
            boolean recording = k == 0 && o.jfr != null && o.serverPid >= 0;
            if (recording) {
                log(jcmd(o, "JFR.start name=checks settings=profile filename=" + o.jfr.toAbsolutePath()).strip());
            }
            Cpu cpuFrom = Cpu.take(o);
            Meters metersFrom = Meters.take(base, o.admin);
            Result r = runClients(base, o.officer, measuredSets.get(k), clients);
            Meters metersTo = Meters.take(base, o.admin);
            if (recording) {
                log(jcmd(o, "JFR.stop name=checks").strip());
            }
            Cpu cpuTo = Cpu.take(o);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("what", "HTTP, " + clients + (clients == 1 ? " client" : " clients"));
            row.putAll(r.figures());
            row.put("server CPU ms/check", cpuFrom.serverPerCheck(cpuTo, r.count()));
            row.put("PostgreSQL CPU ms/check", cpuFrom.pgPerCheck(cpuTo, r.count()));
            row.put("server ms (mean)", metersFrom.mean(metersTo, "http"));
            row.put("audit wait ms (mean)", metersFrom.mean(metersTo, "audit"));
            row.put("audit wait p99 ms", metersTo.auditP99());
            row.put("load1 after", loadAverage());
            rows.add(row);
            outcomeLines.add(row.get("what") + ": " + r.figures().get("outcomes"));
            if (k == 0) {
                httpNanos = r.nanos();
            }
            log(row.toString());
        }

        String inProcessHeap = "";
        if (o.inProcess) {
            Map<String, String> row = new LinkedHashMap<>();
            long heapStart = usedHeapAfterGc();
            NameIndex index = new NameIndex(TransliterationModel.fromClasspath());
            for (int i = 0; i < population.size(); i += 10_000) {
                index.putPersons(population.subList(i, Math.min(population.size(), i + 10_000)));
            }
            inProcessHeap = String.format(Locale.ROOT, "%,d MB", (usedHeapAfterGc() - heapStart) >> 20);
            for (Check c : warmups) {
                index.matchPersons(c.query(), MatchThresholds.DEFAULT_POSSIBLE, 20);
            }
            long[] nanos = new long[measured.size()];
            int found = 0;
            int listed = 0;
            long start = System.nanoTime();
            for (int i = 0; i < measured.size(); i++) {
                Check c = measured.get(i);
                long s = System.nanoTime();
                List<NameMatch> m = index.matchPersons(c.query(), MatchThresholds.DEFAULT_POSSIBLE, 20);
                nanos[i] = System.nanoTime() - s;
                if (c.expected() != null) {
                    listed++;
                    int want = Integer.parseInt(c.expected().substring(6));
                    UUID id = population.get(want).entryId();
                    if (m.stream().anyMatch(x -> x.entryId().equals(id))) {
                        found++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (o.dump != null && httpNanos != null) {
                try (BufferedWriter w = Files.newBufferedWriter(o.dump, StandardCharsets.UTF_8)) {
                    w.write("i\thttp_us\tin_process_us\tbody\n");
                    for (int i = 0; i < nanos.length; i++) {
                        w.write(i + "\t" + httpNanos[i] / 1000 + "\t" + nanos[i] / 1000 + "\t" + measured.get(i).body() + "\n");
                    }
                }
            }
            Arrays.sort(nanos);
            row.put("what", "name index alone (national list), in this process, 1 thread, the 1-client queries");
            row.put("checks", String.valueOf(nanos.length));
            row.put("checks/s", String.format(Locale.ROOT, "%.0f", nanos.length / seconds));
            row.put("p50 ms", ms(percentile(nanos, 0.50)));
            row.put("p95 ms", ms(percentile(nanos, 0.95)));
            row.put("p99 ms", ms(percentile(nanos, 0.99)));
            row.put("max ms", ms(nanos[nanos.length - 1]));
            row.put("errors", "0");
            row.put("listed person found", String.format(Locale.ROOT, "%.3f", found / (double) Math.max(1, listed)));
            rows.add(row);
            log(row.toString());
        }

        System.out.printf(Locale.ROOT, "%n# Screening over HTTP: %s%n", started);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; driver JDK %s%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "lists: %s%,d generated persons (national list, CSV import, seed %d)%n",
                o.unXml == null ? "" : "UN Security Council list (" + o.unXml.getFileName() + ") + ", o.persons, SEED);
        System.out.printf(Locale.ROOT, "checks: %,d measured (4 in 5 noisy readings of listed persons, 1 in 5 travellers "
                + "on no list), after %,d warm-up checks; as %s%n", o.checks, o.warmup, o.officer.split(":")[0]);
        System.out.printf(Locale.ROOT, "load average before the checks: %s%n", loadBefore);
        if (heapBefore != null && heapAfter != null) {
            System.out.printf(Locale.ROOT, "server heap used after a full GC (jcmd GC.run; GC.heap_info): %s before the "
                    + "imports, %s after them: the loaded lists take %,d MB%n", heapBefore, heapAfter,
                    (heapAfter.usedKb() - heapBefore.usedKb()) >> 10);
        }
        if (!inProcessHeap.isEmpty()) {
            System.out.printf(Locale.ROOT, "name index of the national list alone, in this process (used heap after "
                    + "System.gc, before and after): %s%n", inProcessHeap);
        }
        if (!Double.isNaN(importSeconds)) {
            System.out.printf(Locale.ROOT, "imports until the last person is found: %.1f s%n", importSeconds);
        }
        System.out.println();
        List<String> columns = List.of("what", "checks", "checks/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
                "listed person found", "server ms (mean)", "audit wait ms (mean)", "audit wait p99 ms", "server CPU ms/check",
                "PostgreSQL CPU ms/check", "load1 after");
        System.out.println("| " + String.join(" | ", columns) + " |");
        System.out.println("|" + "---|".repeat(columns.size()));
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(row.getOrDefault(c, ""));
            }
            System.out.println("| " + String.join(" | ", cells) + " |");
        }
        System.out.println();
        outcomeLines.forEach(l -> System.out.println("outcomes, " + l));
    }

    record Result(int count, Map<String, String> figures, long[] nanos) {
    }

    /** The checks shared out to {@code clients} clients, each sending its share one after another on its own connection. */
    static Result runClients(URI base, String user, List<Check> checks, int clients) throws Exception {
        long[] nanos = new long[checks.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger listed = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, String> errorSamples = new java.util.concurrent.ConcurrentHashMap<>();
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            threads[t] = Thread.ofPlatform().name("client-" + t).start(() -> {
                try (RawClient client = new RawClient(base, user)) {
                    int i;
                    while ((i = next.getAndIncrement()) < checks.size()) {
                        Check c = checks.get(i);
                        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
                        long s = System.nanoTime();
                        int status;
                        try {
                            status = client.post("/api/v1/screening/check", body);
                        } catch (IOException e) {
                            status = -1;
                            errorSamples.putIfAbsent("io", e.toString());
                        }
                        nanos[i] = System.nanoTime() - s;
                        String answer = client.lastBody();
                        if (status != 200 || !answer.contains("\"outcome\"")) {
                            errors.incrementAndGet();
                            errorSamples.putIfAbsent(String.valueOf(status), c.body() + " -> " + answer);
                            continue;
                        }
                        String outcome = field(answer, "outcome");
                        synchronized (outcomes) {
                            outcomes.merge(outcome, 1, Integer::sum);
                        }
                        if (c.expected() != null) {
                            listed.incrementAndGet();
                            if (answer.contains("\"" + c.expected() + "\"")) {
                                found.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    errorSamples.putIfAbsent("client", e.toString());
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        errorSamples.forEach((k, v) -> log("error sample (" + k + "): " + (v.length() > 600 ? v.substring(0, 600) : v)));
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("checks", String.valueOf(checks.size()));
        f.put("checks/s", String.format(Locale.ROOT, "%.0f", checks.size() / seconds));
        f.put("p50 ms", ms(percentile(sorted, 0.50)));
        f.put("p95 ms", ms(percentile(sorted, 0.95)));
        f.put("p99 ms", ms(percentile(sorted, 0.99)));
        f.put("max ms", ms(sorted[sorted.length - 1]));
        f.put("errors", String.valueOf(errors.get()));
        f.put("listed person found", String.format(Locale.ROOT, "%.3f", found.get() / (double) Math.max(1, listed.get())));
        f.put("outcomes", outcomes.toString());
        return new Result(checks.size(), f, nanos);
    }

    // ---- measuring the server -----------------------------------------------------------------

    record HeapFigure(long usedKb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d MB", usedKb >> 10);
        }
    }

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

    /** The server's used heap after a full collection, from jcmd; null without --server-pid. */
    static HeapFigure heap(Options o) throws Exception {
        if (o.serverPid < 0) {
            return null;
        }
        jcmd(o, "GC.run");
        jcmd(o, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(o, "GC.heap_info"));
        return m.find() ? new HeapFigure(Long.parseLong(m.group(1))) : null;
    }

    static String jcmd(Options o, String command) throws Exception {
        Process p = new ProcessBuilder(o.jcmd, String.valueOf(o.serverPid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** CPU time (clock ticks) of the server JVM and of PostgreSQL (the postmaster and its children). */
    record Cpu(long server, long pg) {
        static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

        static Cpu take(Options o) {
            return new Cpu(o.serverPid < 0 ? -1 : ticks(o.serverPid), o.pgPid < 0 ? -1 : treeTicks(o.pgPid));
        }

        String serverPerCheck(Cpu to, int checks) {
            return server < 0 ? "" : String.format(Locale.ROOT, "%.2f", (to.server - server) * TICK_MS / checks);
        }

        String pgPerCheck(Cpu to, int checks) {
            return pg < 0 ? "" : String.format(Locale.ROOT, "%.2f", (to.pg - pg) * TICK_MS / checks);
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long treeTicks(long root) {
            long total = ticks(root);
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(f[1]) == root) {
                            total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException e) {
                        // gone meanwhile
                    }
                }
            } catch (IOException e) {
                return total;
            }
            return total;
        }
    }

    /**
     * The server's own timers, from /actuator/prometheus: the checks as the server timed them
     * (http.server.requests) and the wait for their audit events' commit (manfadh.audit.write).
     * Counts and sums are exact; their difference over a run gives the mean.
     */
    record Meters(Map<String, double[]> countAndSum) {
        private static final Pattern LINE = Pattern.compile("^(\\w+)(?:\\{([^}]*)\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

        static Meters take(URI base, String admin) {
            Map<String, double[]> found = new HashMap<>();
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(
                        "/actuator/prometheus")).header("Authorization", basic(admin)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = LINE.matcher(r.body());
                while (m.find()) {
                    String name = m.group(1);
                    String labels = m.group(2) == null ? "" : m.group(2);
                    if (name.equals("manfadh_audit_write_seconds") && labels.contains("quantile=\"0.99\"")) {
                        found.put("audit p99", new double[] {Double.parseDouble(m.group(3)), 0});
                        continue;
                    }
                    String key = name.startsWith("http_server_requests_seconds_")
                            && labels.contains("uri=\"/api/v1/screening/check\"") ? "http"
                            : name.startsWith("manfadh_audit_write_seconds_") ? "audit" : null;
                    if (key == null) {
                        continue;
                    }
                    double[] cs = found.computeIfAbsent(key, x -> new double[2]);
                    if (name.endsWith("_count")) {
                        cs[0] += Double.parseDouble(m.group(3));
                    } else if (name.endsWith("_sum")) {
                        cs[1] += Double.parseDouble(m.group(3));
                    }
                }
            } catch (Exception e) {
                log("could not read /actuator/prometheus: " + e);
            }
            return new Meters(found);
        }

        /** The audit write's 99th percentile as the server's timer has it (over its last two minutes). */
        String auditP99() {
            double[] q = countAndSum.get("audit p99");
            return q == null ? "" : String.format(Locale.ROOT, "%.2f", q[0] * 1000);
        }

        String mean(Meters to, String key) {
            double[] a = countAndSum.get(key);
            double[] b = to.countAndSum.get(key);
            if (a == null || b == null || b[0] <= a[0]) {
                return "";
            }
            return String.format(Locale.ROOT, "%.2f", (b[1] - a[1]) * 1000 / (b[0] - a[0]));
        }
    }

    // ---- the API calls of the set-up ----------------------------------------------------------

    static final class Api {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Api(URI base) {
            this.base = base;
        }

        UUID createList(String user, String name, String kind) throws Exception {
            HttpResponse<String> r = post(user, "/api/v1/watchlists", "{\"name\":" + jsonString(name) + ",\"kind\":\""
                    + kind + "\",\"actionOnHit\":\"REFER\"}");
            require(r, 201, "creating the list " + name);
            return UUID.fromString(field(r.body(), "id"));
        }

        HttpResponse<String> importFile(String user, UUID list, String contentType, Path file) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/watchlists/" + list + "/imports"))
                    .header("Authorization", basic(user)).header("Content-Type", contentType)
                    .timeout(Duration.ofMinutes(20)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String user, String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic(user))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(20))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static void require(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** A top-level string field of a small JSON answer (the first occurrence). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String count(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    // ---- helpers ------------------------------------------------------------------------------

    static void requireLoopback(String host) throws IOException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("this driver only sends checks to this machine (loopback), not to " + host);
            }
        }
    }

    static long percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static void log(String s) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
    }

    /** HTTP/1.1 with keep-alive over one socket (TCP_NODELAY): little CPU in the driver, none of a client library's queues. */
    static final class RawClient implements AutoCloseable {
        private final String host;
        private final int port;
        private final byte[] headerStart;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final ByteArrayOutputStream bodyBuffer = new ByteArrayOutputStream(8192);
        private final byte[] buffer = new byte[8192];
        private String lastBody = "";

        RawClient(URI base, String user) {
            this.host = base.getHost();
            this.port = base.getPort() == -1 ? 80 : base.getPort();
            this.headerStart = ("Host: " + host + ":" + port + "\r\nAuthorization: " + basic(user)
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        int post(String path, byte[] body) throws IOException {
            if (socket == null) {
                connect();
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream(body.length + 256);
            request.writeBytes(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(headerStart);
            request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            try {
                out.write(request.toByteArray());
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private int readResponse() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed by the server");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            bodyBuffer.reset();
            if (chunked) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while ((h = line()) != null && !h.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    copy(n);
                    line();
                }
            } else if (contentLength >= 0) {
                copy(contentLength);
            }
            lastBody = bodyBuffer.toString(StandardCharsets.UTF_8);
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void copy(long n) throws IOException {
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in a response body");
                }
                bodyBuffer.write(buffer, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        String lastBody() {
            return lastBody;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
