package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.Nodes.admin;
import static org.manfadh.Nodes.eventually;
import static org.manfadh.Nodes.port;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.Nodes;
import org.manfadh.bordercontrol.Passports;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headquarters tried by a post's insider: someone holding the node credential headquarters issued for
 * Zurbatiyah (ZRB) sends batches by hand, forging records of Ibrahim Khalil (IBK), whose real post runs
 * beside. Every forgery is refused with 403 and changes nothing at headquarters, and the IBK post
 * carries on as if nothing had been tried. The same credential's honest batch is taken, so that the
 * refusals are the checks' doing and not a credential that can do nothing.
 */
class HostilePostIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext hq;
    private static ConfigurableApplicationContext ibk;
    private static ApiClient attacker;
    private static String attackerName;
    private static UUID attackerNode;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString();
        hq = Nodes.start("server.port=0", "manfadh.data-dir=target/test-data/hostile-hq-" + run);
        JsonNode ibkCredential = issue("IBK");
        ibk = Nodes.start("manfadh.node.role=post", "manfadh.node.border-point=IBK",
                "manfadh.sync.hq-url=http://localhost:" + port(hq), "manfadh.sync.interval=PT2S", "server.port=0",
                "manfadh.sync.username=" + ibkCredential.get("username").asString(),
                "manfadh.sync.password=" + ibkCredential.get("password").asString(),
                "manfadh.data-dir=target/test-data/hostile-ibk-" + run);
        JsonNode zrbCredential = issue("ZRB");
        attackerName = zrbCredential.get("username").asString();
        attacker = new ApiClient(port(hq)).as(attackerName, zrbCredential.get("password").asString());
        attackerNode = UUID.randomUUID();
        // The credential's first batch binds its node id, as the real post's would.
        assertThat(send(attackerNode, "ZRB", List.of()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {ibk, hq}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void takesTheCrossingsThePostCouldHaveMadeWithHeadquartersOwnNameKeyAndFirstSighting() {
        ObjectNode record = forged("ZRB", "officer");
        ObjectNode traveller = (ObjectNode) record.get("traveller");
        traveller.put("created_at", "1900-01-01T00:00:00+00:00");
        traveller.put("name_key", "SOMEONE ELSE");
        Instant before = Instant.now().minusSeconds(1);

        ApiClient.Response answer = send(attackerNode, "ZRB", List.of(item("CROSSING", record)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, Object> row = hqJdbc().sql("select name_key, created_at from bordercontrol.traveller where id = cast(:id as uuid)")
                .param("id", traveller.get("id").asString()).query().singleRow();
        assertThat(row.get("name_key")).isEqualTo(traveller.get("surname").asString() + " " + traveller.get("given_names").asString());
        assertThat(((java.sql.Timestamp) row.get("created_at")).toInstant()).isAfter(before);
    }

    @Test
    void refusesABrandNewCrossingAtAnotherBorderPoint() {
        ObjectNode record = forged("ZRB", "officer");
        ObjectNode crossing = (ObjectNode) record.get("crossing");
        crossing.put("border_point", "IBK");
        crossing.put("authority", "KRI");
        crossing.put("governorate", "IQ-DA");

        refused(List.of(item("CROSSING", record)), 1, "is at border point IBK");
    }

    @Test
    void refusesACrossingWhoseAuthorityIsNotItsBorderPoints() {
        ObjectNode record = forged("ZRB", "officer");
        ((ObjectNode) record.get("crossing")).put("authority", "KRI");

        refused(List.of(item("CROSSING", record)), 1, "names authority KRI");
    }

    @Test
    void refusesAnOfficerWhoDoesNotWorkAtThePost() {
        refused(List.of(item("CROSSING", forged("ZRB", "officer_kri"))), 1, "does not work at ZRB");
    }

    @Test
    void refusesARecordMadeUnderAnotherNodesId() {
        ObjectNode record = forged("ZRB", "officer");
        ((ObjectNode) record.get("crossing")).put("node_id", Nodes.nodeId(ibk).toString());

        refused(List.of(item("CROSSING", record)), 1, "not by the sending node");
    }

    @Test
    void refusesARecordDatedInTheFuture() {
        ObjectNode record = forged("ZRB", "officer");
        ((ObjectNode) record.withArray("decisions").get(0)).put("decided_at", "2099-01-01T00:00:00+00:00");

        refused(List.of(item("CROSSING", forged("ZRB", "officer")), item("CROSSING", record)), 2, "in the future");
    }

    @Test
    void refusesACorrectionOfAnotherPostsDecisionWhetherOrNotItsBorderPointIsRelabelled() {
        ObjectNode exported = exportedAtHq(recordAtIbk());
        ObjectNode record = (ObjectNode) exported.get("crossing");
        ObjectNode initial = (ObjectNode) record.withArray("decisions").get(0);
        ObjectNode correction = JSON.createObjectNode();
        correction.put("id", UUID.randomUUID().toString());
        correction.put("node_id", attackerNode.toString());
        correction.put("crossing_id", initial.get("crossing_id").asString());
        correction.put("kind", "CORRECTION");
        correction.put("decision", "REFUSED");
        correction.put("reason_code", "A");
        correction.putArray("vulnerability");
        correction.put("decided_by", "officer");
        correction.put("decided_at", OffsetDateTime.now().toString());
        correction.put("supersedes", initial.get("id").asString());
        record.withArray("decisions").add(correction);

        refused(List.of(item("CROSSING", record)), 1, "is at border point IBK");

        ObjectNode relabelled = record.deepCopy();
        ObjectNode crossing = (ObjectNode) relabelled.get("crossing");
        crossing.put("border_point", "ZRB");
        crossing.put("authority", "FEDERAL");
        crossing.put("governorate", "IQ-WA");
        refused(List.of(item("CROSSING", relabelled)), 1, "is at border point IBK here");
    }

    @Test
    void refusesAnotherPostsNodeIdAndLeavesThatPostsAcknowledgementAlone() {
        UUID victim = Nodes.nodeId(ibk);
        String before = progressOf(victim);

        Batch forged = new Batch(victim, "IBK", List.of(item(9_000_000_000_000_000L, "CROSSING", forged("IBK", "officer_kri"))));
        ApiClient.Response answer = attacker.post("/api/v1/sync/batches", ApiClient.json(forged));
        assertThat(answer.status()).as("a batch for IBK from ZRB's credential: " + answer.body()).isEqualTo(403);
        Batch relabelled = new Batch(victim, "ZRB", List.of(item(9_000_000_000_000_000L, "CROSSING", forged("ZRB", "officer"))));
        ApiClient.Response underVictim = attacker.post("/api/v1/sync/batches", ApiClient.json(relabelled));
        assertThat(underVictim.status()).as(underVictim.body()).isEqualTo(403);
        assertThat(underVictim.json().get("type").asString()).isEqualTo("urn:manfadh:problem:foreign-node");
        assertThat(progressOf(victim)).isEqualTo(before);

        // The victim goes on: its next crossing is acknowledged as its own seq, not as everything.
        recordAtIbk();
        eventually(() -> admin(ibk).get("/api/v1/sync/status").json().get("post").get("backlog").asLong() == 0,
                "the IBK post's backlog delivered");
        long acknowledged = admin(ibk).get("/api/v1/sync/status").json().get("post").get("acknowledgedSeq").asLong();
        long owed = ibk.getBean(JdbcClient.class).sql("select max(seq) from sync.outbox").query(Long.class).single();
        assertThat(acknowledged).isEqualTo(owed).isLessThan(1_000_000L);
    }

    @Test
    void refusesAScreeningOfAnotherPostsCrossing() {
        ObjectNode exported = exportedAtHq(recordAtIbk());
        ObjectNode screening = (ObjectNode) exported.get("screening").deepCopy();
        String crossingId = screening.get("screening").get("crossing_id").asString();
        ObjectNode row = (ObjectNode) screening.get("screening");
        row.put("id", UUID.randomUUID().toString());
        row.put("node_id", attackerNode.toString());
        row.put("officer", "officer");
        assertThat(crossingId).isNotBlank();

        refused(List.of(item("SCREENING", screening)), 1, "which is not at ZRB");
    }

    @Test
    void refusesAScreeningByAnOfficerFromElsewhereOrDatedAhead() {
        ObjectNode crossing = forged("ZRB", "officer");
        String crossingId = crossing.get("crossing").get("id").asString();
        ObjectNode screening = JSON.createObjectNode();
        ObjectNode row = screening.putObject("screening");
        row.put("id", UUID.randomUUID().toString());
        row.put("node_id", attackerNode.toString());
        row.put("crossing_id", crossingId);
        row.put("traveller_id", crossing.get("traveller").get("id").asString());
        row.put("outcome", "CLEAR");
        row.put("officer", "officer_kri");
        row.put("screened_at", OffsetDateTime.now().toString());
        screening.putArray("hits");
        screening.putArray("adjudications");
        screening.putArray("cleared");

        refused(List.of(item("CROSSING", crossing), item("SCREENING", screening)), 2, "does not work at ZRB");
        row.put("officer", "officer");
        row.put("screened_at", "2099-01-01T00:00:00+00:00");
        refused(List.of(item("CROSSING", crossing), item("SCREENING", screening)), 2, "in the future");
    }

    @Test
    void refusesAForgedHealthRecordWholeAndTakesTheHonestOne() {
        UUID alert = alertAtHq();
        ObjectNode crossing = forged("ZRB", "officer");
        ObjectNode health = health(crossing, alert);

        ObjectNode ofIbk = health(exportedAtHq(recordAtIbk()), alert);
        refused(List.of(item("HEALTH", ofIbk)), 1, "is of a crossing not at ZRB");
        ObjectNode underIbk = health.deepCopy();
        ((ObjectNode) underIbk.get("screening")).put("node_id", Nodes.nodeId(ibk).toString());
        refused(List.of(item("CROSSING", crossing), item("HEALTH", underIbk)), 2, "not by the sending node");
        ObjectNode atIbk = health.deepCopy();
        ((ObjectNode) atIbk.get("screening")).put("border_point", "IBK");
        refused(List.of(item("CROSSING", crossing), item("HEALTH", atIbk)), 2, "is at border point IBK");
        ObjectNode byStranger = health.deepCopy();
        ((ObjectNode) byStranger.withArray("decisions").get(0)).put("decided_by", "officer_kri");
        refused(List.of(item("CROSSING", crossing), item("HEALTH", byStranger)), 2, "does not work at ZRB");
        ObjectNode ahead = health.deepCopy();
        ((ObjectNode) ahead.withArray("follow_ups").get(0)).put("contacted_at", "2099-01-01T00:00:00+00:00");
        refused(List.of(item("CROSSING", crossing), item("HEALTH", ahead)), 2, "in the future");
        ObjectNode unpublished = health.deepCopy();
        ((ObjectNode) unpublished.withArray("follow_ups").get(0)).put("alert_id", UUID.randomUUID().toString());
        refused(List.of(item("CROSSING", crossing), item("HEALTH", unpublished)), 2, "which headquarters did not publish");
        ObjectNode elsewhere = health.deepCopy();
        ((ObjectNode) elsewhere.withArray("decisions").get(0)).put("crossing_id", ofIbk.get("crossing_id").asString());
        refused(List.of(item("CROSSING", crossing), item("HEALTH", elsewhere)), 2, "not of " + health.get("crossing_id").asString());

        ApiClient.Response honest = send(attackerNode, "ZRB", List.of(item("CROSSING", crossing), item("HEALTH", health)));
        assertThat(honest.status()).as(honest.body()).isEqualTo(200);
        assertThat(hqJdbc().sql("select count(*) from health.hold_decision where crossing_id = cast(:id as uuid)")
                .param("id", health.get("crossing_id").asString()).query(Long.class).single()).isOne();
    }

    /** A crossing's health record as a post would export it: a screening that held, a decision, a follow-up. */
    private static ObjectNode health(ObjectNode exported, UUID alert) {
        JsonNode crossing = exported.path("crossing").has("crossing") ? exported.get("crossing").get("crossing")
                : exported.get("crossing");
        String crossingId = crossing.get("id").asString();
        String now = OffsetDateTime.now().toString();
        ObjectNode record = JSON.createObjectNode();
        record.put("crossing_id", crossingId);
        ObjectNode screening = record.putObject("screening");
        String screeningId = UUID.randomUUID().toString();
        screening.put("id", screeningId);
        screening.put("node_id", attackerNode.toString());
        screening.put("crossing_id", crossingId);
        screening.put("traveller_id", crossing.get("traveller_id").asString());
        screening.put("border_point", crossing.get("border_point").asString());
        screening.put("occurred_at", crossing.get("occurred_at").asString());
        screening.putArray("alert_ids").add(alert.toString());
        screening.putArray("rule_codes");
        screening.putArray("exposure_countries").add("IRN");
        screening.put("last_exposure_on", LocalDate.now().toString());
        screening.put("temperature_c", 38.6);
        screening.putArray("symptoms").add("FEVER");
        screening.putArray("exposures");
        screening.put("outcome", "SECONDARY");
        screening.put("screened_by", "officer");
        screening.put("screened_at", now);
        ObjectNode decision = record.putArray("decisions").addObject();
        decision.put("id", UUID.randomUUID().toString());
        decision.put("node_id", attackerNode.toString());
        decision.put("screening_id", screeningId);
        decision.put("crossing_id", crossingId);
        decision.put("outcome", "REFERRED");
        decision.put("facility", "Khanaqin General Hospital");
        decision.put("decided_by", "health_officer_zrb");
        decision.put("decided_at", now);
        ObjectNode followUp = record.putArray("follow_ups").addObject();
        followUp.put("id", UUID.randomUUID().toString());
        followUp.put("node_id", attackerNode.toString());
        followUp.put("crossing_id", crossingId);
        followUp.put("alert_id", alert.toString());
        followUp.put("contacted_at", now);
        followUp.put("method", "PHONE");
        followUp.put("outcome", "WELL");
        followUp.put("recorded_by", "health_officer_zrb");
        followUp.put("recorded_at", now);
        return record;
    }

    /** An outbreak alert headquarters publishes, for follow-up contacts to name (of a country no other test's traveller comes from). */
    private static UUID alertAtHq() {
        UUID id = UUID.randomUUID();
        hqJdbc().sql("""
                insert into health.alert (id, node_id, disease, countries, monitoring_days, valid_from, source,
                                          created_by, created_at)
                select :id, n.id, 'EBOLA', array['COD']::varchar(3)[], 21, current_date, 'WHO', 'health_officer', now()
                  from platform.node n
                """).param("id", id).update();
        return id;
    }

    @Test
    void refusesAGroupUnderAnotherNodesIdOrDatedAhead() {
        ObjectNode group = JSON.createObjectNode();
        group.put("id", UUID.randomUUID().toString());
        group.put("node_id", Nodes.nodeId(ibk).toString());
        group.put("border_point", "ZRB");
        group.put("direction", "ENTRY");
        group.put("kind", "BUS");
        group.put("opened_by", "officer");
        group.put("opened_at", OffsetDateTime.now().toString());
        group.put("request_hash", "x");
        refused(List.of(item("GROUP", group)), 1, "not by the sending node");

        group.put("node_id", attackerNode.toString());
        group.put("closed_by", "officer_kri");
        group.put("closed_at", OffsetDateTime.now().toString());
        refused(List.of(item("GROUP", group)), 1, "does not work at ZRB");

        group.put("closed_by", "officer");
        group.put("closed_at", "2099-01-01T00:00:00+00:00");
        refused(List.of(item("GROUP", group)), 1, "in the future");
    }

    @Test
    void refusesAGroupAtAnotherBorderPoint() {
        ObjectNode group = JSON.createObjectNode();
        group.put("id", UUID.randomUUID().toString());
        group.put("node_id", attackerNode.toString());
        group.put("border_point", "IBK");
        group.put("direction", "ENTRY");
        group.put("kind", "BUS");
        group.put("opened_by", "officer");
        group.put("opened_at", OffsetDateTime.now().toString());
        group.put("request_hash", "x");

        refused(List.of(item("GROUP", group)), 1, "is at border point IBK");
    }

    @Test
    void refusesAVisaOfATravellerWhoNeverCrossedAtThePost() {
        ObjectNode exported = exportedAtHq(recordAtIbk());
        ObjectNode record = visa(exported.get("crossing").get("traveller"));

        refused(List.of(item("VISA", record)), 1, "has not crossed at ZRB");
    }

    @Test
    void refusesAnIdentityDecisionAboutAnotherPostsDocument() {
        ObjectNode record = confirmation(exportedAtHq(recordAtIbk()).get("crossing"), "supervisor");

        refused(List.of(item("IDENTITY", record)), 1, "has not crossed at ZRB");
    }

    @Test
    void stopsABatchInFlightWhenItsCredentialIsRevoked() throws Exception {
        JsonNode credential = issue("ZRB");
        ApiClient node = new ApiClient(port(hq)).as(credential.get("username").asString(), credential.get("password").asString());
        UUID nodeId = UUID.randomUUID();
        String batch = ApiClient.json(new Batch(nodeId, "ZRB", List.of(item(1, "CROSSING", forged("ZRB", "officer", nodeId)))));
        Map<String, String> before = tables();
        try (Connection lock = hq.getBean(DataSource.class).getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table bordercontrol.crossing in share mode");
            }
            CompletableFuture<ApiClient.Response> push = CompletableFuture.supplyAsync(
                    () -> node.post("/api/v1/sync/batches", batch));
            eventually(() -> push.isDone() || hqJdbc().sql("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()"
                    + " and query like '%insert into bordercontrol.crossing%'").query(Long.class).single() > 0,
                    "the batch waiting on the lock");
            assertThat(push.isDone()).as(() -> "answered before the lock: " + push.join().body()).isFalse();
            ApiClient.Response revoked = admin(hq).post("/api/v1/sync/nodes/" + credential.get("username").asString()
                    + "/revoke", "");
            assertThat(revoked.status()).as(revoked.body()).isLessThan(300);
            lock.commit();
            ApiClient.Response answer = push.get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:manfadh:problem:credential-revoked");
        }
        assertThat(tables()).isEqualTo(before);
        assertThat(node.post("/api/v1/sync/batches", ApiClient.json(new Batch(nodeId, "ZRB", List.of()))).status())
                .isEqualTo(401);
    }

    @Test
    void refusesABatchWithARecordOfAKindHeadquartersDoesNotKnowAndAppliesNoneOfIt() {
        ObjectNode record = forged("ZRB", "officer");
        Map<String, String> before = tables();
        ApiClient.Response answer = send(attackerNode, "ZRB", List.of(
                item("CROSSING", record), item("SCREENINGS", JSON.createObjectNode())));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:manfadh:problem:invalid-batch");
        assertThat(answer.json().get("detail").asString()).contains("CROSSING, SCREENING, HEALTH, VISA, GROUP, IDENTITY");
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void answersANodeAboutItselfOnlyAndSendsItOnlyItsBorderPointsAccounts() {
        JsonNode status = attacker.get("/api/v1/sync/status").json();
        assertThat(status.get("nodes")).extracting(n -> n.get("nodeId").asString()).containsExactly(attackerNode.toString());

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("node", Nodes.nodeId(ibk).toString());
        request.put("borderPoint", "ZRB");
        request.put("watchlists", List.of());
        ApiClient.Response underAnother = attacker.post("/api/v1/sync/feed", ApiClient.json(request));
        assertThat(underAnother.status()).as(underAnother.body()).isEqualTo(403);

        request.put("node", attackerNode.toString());
        JsonNode answer = attacker.post("/api/v1/sync/feed", ApiClient.json(request)).json();
        List<String> accounts = answer.get("accounts").valueStream().map(a -> a.get("username").asString()).toList();
        assertThat(accounts).contains("officer", "supervisor")
                .doesNotContain("admin", "analyst", "watchlist_manager", "officer_kri", "node");
    }

    @Test
    void keepsEachPostsAuditTrailAndRefusesToHaveItRewritten() {
        UUID victim = Nodes.nodeId(ibk);
        recordAtIbk();
        JdbcClient post = ibk.getBean(JdbcClient.class);
        eventually(() -> hqJdbc().sql("select count(*) from sync.node_audit_event where node_id = :node")
                .param("node", victim).query(Long.class).single() > 0, "the IBK post's audit trail at headquarters");
        Map<String, Object> first = hqJdbc().sql("select seq, hash from sync.node_audit_event where node_id = :node"
                + " order by seq limit 1").param("node", victim).query().singleRow();
        assertThat(first.get("hash")).isEqualTo(post.sql("select hash from access.audit_event where seq = :seq")
                .param("seq", first.get("seq")).query(String.class).single());

        // Under the victim's node id: refused as any batch is.
        Map<String, Object> rewrite = new LinkedHashMap<>();
        rewrite.put("node", victim.toString());
        rewrite.put("borderPoint", "ZRB");
        rewrite.put("events", List.of(auditEvent(victim, 1, "0".repeat(64), "f".repeat(64))));
        rewrite.put("checkpoints", List.of());
        ApiClient.Response underVictim = attacker.post("/api/v1/sync/audit", ApiClient.json(rewrite));
        assertThat(underVictim.status()).as(underVictim.body()).isEqualTo(403);

        // Under its own: a trail that does not continue what headquarters holds is refused whole.
        rewrite.put("node", attackerNode.toString());
        rewrite.put("events", List.of(auditEvent(attackerNode, 1, "0".repeat(64), "a".repeat(64)),
                auditEvent(attackerNode, 2, "b".repeat(64), "c".repeat(64))));
        ApiClient.Response broken = attacker.post("/api/v1/sync/audit", ApiClient.json(rewrite));
        assertThat(broken.status()).as(broken.body()).isEqualTo(403);
        assertThat(broken.json().get("type").asString()).isEqualTo("urn:manfadh:problem:foreign-record");
        assertThat(hqJdbc().sql("select count(*) from sync.node_audit_event where node_id = :node")
                .param("node", attackerNode).query(Long.class).single()).isZero();

        // What headquarters holds stays as it is, even to the database's owner.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> hqJdbc().sql(
                "update sync.node_audit_event set hash = 'x' where node_id = :node").param("node", victim).update()))
                .isNotNull();
    }

    private static Map<String, Object> auditEvent(UUID node, long seq, String previous, String hash) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", seq);
        event.put("id", UUID.randomUUID().toString());
        event.put("nodeId", node.toString());
        event.put("at", Instant.now().toString());
        event.put("username", "officer");
        event.put("clientAddress", "127.0.0.1");
        event.put("action", "CHANGE");
        event.put("what", "POST /api/v1/crossings");
        event.put("recordIds", List.of());
        event.put("outcome", 201);
        event.put("previousHash", previous);
        event.put("hash", hash);
        return event;
    }

    @Test
    void refusesRecordsNamingAccountsHeadquartersDoesNotSendToThePost() {
        // The national administrator and analyst, and an administrator of the whole federal side: none is sent to
        // the ZRB post, so none signed in there.
        for (String stranger : List.of("admin", "analyst", "watchlist_manager", "health_officer")) {
            refused(List.of(item("CROSSING", forged("ZRB", stranger))), 1, "'" + stranger + "', who does not work at ZRB");
        }
        ObjectNode decided = forged("ZRB", "officer");
        ((ObjectNode) decided.withArray("decisions").get(0)).put("decided_by", "admin");
        refused(List.of(item("CROSSING", decided)), 1, "names decided_by 'admin', who does not work at ZRB");
        // The port health officer works at ZRB, but not at the booth.
        refused(List.of(item("CROSSING", forged("ZRB", "health_officer_zrb"))), 1,
                "'health_officer_zrb', who may not make it at ZRB (it takes ADMIN or OFFICER or SUPERVISOR)");
    }

    @Test
    void refusesCorrectionsAndVoidsThePostCouldNotHaveMade() {
        ObjectNode own = forged("ZRB", "officer");
        assertThat(send(attackerNode, "ZRB", List.of(item("CROSSING", own))).status()).isEqualTo(200);
        String crossingId = own.get("crossing").get("id").asString();
        String initial = own.withArray("decisions").get(0).get("id").asString();

        ObjectNode byOfficer = own.deepCopy();
        byOfficer.withArray("decisions").add(correction(crossingId, initial, "officer", OffsetDateTime.now().toString()));
        refused(List.of(item("CROSSING", byOfficer)), 1,
                "names decided_by 'officer', who may not make it at ZRB (it takes ADMIN or SUPERVISOR)");

        ObjectNode byStranger = own.deepCopy();
        byStranger.withArray("decisions").add(correction(crossingId, initial, "officer_kri", OffsetDateTime.now().toString()));
        refused(List.of(item("CROSSING", byStranger)), 1, "'officer_kri', who does not work at ZRB");

        ObjectNode ahead = own.deepCopy();
        ahead.withArray("decisions").add(correction(crossingId, initial, "supervisor", "2099-01-01T00:00:00+00:00"));
        refused(List.of(item("CROSSING", ahead)), 1, "in the future");

        ObjectNode moved = own.deepCopy();
        moved.withArray("amendments").add(amendment(crossingId, "CORRECTION", "supervisor", OffsetDateTime.now().toString())
                .put("border_point", "IBK"));
        refused(List.of(item("CROSSING", moved)), 1, "to border point IBK, outside ZRB");

        for (String who : List.of("officer", "officer_kri", "admin")) {
            ObjectNode voided = own.deepCopy();
            voided.withArray("amendments").add(amendment(crossingId, "VOID", who, OffsetDateTime.now().toString()));
            refused(List.of(item("CROSSING", voided)), 1, "names amended_by '" + who + "'");
        }
        ObjectNode voidAhead = own.deepCopy();
        voidAhead.withArray("amendments").add(amendment(crossingId, "VOID", "supervisor", "2099-01-01T00:00:00+00:00"));
        refused(List.of(item("CROSSING", voidAhead)), 1, "in the future");

        // The same void by the post's supervisor, now: the post could have made it, and it is taken.
        ObjectNode honest = own.deepCopy();
        honest.withArray("amendments").add(amendment(crossingId, "VOID", "supervisor", OffsetDateTime.now().toString()));
        ApiClient.Response taken = send(attackerNode, "ZRB", List.of(item("CROSSING", honest)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(admin(hq).get("/api/v1/crossings/" + crossingId).json().get("voided").asBoolean()).isTrue();
    }

    @Test
    void refusesVisaExtensionsThePostCouldNotHaveMade() {
        ObjectNode own = forged("ZRB", "officer");
        assertThat(send(attackerNode, "ZRB", List.of(item("CROSSING", own))).status()).isEqualTo(200);
        ObjectNode record = visa(own.get("traveller"));
        assertThat(send(attackerNode, "ZRB", List.of(item("VISA", record))).status()).isEqualTo(200);
        String visaId = record.get("visa").get("id").asString();

        for (String who : List.of("officer", "officer_kri", "admin")) {
            ObjectNode extended = record.deepCopy();
            extended.withArray("extensions").add(extension(visaId, who, OffsetDateTime.now().toString()));
            refused(List.of(item("VISA", extended)), 1, "names created_by '" + who + "'");
        }
        ObjectNode ahead = record.deepCopy();
        ahead.withArray("extensions").add(extension(visaId, "supervisor", "2099-01-01T00:00:00+00:00"));
        refused(List.of(item("VISA", ahead)), 1, "in the future");

        ObjectNode honest = record.deepCopy();
        honest.withArray("extensions").add(extension(visaId, "supervisor", OffsetDateTime.now().toString()));
        ApiClient.Response taken = send(attackerNode, "ZRB", List.of(item("VISA", honest)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(hqJdbc().sql("select count(*) from bordercontrol.visa_extension where visa_id = cast(:id as uuid)")
                .param("id", visaId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesVerdictsOnHitsThePostCouldNotHaveGiven() {
        ObjectNode crossing = forged("ZRB", "officer");
        assertThat(send(attackerNode, "ZRB", List.of(item("CROSSING", crossing))).status()).isEqualTo(200);

        for (String who : List.of("officer", "officer_kri", "admin")) {
            ObjectNode screening = screeningWithHit(crossing);
            ((ObjectNode) screening.withArray("adjudications").get(0)).put("supervisor", who);
            refused(List.of(item("SCREENING", screening)), 1, "names supervisor '" + who + "'");
        }
        ObjectNode ahead = screeningWithHit(crossing);
        ((ObjectNode) ahead.withArray("adjudications").get(0)).put("adjudicated_at", "2099-01-01T00:00:00+00:00");
        refused(List.of(item("SCREENING", ahead)), 1, "in the future");

        ObjectNode cleared = screeningWithHit(crossing);
        ObjectNode clearance = cleared.withArray("cleared").addObject();
        clearance.put("traveller_id", crossing.get("traveller").get("id").asString());
        clearance.put("entry_id", cleared.withArray("hits").get(0).get("entry_id").asString());
        clearance.put("entry_fingerprint", "x");
        clearance.put("subject_fingerprint", "y");
        clearance.put("hit_id", cleared.withArray("hits").get(0).get("id").asString());
        clearance.put("cleared_by", "analyst");
        clearance.put("cleared_at", OffsetDateTime.now().toString());
        refused(List.of(item("SCREENING", cleared)), 1, "was cleared by 'analyst', who does not work at ZRB");
        clearance.put("cleared_by", "officer");
        refused(List.of(item("SCREENING", cleared)), 1, "was cleared by 'officer', who may not make it at ZRB");

        ObjectNode honest = screeningWithHit(crossing);
        ApiClient.Response taken = send(attackerNode, "ZRB", List.of(item("SCREENING", honest)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(hqJdbc().sql("select supervisor from screening.adjudication where id = cast(:id as uuid)")
                .param("id", honest.withArray("adjudications").get(0).get("id").asString()).query(String.class).single())
                .isEqualTo("supervisor");
    }

    @Test
    void refusesAnIdentityDecisionByAnOfficerAndTakesTheSupervisors() {
        ObjectNode own = forged("ZRB", "officer");
        assertThat(send(attackerNode, "ZRB", List.of(item("CROSSING", own))).status()).isEqualTo(200);
        ObjectNode record = confirmation(own, "officer");
        ObjectNode decision = (ObjectNode) record.get("decision");

        refused(List.of(item("IDENTITY", record)), 1,
                "names decided_by 'officer', who may not make it at ZRB (it takes ADMIN or SUPERVISOR)");
        decision.put("decided_by", "supervisor");
        ApiClient.Response taken = send(attackerNode, "ZRB", List.of(item("IDENTITY", record)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(hqJdbc().sql("select decided_by from bordercontrol.identity_decision where id = cast(:id as uuid)")
                .param("id", decision.get("id").asString()).query(String.class).single()).isEqualTo("supervisor");
    }

    @Test
    void refusesRecordsByTheIbkPostsOwnPeopleEvenWithTheirTrueRoles() {
        ObjectNode record = forged("ZRB", "officer");
        ((ObjectNode) record.withArray("decisions").get(0)).put("decided_by", "admin_ibk");
        Nodes.pointAdmin(ibk, hq);
        refused(List.of(item("CROSSING", record)), 1, "'admin_ibk', who does not work at ZRB");
    }

    // --- the forger's tools ---

    private record Batch(UUID node, String borderPoint, List<Map<String, Object>> records) {
    }

    /**
     * The batch refused at its {@code nth} record (from 1), with nothing changed at headquarters (its tables' rows,
     * not only their counts, and the progress of the attacker's and the IBK post's nodes) or at the IBK post (its
     * own tables, after it has pulled what headquarters would now send it, and what it has had acknowledged).
     */
    private static void refused(List<Map<String, Object>> records, long nth, String why) {
        long seq = lastSeq(attackerNode) + nth;
        pullAtIbk();
        Map<String, String> before = tables();
        Map<String, String> ibkBefore = tablesAt(ibk);
        String ibkProgressBefore = progressOf(Nodes.nodeId(ibk));
        String attackerBefore = progressOf(attackerNode);
        ApiClient.Response answer = send(attackerNode, "ZRB", records);
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:manfadh:problem:foreign-record");
        assertThat(answer.json().get("seq").asLong()).isEqualTo(seq);
        assertThat(answer.json().get("detail").asString()).contains(why);
        assertThat(tables()).as("headquarters' tables").isEqualTo(before);
        assertThat(progressOf(Nodes.nodeId(ibk))).as("the IBK post's progress").isEqualTo(ibkProgressBefore);
        assertThat(progressOf(attackerNode)).as("the attacker's progress").isEqualTo(attackerBefore);
        pullAtIbk();
        assertThat(tablesAt(ibk)).as("the IBK post's own tables").isEqualTo(ibkBefore);
    }

    private static void pullAtIbk() {
        ApiClient.Response pulled = admin(ibk).post("/api/v1/sync/pull", "");
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
    }

    /** Records of the attacker's node, seq from one after what headquarters already holds of it. */
    private static ApiClient.Response send(UUID node, String borderPoint, List<Map<String, Object>> records) {
        long last = lastSeq(node);
        List<Map<String, Object>> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>(records.get(i));
            item.put("seq", last + i + 1);
            numbered.add(item);
        }
        return attacker.post("/api/v1/sync/batches", ApiClient.json(new Batch(node, borderPoint, numbered)));
    }

    private static long lastSeq(UUID node) {
        return hqJdbc().sql("select coalesce(max(last_seq), 0) from sync.node_progress where node_id = :node")
                .param("node", node).query(Long.class).single();
    }

    private static Map<String, Object> item(String kind, JsonNode payload) {
        return item(0, kind, payload);
    }

    private static Map<String, Object> item(long seq, String kind, JsonNode payload) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", seq);
        item.put("id", UUID.randomUUID().toString());
        item.put("kind", kind);
        item.put("recordId", UUID.randomUUID().toString());
        item.put("payload", payload);
        return item;
    }

    /**
     * A crossing as a post at {@code borderPoint} would export it, under the attacker's node id and new ids
     * throughout: one recorded at headquarters, exported, and given a new traveller, document and officer.
     */
    private static ObjectNode forged(String borderPoint, String officer) {
        return forged(borderPoint, officer, attackerNode);
    }

    private static ObjectNode forged(String borderPoint, String officer, UUID node) {
        ObjectNode record = (ObjectNode) exportedAt(hq, recordAt(hq, borderPoint)).get("crossing").deepCopy();
        String crossingId = UUID.randomUUID().toString();
        String travellerId = UUID.randomUUID().toString();
        String documentId = UUID.randomUUID().toString();
        Consumer<ObjectNode> ours = row -> row.put("node_id", node.toString());
        ObjectNode traveller = (ObjectNode) record.get("traveller");
        traveller.put("id", travellerId);
        traveller.put("surname", Passports.surname("HOSTILE", 6));
        ours.accept(traveller);
        ObjectNode document = (ObjectNode) record.get("document");
        document.put("id", documentId);
        document.put("traveller_id", travellerId);
        document.put("document_number", Passports.number('H'));
        ours.accept(document);
        ObjectNode crossing = (ObjectNode) record.get("crossing");
        crossing.put("id", crossingId);
        crossing.put("traveller_id", travellerId);
        crossing.put("document_id", documentId);
        crossing.put("officer", officer);
        ours.accept(crossing);
        for (JsonNode decision : record.withArray("decisions")) {
            ObjectNode row = (ObjectNode) decision;
            row.put("id", UUID.randomUUID().toString());
            row.put("crossing_id", crossingId);
            row.put("decided_by", officer);
            row.putNull("supersedes");
            ours.accept(row);
        }
        record.set("amendments", JSON.createArrayNode());
        record.putNull("visa");
        record.putNull("group");
        crossing.putNull("visa_id");
        crossing.putNull("group_id");
        return record;
    }

    private static ObjectNode correction(String crossingId, String supersedes, String by, String at) {
        ObjectNode correction = JSON.createObjectNode();
        correction.put("id", UUID.randomUUID().toString());
        correction.put("node_id", attackerNode.toString());
        correction.put("crossing_id", crossingId);
        correction.put("kind", "CORRECTION");
        correction.put("decision", "REFUSED");
        correction.put("reason_code", "A");
        correction.putArray("vulnerability");
        correction.put("decided_by", by);
        correction.put("decided_at", at);
        correction.put("supersedes", supersedes);
        return correction;
    }

    private static ObjectNode amendment(String crossingId, String kind, String by, String at) {
        ObjectNode amendment = JSON.createObjectNode();
        amendment.put("id", UUID.randomUUID().toString());
        amendment.put("node_id", attackerNode.toString());
        amendment.put("crossing_id", crossingId);
        amendment.put("kind", kind);
        amendment.put("reason", "Recorded twice");
        amendment.put("amended_by", by);
        amendment.put("amended_at", at);
        return amendment;
    }

    /** An IDENTITY record under the attacker's node: the crossing's document confirmed as its traveller's. */
    private static ObjectNode confirmation(JsonNode crossing, String by) {
        JsonNode document = crossing.get("document");
        JsonNode traveller = crossing.get("traveller");
        ObjectNode decision = JSON.createObjectNode();
        decision.put("id", UUID.randomUUID().toString());
        decision.put("node_id", attackerNode.toString());
        decision.put("document_id", document.get("id").asString());
        decision.put("action", "CONFIRM");
        decision.put("from_traveller", traveller.get("id").asString());
        decision.put("to_traveller", traveller.get("id").asString());
        decision.put("reason", "checked");
        decision.put("decided_by", by);
        decision.put("decided_at", OffsetDateTime.now().toString());
        ObjectNode record = JSON.createObjectNode();
        record.set("decision", decision);
        record.set("document", JSON.createObjectNode().put("issuing_state", document.get("issuing_state").asString())
                .put("document_number", document.get("document_number").asString()));
        record.set("to", traveller);
        return record;
    }

    /** A visa of this traveller under the attacker's node, as a post's VISA record carries it. */
    private static ObjectNode visa(JsonNode traveller) {
        ObjectNode visa = JSON.createObjectNode();
        visa.put("id", UUID.randomUUID().toString());
        visa.put("node_id", attackerNode.toString());
        visa.put("traveller_id", traveller.get("id").asString());
        visa.put("number", "V-" + UUID.randomUUID().toString().substring(0, 8));
        visa.put("type", "VISIT_VISA");
        visa.put("issuing_authority", "FEDERAL");
        visa.put("valid_from", LocalDate.now().toString());
        visa.put("valid_until", LocalDate.now().plusDays(30).toString());
        visa.put("permitted_stay_days", 30);
        visa.put("created_by", "officer");
        visa.put("created_at", OffsetDateTime.now().toString());
        ObjectNode record = JSON.createObjectNode();
        record.set("traveller", traveller);
        record.set("visa", visa);
        record.putArray("extensions");
        return record;
    }

    private static ObjectNode extension(String visaId, String by, String at) {
        ObjectNode extension = JSON.createObjectNode();
        extension.put("id", UUID.randomUUID().toString());
        extension.put("node_id", attackerNode.toString());
        extension.put("visa_id", visaId);
        extension.put("extra_days", 15);
        extension.put("granted_on", LocalDate.now().toString());
        extension.put("reason", "Medical treatment");
        extension.put("created_by", by);
        extension.put("created_at", at);
        return extension;
    }

    /** A screening of the attacker's crossing with one hit, adjudicated by the post's supervisor. */
    private static ObjectNode screeningWithHit(ObjectNode crossing) {
        String crossingId = crossing.get("crossing").get("id").asString();
        String travellerId = crossing.get("traveller").get("id").asString();
        ObjectNode screening = JSON.createObjectNode();
        ObjectNode row = screening.putObject("screening");
        String screeningId = UUID.randomUUID().toString();
        row.put("id", screeningId);
        row.put("node_id", attackerNode.toString());
        row.put("crossing_id", crossingId);
        row.put("traveller_id", travellerId);
        row.put("outcome", "HIT");
        row.put("subject_fingerprint", "s");
        row.putObject("result");
        row.put("officer", "officer");
        row.put("screened_at", OffsetDateTime.now().toString());
        ObjectNode hit = screening.putArray("hits").addObject();
        String hitId = UUID.randomUUID().toString();
        hit.put("id", hitId);
        hit.put("node_id", attackerNode.toString());
        hit.put("screening_id", screeningId);
        hit.put("crossing_id", crossingId);
        hit.put("traveller_id", travellerId);
        hit.put("entry_id", UUID.randomUUID().toString());
        hit.put("list_id", UUID.randomUUID().toString());
        hit.put("level", "HIT");
        hit.put("score", 0.97);
        hit.put("action_on_hit", "REFER");
        hit.put("list_kind", "NATIONAL");
        hit.put("entry_fingerprint", "x");
        hit.put("initial_status", "OPEN");
        hit.putObject("match");
        hit.put("created_at", OffsetDateTime.now().toString());
        hit.put("border_point", "ZRB");
        ObjectNode adjudication = screening.putArray("adjudications").addObject();
        adjudication.put("id", UUID.randomUUID().toString());
        adjudication.put("node_id", attackerNode.toString());
        adjudication.put("hit_id", hitId);
        adjudication.put("verdict", "FALSE_POSITIVE");
        adjudication.put("note", "Another man of the same name");
        adjudication.put("supervisor", "supervisor");
        adjudication.put("adjudicated_at", OffsetDateTime.now().toString());
        screening.putArray("cleared");
        return screening;
    }

    /** A crossing recorded at the IBK post and delivered to headquarters; its id. */
    private static String recordAtIbk() {
        String id = recordAt(ibk, "IBK");
        eventually(() -> admin(hq).get("/api/v1/crossings/" + id).status() == 200, "the IBK crossing at headquarters");
        return id;
    }

    private static String recordAt(ConfigurableApplicationContext node, String borderPoint) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("borderPoint", borderPoint);
        body.put("direction", "ENTRY");
        body.put("mrz", Passports.td3(Passports.number('T'), Passports.surname("QASIMI", 6), "ALI REZA", "IRN",
                LocalDate.of(1985, 3, 14)));
        body.put("purpose", "PILGRIMAGE");
        body.put("transport", Map.of("mode", "BUS", "reference", "12345 IR"));
        body.put("decision", "ADMITTED");
        ApiClient.Response response = (node == hq ? admin(hq) : Nodes.pointAdmin(node, hq))
                .post("/api/v1/crossings", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    /** A crossing as headquarters exports it to a post: {"crossing": …, "screening": …}. */
    private static ObjectNode exportedAtHq(String crossingId) {
        return exportedAt(hq, crossingId);
    }

    private static ObjectNode exportedAt(ConfigurableApplicationContext node, String crossingId) {
        String point = admin(node).get("/api/v1/crossings/" + crossingId).json().get("borderPoint").asString();
        String after = null;
        while (true) {
            ApiClient.Response page = admin(node).get("/api/v1/sync/records?borderPoint=" + point + "&limit=1000"
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode record : page.json().get("records")) {
                if (record.get("crossing").get("crossing").get("id").asString().equals(crossingId)) {
                    return (ObjectNode) record.deepCopy();
                }
            }
            JsonNode next = page.json().get("next");
            assertThat(next == null || next.isNull()).as("crossing " + crossingId + " exported").isFalse();
            after = next.asString();
        }
    }

    private static JsonNode issue(String borderPoint) {
        ApiClient.Response issued = admin(hq).post("/api/v1/sync/nodes", ApiClient.json(Map.of("borderPoint", borderPoint)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    private static JdbcClient hqJdbc() {
        return hq.getBean(JdbcClient.class);
    }

    private static String progressOf(UUID node) {
        return hqJdbc().sql("select coalesce(string_agg(last_seq || '/' || records || '/' || coalesce(username, ''), ','), '')"
                + " from sync.node_progress where node_id = :node").param("node", node).query(String.class).single();
    }

    /** What every table a batch writes holds at headquarters: a digest of its rows, and the nodes' applied seqs. */
    private static Map<String, String> tables() {
        Map<String, String> tables = tablesAt(hq);
        tables.put("nodes", String.valueOf(hqJdbc().sql("select count(*) from sync.node_progress").query(Long.class).single()));
        tables.put("applied", String.valueOf(hqJdbc().sql("select coalesce(sum(last_seq + records), 0) from sync.node_progress")
                .query(Long.class).single()));
        return tables;
    }

    /** A digest of the rows of each table that holds records a post makes, at a node; and the post's outbox state. */
    private static Map<String, String> tablesAt(ConfigurableApplicationContext node) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("bordercontrol.traveller", "bordercontrol.travel_document", "bordercontrol.crossing",
                "bordercontrol.decision", "bordercontrol.crossing_amendment", "bordercontrol.visa",
                "bordercontrol.visa_extension", "bordercontrol.crossing_group", "bordercontrol.identity_decision",
                "bordercontrol.identity_merge", "screening.screening", "screening.hit", "screening.adjudication",
                "screening.cleared_false_positive", "health.screening", "health.hold_decision", "health.follow_up")) {
            tables.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                    + " from " + table + " t").query(String.class).single());
        }
        if (node != hq) {
            tables.put("outbox", jdbc.sql("select count(*) || ':' || coalesce(max(seq), 0) || ':'"
                    + " || (select acknowledged_seq from sync.push_state) from sync.outbox").query(String.class).single());
        }
        return tables;
    }
}
