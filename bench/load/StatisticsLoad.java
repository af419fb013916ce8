import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboards' questions over a year of synthetic national traffic: each asked through the flows
 * API (the rollups) and, beside it in the same run, as a plain GROUP BY over a table holding one row
 * of facts per crossing (no joins: cheaper than any GROUP BY over the register itself).
 *
 * <pre>
 * java -cp postgresql.jar bench/load/StatisticsLoad.java load  --jdbc URL --db-password P --size N --to YYYY-MM-DD
 * java -cp postgresql.jar bench/load/StatisticsLoad.java query --jdbc URL --db-password P --url http://localhost:PORT
 *      --to YYYY-MM-DD [--runs 30] [--raw-runs 7]
 * </pre>
 *
 * {@code load} fills bench.crossing_fact with N crossings over the 365 days up to --to (a fixed seed:
 * points, nationalities, sexes, ages, purposes, transport and decisions weighted like Iraq's traffic,
 * an Arbaeen peak), then feeds them to the application as changes in slices of a million, each slice
 * folded into the rollups by the application's own compactor before the next goes in.
 */
public class StatisticsLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        try (Connection db = DriverManager.getConnection(o.get("jdbc"), "postgres", o.getOrDefault("db-password", ""))) {
            db.setAutoCommit(true);
            switch (args[0]) {
                case "load" -> load(db, Long.parseLong(o.get("size")), LocalDate.parse(o.get("to")));
                case "query" -> query(db, o.get("url"), LocalDate.parse(o.get("to")),
                        Integer.parseInt(o.getOrDefault("runs", "30")), Integer.parseInt(o.getOrDefault("raw-runs", "7")));
                default -> throw new IllegalArgumentException("load or query");
            }
        }
    }

    private static void load(Connection db, long size, LocalDate to) throws Exception {
        LocalDate from = to.minusDays(364);
        try (Statement s = db.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.crossing_fact");
            // A benchmark's own database: the rollups start empty.
            s.execute("truncate statistics.flow_change, statistics.counted, statistics.points_by_day, statistics.points_by_month,"
                    + " statistics.nationalities_by_day, statistics.nationalities_by_month, statistics.people_by_day,"
                    + " statistics.people_by_month, statistics.travel_by_day, statistics.travel_by_month,"
                    + " statistics.cells_by_day, statistics.cells_by_month, statistics.hours_by_day");
            s.execute("""
                    create table bench.crossing_fact (id bigint, day date, hour smallint, border_point char(3),
                        direction text, nationality text, sex text, age_band text, purpose text, transport_mode text,
                        decision text, reason text, hit_outcome text, health_outcome text)""");
            long started = System.nanoTime();
            s.execute("select setseed(0.18)");
            // Weighted choices from a uniform number: a point of the 28, nationalities with a long tail, an Arbaeen
            // peak of about three weeks in which a third of the year's crossings at the southern points happen.
            s.execute("""
                    insert into bench.crossing_fact
                    select g, d.day, (r3 * 24)::int %% 24,
                           (array['ZRB','ZRB','ZRB','IBK','IBK','BGW','BGW','NJF','NJF','SFW','MNT','EBL','BSR','SHB',
                                  'TRB','QAM','WLD','RBA','ARR','JMM','KIK','OSM','ISU','UQS','KZB','ABF','FAW','BSQ',
                                  'PWK','MDL','HJO','FKB','SLM'])[1 + (r1 * 33)::int %% 33],
                           case when r2 < 0.5 then 'ENTRY' else 'EXIT' end,
                           (array['IRN','IRN','IRN','IRN','IRQ','IRQ','IRQ','PAK','PAK','AZE','TUR','LBN','KWT','SAU',
                                  'BHR','SYR','JOR','IND','AFG','GBR','USA','DEU','SWE','CHN','EGY','YEM','OMN','QAT',
                                  'ARE','TJK','UZB','AUS','CAN','NLD','FRA','RUS','BGD','NGA','KEN','IDN','MYS','PHL',
                                  'ETH','SOM','SDN','LKA','NPL','GEO','ARM','KAZ'])[1 + (power(r4, 1.6) * 50)::int %% 50],
                           case when r5 < 0.55 then 'M' when r5 < 0.999 then 'F' else 'UNKNOWN' end,
                           (array['0-4','5-17','5-17','18-29','18-29','18-29','30-44','30-44','30-44','45-59','45-59',
                                  '60+'])[1 + (r6 * 12)::int %% 12],
                           (array['PILGRIMAGE','PILGRIMAGE','PILGRIMAGE','TOURISM','BUSINESS','FAMILY','WORK','STUDY',
                                  'MEDICAL','TRANSIT','RETURNING_RESIDENT','OFFICIAL','OTHER'])[1 + (r7 * 13)::int %% 13],
                           (array['BUS','BUS','CAR','CAR','AIR','AIR','FOOT','TRUCK','SEA'])[1 + (r8 * 9)::int %% 9],
                           case when r9 < 0.985 then 'ADMITTED' when r9 < 0.995 then 'REFUSED' else 'REFERRED' end,
                           case when r9 >= 0.985 and r9 < 0.995
                                then (array['A','B','C','E','F','G','H','I'])[1 + (r10 * 8)::int %% 8] else 'NONE' end,
                           case when r10 < 0.996 then 'NONE' when r10 < 0.998 then 'FALSE_POSITIVE'
                                when r10 < 0.999 then 'CLEARED_BY_OFFICER' else 'TRUE_MATCH' end,
                           -- Health screenings of entries during outbreak alerts: 3 in 100 entries screened, most cleared.
                           case when r2 >= 0.5 or r13 < 0.97 then 'NONE' when r13 < 0.994 then 'CLEARED'
                                when r13 < 0.997 then 'SECONDARY' when r13 < 0.9992 then 'REFERRED' else 'ISOLATED' end
                      from generate_series(1, %d) g
                     cross join lateral (select random() + 0 * g r1, random() + 0 * g r2, random() + 0 * g r3, random() + 0 * g r4, random() + 0 * g r5,
                                                random() + 0 * g r6, random() + 0 * g r7, random() + 0 * g r8, random() + 0 * g r9, random() + 0 * g r10,
                                                random() + 0 * g r11, random() + 0 * g r12, random() + 0 * g r13) r
                     cross join lateral (select case when r11 < 0.3
                                                     then date '%s' + (300 + (r12 * 21)::int %% 21) %% 365
                                                     else date '%s' + (r11 * 100000)::int %% 365 end as day) d
                    """.formatted(size, from, from));
            s.execute("analyze bench.crossing_fact");
            s.execute("create index on bench.crossing_fact (day)");
            System.out.printf(Locale.ROOT, "raw table: %,d crossings in %.1f s%n", size, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            long slice = 1_000_000;
            for (long first = 1; first <= size; first += slice) {
                s.execute("""
                        insert into statistics.flow_change (day, hour, border_point, direction, nationality, sex, age_band,
                            purpose, transport_mode, decision, reason, hit_outcome, health_outcome, n)
                        select day, hour, border_point, direction, nationality, sex, age_band, purpose, transport_mode,
                               decision, reason, hit_outcome, health_outcome, 1
                          from bench.crossing_fact where id >= %d and id < %d""".formatted(first, first + slice));
                while (true) {
                    try (ResultSet rs = s.executeQuery("select exists (select 1 from statistics.flow_change)")) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            break;
                        }
                    }
                    Thread.sleep(500);
                }
            }
            System.out.printf(Locale.ROOT, "rollups folded by the application in %.1f s%n", (System.nanoTime() - started) / 1e9);
            try (ResultSet rs = s.executeQuery("""
                    select (select count(*) from statistics.points_by_day), (select count(*) from statistics.nationalities_by_day),
                           (select count(*) from statistics.cells_by_day), (select count(*) from statistics.cells_by_month),
                           (select count(*) from statistics.hours_by_day),
                           pg_size_pretty(pg_total_relation_size('bench.crossing_fact')),
                           (select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c
                              join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'statistics' and c.relkind = 'r')
                    """)) {
                rs.next();
                System.out.printf(Locale.ROOT, "rollup rows: points by day %,d, nationalities by day %,d, all cells by day %,d,"
                                + " by month %,d, hours %,d; raw table %s, statistics schema %s%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7));
            }
        }
    }

    /** A dashboard question: through the API, and the same counts as a GROUP BY over the raw facts. */
    record Question(String name, String api, String raw) {
    }

    private static void query(Connection db, String url, LocalDate to, int runs, int rawRuns) throws Exception {
        LocalDate year = to.minusDays(364);
        LocalDate quarter = to.minusDays(89);
        LocalDate month = to.minusDays(29);
        LocalDate day = to.minusDays(100);
        String kri = "'IBK','EBL','SLM','HJO','FKB','PWK','BSQ','MDL','ISU','UQS','KZB','ABF','OSM','KIK'";
        List<Question> questions = List.of(
                new Question("national daily, 90 days, by direction",
                        "from=" + quarter + "&to=" + to + "&interval=day&by=direction",
                        "select day, direction, count(*) from bench.crossing_fact where day between '" + quarter + "' and '" + to + "' group by 1, 2"),
                new Question("map: a year by border point",
                        "from=" + year + "&to=" + to + "&interval=none&by=borderPoint",
                        "select border_point, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' group by 1"),
                new Question("top nationalities, 30 days",
                        "from=" + month + "&to=" + to + "&interval=none&by=nationality",
                        "select nationality, count(*) from bench.crossing_fact where day between '" + month + "' and '" + to + "' group by 1"),
                new Question("decisions and reasons, a year by month",
                        "from=" + year + "&to=" + to + "&interval=month&by=decision,reason",
                        "select date_trunc('month', day), decision, reason, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' group by 1, 2, 3"),
                new Question("sex and age band, a year",
                        "from=" + year + "&to=" + to + "&interval=none&by=sex,ageBand",
                        "select sex, age_band, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' group by 1, 2"),
                new Question("a point's day by hour",
                        "from=" + day + "&to=" + day + "&interval=hour&borderPoint=ZRB&by=direction",
                        "select hour, direction, count(*) from bench.crossing_fact where day = '" + day + "' and border_point = 'ZRB' group by 1, 2"),
                new Question("a point's year, daily by direction",
                        "from=" + year + "&to=" + to + "&interval=day&borderPoint=ZRB&by=direction",
                        "select day, direction, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' and border_point = 'ZRB' group by 1, 2"),
                new Question("governorates, a year by month",
                        "from=" + year + "&to=" + to + "&interval=month&by=governorate",
                        "select date_trunc('month', day), border_point, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' group by 1, 2"),
                new Question("purpose and transport, 90 days by week",
                        "from=" + quarter + "&to=" + to + "&interval=week&by=purpose,transportMode",
                        "select date_trunc('week', day), purpose, transport_mode, count(*) from bench.crossing_fact where day between '" + quarter + "' and '" + to + "' group by 1, 2, 3"),
                new Question("Kurdistan Region's nationalities, a year",
                        "from=" + year + "&to=" + to + "&interval=none&authority=KRI&by=nationality",
                        "select nationality, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' and border_point in (" + kri + ") group by 1"),
                new Question("health outcomes, a year by month",
                        "from=" + year + "&to=" + to + "&interval=month&by=healthOutcome,direction",
                        "select date_trunc('month', day), health_outcome, direction, count(*) from bench.crossing_fact where day between '" + year + "' and '" + to + "' group by 1, 2, 3"),
                new Question("a point's entries by health outcome and nationality, 90 days",
                        "from=" + quarter + "&to=" + to + "&interval=none&borderPoint=BGW&direction=ENTRY&by=healthOutcome,nationality",
                        "select health_outcome, nationality, count(*) from bench.crossing_fact where day between '" + quarter + "' and '" + to + "' and border_point = 'BGW' and direction = 'ENTRY' group by 1, 2"),
                new Question("ad hoc: nationality, sex and purpose, 30 days",
                        "from=" + month + "&to=" + to + "&interval=none&by=nationality,sex,purpose",
                        "select nationality, sex, purpose, count(*) from bench.crossing_fact where day between '" + month + "' and '" + to + "' group by 1, 2, 3"));
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("analyst:manfadh-demo".getBytes(StandardCharsets.UTF_8));
        System.out.println("| question | rollups via the API p50 ms | p95 ms | rows | plain GROUP BY p50 ms | p95 ms | rows |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Question q : questions) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/statistics/flows?" + q.api()))
                    .header("Authorization", auth).GET().build();
            int rows = 0;
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(q.name() + ": " + r.statusCode() + " " + r.body());
                }
                rows = r.body().split("\"count\"", -1).length - 1;
            }
            double[] api = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.ofString());
                api[i] = (System.nanoTime() - t) / 1e6;
            }
            int rawRows = 0;
            double[] raw = new double[rawRuns];
            try (Statement s = db.createStatement()) {
                s.execute("set max_parallel_workers_per_gather = 2");
                try (ResultSet rs = s.executeQuery(q.raw())) {
                    while (rs.next()) {
                        rawRows++;
                    }
                }
                for (int i = 0; i < rawRuns; i++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = s.executeQuery(q.raw())) {
                        while (rs.next()) {
                            // read every row, as the API does
                        }
                    }
                    raw[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %d | %.0f | %.0f | %d |%n", q.name(), pct(api, 50),
                    pct(api, 95), rows, pct(raw, 50), pct(raw, 95), rawRows);
        }
    }

    private static double pct(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
