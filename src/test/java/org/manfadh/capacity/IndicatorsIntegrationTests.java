package org.manfadh.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.ibm.icu.text.Normalizer2;

import tools.jackson.databind.JsonNode;

/**
 * The programme's indicators against a recount from the records: a seeded generator writes courses, sessions,
 * participants with their attendance and scores, certificates (some revoked), and document readers with their
 * log of changes straight into the tables; random edits follow (scores changed, attendance flipped, certificates
 * revoked, sessions cancelled), and after each round the API's rows for several breakdowns equal what Java counts
 * from the rows read back. Then the refusals, the work scope, and the exports as a donor opens them.
 */
@ManfadhIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsIntegrationTests {

    private static final ZoneId BORDER = ZoneId.of("Asia/Baghdad");
    private static final UUID NODE = UUID.randomUUID();
    /** The generated records live in 2019, a year nobody else's tests write in. */
    private static final int YEAR = 2019;
    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceData referenceData;

    private final Random random = new Random(20_2019L);
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    private final List<UUID> sessions = new ArrayList<>();
    private final List<UUID> enrolments = new ArrayList<>();
    private final List<UUID> certificates = new ArrayList<>();
    private List<String> federal;
    private List<String> kri;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    @BeforeAll
    void generate() {
        federal = referenceData.borderPoints().stream().filter(p -> p.authority() == Authority.FEDERAL)
                .map(BorderPoint::code).sorted().limit(4).toList();
        kri = referenceData.borderPoints().stream().filter(p -> p.authority() == Authority.KRI)
                .map(BorderPoint::code).sorted().limit(3).toList();
        Topic[] topics = Topic.values();
        List<UUID> courses = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into capacity.course (id, node_id, code, topic, title_en, title_ar, title_ckb, duration_days,
                                                 certificate_months, created_by, created_at)
                    values (:id, :node, :code, :topic, :en, :ar, :ckb, 5, :months, 'test', now())
                    """).param("id", id).param("node", NODE).param("code", "IND" + c + "-" + suffix)
                    .param("topic", topics[random.nextInt(topics.length)].name())
                    .param("en", "Travel document examination " + c).param("ar", "فحص وثائق السفر " + c)
                    .param("ckb", "پشکنینی بەڵگەنامەی گەشت " + c).param("months", 6 + random.nextInt(18)).update();
            courses.add(id);
        }
        String[] centres = {"BAGHDAD", "BASRA", "SULAYMANIYAH", "ERBIL", "BORDER_POINT"};
        for (int s = 0; s < 24; s++) {
            // ends from late 2018 to early 2020: the year's first and last days are crossed
            LocalDate end = LocalDate.of(YEAR - 1, 12, 1).plusDays(random.nextInt(430));
            String centre = centres[random.nextInt(centres.length)];
            UUID session = UUID.randomUUID();
            UUID course = courses.get(random.nextInt(courses.size()));
            jdbc.sql("""
                    insert into capacity.session (id, node_id, course_id, start_date, end_date, training_centre,
                                                  border_point, created_by, created_at)
                    values (:id, :node, :course, :start, :end, :centre, :point, 'test', now())
                    """).param("id", session).param("node", NODE).param("course", course)
                    .param("start", end.minusDays(random.nextInt(5))).param("end", end).param("centre", centre)
                    .param("point", centre.equals("BORDER_POINT") ? point() : null).update();
            sessions.add(session);
            int participants = 3 + random.nextInt(8);
            for (int p = 0; p < participants; p++) {
                participant(session, course, end);
            }
        }
    }

    private String point() {
        int pick = random.nextInt(federal.size() + kri.size() + 1);
        return pick < federal.size() ? federal.get(pick) : pick - federal.size() < kri.size() ? kri.get(pick - federal.size()) : null;
    }

    private BigDecimal score() {
        return random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(1001), 1);
    }

    private void participant(UUID session, UUID course, LocalDate end) {
        UUID person = UUID.randomUUID();
        String sex = random.nextInt(5) < 2 ? "F" : "M";
        jdbc.sql("""
                insert into capacity.person (id, node_id, name, name_key, sex, created_at)
                values (:id, :node, :name, :key, :sex, now())
                """).param("id", person).param("node", NODE).param("name", "Trainee " + person)
                .param("key", "trainee " + person).param("sex", sex).update();
        UUID enrolment = UUID.randomUUID();
        Agency[] agencies = Agency.values();
        boolean attended = random.nextInt(5) > 0;
        jdbc.sql("""
                insert into capacity.enrolment (id, node_id, session_id, person_id, agency, border_point, pre_score,
                                                post_score, attended, created_by, created_at, updated_at)
                values (:id, :node, :session, :person, :agency, :point, :pre, :post, :attended, 'test', now(), now())
                """).param("id", enrolment).param("node", NODE).param("session", session).param("person", person)
                .param("agency", agencies[random.nextInt(agencies.length)].name()).param("point", point())
                .param("pre", score()).param("post", score()).param("attended", attended).update();
        enrolments.add(enrolment);
        if (attended && random.nextInt(3) > 0) {
            UUID certificate = UUID.randomUUID();
            LocalDate expires = end.plusMonths(3 + random.nextInt(15));
            jdbc.sql("""
                    insert into capacity.certificate (id, node_id, enrolment_id, person_id, course_id, number,
                                                      issued_on, expires_on, revoked_at, created_by, created_at)
                    values (:id, :node, :enrolment, :person, :course, :number, :issued, :expires, :revoked, 'test', now())
                    """).param("id", certificate).param("node", NODE).param("enrolment", enrolment).param("person", person)
                    .param("course", course).param("number", "C-" + certificate).param("issued", end)
                    .param("expires", expires)
                    .param("revoked", random.nextInt(8) == 0 ? Timestamp.from(Instant.now()) : null).update();
            certificates.add(certificate);
        }
    }

    /** Random edits of the generated records, as trainers and managers make them. */
    private void edit() {
        for (int i = 0; i < 12; i++) {
            UUID enrolment = enrolments.get(random.nextInt(enrolments.size()));
            switch (random.nextInt(4)) {
                case 0 -> jdbc.sql("update capacity.enrolment set post_score = :post, pre_score = :pre where id = :id")
                        .param("post", score()).param("pre", score()).param("id", enrolment).update();
                case 1 -> jdbc.sql("update capacity.enrolment set attended = not attended where id = :id")
                        .param("id", enrolment).update();
                case 2 -> jdbc.sql("update capacity.certificate set revoked_at = now(), revoked_by = 'test' where id = :id")
                        .param("id", certificates.get(random.nextInt(certificates.size()))).update();
                default -> jdbc.sql("update capacity.enrolment set border_point = :point where id = :id")
                        .param("point", point()).param("id", enrolment).update();
            }
        }
        jdbc.sql("update capacity.session set cancelled_at = now(), cancel_reason = 'test' where id = :id")
                .param("id", sessions.get(random.nextInt(sessions.size()))).update();
    }

    // ---- the recount ------------------------------------------------------------------------------

    private record Record(String sex, String agency, String borderPoint, String course, String topic, String centre,
                          LocalDate end, boolean cancelled, BigDecimal pre, BigDecimal post, boolean attended,
                          boolean certified) {
    }

    private List<Record> records() {
        return jdbc.sql("""
                select p.sex, e.agency, e.border_point, co.code, co.topic, s.training_centre, s.border_point as at_point,
                       s.end_date, s.cancelled_at is not null as cancelled, e.pre_score, e.post_score, e.attended,
                       exists (select 1 from capacity.certificate c where c.enrolment_id = e.id and c.revoked_at is null) as certified
                  from capacity.enrolment e join capacity.session s on s.id = e.session_id
                  join capacity.course co on co.id = s.course_id join capacity.person p on p.id = e.person_id
                """).query((rs, n) -> new Record(rs.getString("sex"), rs.getString("agency"),
                        rs.getString("border_point"), rs.getString("code"), rs.getString("topic"),
                        rs.getString("training_centre").equals("BORDER_POINT") ? rs.getString("at_point")
                                : rs.getString("training_centre"),
                        rs.getDate("end_date").toLocalDate(), rs.getBoolean("cancelled"), rs.getBigDecimal("pre_score"),
                        rs.getBigDecimal("post_score"), rs.getBoolean("attended"), rs.getBoolean("certified")))
                .list();
    }

    private String value(Record r, String dimension) {
        return switch (dimension) {
            case "sex" -> r.sex();
            case "agency" -> r.agency();
            case "borderPoint" -> r.borderPoint();
            case "course" -> r.course();
            case "topic" -> r.topic();
            case "trainingCentre" -> r.centre();
            case "quarter" -> r.end().getYear() + "-Q" + ((r.end().getMonthValue() - 1) / 3 + 1);
            case "authority" -> r.borderPoint() == null ? null
                    : referenceData.borderPoint(r.borderPoint()).orElseThrow().authority().name();
            case "governorate" -> r.borderPoint() == null ? null
                    : referenceData.borderPoint(r.borderPoint()).orElseThrow().governorate();
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** trained, certified, meanGain by the values, as the definitions say, recounted in Java. */
    private Map<List<String>, List<Object>> recount(LocalDate from, LocalDate to, List<String> by, Set<String> scope) {
        Map<List<String>, long[]> counts = new HashMap<>();
        Map<List<String>, BigDecimal> gains = new HashMap<>();
        for (Record r : records()) {
            if (!r.attended() || r.cancelled() || r.end().isBefore(from) || r.end().isAfter(to)) {
                continue;
            }
            if (scope != null && (r.borderPoint() == null || !scope.contains(r.borderPoint()))) {
                continue;
            }
            List<String> key = by.stream().map(d -> value(r, d)).collect(Collectors.toCollection(ArrayList::new));
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            c[0]++;
            if (r.certified()) {
                c[1]++;
            }
            if (r.pre() != null && r.post() != null) {
                c[2]++;
                gains.merge(key, r.post().subtract(r.pre()), BigDecimal::add);
            }
        }
        Map<List<String>, List<Object>> rows = new HashMap<>();
        counts.forEach((key, c) -> rows.put(key, List.of(c[0], c[1], c[2] == 0 ? "null"
                : gains.get(key).divide(BigDecimal.valueOf(c[2]), 1, RoundingMode.HALF_UP).toPlainString())));
        return rows;
    }

    private static Map<List<String>, List<Object>> rows(JsonNode body, List<String> by) {
        Map<List<String>, List<Object>> rows = new HashMap<>();
        for (JsonNode row : body.get("rows")) {
            List<String> key = new ArrayList<>();
            for (String d : by) {
                key.add(row.get(d).isNull() ? null : row.get(d).asString());
            }
            JsonNode gain = row.get("meanGain");
            assertThat(rows.put(key, List.of(row.get("trained").asLong(), row.get("certified").asLong(),
                    gain.isNull() ? "null" : gain.decimalValue().setScale(1, RoundingMode.UNNECESSARY).toPlainString())))
                    .as("one row per combination: " + key).isNull();
        }
        return rows;
    }

    private static final List<List<String>> BREAKDOWNS = List.of(List.of(), List.of("sex"), List.of("sex", "agency"),
            List.of("borderPoint", "course"), List.of("authority", "governorate"),
            List.of("topic", "trainingCentre", "quarter"), List.of("quarter", "sex"));

    @Test
    void equalARecountFromTheRecordsAfterRandomEdits() {
        for (int round = 0; round < 4; round++) {
            if (round > 0) {
                edit();
            }
            LocalDate from = LocalDate.of(YEAR, 1, 1).plusDays(round == 0 ? 0 : random.nextInt(120));
            LocalDate to = LocalDate.of(YEAR, 12, 31).minusDays(round == 0 ? 0 : random.nextInt(120));
            for (List<String> by : BREAKDOWNS) {
                ApiClient.Response response = admin().get("/api/v1/capacity/indicators?from=" + from + "&to=" + to
                        + (by.isEmpty() ? "" : "&by=" + String.join(",", by)));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                Map<List<String>, List<Object>> expected = recount(from, to, by, null);
                assertThat(rows(response.json(), by)).as("round " + round + " by " + by).isEqualTo(expected);
                long trained = expected.values().stream().mapToLong(v -> (Long) v.get(0)).sum();
                assertThat(response.json().get("total").get("trained").asLong()).isEqualTo(trained);
                assertThat(response.json().get("by").toString()).isEqualTo(by.stream().map(d -> "\"" + d + "\"")
                        .collect(Collectors.joining(",", "[", "]")));
            }
            // the programme's quarters and its table by sex count the same way
            JsonNode programme = admin().get("/api/v1/capacity/programme?year=" + YEAR).json();
            for (JsonNode quarter : programme.get("quarters")) {
                LocalDate start = LocalDate.parse(quarter.get("from").asString());
                LocalDate end = LocalDate.parse(quarter.get("to").asString());
                Map<List<String>, List<Object>> bySex = recount(start, end, List.of("sex"), null);
                assertThat(List.of(quarter.get("trained").asLong(), quarter.get("trainedWomen").asLong(),
                        quarter.get("trainedMen").asLong(), quarter.get("certified").asLong()))
                        .as("round " + round + " " + quarter.get("quarter").asString())
                        .containsExactly(bySex.values().stream().mapToLong(v -> (Long) v.get(0)).sum(),
                                (Long) bySex.getOrDefault(List.of("F"), List.of(0L)).get(0),
                                (Long) bySex.getOrDefault(List.of("M"), List.of(0L)).get(0),
                                bySex.values().stream().mapToLong(v -> (Long) v.get(1)).sum());
            }
            assertThat(rows(programme.get("bySex"), List.of("quarter", "sex"))).isEqualTo(recount(
                    LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), List.of("quarter", "sex"), null));
            ApiClient.Response total = admin().get("/api/v1/capacity/indicators?from=" + from + "&to=" + to);
            assertThat(total.json().get("total").get("refresherDue").asLong()).as("round " + round)
                    .isEqualTo(refresherDue(from, to));
        }
        assertThat(recount(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31), List.of(), null))
                .as("the generator made someone trained in the year").isNotEmpty();
    }

    /** Valid certificates expiring within 90 days after to or in the range, without a newer one of the course by to. */
    private long refresherDue(LocalDate from, LocalDate to) {
        record Certificate(UUID id, UUID person, UUID course, LocalDate issued, LocalDate expires, boolean revoked) {
        }
        List<Certificate> all = jdbc.sql("select id, person_id, course_id, issued_on, expires_on, revoked_at is not null from capacity.certificate")
                .query((rs, n) -> new Certificate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getDate(4).toLocalDate(),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getBoolean(6))).list();
        return all.stream().filter(c -> !c.revoked() && c.expires() != null && !c.issued().isAfter(to)
                        && !c.expires().isBefore(from) && !c.expires().isAfter(to.plusDays(90)))
                .filter(c -> all.stream().noneMatch(n -> !n.revoked() && n.person().equals(c.person())
                        && n.course().equals(c.course()) && !n.id().equals(c.id()) && n.issued().isAfter(c.issued())
                        && !n.issued().isAfter(to)))
                .count();
    }

    // ---- points equipped from the readers' log ----------------------------------------------------

    private record Event(UUID asset, String kind, String statusTo, String point, Instant at, UUID id) {
    }

    @Test
    void countPointsEquippedAsARecountFromTheReadersLog() {
        String[] statuses = {"DELIVERED", "DEPLOYED", "DEPLOYED", "BROKEN", "IN_REPAIR", "RETIRED"};
        List<String> points = new ArrayList<>(federal);
        points.addAll(kri);
        for (int a = 0; a < 30; a++) {
            UUID asset = UUID.randomUUID();
            Instant at = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(200)).atStartOfDay(BORDER).toInstant()
                    .plusSeconds(random.nextInt(86_400));
            String point = points.get(random.nextInt(points.size()));
            String status = "DEPLOYED";
            jdbc.sql("""
                    insert into capacity.asset (id, node_id, type, serial_number, status, border_point, created_by,
                                                created_at, updated_at)
                    values (:id, :node, 'DOCUMENT_READER', :serial, 'DEPLOYED', :point, 'test', :at, :at)
                    """).param("id", asset).param("node", NODE).param("serial", "IND-" + suffix + "-" + a)
                    .param("point", point).param("at", Timestamp.from(at)).update();
            event(asset, "REGISTERED", status, point, at);
            for (int e = 0; e < 4; e++) {
                at = at.plusSeconds(86_400L * (1 + random.nextInt(60)));
                if (random.nextInt(4) == 0) {
                    point = points.get(random.nextInt(points.size()));
                    event(asset, "ASSIGNED", null, point, at);
                } else {
                    status = statuses[random.nextInt(statuses.length)];
                    event(asset, "STATUS", status, random.nextBoolean() ? point : null, at);
                }
            }
            jdbc.sql("update capacity.asset set status = :status, border_point = :point where id = :id")
                    .param("status", status).param("point", point).param("id", asset).update();
        }
        ApiClient.Response response = admin().get("/api/v1/capacity/programme?year=" + YEAR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode quarters = response.json().get("quarters");
        assertThat(quarters).hasSize(4);
        for (JsonNode quarter : quarters) {
            LocalDate end = LocalDate.parse(quarter.get("to").asString());
            long[] expected = readersAt(end.plusDays(1).atStartOfDay(BORDER).toInstant());
            assertThat(List.of(quarter.get("pointsEquipped").asLong(), quarter.get("readersInPlace").asLong(),
                    quarter.get("readersWorking").asLong(), quarter.get("readersBroken").asLong()))
                    .as(quarter.get("quarter").asString()).containsExactly(expected[0], expected[1], expected[2], expected[3]);
        }
        assertThat(quarters.get(3).get("readersInPlace").asLong()).as("readers stood somewhere at the year's end")
                .isPositive();
        // each border point at the year's end: its readers add up to the year's last quarter, its trained to the table
        JsonNode atPoints = response.json().get("points");
        assertThat(sum(atPoints, "readersInPlace")).isEqualTo(quarters.get(3).get("readersInPlace").asLong());
        assertThat(sum(atPoints, "readersWorking")).isEqualTo(quarters.get(3).get("readersWorking").asLong());
        Map<List<String>, List<Object>> trained = recount(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31),
                List.of("borderPoint"), null);
        long withTrained = 0;
        for (JsonNode point : atPoints) {
            withTrained += point.get("trained").asLong() > 0 ? 1 : 0;
        }
        assertThat(withTrained).isEqualTo(trained.keySet().stream().filter(k -> k.get(0) != null).count());
        for (JsonNode point : atPoints) {
            assertThat(point.get("trained").asLong()).as(point.get("borderPoint").asString()).isEqualTo(
                    trained.getOrDefault(List.of(point.get("borderPoint").asString()), List.of(0L)).get(0));
        }
    }

    private static long sum(JsonNode rows, String field) {
        long sum = 0;
        for (JsonNode row : rows) {
            sum += row.get(field).asLong();
        }
        return sum;
    }

    @Test
    void setsTheBorderPointsTrafficBesideTheirCapacity() {
        LocalDate today = LocalDate.now(BORDER);
        String surname = "CAPACITY" + suffix.replaceAll("[0-9]", "X");
        ApiClient.Response crossing = admin().post("/api/v1/crossings", ApiClient.json(Map.of(
                "id", UUID.randomUUID().toString(), "borderPoint", "ZRB", "direction", "ENTRY",
                "mrz", org.manfadh.bordercontrol.Passports.td3(org.manfadh.bordercontrol.Passports.number('C'), surname,
                        "RANA", "JOR", LocalDate.of(1990, 1, 1)),
                "decision", "REFERRED")));
        assertThat(crossing.status()).as(crossing.body()).isEqualTo(201);
        JsonNode report = admin().get("/api/v1/capacity/programme?year=" + today.getYear()).json();
        JsonNode current = report.get("quarters").get(report.get("quarters").size() - 1);
        assertThat(current.get("arrivals").asLong()).isPositive();
        JsonNode zurbatiyah = null;
        for (JsonNode point : report.get("points")) {
            if (point.get("borderPoint").asString().equals("ZRB")) {
                zurbatiyah = point;
            }
        }
        assertThat(zurbatiyah).as("Zurbatiyah with its traffic").isNotNull();
        assertThat(zurbatiyah.get("arrivals").asLong()).isPositive();
        assertThat(sum(report.get("points"), "arrivals")).isLessThanOrEqualTo(sum(report.get("quarters"), "arrivals"));
    }

    private void event(UUID asset, String kind, String status, String point, Instant at) {
        jdbc.sql("""
                insert into capacity.asset_event (id, asset_id, kind, status_to, border_point, at, by_user)
                values (:id, :asset, :kind, :status, :point, :at, 'test')
                """).param("id", UUID.randomUUID()).param("asset", asset).param("kind", kind).param("status", status)
                .param("point", point).param("at", Timestamp.from(at)).update();
    }

    /** points equipped, readers in place, working, broken just before the moment, recounted from every reader's log. */
    private long[] readersAt(Instant until) {
        record Asset(UUID id, String status, String point, Instant created) {
        }
        List<Asset> assets = jdbc.sql("select id, status, border_point, created_at from capacity.asset where type = 'DOCUMENT_READER'")
                .query((rs, n) -> new Asset(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        Map<UUID, List<Event>> log = new HashMap<>();
        jdbc.sql("select asset_id, kind, status_to, border_point, at, id from capacity.asset_event")
                .query((rs, n) -> new Event(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class))).list()
                .forEach(e -> log.computeIfAbsent(e.asset(), k -> new ArrayList<>()).add(e));
        Comparator<Event> latest = Comparator.comparing(Event::at).thenComparing(e -> e.id().toString());
        Set<String> equipped = new java.util.HashSet<>();
        long inPlace = 0;
        long working = 0;
        long broken = 0;
        for (Asset asset : assets) {
            List<Event> events = log.getOrDefault(asset.id(), List.of());
            String status;
            String point;
            if (events.isEmpty()) {
                status = asset.created().isBefore(until) ? asset.status() : null;
                point = asset.point();
            } else {
                List<Event> before = events.stream().filter(e -> e.at().isBefore(until)).sorted(latest.reversed()).toList();
                status = before.stream().filter(e -> e.statusTo() != null).map(Event::statusTo).findFirst().orElse(null);
                point = before.stream().filter(e -> e.point() != null && Set.of("REGISTERED", "STATUS", "ASSIGNED")
                        .contains(e.kind())).map(Event::point).findFirst().orElse(asset.point());
            }
            if (point == null || status == null || !Set.of("DEPLOYED", "BROKEN", "IN_REPAIR").contains(status)) {
                continue;
            }
            inPlace++;
            if (status.equals("DEPLOYED")) {
                working++;
                equipped.add(point.strip());
            } else if (status.equals("BROKEN")) {
                broken++;
            }
        }
        return new long[] {equipped.size(), inPlace, working, broken};
    }

    // ---- SOPs, audits and premises by quarter ------------------------------------------------------

    /** The generated SOP steps, audits and premises records live in 2017. */
    private static final int SOP_YEAR = 2017;

    @Test
    void countSopsAdoptedAuditsAndPremisesAsARecountPerQuarter() {
        List<String> points = new ArrayList<>(federal);
        points.addAll(kri);
        String[] stages = {"TRAINED", "ADOPTED", "AUDITED"};
        for (int k = 0; k < 3; k++) {
            UUID sop = UUID.randomUUID();
            UUID version = UUID.randomUUID();
            jdbc.sql("""
                    insert into capacity.sop (id, node_id, code, kind, title_en, created_by, created_at)
                    values (:id, :node, :code, 'PRIMARY_INSPECTION', 'Primary inspection', 'test', now())
                    """).param("id", sop).param("node", NODE).param("code", "IND-SOP" + k + "-" + suffix).update();
            jdbc.sql("""
                    insert into capacity.sop_version (id, sop_id, version, body_en, effective_from, created_by, created_at)
                    values (:id, :sop, 1, 'Check every document.', :from, 'test', now())
                    """).param("id", version).param("sop", sop).param("from", LocalDate.of(SOP_YEAR - 1, 12, 1)).update();
            for (int step = 0; step < 12; step++) {
                LocalDate day = LocalDate.of(SOP_YEAR, 1, 1).plusDays(random.nextInt(365));
                String point = points.get(random.nextInt(points.size()));
                jdbc.sql("""
                        insert into capacity.sop_adoption (id, sop_id, version_id, border_point, stage, on_date,
                                                           created_by, created_at)
                        values (:id, :sop, :version, :point, :stage, :day, 'test', now())
                        """).param("id", UUID.randomUUID()).param("sop", sop).param("version", version)
                        .param("point", point).param("stage", stages[random.nextInt(stages.length)]).param("day", day)
                        .update();
                if (random.nextBoolean()) {
                    jdbc.sql("""
                            insert into capacity.sop_audit (id, version_id, border_point, audited_on, auditor, score,
                                                            created_by, created_at)
                            values (:id, :version, :point, :day, 'Auditor', :score, 'test', now())
                            """).param("id", UUID.randomUUID()).param("version", version).param("point", point)
                            .param("day", day).param("score", BigDecimal.valueOf(random.nextInt(10001), 2)).update();
                }
            }
        }
        for (int p = 0; p < 6; p++) {
            UUID project = UUID.randomUUID();
            boolean completed = random.nextBoolean();
            jdbc.sql("""
                    insert into capacity.premises_project (id, node_id, border_point, title_en, budget, currency, status,
                                                           start_date, completed_on, created_by, created_at, updated_at)
                    values (:id, :node, :point, 'New hall', 100000, :currency, :status, :start, :done, 'test', now(), now())
                    """).param("id", project).param("node", NODE).param("point", points.get(random.nextInt(points.size())))
                    .param("currency", random.nextInt(3) == 0 ? "EUR" : "USD")
                    .param("status", completed ? "COMPLETED" : "IN_PROGRESS")
                    .param("start", LocalDate.of(SOP_YEAR, 1, 1))
                    .param("done", completed ? LocalDate.of(SOP_YEAR, 1, 1).plusDays(random.nextInt(365)) : null).update();
            for (int x = 0; x < 3; x++) {
                jdbc.sql("""
                        insert into capacity.premises_spend (id, project_id, spent_on, amount, created_by, created_at)
                        values (:id, :project, :day, :amount, 'test', now())
                        """).param("id", UUID.randomUUID()).param("project", project)
                        .param("day", LocalDate.of(SOP_YEAR, 1, 1).plusDays(random.nextInt(365)))
                        .param("amount", BigDecimal.valueOf(100 + random.nextInt(90_000), 2)).update();
            }
        }
        String username = "cmkrisop" + suffix.toLowerCase();
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of("CAPACITY_MANAGER"), "jurisdiction", Map.of("authority", "KRI"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Set<String> kriPoints = referenceData.borderPoints().stream().filter(p -> p.authority() == Authority.KRI)
                .map(BorderPoint::code).collect(Collectors.toSet());
        Map<ApiClient, Set<String>> callers = new LinkedHashMap<>();
        callers.put(admin(), null);
        callers.put(new ApiClient(port).as(username, PASSWORD), kriPoints);
        for (Map.Entry<ApiClient, Set<String>> caller : callers.entrySet()) {
            ApiClient.Response response = caller.getKey().get("/api/v1/capacity/programme?year=" + SOP_YEAR);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Set<String> within = caller.getValue();
            for (JsonNode quarter : response.json().get("quarters")) {
                LocalDate from = LocalDate.parse(quarter.get("from").asString());
                LocalDate to = LocalDate.parse(quarter.get("to").asString());
                assertThat(quarter.get("sopsAdopted").asLong()).as(quarter.get("quarter").asString())
                        .isEqualTo(sopsAdopted(to, within));
                Object[] audits = audits(from, to, within);
                assertThat(quarter.get("audits").asLong()).isEqualTo(audits[0]);
                assertThat(quarter.get("meanAuditScore").isNull() ? null : quarter.get("meanAuditScore").decimalValue()
                        .setScale(1, RoundingMode.UNNECESSARY)).isEqualTo(audits[1]);
                assertThat(quarter.get("projectsCompleted").asLong()).isEqualTo(projectsCompleted(from, to, within));
                Map<String, BigDecimal> spend = new TreeMap<>();
                quarter.get("spend").properties().forEach(e -> spend.put(e.getKey(), e.getValue().decimalValue()
                        .setScale(2, RoundingMode.UNNECESSARY)));
                assertThat(spend).isEqualTo(spend(from, to, within));
            }
        }
    }

    private long sopsAdopted(LocalDate day, Set<String> scope) {
        record Step(UUID sop, String point, String stage, LocalDate on, Instant created, UUID id) {
        }
        Map<List<Object>, Step> latest = new HashMap<>();
        Comparator<Step> order = Comparator.comparing(Step::on).thenComparing(Step::created)
                .thenComparing(s -> s.id().toString());
        jdbc.sql("select sop_id, border_point, stage, on_date, created_at, id from capacity.sop_adoption")
                .query((rs, n) -> new Step(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class))).list()
                .stream().filter(s -> !s.on().isAfter(day) && (scope == null || scope.contains(s.point())))
                .forEach(s -> latest.merge(List.of(s.sop(), s.point()), s, (a, b) -> order.compare(a, b) >= 0 ? a : b));
        return latest.values().stream().filter(s -> s.stage().equals("ADOPTED") || s.stage().equals("AUDITED")).count();
    }

    private Object[] audits(LocalDate from, LocalDate to, Set<String> scope) {
        List<BigDecimal> scores = jdbc.sql("select border_point, audited_on, score from capacity.sop_audit")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)})
                .list().stream().filter(a -> !((LocalDate) a[1]).isBefore(from) && !((LocalDate) a[1]).isAfter(to)
                        && (scope == null || scope.contains((String) a[0]))).map(a -> (BigDecimal) a[2]).toList();
        return new Object[] {(long) scores.size(), scores.isEmpty() ? null : scores.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP)};
    }

    private long projectsCompleted(LocalDate from, LocalDate to, Set<String> scope) {
        return jdbc.sql("select border_point, status, completed_on from capacity.premises_project")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()}).list().stream()
                .filter(p -> p[1].equals("COMPLETED") && p[2] != null && !((LocalDate) p[2]).isBefore(from)
                        && !((LocalDate) p[2]).isAfter(to) && (scope == null || scope.contains((String) p[0])))
                .count();
    }

    private Map<String, BigDecimal> spend(LocalDate from, LocalDate to, Set<String> scope) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        jdbc.sql("""
                select p.border_point, p.currency, s.spent_on, s.amount
                  from capacity.premises_spend s join capacity.premises_project p on p.id = s.project_id
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4)}).list().stream()
                .filter(x -> !((LocalDate) x[2]).isBefore(from) && !((LocalDate) x[2]).isAfter(to)
                        && (scope == null || scope.contains((String) x[0])))
                .forEach(x -> byCurrency.merge((String) x[1], (BigDecimal) x[3], BigDecimal::add));
        return byCurrency;
    }

    // ---- refusals ---------------------------------------------------------------------------------

    @Test
    void refusesBadDatesAndUnknownDimensionsNamingThem() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("from=2019-13-01&to=2019-12-31", "from");
        cases.put("from=2019-06-01&to=2019-05-31", "from");
        cases.put("from=2019-06-01", "to");
        cases.put("from=2019-01-01&to=2019-03-31&by=sex,colour", "by");
        cases.put("from=2019-01-01&to=2019-03-31&by=sex,sex", "by");
        cases.put("from=2019-01-01&to=2019-03-31&borderpoint=ZRB", "borderpoint");
        cases.put("from=1990-01-01&to=2019-03-31", "to");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ApiClient.Response response = admin().get("/api/v1/capacity/indicators?" + c.getKey());
            assertThat(response.status()).as(c.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.body()).as(c.getKey()).contains("\"" + c.getValue() + "\"");
        }
        assertThat(admin().get("/api/v1/capacity/indicators?from=2019-01-01&to=2019-03-31&by=sex,colour").body())
                .contains("colour");
        assertThat(admin().get("/api/v1/capacity/programme?year=20x9").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/capacity/programme?year=2999").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/capacity/programme/export?year=2019&format=docx").body()).contains("format");
        assertThat(admin().get("/api/v1/capacity/programme/export?year=2019&format=pdf&lang=fr").body()).contains("lang");
        ApiClient.Response quarter = admin().get("/api/v1/capacity/indicators");
        assertThat(quarter.status()).as(quarter.body()).isEqualTo(200);
        LocalDate today = LocalDate.now(BORDER);
        assertThat(LocalDate.parse(quarter.json().get("from").asString()))
                .isEqualTo(LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1));
    }

    @Test
    void refusesEveryoneButCapacityManagersAndAdministrators() {
        for (String user : List.of("officer", "supervisor", "analyst", "health_officer")) {
            for (String path : List.of("/api/v1/capacity/indicators?by=colour", "/api/v1/capacity/programme",
                    "/api/v1/capacity/programme/export?format=pdf")) {
                assertThat(new ApiClient(port).as(user, "manfadh-demo").get(path).status()).as(user + " " + path)
                        .isEqualTo(403);
            }
        }
        assertThat(new ApiClient(port).as("capacity_manager", "manfadh-demo")
                .get("/api/v1/capacity/indicators?by=sex").status()).isEqualTo(200);
    }

    // ---- scope ------------------------------------------------------------------------------------

    @Test
    void showsAKurdistanRegionManagerOnlyTheRegionsParticipants() {
        String username = "cmkri" + suffix.toLowerCase();
        ApiClient.Response created = admin().post("/api/v1/users", ApiClient.json(Map.of("username", username,
                "password", PASSWORD, "roles", List.of("CAPACITY_MANAGER"), "jurisdiction", Map.of("authority", "KRI"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient manager = new ApiClient(port).as(username, PASSWORD);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        ApiClient.Response response = manager.get("/api/v1/capacity/indicators?from=" + from + "&to=" + to
                + "&by=borderPoint,sex");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Set<String> kriPoints = referenceData.borderPoints().stream().filter(p -> p.authority() == Authority.KRI)
                .map(BorderPoint::code).collect(Collectors.toSet());
        Map<List<String>, List<Object>> rows = rows(response.json(), List.of("borderPoint", "sex"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.keySet()).allSatisfy(key -> assertThat(kriPoints).contains(key.get(0)));
        assertThat(rows).isEqualTo(recount(from, to, List.of("borderPoint", "sex"), kriPoints));
        // headquarters' national manager sees the participants without a border point too
        JsonNode national = new ApiClient(port).as("capacity_manager", "manfadh-demo")
                .get("/api/v1/capacity/indicators?from=" + from + "&to=" + to + "&by=borderPoint").json();
        assertThat(rows(national, List.of("borderPoint"))).isEqualTo(recount(from, to, List.of("borderPoint"), null));
        assertThat(rows(national, List.of("borderPoint")).keySet()).anySatisfy(key -> assertThat(key.get(0)).isNull());
    }

    // ---- exports ----------------------------------------------------------------------------------

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "capacity_manager:manfadh-demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }

    @Test
    void exportsAWorkbookWithTheQuartersAndTheIndicatorsTotals() throws Exception {
        JsonNode programme = admin().get("/api/v1/capacity/programme?year=" + YEAR).json();
        JsonNode indicators = admin().get("/api/v1/capacity/indicators?from=" + YEAR + "-01-01&to=" + YEAR
                + "-12-31&by=sex,agency").json();
        byte[] xlsx = download("/api/v1/capacity/programme/export?format=xlsx&lang=ar&year=" + YEAR + "&by=sex,agency");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            Sheet quarters = workbook.getSheetAt(0);
            assertThat(quarters.isRightToLeft()).isTrue();
            assertThat(quarters.getRow(0).getCell(0).getStringCellValue()).isEqualTo("الربع");
            assertThat(quarters.getRow(0).getCell(1).getStringCellValue()).isEqualTo("المدربون");
            for (int q = 0; q < 4; q++) {
                Row row = quarters.getRow(q + 1);
                JsonNode quarter = programme.get("quarters").get(q);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("الربع " + "١٢٣٤".charAt(q) + " من ٢٠١٩");
                assertThat((long) row.getCell(1).getNumericCellValue()).isEqualTo(quarter.get("trained").asLong());
                assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(quarter.get("certified").asLong());
                assertThat((long) row.getCell(7).getNumericCellValue()).isEqualTo(quarter.get("pointsEquipped").asLong());
            }
            Sheet table = workbook.getSheetAt(6);
            Row total = table.getRow(table.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("المجموع");
            assertThat((long) total.getCell(2).getNumericCellValue())
                    .isEqualTo(indicators.get("total").get("trained").asLong());
            assertThat((long) total.getCell(3).getNumericCellValue())
                    .isEqualTo(indicators.get("total").get("certified").asLong());
            assertThat(table.getLastRowNum()).isEqualTo(indicators.get("rows").size() + 1);
            long sexSheetTrained = 0;
            Sheet bySex = workbook.getSheetAt(1);
            for (int r = 1; r <= bySex.getLastRowNum(); r++) {
                sexSheetTrained += (long) bySex.getRow(r).getCell(2).getNumericCellValue();
            }
            assertThat(sexSheetTrained).isEqualTo(indicators.get("total").get("trained").asLong());
        }
    }

    @Test
    void writesTheReportInKurdishWithEveryLetterJoined() throws Exception {
        assumeTrue(poppler(), "pdftotext not installed");
        String text = text(download("/api/v1/capacity/programme/export?format=pdf&lang=ckb&year=" + YEAR), "capacity-indicators-report-ckb");
        assertThat(words(text)).contains("بەرنامەی بنیادنانی توانا", "فەرمانبەرانی ڕاهێنراو بەپێی ڕەگەز",
                "پشکنینی بەڵگەنامەی گەشت", "چارەکی ١ی ٢٠١٩", "خوێنەرەوەی بەڵگەنامەی تێکچوو",
                "وەزارەتی ناوخۆی هەرێمی کوردستان", "فەرمانبەرانی ڕاهێنراو بەپێی دامەزراوە");
        assertThat(text).doesNotContain("2019");
    }

    @Test
    void writesTheReportInArabicAndEnglish() throws Exception {
        assumeTrue(poppler(), "pdftotext not installed");
        String arabic = Normalizer2.getNFKCInstance().normalize(text(download(
                "/api/v1/capacity/programme/export?format=pdf&lang=ar&year=" + YEAR), "capacity-indicators-report-ar"));
        assertThat(words(arabic)).contains("برنامج بناء القدرات", "الموظفون المدربون حسب الجنس", "فحص وثائق السفر",
                "هيئة المنافذ الحدودية");
        // pdftotext guesses the spaces beside a number in a right-to-left line; the words and digits are in order
        assertThat(arabic.replaceAll("\\s", "")).contains("الربع١من٢٠١٩", "الربع٤من٢٠١٩");
        String english = text(download("/api/v1/capacity/programme/export?format=pdf&lang=en&year=" + YEAR),
                "capacity-indicators-report-en");
        JsonNode programme = admin().get("/api/v1/capacity/programme?year=" + YEAR).json();
        assertThat(english).contains("Capacity-building programme: quarterly indicators", "Officials trained by sex",
                "Q1 2019", "Q4 2019", "Travel document examination");
        assertThat(english).contains(String.format("%,d", programme.get("quarters").get(0).get("trained").asLong()));
    }

    private static String words(String text) {
        return text.replaceAll("[:،.()\\[\\];]", " ").replaceAll("\\s+", " ");
    }

    private static String text(byte[] pdf, String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Path file = out.resolve(name + ".pdf");
        Files.write(file, pdf);
        Path txt = out.resolve(name + ".txt");
        assertThat(run("pdftotext", "-enc", "UTF-8", file.toString(), txt.toString())).isZero();
        assertThat(run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file.toString(),
                out.resolve(name).toString())).isZero();
        return Files.readString(txt).replaceAll("[\u202A-\u202E\u2066-\u2069]", "");
    }

    private static boolean poppler() {
        try {
            return run("pdftotext", "-v") == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
