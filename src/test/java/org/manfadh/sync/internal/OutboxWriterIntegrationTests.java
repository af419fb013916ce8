package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.screening.WatchlistReplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * At a post, what a transaction announces reaches the outbox once: a supervisor's verdict that closes
 * a referral puts the crossing and its screening there once each, as they stand when it commits.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.test.context=post", "manfadh.node.role=post",
        "manfadh.node.border-point=ZRB", "manfadh.sync.hq-url=http://127.0.0.1:9", "manfadh.sync.interval=PT1H"})
class OutboxWriterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WatchlistReplication watchlists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void queuesOneScreeningWhenATrueMatchOnARefusingListRefusesTheTraveller() throws IOException {
        String surname = Passports.surname("QASEMI", 6);
        listFromHeadquarters("REFUSE", surname);
        String crossing = recordReferral(surname);

        Map<String, Long> before = rows(crossing);
        adjudicate(crossing, "TRUE_MATCH");

        assertThat(supervisor().get("/api/v1/crossings/" + crossing).json().get("decision").asString()).isEqualTo("REFUSED");
        assertThat(added(before, rows(crossing))).containsExactlyInAnyOrderEntriesOf(Map.of("CROSSING", 1L, "SCREENING", 1L));
        assertThat(lastPayload(crossing, "SCREENING")).contains("TRUE_MATCH");
        assertThat(lastPayload(crossing, "CROSSING")).contains("REFUSED");
    }

    @Test
    void queuesOneScreeningWhenATrueMatchOnANotifyingListAdmitsTheTraveller() throws IOException {
        String surname = Passports.surname("NOURI", 6);
        listFromHeadquarters("NOTIFY_AND_ADMIT", surname);
        String crossing = recordReferral(surname);

        Map<String, Long> before = rows(crossing);
        adjudicate(crossing, "TRUE_MATCH");

        assertThat(supervisor().get("/api/v1/crossings/" + crossing).json().get("decision").asString()).isEqualTo("ADMITTED");
        assertThat(added(before, rows(crossing))).containsExactlyInAnyOrderEntriesOf(Map.of("CROSSING", 1L, "SCREENING", 1L));
        assertThat(lastPayload(crossing, "SCREENING")).contains("TRUE_MATCH");
    }

    @Test
    void queuesTheScreeningAloneWhenAVerdictLeavesTheCrossingAsItWas() throws IOException {
        String surname = Passports.surname("RAHIMI", 6);
        listFromHeadquarters("REFUSE", surname);
        String crossing = recordReferral(surname);

        Map<String, Long> before = rows(crossing);
        adjudicate(crossing, "FALSE_POSITIVE");

        assertThat(supervisor().get("/api/v1/crossings/" + crossing).json().get("decision").asString()).isEqualTo("REFERRED");
        assertThat(added(before, rows(crossing))).containsExactlyInAnyOrderEntriesOf(Map.of("SCREENING", 1L));
        assertThat(lastPayload(crossing, "SCREENING")).contains("FALSE_POSITIVE");
    }

    private ApiClient supervisor() {
        return as("supervisor");
    }

    private ApiClient as(String username) {
        return new ApiClient(port).as(username, "manfadh-demo");
    }

    @Test
    void takesRecordsOnlyFromTheAccountsHeadquartersSendsHere() {
        long before = jdbc.sql("select count(*) from sync.outbox").query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('S'), Passports.surname("KARIMI", 6), "REZA", "IRN",
                LocalDate.of(1980, 1, 2)));
        body.put("purpose", "PILGRIMAGE");
        body.put("decision", "ADMITTED");

        // The post's own administrator is national (every role in demo mode): it reads here and records nothing,
        // since headquarters would refuse its records.
        ApiClient.Response refused = as("admin").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("headquarters assigns to ZRB", "admin");
        assertThat(as("admin").get("/api/v1/crossings?borderPoint=ZRB").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from sync.outbox").query(Long.class).single()).isEqualTo(before);

        ApiClient.Response recorded = as("officer").post("/api/v1/crossings", ApiClient.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    /** A crossing the officer asked to admit, referred because its traveller is on the list. */
    private String recordReferral(String surname) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('S'), surname, "ALI REZA", "IRN", LocalDate.of(1985, 3, 14)));
        body.put("purpose", "PILGRIMAGE");
        body.put("decision", "ADMITTED");
        ApiClient.Response recorded = supervisor().post("/api/v1/crossings", ApiClient.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decision").asString()).isEqualTo("REFERRED");
        return id;
    }

    private void adjudicate(String crossing, String verdict) {
        String hitId = supervisor().get("/api/v1/crossings/" + crossing).json().get("screening").get("matches").get(0)
                .get("hitId").asString();
        ApiClient.Response decided = supervisor().post("/api/v1/screening/hits/" + hitId + "/adjudication",
                ApiClient.json(Map.of("verdict", verdict, "note", "Checked against the alert's photograph.")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    /** The crossing's outbox rows, by kind. */
    private Map<String, Long> rows(String crossing) {
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.sql("select kind, count(*) from sync.outbox where record_id = :id group by kind")
                .param("id", UUID.fromString(crossing))
                .query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
        return rows;
    }

    private static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new LinkedHashMap<>();
        after.forEach((kind, count) -> {
            long more = count - before.getOrDefault(kind, 0L);
            if (more != 0) {
                added.put(kind, more);
            }
        });
        return added;
    }

    private String lastPayload(String crossing, String kind) {
        return jdbc.sql("select payload::text from sync.outbox where record_id = :id and kind = :kind order by seq desc limit 1")
                .param("id", UUID.fromString(crossing)).param("kind", kind).query(String.class).single();
    }

    /** A list with one person on it, as headquarters would send it to this post. */
    private void listFromHeadquarters(String actionOnHit, String surname) throws IOException {
        UUID listId = UUID.randomUUID();
        UUID node = UUID.randomUUID();
        String at = Instant.now().toString();
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("id", listId);
        list.put("node_id", node);
        list.put("name", "Alerts " + listId);
        list.put("kind", "NATIONAL_ALERT");
        list.put("action_on_hit", actionOnHit);
        list.put("authority", "BOTH");
        list.put("hit_threshold", 0.9);
        list.put("possible_match_threshold", 0.8);
        list.put("version", 1);
        list.put("created_by", "watchlist_manager");
        list.put("created_at", at);
        String name = "ALI REZA " + surname;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", UUID.randomUUID());
        entry.put("node_id", node);
        entry.put("watchlist_id", listId);
        entry.put("external_id", "OW-" + surname);
        entry.put("kind", "PERSON");
        entry.put("source", "CSV");
        entry.put("status", "ACTIVE");
        entry.put("primary_name", name);
        entry.put("names", List.of(Map.of("text", name, "quality", "PRIMARY")));
        entry.put("dates_of_birth", List.of(Map.of("earliest", "1985-03-14", "latest", "1985-03-14", "precision", "EXACT")));
        entry.put("nationalities", List.of("IRN"));
        entry.put("nationality_texts", List.of());
        entry.put("sex", "M");
        entry.put("documents", List.of());
        entry.put("search_text", name.toLowerCase(java.util.Locale.ROOT));
        entry.put("proposed_by", "watchlist_manager");
        entry.put("proposed_at", at);
        entry.put("created_in_version", 1);
        entry.put("changed_in_version", 1);
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("list", list);
        delta.put("afterVersion", 0);
        delta.put("entries", List.of(entry));
        delta.put("changes", List.of());
        byte[] export = json.writeValueAsBytes(delta);
        WatchlistReplication.Received received = watchlists.apply(new ByteArrayInputStream(export));
        assertThat(received.entries()).as(new String(export, StandardCharsets.UTF_8)).isEqualTo(1);
    }
}
