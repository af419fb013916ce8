package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.admin;
import static org.manfadh.Nodes.nodeId;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.Passports;
import org.manfadh.health.HealthReplication;
import org.manfadh.health.HealthScreened;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Health between headquarters and a border post (Zurbatiyah, on the Iranian border), each a whole application
 * with its own embedded PostgreSQL, over a link that can be taken down. An alert made at headquarters reaches the
 * post in one sync and stays there while the link is down; a screening made at the post while offline reaches
 * headquarters once the link is back, exactly once; an alert ended at headquarters is ended at the post after the
 * next sync.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthSyncIntegrationTests {

    private static ConfigurableApplicationContext hq;
    private static ConfigurableApplicationContext post;
    private static FaultyLink link;
    private static UUID alert;
    private static String offlineCrossing;

    @BeforeAll
    static void start() throws IOException {
        String run = UUID.randomUUID().toString();
        int hqPort;
        try (ServerSocket free = new ServerSocket(0)) {
            hqPort = free.getLocalPort();
        }
        hq = Nodes.start("server.port=" + hqPort, "manfadh.data-dir=target/test-data/health-sync-hq-" + run);
        link = new FaultyLink(hqPort);
        post = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=ZRB",
                "manfadh.sync.hq-url=http://localhost:" + link.port(), "manfadh.sync.interval=PT1H",
                "manfadh.sync.timeout=PT5S", "server.port=0",
                "manfadh.data-dir=target/test-data/health-sync-zrb-" + run);
    }

    @AfterAll
    static void stop() throws IOException {
        link.close();
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {post, hq}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAlertMadeAtHeadquartersReachesThePostInOneSyncAndAnUnchangedSetIsNotSentAgain() {
        pull();
        String before = published(post).digest();
        alert = createAlertAtHeadquarters("CHOLERA", "IRN");
        assertThat(published(hq).digest()).isNotEqualTo(before);

        pull();

        assertThat(published(post)).isEqualTo(published(hq));
        assertThat(post.getBean(JdbcClient.class).sql("select disease from health.alert where id = :id")
                .param("id", alert).query(String.class).single()).isEqualTo("CHOLERA");
        // The post now says which set it holds, and headquarters sends nothing more until it changes.
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("node", nodeId(post).toString());
        request.put("borderPoint", "ZRB");
        request.put("watchlists", List.of());
        request.put("healthDigest", published(hq).digest());
        JsonNode answer = admin(hq).post("/api/v1/sync/feed", ApiClient.json(request)).json();
        assertThat(answer.get("healthDigest").asString()).isEqualTo(published(hq).digest());
        assertThat(answer.get("health").isNull()).as(answer.toString()).isTrue();
        request.remove("healthDigest");
        JsonNode toAnOldPost = admin(hq).post("/api/v1/sync/feed", ApiClient.json(request)).json();
        assertThat(toAnOldPost.get("health").get("alerts").isArray()).isTrue();
    }

    @Test
    @Order(2)
    void keepsTheAlertWhileTheLinkIsDownAndBringsTheScreeningMadeMeanwhileToHeadquartersOnce() {
        link.down(true);
        JsonNode failed = admin(post).post("/api/v1/sync/pull", "").json();
        assertThat(failed.get("error").isNull()).as(failed.toString()).isFalse();
        assertThat(published(post)).isEqualTo(published(hq));

        offlineCrossing = recordAtPost();
        screenAtPost(offlineCrossing);
        assertThat(admin(post).post("/api/v1/sync/push", "").json().get("error").isNull()).isFalse();
        assertThat(health(hq, offlineCrossing)).isEmpty();

        link.down(false);
        push();

        assertThat(health(hq, offlineCrossing)).isPresent().isEqualTo(health(post, offlineCrossing));
        Map<String, Long> once = counts(hq);
        assertThat(once).isEqualTo(counts(post));
        // The answer was lost: the post sends it all again, and headquarters holds it once.
        post.getBean(JdbcClient.class).sql("update sync.push_state set acknowledged_seq = 0").update();
        push();
        assertThat(counts(hq)).isEqualTo(once);
    }

    @Test
    @Order(3)
    void anAlertEndedAtHeadquartersIsEndedAtThePostAfterTheNextSync() {
        hq.getBean(JdbcClient.class).sql("""
                update health.alert set valid_until = current_date - 1, ended_by = 'health_officer', ended_at = now(),
                       end_reason = 'Outbreak declared over' where id = :id
                """).param("id", alert).update();

        pull();

        assertThat(published(post)).isEqualTo(published(hq));
        assertThat(post.getBean(JdbcClient.class).sql("select end_reason from health.alert where id = :id")
                .param("id", alert).query(String.class).single()).isEqualTo("Outbreak declared over");
    }

    // --- helpers ---

    private static HealthReplication.Published published(ConfigurableApplicationContext node) {
        return node.getBean(HealthReplication.class).export();
    }

    private static java.util.Optional<String> health(ConfigurableApplicationContext node, String crossing) {
        return node.getBean(HealthReplication.class).exportOfCrossing(UUID.fromString(crossing));
    }

    private static void pull() {
        link.cutAll();
        JsonNode pulled = admin(post).post("/api/v1/sync/pull", "").json();
        assertThat(pulled.get("error").isNull()).as(pulled.toString()).isTrue();
    }

    private static void push() {
        link.cutAll();
        JsonNode pushed = admin(post).post("/api/v1/sync/push", "").json();
        assertThat(pushed.get("error").isNull()).as(pushed.toString()).isTrue();
    }

    /** Health rows the post's node made, as one end holds them. */
    private static Map<String, Long> counts(ConfigurableApplicationContext node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("health.screening", "health.hold_decision", "health.follow_up")) {
            counts.put(table, node.getBean(JdbcClient.class).sql("select count(*) from " + table
                    + " where node_id = :node").param("node", nodeId(post)).query(Long.class).single());
        }
        return counts;
    }

    private static UUID createAlertAtHeadquarters(String disease, String country) {
        UUID id = UUID.randomUUID();
        JdbcClient jdbc = hq.getBean(JdbcClient.class);
        jdbc.sql("""
                insert into health.alert (id, node_id, disease, countries, monitoring_days, valid_from, source,
                                          created_by, created_at)
                select :id, n.id, :disease, array[:country]::varchar(3)[], d.monitoring_days, current_date - 3,
                       'WHO', 'health_officer', now()
                  from platform.node n, health.disease d where d.code = :disease
                """).param("id", id).param("disease", disease).param("country", country).update();
        jdbc.sql("""
                insert into health.rule (id, node_id, alert_id, code, name_en, name_ar, name_ckb, routes,
                                         measure_temperature, created_by, created_at)
                select gen_random_uuid(), n.id, :id, :code, 'Cholera screening', 'فحص الكوليرا', 'پشکنینی کۆلێرا',
                       array['NEIGHBOUR', 'ORIGIN', 'TRANSIT', 'DECLARED'], true, 'health_officer', now()
                  from platform.node n
                """).param("id", id).param("code", "ALERT_" + id.toString().substring(0, 8).toUpperCase()).update();
        return id;
    }

    /** A screening that holds the traveller and a health officer's decision on it, made at the post. */
    private static void screenAtPost(String crossing) {
        JdbcClient jdbc = post.getBean(JdbcClient.class);
        post.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            UUID screening = UUID.randomUUID();
            jdbc.sql("""
                    insert into health.screening (id, node_id, crossing_id, traveller_id, border_point, occurred_at,
                                                  alert_ids, rule_codes, exposure_countries, last_exposure_on,
                                                  temperature_c, symptoms, outcome, screened_by, screened_at)
                    select :id, :node, c.id, c.traveller_id, c.border_point, c.occurred_at, array[:alert]::uuid[],
                           '{}', array['IRN']::varchar(3)[], current_date, 38.4, array['WATERY_DIARRHOEA'],
                           'SECONDARY', 'officer', now()
                      from bordercontrol.crossing c where c.id = :crossing
                    """).param("id", screening).param("node", nodeId(post)).param("alert", alert)
                    .param("crossing", UUID.fromString(crossing)).update();
            jdbc.sql("""
                    insert into health.hold_decision (id, node_id, screening_id, crossing_id, outcome, facility,
                                                      decided_by, decided_at)
                    values (:id, :node, :screening, :crossing, 'REFERRED', 'Khanaqin General Hospital', 'supervisor', now())
                    """).param("id", UUID.randomUUID()).param("node", nodeId(post)).param("screening", screening)
                    .param("crossing", UUID.fromString(crossing)).update();
            post.publishEvent(new HealthScreened(UUID.fromString(crossing)));
        });
    }

    private static String recordAtPost() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('H'), Passports.surname("RAHIMI", 6), "ALI REZA", "IRN",
                LocalDate.of(1985, 3, 14)));
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", "REFERRED");
        ApiClient.Response response = admin(post).post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }
}
