package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail against someone who holds the database's owner (superuser) password: with direct SQL, triggers
 * switched off for the session, they delete the last events, edit the last one, or replace the whole table with a
 * chain recomputed by the unkeyed rule. {@code GET /api/v1/audit/verify} must say so each time. Each test puts the
 * trail back as it was.
 */
@ManfadhIntegrationTest
class AuditTamperIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    @Autowired
    AuditEvents events;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditKey key;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private JsonNode verifyOverHttp() {
        ApiClient.Response response = admin().get("/api/v1/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /**
     * The same check as the endpoint's, without a request: a request may sign the administrator in again (the
     * verified-credentials cache expires) and so append an event while the trail is being tampered with.
     */
    private JsonNode verify() {
        return JSON.valueToTree(audit.verify());
    }

    @BeforeEach
    void writesSomeEventsAndChecksTheChainHolds() {
        for (int i = 0; i < 5; i++) {
            new ApiClient(port).as("officer", "manfadh-demo").get("/api/v1/crossings?size=1");
        }
        JsonNode verified = verifyOverHttp();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("keyedFrom").asLong()).isEqualTo(1);
    }

    /** One owner connection, with triggers (the append-only guards) off for it alone, as a superuser may. */
    private interface AsOwner {
        void run(JdbcClient owner) throws Exception;
    }

    private void asOwner(AsOwner work) throws Exception {
        try (Connection connection = ownerDataSource.getConnection()) {
            JdbcClient owner = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            owner.sql("set session_replication_role = replica").update();
            work.run(owner);
        }
    }

    private void backUp() throws Exception {
        asOwner(owner -> {
            owner.sql("create table public.audit_event_backup as select * from access.audit_event").update();
            owner.sql("create table public.audit_head_backup as select * from access.audit_chain_head").update();
        });
    }

    private void restore() throws Exception {
        asOwner(owner -> {
            owner.sql("delete from access.audit_event").update();
            owner.sql("insert into access.audit_event select * from public.audit_event_backup").update();
            owner.sql("update access.audit_chain_head h set seq = b.seq, hash = b.hash from public.audit_head_backup b")
                    .update();
            owner.sql("drop table public.audit_event_backup, public.audit_head_backup").update();
        });
        JsonNode verified = verify();
        assertThat(verified.get("valid").asBoolean()).as("put back: " + verified).isTrue();
    }

    private long lastSeq() {
        return events.head().seq();
    }

    @Test
    void detectsTheLastEventsDeletedAndTheHeadMovedBack() throws Exception {
        audit.checkpoint();
        long last = lastSeq();
        backUp();
        try {
            asOwner(owner -> {
                owner.sql("delete from access.audit_event where seq > :seq").param("seq", last - 3).update();
                owner.sql("update access.audit_chain_head set seq = e.seq, hash = e.hash from access.audit_event e"
                        + " where e.seq = :seq").param("seq", last - 3).update();
            });

            JsonNode verified = verify();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("reason").asString()).isEqualTo("rows-missing");
            assertThat(verified.get("firstBrokenSeq").asLong()).isEqualTo(last - 2);
        } finally {
            restore();
        }
    }

    @Test
    void detectsTheLastEventEditedEvenWithItsHashRecomputed() throws Exception {
        long last = lastSeq();
        AuditEvents.Stored head = events.after(last - 1, 1).get(0);
        AuditChain.Event edited = new AuditChain.Event(head.event().seq(), head.event().id(), head.event().nodeId(),
                head.event().at(), "someone-else", head.event().clientAddress(), head.event().action(),
                head.event().what(), head.event().recordIds(), head.event().outcome());
        String recomputed = AuditChain.hash(head.previousHash(), edited);
        backUp();
        try {
            asOwner(owner -> {
                owner.sql("update access.audit_event set username = 'someone-else', hash = :hash where seq = :seq")
                        .param("hash", recomputed).param("seq", last).update();
                owner.sql("update access.audit_chain_head set hash = :hash").param("hash", recomputed).update();
            });

            JsonNode verified = verify();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("reason").asString()).isEqualTo("altered");
            assertThat(verified.get("firstBrokenSeq").asLong()).isEqualTo(last);
            assertThat(verified.get("firstBrokenId").asString()).isEqualTo(head.event().id().toString());
        } finally {
            restore();
        }
    }

    @Test
    void detectsTheWholeTableReplacedByAChainRecomputedWithoutTheKey() throws Exception {
        List<AuditEvents.Stored> all = events.after(0, 100_000);
        backUp();
        try {
            asOwner(owner -> {
                owner.sql("delete from access.audit_event").update();
                String previous = AuditChain.GENESIS;
                // The same events, one of them blaming another user, each hash recomputed after the one before.
                for (AuditEvents.Stored s : all) {
                    AuditChain.Event e = s.event();
                    String username = e.seq() == 2 ? "someone-else" : e.username();
                    AuditChain.Event forged = new AuditChain.Event(e.seq(), e.id(), e.nodeId(), e.at(), username,
                            e.clientAddress(), e.action(), e.what(), e.recordIds(), e.outcome());
                    String hash = AuditChain.hash(previous, forged);
                    owner.sql("""
                            insert into access.audit_event (seq, id, node_id, at, username, client_address, action,
                                   what, record_ids, outcome, previous_hash, hash)
                            select seq, id, node_id, at, :username, client_address, action, what, record_ids, outcome,
                                   :previous, :hash
                              from public.audit_event_backup where seq = :seq
                            """).param("username", username).param("previous", previous).param("hash", hash)
                            .param("seq", e.seq()).update();
                    previous = hash;
                }
                owner.sql("update access.audit_chain_head set hash = :hash").param("hash", previous).update();
            });

            JsonNode verified = verify();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("reason").asString()).isEqualTo("altered");
            assertThat(verified.get("firstBrokenSeq").asLong()).isEqualTo(1);
        } finally {
            restore();
        }
    }

    @Test
    void detectsACheckpointThatTheKeyDidNotSeal() throws Exception {
        Path file = checkpoints.file();
        byte[] before = Files.readAllBytes(file);
        String last = new String(before, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        String[] parts = last.split(" ");
        // A later head, "sealed" by someone without the key.
        String forged = (Long.parseLong(parts[0]) + 1) + " " + parts[1] + " " + parts[2] + " " + parts[3] + " "
                + "0".repeat(64) + "\n";
        Files.writeString(file, forged, StandardOpenOption.APPEND);
        try {
            JsonNode verified = verify();

            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.get("reason").asString()).isEqualTo("checkpoint-unsealed");
        } finally {
            Files.write(file, before);
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void chainsAfterAnEventThatAnotherServerSharingTheDatabaseWrote() {
        audit.record(AuditLog.Action.READ_PERSONAL_DATA, "officer", "127.0.0.1", "GET /api/v1/crossings", List.of(), 200);
        // Another server: the head's lock, its event after the head, the head moved on.
        AuditEvents.Head other = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s -> {
            AuditEvents.Head head = events.lockHead();
            AuditChain.Event event = new AuditChain.Event(head.seq() + 1, java.util.UUID.randomUUID(),
                    java.util.UUID.randomUUID(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    "officer", "10.0.0.2", "READ_PERSONAL_DATA", "GET /api/v1/travellers", List.of("a", "b"), 200);
            String hash = AuditChain.keyedHash(key.bytes(), head.hash(), event);
            events.appendAll(List.of(new AuditEvents.Stored(event, head.hash(), hash)));
            return new AuditEvents.Head(event.seq(), hash);
        });

        audit.record(AuditLog.Action.READ_PERSONAL_DATA, "officer", "127.0.0.1", "GET /api/v1/crossings/x",
                List.of("c"), 200);

        assertThat(events.head().seq()).isEqualTo(other.seq() + 1);
        assertThat(audit.eventsAfter(other.seq(), 10)).singleElement().satisfies(e -> {
            assertThat(e.previousHash()).isEqualTo(other.hash());
            assertThat(e.what()).isEqualTo("GET /api/v1/crossings/x");
            assertThat(e.recordIds()).containsExactly("c");
        });
        assertThat(audit.eventsAfter(other.seq() - 1, 1)).singleElement()
                .satisfies(e -> assertThat(e.recordIds()).containsExactly("a", "b"));
        assertThat(verify().get("valid").asBoolean()).as(verify().toString()).isTrue();
    }

    @Test
    void appendsABatchInOneStatementOnlyWhileTheHeadIsTheOneExpected() {
        AuditEvents.Head head = events.head();
        List<AuditEvents.Stored> batch = new java.util.ArrayList<>();
        String previous = head.hash();
        List<List<String>> ids = List.of(List.of(), List.of("x"), List.of("y", "z"));
        for (int i = 0; i < 3; i++) {
            AuditChain.Event event = new AuditChain.Event(head.seq() + 1 + i, java.util.UUID.randomUUID(),
                    java.util.UUID.randomUUID(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    i == 0 ? null : "officer", "10.0.0.2", "READ_PERSONAL_DATA", "GET /api/v1/travellers", ids.get(i), 200);
            String hash = AuditChain.keyedHash(key.bytes(), previous, event);
            batch.add(new AuditEvents.Stored(event, previous, hash));
            previous = hash;
        }

        assertThat(events.appendAfter(new AuditEvents.Head(head.seq() - 1, head.hash()), batch)).isFalse();
        assertThat(events.head()).isEqualTo(head);
        assertThat(events.appendAfter(head, batch)).isTrue();

        assertThat(events.head()).isEqualTo(new AuditEvents.Head(head.seq() + 3, previous));
        assertThat(audit.eventsAfter(head.seq(), 10)).extracting(e -> e.recordIds()).containsExactlyElementsOf(ids);
        assertThat(audit.eventsAfter(head.seq(), 1)).singleElement().satisfies(e -> assertThat(e.username()).isNull());
        assertThat(verify().get("valid").asBoolean()).as(verify().toString()).isTrue();
    }

    @Test
    void storesEveryEventOfManyCallersAtOnceInOneUnbrokenChain() throws Exception {
        long from = lastSeq();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 320; i++) {
                String what = "GET /api/v1/travellers/" + i;
                done.add(callers.submit(() -> audit.record(AuditLog.Action.READ_PERSONAL_DATA, "officer", "127.0.0.1",
                        what, List.of(what), 200)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdown();
        }

        List<org.manfadh.access.AuditReplication.Event> written = audit.eventsAfter(from, 1000);
        assertThat(written).hasSize(320);
        assertThat(written).extracting(e -> e.what()).doesNotHaveDuplicates()
                .allSatisfy(w -> assertThat(w).startsWith("GET /api/v1/travellers/"));
        assertThat(written).allSatisfy(e -> assertThat(e.recordIds()).containsExactly(e.what()));
        assertThat(verify().get("valid").asBoolean()).as(verify().toString()).isTrue();
    }

    @Test
    void writesACheckpointByItselfAfterAHundredEvents() throws Exception {
        audit.checkpoint();
        long from = lastSeq();

        for (int i = 0; i < 100; i++) {
            audit.record(AuditLog.Action.READ_PERSONAL_DATA, "officer", "127.0.0.1", "GET /api/v1/crossings",
                    List.of(), 200);
        }

        // Written beside the requests, not before their answers: it comes a moment after the hundredth event.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (audit.checkpointsAfter(from).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(audit.checkpointsAfter(from)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.seq()).isGreaterThanOrEqualTo(from + 100).isLessThanOrEqualTo(lastSeq()));
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void writesCheckpointsSealedWithTheKeyThatSyncCanPassOn() {
        audit.checkpoint();

        List<org.manfadh.access.AuditReplication.Checkpoint> checkpoints = audit.checkpointsAfter(-1);

        assertThat(checkpoints).isNotEmpty();
        org.manfadh.access.AuditReplication.Checkpoint newest = checkpoints.get(checkpoints.size() - 1);
        assertThat(newest.seq()).isEqualTo(lastSeq());
        assertThat(newest.hash()).isEqualTo(events.head().hash());
        assertThat(audit.eventsAfter(newest.seq() - 1, 10)).singleElement()
                .satisfies(e -> assertThat(e.hash()).isEqualTo(newest.hash()));
        assertThat(audit.checkpointsAfter(newest.seq())).isEmpty();
    }
}
