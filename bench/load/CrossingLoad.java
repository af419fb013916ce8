/*
 * Load driver for recording crossings over Manfadh's HTTP API, and the database's own plain-insert
 * ceiling measured against the same PostgreSQL.
 *
 * A single source file using only the JDK (plus the PostgreSQL JDBC driver on the class path for the
 * ceiling); run it without building anything:
 *
 *   java bench/load/CrossingLoad.java http --url http://localhost:18280 --concurrency 4,8,16,32
 *   java -cp postgresql.jar bench/load/CrossingLoad.java ceiling --jdbc jdbc:postgresql://localhost:5433/manfadh
 *   java -cp postgresql.jar bench/load/CrossingLoad.java run --url ... --jdbc ... --concurrency 4,8,16,32
 *   java bench/load/CrossingLoad.java sample 5        (prints requests the generator makes, sends nothing)
 *   java -cp postgresql.jar bench/load/CrossingLoad.java pgsample --jdbc ... --duration 30   (while a load runs)
 *
 * bench/crossings.sh does the whole run; bench/README.md explains what is measured.
 */

import java.io.BufferedInputStream;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class CrossingLoad {

    // ------------------------------------------------------------------------------------------
    // Command line
    // ------------------------------------------------------------------------------------------

    static final class Options {
        String command;
        String url = "http://localhost:8080";
        String user = "admin:manfadh-demo";
        int[] concurrency = {4, 8, 16, 32};
        int warmupSeconds = 60;
        int settleSeconds = 5;
        int durationSeconds = 60;
        long maxRequests = 5_000_000;
        String client = "raw";
        String jdbc;
        String dbUser = "postgres";
        String dbPassword = "";
        int ceilingWarmupSeconds = 3;
        int ceilingSeconds = 15;
        long seed = System.nanoTime();
        long serverPid;
        long pgPid;
        String pgbench;
        int sample = 3;

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 0) {
                usage();
            }
            o.command = args[0];
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (o.command.equals("sample") && i == 1 && !a.startsWith("--")) {
                    o.sample = Integer.parseInt(a);
                    continue;
                }
                if (i + 1 >= args.length) {
                    usage();
                }
                String v = args[++i];
                switch (a) {
                    case "--url" -> o.url = v;
                    case "--user" -> o.user = v;
                    case "--concurrency" -> o.concurrency = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
                    case "--settle" -> o.settleSeconds = Integer.parseInt(v);
                    case "--duration" -> o.durationSeconds = Integer.parseInt(v);
                    case "--max-requests" -> o.maxRequests = Long.parseLong(v);
                    case "--client" -> o.client = v;
                    case "--jdbc" -> o.jdbc = v;
                    case "--db-user" -> o.dbUser = v;
                    case "--db-password" -> o.dbPassword = v;
                    case "--ceiling-warmup" -> o.ceilingWarmupSeconds = Integer.parseInt(v);
                    case "--ceiling-duration" -> o.ceilingSeconds = Integer.parseInt(v);
                    case "--seed" -> o.seed = Long.parseLong(v);
                    case "--server-pid" -> o.serverPid = Long.parseLong(v);
                    case "--pg-pid" -> o.pgPid = Long.parseLong(v);
                    case "--pgbench" -> o.pgbench = v;
                    default -> usage();
                }
            }
            return o;
        }

        static void usage() {
            System.err.println("""
                    usage: java [-cp postgresql.jar] bench/load/CrossingLoad.java COMMAND [options]
                    commands:
                      http      HTTP load: POST /api/v1/crossings at each concurrency level
                      ceiling   the database's plain-insert rate at each concurrency level (needs --jdbc)
                      run       for each concurrency level: the ceiling (when --jdbc is given), then the HTTP load
                      sample N  print N generated requests and exit
                      pgsample  sample pg_stat_activity for --duration seconds (needs --jdbc): where the database's time goes
                    options (defaults):
                      --url http://localhost:8080     the server; loopback addresses only
                      --user admin:manfadh-demo       HTTP Basic credentials
                      --concurrency 4,8,16,32         concurrent workers (one connection each), levels run in turn
                      --warmup 60                     seconds of load before the first level is measured
                      --settle 5                      seconds of load before each later level is measured
                      --duration 60                   measured seconds per level
                      --max-requests 5000000          hard cap on requests per level
                      --client raw|jdk                raw: HTTP/1.1 keep-alive over sockets; jdk: java.net.http.HttpClient
                      --jdbc URL --db-user postgres --db-password ''   the database, for the ceiling
                      --ceiling-warmup 3 --ceiling-duration 15         seconds per level for the ceiling
                      --pgbench PATH                  also measure the ceiling with pgbench (same table, same connections)
                      --server-pid PID --pg-pid PID   processes whose CPU time is reported per request
                      --seed N                        generator seed (default: the clock)
                    """);
            System.exit(2);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        switch (o.command) {
            case "sample" -> {
                Generator g = new Generator(o.seed, new Shared(o.seed));
                for (int i = 0; i < o.sample; i++) {
                    Generator.Request r = g.next();
                    System.out.println(r.body());
                    if (r.direction().equals("ENTRY")) {
                        g.shared.entered.add(r.passport());
                    }
                }
            }
            case "http" -> {
                Shared shared = new Shared(o.seed);
                boolean first = true;
                for (int c : o.concurrency) {
                    print(httpLevel(o, shared, c, first ? o.warmupSeconds : o.settleSeconds));
                    first = false;
                }
            }
            case "ceiling" -> {
                requireJdbc(o);
                Ceiling ceiling = new Ceiling(o);
                ceiling.prepare();
                for (int c : o.concurrency) {
                    print(ceiling.level(c));
                }
                ceiling.drop();
            }
            case "run" -> {
                Shared shared = new Shared(o.seed);
                Ceiling ceiling = o.jdbc == null ? null : new Ceiling(o);
                if (ceiling != null) {
                    ceiling.prepare();
                }
                List<Map<String, Object>> results = new ArrayList<>();
                boolean first = true;
                for (int c : o.concurrency) {
                    if (ceiling != null) {
                        results.add(ceiling.level(c));
                        print(results.getLast());
                        if (o.pgbench != null) {
                            results.add(ceiling.pgbench(c));
                            print(results.getLast());
                        }
                    }
                    results.add(httpLevel(o, shared, c, first ? o.warmupSeconds : o.settleSeconds));
                    print(results.getLast());
                    first = false;
                }
                if (ceiling != null) {
                    ceiling.drop();
                }
                summary(results);
            }
            case "pgsample" -> {
                requireJdbc(o);
                pgSample(o);
            }
            default -> Options.usage();
        }
    }

    /**
     * Samples what the application's database sessions are doing (pg_stat_activity every 5 ms for --duration
     * seconds) and prints, per statement and state, the share of samples: where the database's time goes while the
     * HTTP load runs. "idle in transaction" is time a transaction waits for the application between statements.
     */
    static void pgSample(Options o) throws Exception {
        String host = URI.create(o.jdbc.substring("jdbc:".length())).getHost();
        requireLoopback(host);
        Map<String, Long> counts = new java.util.HashMap<>();
        long samples = 0;
        long sessions = 0;
        try (Connection c = DriverManager.getConnection(o.jdbc, o.dbUser, o.dbPassword);
                PreparedStatement q = c.prepareStatement("""
                        select state, coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait,
                               regexp_replace(left(query, 90), '\\s+', ' ', 'g') as query
                          from pg_stat_activity
                         where backend_type = 'client backend' and pid <> pg_backend_pid()
                           and application_name = 'PostgreSQL JDBC Driver' and state <> 'idle'
                        """)) {
            long until = System.nanoTime() + Duration.ofSeconds(o.durationSeconds).toNanos();
            while (System.nanoTime() < until) {
                samples++;
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        sessions++;
                        String state = rs.getString(1);
                        String key = String.format("%-19s %-22s %s", state, rs.getString(2),
                                (state.equals("active") ? "" : "after: ") + rs.getString(3));
                        counts.merge(key, 1L, Long::sum);
                    }
                }
                Thread.sleep(5);
            }
        }
        System.out.printf(Locale.ROOT, "%d samples, %.2f sessions in a transaction on average%n", samples,
                sessions / (double) samples);
        long all = sessions;
        Map<String, Long> groups = new java.util.TreeMap<>();
        counts.forEach((k, v) -> groups.merge(k.startsWith("active") ? (k.contains(" CPU ") ? "active, on or waiting for a CPU"
                : "active, waiting: " + k.substring(20, 42).strip()) : k.contains("Client:ClientRead")
                ? "idle in transaction, waiting for the application" : "idle in transaction, on or waiting for a CPU", v, Long::sum));
        groups.forEach((k, v) -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * v / all, k));
        System.out.println();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(50)
                .forEach(e -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
    }

    static void requireJdbc(Options o) {
        if (o.jdbc == null) {
            System.err.println("ceiling needs --jdbc jdbc:postgresql://localhost:PORT/manfadh");
            System.exit(2);
        }
    }

    /** One result line, key=value, for bench/crossings.sh to read; the human-readable lines go to stderr. */
    static void print(Map<String, Object> result) {
        StringBuilder sb = new StringBuilder("RESULT");
        result.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        System.out.println(sb);
        System.out.flush();
    }

    static final double BUDGET_RATE = 1_000;
    static final double BUDGET_RATIO = 0.3;
    static final double BUDGET_P99_MS = 50;

    /** The table for docs/PERFORMANCE.md: one row per concurrency level, the best level, and the verdict. */
    static void summary(List<Map<String, Object>> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n| concurrency | crossings/s | p50 ms | p95 ms | p99 ms | max ms | errors "
                + "| ceiling JDBC inserts/s | ceiling pgbench tps | ratio | CPU ms/crossing: server JVM / PostgreSQL / driver "
                + "| machine: other processes / kernel threads / steal | load |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
        Map<String, Object> best = null;
        Map<String, Object> bestAny = null;
        for (Map<String, Object> r : results) {
            if (!r.get("kind").equals("http")) {
                continue;
            }
            Object c = r.get("concurrency");
            double jdbc = rate(find(results, "ceiling", c));
            double pg = rate(find(results, "pgbench", c));
            double ceiling = Math.max(jdbc, pg);
            double rate = rate(r);
            r.put("ceiling", ceiling);
            r.put("ratio", ceiling > 0 ? rate / ceiling : Double.NaN);
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s / %s / %s %% | %s |%n",
                    c, rate, r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"), r.get("max_ms"), r.get("errors"),
                    jdbc > 0 ? String.format(Locale.ROOT, "%,.0f", jdbc) : "-",
                    pg > 0 ? String.format(Locale.ROOT, "%,.0f", pg) : "-",
                    ceiling > 0 ? String.format(Locale.ROOT, "%.3f", rate / ceiling) : "-",
                    r.getOrDefault("cpu_server_ms", "?"), r.getOrDefault("cpu_pg_ms", "?"), r.get("cpu_driver_ms"),
                    r.getOrDefault("cpu_other_pct", "?"), r.getOrDefault("cpu_kthreads_pct", "?"),
                    r.getOrDefault("cpu_steal_pct", "?"), r.get("load1")));
            if (Double.parseDouble((String) r.get("p99_ms")) <= BUDGET_P99_MS && (best == null || rate > rate(best))) {
                best = r;
            }
            if (bestAny == null || rate > rate(bestAny)) {
                bestAny = r;
            }
        }
        if (bestAny == null) {
            return;
        }
        Map<String, Object> chosen = best != null ? best : bestAny;
        double rate = rate(chosen);
        double ratio = (double) chosen.get("ratio");
        double p99 = Double.parseDouble((String) chosen.get("p99_ms"));
        long errors = results.stream().filter(r -> r.get("kind").equals("http"))
                .mapToLong(r -> ((Number) r.get("errors")).longValue()).sum();
        sb.append(String.format(Locale.ROOT, "%nBest concurrency %s%s: %,.0f crossings/s, p99 %.2f ms, ceiling %,.0f/s, ratio %.3f, "
                        + "%d errors over all levels.%n", chosen.get("concurrency"),
                best == null ? " (no level kept p99 within " + (int) BUDGET_P99_MS + " ms; highest throughput shown)" : "",
                rate, p99, (double) chosen.get("ceiling"), ratio, errors));
        boolean met = rate >= BUDGET_RATE && ratio >= BUDGET_RATIO && p99 <= BUDGET_P99_MS && errors == 0;
        sb.append(String.format(Locale.ROOT, "Budget >= %,.0f/s, >= %.1f of the ceiling, p99 <= %.0f ms, no errors: %s "
                        + "(rate %s, ratio %s, p99 %s, errors %s)%n", BUDGET_RATE, BUDGET_RATIO, BUDGET_P99_MS,
                met ? "MET" : "NOT MET", rate >= BUDGET_RATE ? "ok" : "short", ratio >= BUDGET_RATIO ? "ok" : "short",
                p99 <= BUDGET_P99_MS ? "ok" : "over", errors == 0 ? "ok" : String.valueOf(errors)));
        System.out.print(sb);
        System.out.flush();
    }

    static Map<String, Object> find(List<Map<String, Object>> results, String kind, Object concurrency) {
        return results.stream().filter(r -> r.get("kind").equals(kind) && r.get("concurrency").equals(concurrency))
                .findFirst().orElse(null);
    }

    static double rate(Map<String, Object> r) {
        return r == null ? 0 : Double.parseDouble(String.valueOf(r.get("rate")));
    }

    static void log(String message) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    // ------------------------------------------------------------------------------------------
    // HTTP load
    // ------------------------------------------------------------------------------------------

    /** State shared by all workers: unique number sources and the travellers who may come back. */
    static final class Shared {
        final AtomicLong documentSerial;
        final AtomicLong visaSerial;
        final char runLetter;
        final ConcurrentLinkedQueue<Passport> entered = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Passport> exited = new ConcurrentLinkedQueue<>();

        Shared(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            // Document numbers are a letter for this run and eight digits from a random start, so that runs
            // against the same database rarely meet; within a run every new passport has its own number.
            this.runLetter = (char) ('A' + r.nextInt(26));
            this.documentSerial = new AtomicLong(r.nextInt(10_000_000));
            this.visaSerial = new AtomicLong(r.nextInt(10_000_000));
        }
    }

    static final class Stats {
        long[] latencies = new long[1 << 16];
        int count;
        final Map<Integer, Long> statuses = new LinkedHashMap<>();
        long errors;

        void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        void status(int status) {
            statuses.merge(status, 1L, Long::sum);
        }
    }

    interface Client extends AutoCloseable {
        /** Sends one POST and returns the status; the body is read whole and kept in lastBody. */
        int post(String path, byte[] body) throws IOException, InterruptedException;

        String lastBody();

        @Override
        void close();
    }

    static Map<String, Object> httpLevel(Options o, Shared shared, int workers, int warmupSeconds) throws Exception {
        URI base = URI.create(o.url);
        requireLoopback(base.getHost());
        String auth = "Basic " + Base64.getEncoder().encodeToString(o.user.getBytes(StandardCharsets.UTF_8));

        long warmupNanos = Duration.ofSeconds(warmupSeconds).toNanos();
        long measureNanos = Duration.ofSeconds(o.durationSeconds).toNanos();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long measureUntil = measureFrom + measureNanos;
        LongAdder sent = new LongAdder();
        LongAdder warmupErrors = new LongAdder();
        ConcurrentHashMap<String, String> errorSamples = new ConcurrentHashMap<>();
        HttpClient jdk = o.client.equals("jdk")
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
                : null;

        Stats[] stats = new Stats[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            Stats s = stats[w] = new Stats();
            Generator g = new Generator(o.seed * 31 + workers * 1_000 + w, shared);
            threads[w] = Thread.ofPlatform().name("worker-" + w).start(() -> {
                try (Client client = jdk != null ? new JdkClient(jdk, base, auth) : new RawClient(base, auth)) {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= measureUntil) {
                            break;
                        }
                        sent.increment();
                        if (sent.sum() > o.maxRequests) {
                            break;
                        }
                        Generator.Request r = g.next();
                        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.post("/api/v1/crossings", body);
                        } catch (IOException e) {
                            status = -1;
                            errorSamples.putIfAbsent("io", e.toString());
                        }
                        long t1 = System.nanoTime();
                        boolean ok = status == 201 && client.lastBody().contains(r.id());
                        if (ok) {
                            if (r.direction().equals("ENTRY")) {
                                shared.entered.add(r.passport());
                            } else {
                                shared.exited.add(r.passport());
                            }
                        } else if (status > 0) {
                            errorSamples.putIfAbsent(String.valueOf(status), r.body() + " -> " + client.lastBody());
                        }
                        if (t0 >= measureFrom && t1 <= measureUntil) {
                            s.add(t1 - t0);
                            // 2010: a 201 whose body does not carry the crossing's id (counted as an error)
                            s.status(status == 201 && !ok ? 2010 : status);
                            if (!ok) {
                                s.errors++;
                            }
                        } else if (!ok && t1 < measureFrom) {
                            warmupErrors.increment();
                        }
                    }
                } catch (Exception e) {
                    errorSamples.putIfAbsent("worker", e.toString());
                }
            });
        }
        log(String.format("http: %d workers, %d s warm-up, %d s measured, client %s", workers, warmupSeconds,
                o.durationSeconds, o.client));
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        CpuSample cpuFrom = CpuSample.take(o);
        long cpuStart = System.nanoTime();
        Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
        CpuSample cpuTo = CpuSample.take(o);
        long cpuEnd = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }

        int total = 0;
        long errors = 0;
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        for (Stats s : stats) {
            total += s.count;
            errors += s.errors;
            s.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
        }
        long[] all = new long[total];
        int p = 0;
        for (Stats s : stats) {
            System.arraycopy(s.latencies, 0, all, p, s.count);
            p += s.count;
        }
        Arrays.sort(all);
        double seconds = measureNanos / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", "http");
        r.put("concurrency", workers);
        r.put("seconds", o.durationSeconds);
        r.put("requests", total);
        r.put("rate", String.format(Locale.ROOT, "%.1f", total / seconds));
        r.put("p50_ms", ms(percentile(all, 0.50)));
        r.put("p95_ms", ms(percentile(all, 0.95)));
        r.put("p99_ms", ms(percentile(all, 0.99)));
        r.put("p999_ms", ms(percentile(all, 0.999)));
        r.put("max_ms", ms(all.length == 0 ? 0 : all[all.length - 1]));
        r.put("errors", errors);
        r.put("warmup_errors", warmupErrors.sum());
        r.put("statuses", statuses.toString().replace(" ", ""));
        cpuFrom.putPerRequest(cpuTo, total * ((cpuEnd - cpuStart) / (double) measureNanos), r);
        r.put("load1", loadAverage());
        errorSamples.forEach((k, v) -> log("error sample (" + k + "): " + abbreviate(v, 600)));
        log(String.format(Locale.ROOT, "http c=%d: %s crossings/s, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms, %d errors",
                workers, r.get("rate"), r.get("p50_ms"), r.get("p95_ms"), r.get("p99_ms"), r.get("max_ms"), errors));
        return r;
    }

    static void requireLoopback(String host) throws IOException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("this driver only sends load to this machine (loopback), not to " + host);
            }
        }
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** HTTP/1.1 with keep-alive over one socket: the lightest client the JDK allows, so the driver's CPU stays small. */
    static final class RawClient implements Client {
        private final String host;
        private final int port;
        private final byte[] headerStart;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final ByteArrayOutputStream bodyBuffer = new ByteArrayOutputStream(4096);
        private String lastBody = "";

        RawClient(URI base, String auth) {
            this.host = base.getHost();
            this.port = base.getPort() == -1 ? 80 : base.getPort();
            this.headerStart = ("Host: " + host + ":" + port + "\r\nAuthorization: " + auth
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

        @Override
        public int post(String path, byte[] body) throws IOException {
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
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in a response body");
                }
                bodyBuffer.write(buf, 0, r);
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

        @Override
        public String lastBody() {
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

    /** The JDK's own HTTP client, for comparison with the raw one (--client jdk). */
    static final class JdkClient implements Client {
        private final HttpClient client;
        private final URI base;
        private final String auth;
        private String lastBody = "";

        JdkClient(HttpClient client, URI base, String auth) {
            this.client = client;
            this.base = base;
            this.auth = auth;
        }

        @Override
        public int post(String path, byte[] body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            lastBody = response.body();
            return response.statusCode();
        }

        @Override
        public String lastBody() {
            return lastBody;
        }

        @Override
        public void close() {
        }
    }

    // ------------------------------------------------------------------------------------------
    // CPU accounting from /proc: where the machine's time went during a measured window
    // ------------------------------------------------------------------------------------------

    /**
     * A snapshot of where the machine's CPU time went, from /proc: the whole machine by kind (user, system, interrupts,
     * steal), and every process by its ticks. Two snapshots give, for a measured window, the CPU time per request of
     * the server JVM, of PostgreSQL (postmaster and all its processes), of this driver (with pgbench, which it
     * reaps), and the share the rest of the machine took: other processes (a figure taken while they are busy is not
     * valid), kernel threads and time stolen by the host. Interrupt handling (loopback networking is much of it) is
     * reported too, as a share of the machine, but it is already inside the times of the processes it interrupted.
     */
    record CpuSample(long[] machine, Map<Long, long[]> processes, long serverPid, long pgPid, long selfPid) {

        static final double TICKS_PER_SECOND = 100.0;

        // /proc/stat cpu line: user nice system idle iowait irq softirq steal
        static final int USER = 0, NICE = 1, SYSTEM = 2, IDLE = 3, IOWAIT = 4, IRQ = 5, SOFTIRQ = 6, STEAL = 7;

        static CpuSample take(Options o) {
            return new CpuSample(readMachine(), readProcesses(), o.serverPid, o.pgPid, ProcessHandle.current().pid());
        }

        void putPerRequest(CpuSample to, double requests, Map<String, Object> r) {
            double n = Math.max(1, requests);
            long[] m = new long[8];
            long total = 0;
            for (int i = 0; i < 8; i++) {
                m[i] = to.machine[i] - machine[i];
                total += m[i];
            }
            if (total <= 0) {
                return;
            }
            long busy = total - m[IDLE] - m[IOWAIT];
            long server = 0;
            long postgres = 0;
            long driver = 0;
            long kernelThreads = 0;
            for (var e : to.processes.entrySet()) {
                long pid = e.getKey();
                long[] now = e.getValue();
                long[] before = processes.get(pid);
                // A process that was not there before is counted from its start; reaped children are in their parent.
                long delta = now[1] - (before == null ? 0 : before[1]);
                if (pid == serverPid) {
                    server += delta;
                } else if (pid == pgPid || now[0] == pgPid) {
                    postgres += delta;
                } else if (pid == selfPid) {
                    driver += delta;
                } else if (pid == 2 || now[0] == 2) {
                    kernelThreads += delta;
                }
            }
            // Other processes: what the machine was busy with beyond ours and the kernel threads. Not summed from their
            // own ticks, since a process that reaps a long-running child (a build reaping its test JVM) is charged that
            // child's whole life at once; interrupt time is already inside the times of the processes it interrupted.
            long others = busy - server - postgres - driver - kernelThreads;
            r.put("cpu_busy_pct", pct(busy, total));
            if (serverPid > 0) {
                r.put("cpu_server_ms", ms(server, n));
            }
            if (pgPid > 0) {
                r.put("cpu_pg_ms", ms(postgres, n));
            }
            r.put("cpu_driver_ms", ms(driver, n));
            r.put("cpu_machine_ms", ms(busy, n));
            r.put("cpu_other_pct", pct(Math.max(0, others), total));
            r.put("cpu_kthreads_pct", pct(kernelThreads, total));
            r.put("cpu_irq_pct", pct(m[IRQ] + m[SOFTIRQ], total));
            r.put("cpu_steal_pct", pct(m[STEAL], total));
            r.put("cpu_system_pct", pct(m[SYSTEM], total));
        }

        static String ms(long ticks, double n) {
            return String.format(Locale.ROOT, "%.3f", ticks * 1000 / TICKS_PER_SECOND / n);
        }

        static String pct(long part, long total) {
            return String.format(Locale.ROOT, "%.1f", 100.0 * part / total);
        }

        static long[] readMachine() {
            long[] m = new long[8];
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 0; i < 8 && i + 1 < f.length; i++) {
                    m[i] = Long.parseLong(f[i + 1]);
                }
            } catch (IOException | RuntimeException e) {
                // no /proc: no CPU figures
            }
            return m;
        }

        /** Every process: its parent and its user + system ticks with those of the children it has reaped. */
        static Map<Long, long[]> readProcesses() {
            Map<Long, long[]> result = new java.util.HashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String s = Files.readString(d.resolve("stat"));
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        // after the command: state ppid ... utime(14) stime(15) cutime(16) cstime(17), numbered from 1
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14]);
                        result.put(Long.parseLong(name), new long[] {Long.parseLong(f[1]), ticks});
                    } catch (IOException | RuntimeException ignored) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return result;
            }
            return result;
        }
    }

    // ------------------------------------------------------------------------------------------
    // The database's plain-insert ceiling
    // ------------------------------------------------------------------------------------------

    /**
     * One row per transaction into a scratch table shaped like a crossing row (uuid, text, timestamptz and a jsonb
     * document of about 600 bytes), autocommit, one connection per worker, with the durability the server runs with
     * (it is the same server). This is the most the database can commit per second at that concurrency: recording a
     * crossing does more in its one transaction, so it can only reach a fraction of it.
     */
    static final class Ceiling {
        private final Options o;

        Ceiling(Options o) {
            this.o = o;
        }

        Connection connect() throws Exception {
            String host = URI.create(o.jdbc.substring("jdbc:".length())).getHost();
            requireLoopback(host);
            return DriverManager.getConnection(o.jdbc, o.dbUser, o.dbPassword);
        }

        void prepare() throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("create schema if not exists loadbench");
                s.execute("drop table if exists loadbench.crossing_ceiling");
                s.execute("""
                        create table loadbench.crossing_ceiling (
                            id           uuid primary key,
                            border_point text not null,
                            direction    text not null,
                            occurred_at  timestamptz not null,
                            officer      text not null,
                            document     jsonb not null)
                        """);
                try (ResultSet rs = s.executeQuery("""
                        select current_setting('fsync'), current_setting('synchronous_commit'),
                               current_setting('full_page_writes'), current_setting('server_version')
                        """)) {
                    rs.next();
                    log("ceiling: database fsync=" + rs.getString(1) + " synchronous_commit=" + rs.getString(2)
                            + " full_page_writes=" + rs.getString(3) + " version " + rs.getString(4));
                }
            }
        }

        void drop() throws Exception {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop schema loadbench cascade");
            }
        }

        Map<String, Object> level(int workers) throws Exception {
            long start = System.nanoTime();
            long measureFrom = start + Duration.ofSeconds(o.ceilingWarmupSeconds).toNanos();
            long measureNanos = Duration.ofSeconds(o.ceilingSeconds).toNanos();
            long measureUntil = measureFrom + measureNanos;
            Stats[] stats = new Stats[workers];
            Thread[] threads = new Thread[workers];
            ConcurrentHashMap<String, String> errorSamples = new ConcurrentHashMap<>();
            String document = sampleDocument();
            // Connections stay open until the CPU sample after the window is taken: a backend that exits while the
            // processes are being read would be counted in neither the postmaster's reaped time nor its own.
            java.util.concurrent.CountDownLatch sampled = new java.util.concurrent.CountDownLatch(1);
            for (int w = 0; w < workers; w++) {
                Stats s = stats[w] = new Stats();
                SplittableRandom random = new SplittableRandom(o.seed + w);
                threads[w] = Thread.ofPlatform().name("ceiling-" + w).start(() -> {
                    try (Connection c = connect();
                            PreparedStatement insert = c.prepareStatement("""
                                    insert into loadbench.crossing_ceiling (id, border_point, direction, occurred_at,
                                           officer, document)
                                    values (?, ?, ?, ?, ?, cast(? as jsonb))
                                    """)) {
                        c.setAutoCommit(true);
                        long n = 0;
                        while (n++ < o.maxRequests) {
                            long t0 = System.nanoTime();
                            if (t0 >= measureUntil) {
                                break;
                            }
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, Generator.POINTS[random.nextInt(Generator.POINTS.length)]);
                            insert.setString(3, random.nextBoolean() ? "ENTRY" : "EXIT");
                            insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                            insert.setString(5, "admin");
                            insert.setString(6, document);
                            int status;
                            try {
                                status = insert.executeUpdate() == 1 ? 201 : 500;
                            } catch (java.sql.SQLException e) {
                                status = -1;
                                errorSamples.putIfAbsent("sql", e.toString());
                            }
                            long t1 = System.nanoTime();
                            if (t0 >= measureFrom && t1 <= measureUntil) {
                                s.add(t1 - t0);
                                if (status != 201) {
                                    s.errors++;
                                }
                            }
                        }
                        sampled.await();
                    } catch (Exception e) {
                        errorSamples.putIfAbsent("worker", e.toString());
                    }
                });
            }
            log(String.format("ceiling: %d connections, %d s warm-up, %d s measured", workers, o.ceilingWarmupSeconds,
                    o.ceilingSeconds));
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            CpuSample cpuFrom = CpuSample.take(o);
            Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
            CpuSample cpuTo = CpuSample.take(o);
            sampled.countDown();
            for (Thread t : threads) {
                t.join();
            }
            int total = 0;
            long errors = 0;
            for (Stats s : stats) {
                total += s.count;
                errors += s.errors;
            }
            long[] all = new long[total];
            int p = 0;
            for (Stats s : stats) {
                System.arraycopy(s.latencies, 0, all, p, s.count);
                p += s.count;
            }
            Arrays.sort(all);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", "ceiling");
            r.put("concurrency", workers);
            r.put("seconds", o.ceilingSeconds);
            r.put("requests", total);
            r.put("rate", String.format(Locale.ROOT, "%.1f", total / (measureNanos / 1e9)));
            r.put("p50_ms", ms(percentile(all, 0.50)));
            r.put("p95_ms", ms(percentile(all, 0.95)));
            r.put("p99_ms", ms(percentile(all, 0.99)));
            r.put("max_ms", ms(all.length == 0 ? 0 : all[all.length - 1]));
            r.put("errors", errors);
            r.put("bytes_per_row", document.length());
            cpuFrom.putPerRequest(cpuTo, total, r);
            r.put("load1", loadAverage());
            errorSamples.forEach((k, v) -> log("error sample (" + k + "): " + abbreviate(v, 600)));
            log(String.format(Locale.ROOT, "ceiling c=%d: %s inserts/s, p50 %s ms, p99 %s ms, %d errors", workers,
                    r.get("rate"), r.get("p50_ms"), r.get("p99_ms"), errors));
            return r;
        }

        /**
         * The same inserts through pgbench (C, libpq, prepared statements): one row per transaction, the document as
         * a bound parameter, as many connections as the level, two threads (the machine's cores).
         */
        Map<String, Object> pgbench(int workers) throws Exception {
            URI uri = URI.create(o.jdbc.substring("jdbc:".length()));
            requireLoopback(uri.getHost());
            Path script = Files.createTempFile("crossing-ceiling", ".sql");
            Files.writeString(script, """
                    insert into loadbench.crossing_ceiling (id, border_point, direction, occurred_at, officer, document)
                    values (gen_random_uuid(), 'ZRB', 'ENTRY', now(), 'admin', cast(:doc as jsonb));
                    """);
            List<String> command = List.of(o.pgbench, "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                    "-U", o.dbUser, "-n", "-M", "prepared", "-c", String.valueOf(workers),
                    "-j", String.valueOf(Math.min(workers, Runtime.getRuntime().availableProcessors())),
                    "-T", String.valueOf(o.ceilingSeconds), "-D", "doc=" + sampleDocument(), "-f", script.toString(),
                    uri.getPath().substring(1));
            log(String.format("pgbench: %d connections, %d s", workers, o.ceilingSeconds));
            CpuSample cpuFrom = CpuSample.take(o);
            ProcessBuilder pgbench = new ProcessBuilder(command).redirectErrorStream(true);
            pgbench.environment().put("PGPASSWORD", o.dbPassword);
            Process process = pgbench.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Thread.sleep(500); // its backends have exited and been reaped
            CpuSample cpuTo = CpuSample.take(o);
            Files.deleteIfExists(script);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", "pgbench");
            r.put("concurrency", workers);
            r.put("seconds", o.ceilingSeconds);
            java.util.regex.Matcher tps = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(output);
            java.util.regex.Matcher latency = java.util.regex.Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
            java.util.regex.Matcher failed = java.util.regex.Pattern.compile("number of failed transactions: ([0-9]+)").matcher(output);
            java.util.regex.Matcher done = java.util.regex.Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
            if (exit != 0 || !tps.find()) {
                log("pgbench failed (exit " + exit + "):\n" + output);
                r.put("rate", "0");
                r.put("errors", -1);
                return r;
            }
            r.put("rate", String.format(Locale.ROOT, "%.1f", Double.parseDouble(tps.group(1))));
            long processed = done.find() ? Long.parseLong(done.group(1)) : 0;
            r.put("requests", processed);
            r.put("avg_ms", latency.find() ? latency.group(1) : "?");
            r.put("errors", failed.find() ? Long.parseLong(failed.group(1)) : 0);
            cpuFrom.putPerRequest(cpuTo, processed, r);
            r.put("load1", loadAverage());
            log(String.format(Locale.ROOT, "pgbench c=%d: %s tps, latency average %s ms", workers, r.get("rate"),
                    r.get("avg_ms")));
            return r;
        }

        /** A document snapshot like the one a crossing stores, padded with the kind of detail a reading carries. */
        static String sampleDocument() {
            Generator g = new Generator(1, new Shared(1));
            Passport p = g.newPassport("ZRB");
            String json = "{\"source\":\"MRZ\",\"format\":\"TD3\",\"documentCode\":\"P\",\"issuingState\":\"" + p.state
                    + "\",\"documentNumber\":\"" + p.number + "\",\"surname\":\"" + p.surname + "\",\"givenNames\":\""
                    + p.given + "\",\"nationality\":\"" + p.nationality + "\",\"dateOfBirth\":\"" + p.birth
                    + "\",\"sex\":\"" + p.sex + "\",\"dateOfExpiry\":\"" + p.expiry + "\",\"optionalData\":null,"
                    + "\"mrz\":\"" + p.line1 + "\\n" + p.line2 + "\",\"errors\":[],\"warnings\":[],\"checks\":{";
            StringBuilder sb = new StringBuilder(json);
            String[] checks = {"documentNumber", "dateOfBirth", "dateOfExpiry", "personalNumber", "composite"};
            for (int i = 0; sb.length() < 560; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(checks[i % checks.length]).append(i / checks.length)
                        .append("\":\"PASSED\"");
            }
            return sb.append("}}").toString();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Requests: travellers with valid ICAO 9303 passports, crossing at Iraq's busiest points
    // ------------------------------------------------------------------------------------------

    /** One machine-readable passport (TD3), with the fields it was made from. */
    static final class Passport {
        String state;
        String nationality;
        String number;
        String surname;
        String given;
        String sex;
        LocalDate birth;
        LocalDate expiry;
        String line1;
        String line2;
        String homePoint;
        boolean visaHolder;
    }

    static final class Generator {

        static final String[] POINTS = {"ZRB", "SLM", "IBK", "BGW"};

        // Pilgrimage traffic: most travellers are Iranian, through Zurbatiyah and Shalamcheh.
        static final String[] POINT_MIX = {"ZRB", "ZRB", "ZRB", "ZRB", "SLM", "SLM", "SLM", "IBK", "IBK", "BGW", "BGW"};

        static final Map<String, String[]> NATIONALITY_MIX = Map.of(
                "ZRB", new String[] {"IRN", "IRN", "IRN", "IRN", "IRN", "IRN", "IRN", "IRN", "IRQ", "PAK"},
                "SLM", new String[] {"IRN", "IRN", "IRN", "IRN", "IRN", "IRN", "IRN", "IRQ", "IRQ", "PAK"},
                "IBK", new String[] {"TUR", "TUR", "TUR", "TUR", "IRQ", "IRQ", "IRQ", "IRN", "IRN", "PAK"},
                "BGW", new String[] {"IRN", "IRN", "IRN", "IRQ", "IRQ", "IRQ", "TUR", "TUR", "PAK", "PAK"});

        static final Map<String, String[]> SURNAMES = Map.of(
                "IRN", new String[] {"MOHAMMADI", "HOSSEINI", "AHMADI", "REZAEI", "MOUSAVI", "JAFARI", "KARIMI",
                        "HASHEMI", "RAHIMI", "SADEGHI", "GHASEMI", "KAZEMI", "SALEHI", "MORADI", "NAJAFI", "ABBASI",
                        "TEHRANI", "ESFAHANI", "SHIRAZI", "BAGHERI", "HEIDARI", "NOURI", "ZAREI", "AKBARI"},
                "IRQ", new String[] {"AL<HASHIMI", "AL<JUBOURI", "AL<SAADI", "AL<MALIKI", "AL<TAMIMI", "AL<OBAIDI",
                        "AL<DULAIMI", "AL<KHAFAJI", "AL<ZUBAIDI", "AL<SHAMMARI", "HUSSEIN", "ABDULLAH"},
                "TUR", new String[] {"YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "YILDIZ", "YILDIRIM", "OZTURK",
                        "AYDIN", "OZDEMIR", "ARSLAN", "DOGAN", "KILIC", "ASLAN"},
                "PAK", new String[] {"KHAN", "HUSSAIN", "ALI", "AHMED", "SHAH", "NAQVI", "ZAIDI", "RIZVI", "JAFRI",
                        "ABBAS", "HAIDER", "QURESHI", "BUKHARI", "KAZMI"});

        static final Map<String, String[]> MALE = Map.of(
                "IRN", new String[] {"ALI", "MOHAMMAD", "HOSSEIN", "REZA", "MAHDI", "AMIR", "HASSAN", "MOSTAFA",
                        "JAVAD", "SAEED", "MOHSEN", "HAMID", "ABBAS", "MORTEZA"},
                "IRQ", new String[] {"AHMED", "MUSTAFA", "HAIDER", "ALI", "HUSSEIN", "ABBAS", "KARRAR", "MUNTADHAR",
                        "SAJJAD", "OMAR", "YASIR"},
                "TUR", new String[] {"MEHMET", "MUSTAFA", "AHMET", "ALI", "HUSEYIN", "HASAN", "IBRAHIM", "EMRE",
                        "BURAK", "MURAT"},
                "PAK", new String[] {"MUHAMMAD", "ALI", "HASSAN", "HUSSAIN", "ABBAS", "IMRAN", "BILAL", "USMAN",
                        "ZAIN", "ASAD"});

        static final Map<String, String[]> FEMALE = Map.of(
                "IRN", new String[] {"FATEMEH", "ZAHRA", "MARYAM", "MASOUMEH", "SOMAYEH", "ZEINAB", "LEILA", "NARGES",
                        "MAHSA", "SAKINEH"},
                "IRQ", new String[] {"ZAINAB", "FATIMA", "MARYAM", "NOOR", "HAWRAA", "ZAHRAA", "RUQAYA", "SARA"},
                "TUR", new String[] {"FATMA", "AYSE", "EMINE", "HATICE", "ZEYNEP", "ELIF", "MERVE", "ESRA"},
                "PAK", new String[] {"FATIMA", "AYESHA", "ZAINAB", "SANA", "MARYAM", "HINA", "SADIA", "RABIA"});

        static final String[] PURPOSE_LAND = {"PILGRIMAGE", "PILGRIMAGE", "PILGRIMAGE", "PILGRIMAGE", "PILGRIMAGE",
                "TOURISM", "FAMILY", "BUSINESS", "MEDICAL"};
        static final String[] PURPOSE_KRI = {"TOURISM", "BUSINESS", "BUSINESS", "FAMILY", "WORK", "PILGRIMAGE"};
        static final String[] PURPOSE_AIR = {"PILGRIMAGE", "PILGRIMAGE", "BUSINESS", "TOURISM", "FAMILY", "OFFICIAL"};

        static final String CHECK_WEIGHTS = "731";
        static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

        final SplittableRandom random;
        final Shared shared;
        final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Baghdad"));

        Generator(long seed, Shared shared) {
            this.random = new SplittableRandom(seed);
            this.shared = shared;
        }

        record Request(String id, String direction, Passport passport, String body) {
        }

        /**
         * The next crossing: about three in four are new travellers entering; most of the rest are earlier
         * entrants leaving again on the same passport; a few who left come back. Half of the foreigners who enter
         * present a visa (its own number each time).
         */
        Request next() {
            int roll = random.nextInt(100);
            Passport p = null;
            String direction = "ENTRY";
            if (roll < 20) {
                p = shared.entered.poll();
                direction = "EXIT";
            } else if (roll < 25) {
                p = shared.exited.poll();
            }
            if (p == null) {
                direction = "ENTRY";
                p = newPassport(pick(POINT_MIX));
            }
            String point = random.nextInt(10) < 8 ? p.homePoint : pick(POINTS);
            String id = UUID.randomUUID().toString();
            StringBuilder b = new StringBuilder(640);
            b.append("{\"id\":\"").append(id).append("\",\"borderPoint\":\"").append(point)
                    .append("\",\"direction\":\"").append(direction).append("\",\"mrz\":\"").append(p.line1)
                    .append("\\n").append(p.line2).append("\",\"purpose\":\"").append(purpose(point))
                    .append("\",\"transport\":").append(transport(point)).append(",\"decision\":\"ADMITTED\"");
            if (direction.equals("ENTRY") && p.visaHolder) {
                boolean kri = point.equals("IBK");
                String type = kri ? "KRI_VISA_ON_ARRIVAL" : random.nextInt(4) == 0 ? "E_VISA" : "VISA_ON_ARRIVAL";
                b.append(",\"visa\":{\"number\":\"").append(type.equals("E_VISA") ? "EV" : "VOA")
                        .append(shared.visaSerial.incrementAndGet()).append("\",\"type\":\"").append(type)
                        .append("\",\"permittedStayDays\":").append(type.equals("E_VISA") ? 60 : 30).append('}');
            }
            b.append('}');
            return new Request(id, direction, p, b.toString());
        }

        String purpose(String point) {
            return switch (point) {
                case "IBK" -> pick(PURPOSE_KRI);
                case "BGW" -> pick(PURPOSE_AIR);
                default -> pick(PURPOSE_LAND);
            };
        }

        String transport(String point) {
            if (point.equals("BGW")) {
                String[] airlines = {"IR", "IA", "W5", "TK", "PK", "EP"};
                return "{\"mode\":\"AIR\",\"reference\":\"" + pick(airlines) + " " + (100 + random.nextInt(900)) + "\"}";
            }
            int r = random.nextInt(10);
            String mode = r < 6 ? "BUS" : r < 9 ? "CAR" : "FOOT";
            if (mode.equals("FOOT")) {
                return "{\"mode\":\"FOOT\"}";
            }
            String plate = (10 + random.nextInt(90)) + " " + (char) ('A' + random.nextInt(26)) + " "
                    + (100 + random.nextInt(900)) + " IR " + (10 + random.nextInt(90));
            return "{\"mode\":\"" + mode + "\",\"reference\":\"" + plate + "\"}";
        }

        Passport newPassport(String point) {
            Passport p = new Passport();
            p.homePoint = point;
            p.nationality = pick(NATIONALITY_MIX.get(point));
            p.state = p.nationality;
            p.number = shared.runLetter + String.format("%08d", shared.documentSerial.incrementAndGet() % 100_000_000);
            p.sex = random.nextBoolean() ? "M" : "F";
            p.surname = pick(SURNAMES.get(p.nationality));
            String given = pick((p.sex.equals("M") ? MALE : FEMALE).get(p.nationality));
            if (random.nextInt(3) == 0) {
                given = given + "<" + pick((p.sex.equals("M") ? MALE : FEMALE).get(p.nationality));
            }
            p.given = given.replace('<', ' ');
            // Adults from 18 to 80; one traveller in fifty is a child travelling with family.
            int age = random.nextInt(50) == 0 ? 2 + random.nextInt(15) : 18 + random.nextInt(62);
            p.birth = today.minusYears(age).minusDays(random.nextInt(365));
            // Passports valid for 5 or 10 years, issued up to 5 years ago and at least a month from expiring.
            p.expiry = today.plusDays(30 + random.nextInt(365 * 5));
            p.visaHolder = !p.nationality.equals("IRQ") && random.nextBoolean();
            String nameField = p.surname + "<<" + given.replace(' ', '<');
            p.line1 = pad("P<" + p.state + nameField, 44);
            String number = pad(p.number, 9);
            String birth = p.birth.format(YYMMDD);
            String expiry = p.expiry.format(YYMMDD);
            String personal = pad("", 14);
            String n = number + check(number);
            String b = birth + check(birth);
            String e = expiry + check(expiry);
            String pn = personal + check(personal);
            String composite = check(n + b + e + pn);
            p.line2 = n + p.nationality + b + p.sex + e + pn + composite;
            if (p.line1.length() != 44 || p.line2.length() != 44) {
                throw new IllegalStateException("not a TD3 zone: " + p.line1 + " / " + p.line2);
            }
            return p;
        }

        static String pad(String s, int length) {
            if (s.length() > length) {
                return s.substring(0, length);
            }
            return s + "<".repeat(length - s.length());
        }

        /** ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, A-Z as 10-35, the filler as 0. */
        static String check(String field) {
            int sum = 0;
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
                sum += v * (CHECK_WEIGHTS.charAt(i % 3) - '0');
            }
            return String.valueOf(sum % 10);
        }

        String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
