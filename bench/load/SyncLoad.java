/*
 * Driver for the sync benchmark: a border post records crossings while headquarters is down, then
 * drains its outbox once headquarters is back.
 *
 * Runs from source with the JDK's multi-file launcher: it uses CrossingLoad's generator and raw HTTP
 * client from the same folder. The PostgreSQL JDBC driver must be on the class path for `drain`
 * (it counts headquarters' crossings in its database).
 *
 *   java bench/load/SyncLoad.java record --url http://localhost:18380 --records 200000 --point ZRB
 *   java -cp postgresql.jar bench/load/SyncLoad.java drain --post http://localhost:18380 \
 *       --hq http://localhost:18390 --hq-jdbc jdbc:postgresql://localhost:18391/manfadh --records 200000
 *
 * bench/sync.sh does the whole run; bench/README.md explains what is measured.
 */

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SyncLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "record" -> record(o);
            case "drain" -> drain(o);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("""
                usage: java [-cp postgresql.jar] bench/load/SyncLoad.java COMMAND [options]
                  record --url URL --records N [--point ZRB] [--concurrency 8] [--user admin:manfadh-demo] [--seed N]
                         records N crossings at the post's border point through POST /api/v1/crossings
                  drain  --post URL --hq URL --hq-jdbc JDBC --records N [--db-password P] [--user admin:manfadh-demo] [--timeout 1800]
                         asks the post to push now and waits until its backlog is 0 and headquarters holds N
                         crossings; prints the wall time from the call
                loopback addresses only.
                """);
        System.exit(2);
    }

    static void record(Map<String, String> o) throws Exception {
        URI base = URI.create(o.getOrDefault("url", "http://localhost:8080"));
        CrossingLoad.requireLoopback(base.getHost());
        long records = Long.parseLong(o.getOrDefault("records", "200000"));
        int workers = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        String point = o.getOrDefault("point", "ZRB");
        long seed = Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime())));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                o.getOrDefault("user", "admin:manfadh-demo").getBytes(StandardCharsets.UTF_8));
        CrossingLoad.Shared shared = new CrossingLoad.Shared(seed);
        AtomicLong next = new AtomicLong();
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        Map<String, String> samples = new java.util.concurrent.ConcurrentHashMap<>();
        Pattern anyPoint = Pattern.compile("\"borderPoint\":\"[A-Z]+\"");
        String thisPoint = Matcher.quoteReplacement("\"borderPoint\":\"" + point + "\"");
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            CrossingLoad.Generator g = new CrossingLoad.Generator(seed * 31 + w, shared);
            threads.add(Thread.ofPlatform().name("recorder-" + w).start(() -> {
                try (CrossingLoad.RawClient client = new CrossingLoad.RawClient(base, auth)) {
                    while (next.getAndIncrement() < records) {
                        CrossingLoad.Generator.Request r = g.next();
                        // A post records at its own border point only.
                        String body = anyPoint.matcher(r.body()).replaceFirst(thisPoint);
                        int status;
                        try {
                            status = client.post("/api/v1/crossings", body.getBytes(StandardCharsets.UTF_8));
                        } catch (java.io.IOException e) {
                            status = -1;
                            samples.putIfAbsent("io", e.toString());
                        }
                        if (status == 201 && client.lastBody().contains(r.id())) {
                            ok.increment();
                            (r.direction().equals("ENTRY") ? shared.entered : shared.exited).add(r.passport());
                        } else {
                            errors.increment();
                            samples.putIfAbsent(String.valueOf(status), body + " -> " + client.lastBody());
                        }
                        long done = ok.sum() + errors.sum();
                        if (done % 20_000 == 0) {
                            CrossingLoad.log(String.format(Locale.ROOT, "recorded %,d (%.0f/s)", done,
                                    done / ((System.nanoTime() - start) / 1e9)));
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        samples.forEach((k, v) -> CrossingLoad.log("error sample (" + k + "): " + CrossingLoad.abbreviate(v, 600)));
        System.out.printf(Locale.ROOT, "recorded: %d crossings at %s in %.1f s (%.0f/s), %d errors%n", ok.sum(), point,
                seconds, ok.sum() / seconds, errors.sum());
        if (errors.sum() > 0) {
            System.exit(1);
        }
    }

    static void drain(Map<String, String> o) throws Exception {
        URI post = URI.create(o.get("post"));
        URI hq = URI.create(o.get("hq"));
        CrossingLoad.requireLoopback(post.getHost());
        CrossingLoad.requireLoopback(hq.getHost());
        long records = Long.parseLong(o.getOrDefault("records", "200000"));
        long timeout = Long.parseLong(o.getOrDefault("timeout", "1800"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                o.getOrDefault("user", "admin:manfadh-demo").getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String before = get(http, post, "/api/v1/sync/status", auth);
        long backlogBefore = number(before, "backlog");
        System.out.printf(Locale.ROOT, "post backlog before: %,d outbox records, oldest %s s old%n", backlogBefore,
                field(before, "oldestUnsentAgeSeconds"));
        try (Connection db = DriverManager.getConnection(o.get("hq-jdbc"), o.getOrDefault("db-user", "postgres"),
                o.getOrDefault("db-password", ""))) {
            long cpuFrom = System.nanoTime();
            long[] cpuBefore = cpu(o);
            long start = System.nanoTime();
            CompletableFuture<String> push = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.send(HttpRequest.newBuilder(post.resolve("/api/v1/sync/push"))
                                    .timeout(Duration.ofSeconds(timeout)).header("Authorization", auth)
                                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (Exception e) {
                    return e.toString();
                }
            });
            long hqCrossings = 0;
            long backlog = backlogBefore;
            long lastLog = start;
            while (true) {
                // Polled every 100 ms: the node's progress row, one row; the crossings are counted (a scan of
                // the whole table) only every 10 s and once everything is acknowledged.
                boolean logNow = System.nanoTime() - lastLog > 10_000_000_000L;
                if (single(db, "select coalesce(sum(records), 0) from sync.node_progress") >= backlogBefore || logNow) {
                    hqCrossings = single(db, "select count(*) from bordercontrol.crossing");
                }
                if (hqCrossings >= records) {
                    backlog = number(get(http, post, "/api/v1/sync/status", auth), "backlog");
                    if (backlog == 0) {
                        break;
                    }
                }
                if (logNow) {
                    lastLog = System.nanoTime();
                    CrossingLoad.log(String.format(Locale.ROOT, "%.0f s: headquarters holds %,d crossings",
                            (lastLog - start) / 1e9, hqCrossings));
                }
                if (System.nanoTime() - start > timeout * 1_000_000_000L) {
                    System.out.printf("timed out after %d s: headquarters holds %,d crossings%n", timeout, hqCrossings);
                    System.exit(1);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = cpu(o);
            double wall = (System.nanoTime() - cpuFrom) / 1e9;
            System.out.printf(Locale.ROOT, "drained: %,d outbox records (%,d crossings at headquarters) in %.1f s:"
                    + " %.0f crossings/s, %.0f outbox records/s%n", backlogBefore, hqCrossings, seconds,
                    hqCrossings / seconds, backlogBefore / seconds);
            System.out.println("push answered: " + push.get());
            String[] names = {"post JVM", "post PostgreSQL", "headquarters JVM", "headquarters PostgreSQL"};
            StringBuilder b = new StringBuilder("CPU during the drain:");
            long machine = 0;
            for (int i = 0; i < names.length; i++) {
                b.append(String.format(Locale.ROOT, " %s %.1f s,", names[i], (cpuAfter[i] - cpuBefore[i]) / 100.0));
            }
            b.append(String.format(Locale.ROOT, " machine busy %.1f of %.1f core-seconds, load average %s",
                    (cpuAfter[4] - cpuBefore[4]) / 100.0, wall * Runtime.getRuntime().availableProcessors(),
                    CrossingLoad.loadAverage()));
            System.out.println(b);
        }
    }

    /** CPU ticks of the post and headquarters JVMs and PostgreSQL servers (with their children), and of the machine. */
    static long[] cpu(Map<String, String> o) throws Exception {
        long[] t = new long[5];
        String[] pids = {o.get("post-pid"), o.get("post-pg-pid"), o.get("hq-pid"), o.get("hq-pg-pid")};
        Map<Long, long[]> all = CrossingLoad.CpuSample.readProcesses();
        for (int i = 0; i < pids.length; i++) {
            if (pids[i] == null) {
                continue;
            }
            long pid = Long.parseLong(pids[i]);
            boolean withChildren = i % 2 == 1;
            for (Map.Entry<Long, long[]> e : all.entrySet()) {
                if (e.getKey() == pid || (withChildren && e.getValue()[0] == pid)) {
                    t[i] += e.getValue()[1];
                }
            }
        }
        long[] m = CrossingLoad.CpuSample.readMachine();
        t[4] = m[0] + m[1] + m[2] + m[5] + m[6];
        return t;
    }

    static String get(HttpClient http, URI base, String path, String auth) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([^,}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long number(String json, String name) {
        return Long.parseLong(field(json, name));
    }

    private static long single(Connection db, String sql) throws java.sql.SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
