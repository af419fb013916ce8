package org.manfadh.sync.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.manfadh.access.AuditReplication;
import org.manfadh.platform.Rejection;
import org.manfadh.sync.AuditCopies;
import org.manfadh.sync.Sender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At headquarters: each post's audit trail, as the post sends it after the last event headquarters
 * holds. Headquarters takes only what continues the chain it holds (the next seq, naming the hash of
 * the event before), so a post can add to its trail here but never rewrite what arrived before; a
 * checkpoint must name an event's hash as held. Deleting or editing a post's trail at the post is
 * then found by comparing it with the copy here.
 */
@Service
class AuditCopier implements AuditCopies {

    private final NodeProgress progress;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SyncSettings settings;
    private final Clock clock;

    AuditCopier(NodeProgress progress, JdbcClient jdbc, TransactionTemplate transaction, SyncSettings settings,
                Clock clock) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Held receive(Delivery delivery, Sender sender) {
        if (settings.post()) {
            throw Rejection.conflict("not-headquarters", "This node is a border post; audit trails go to headquarters.");
        }
        if (delivery.node() == null || delivery.borderPoint() == null) {
            throw Rejection.invalid("invalid-batch", "An audit delivery names the sending node and its border point.");
        }
        String point = delivery.borderPoint().strip().toUpperCase(java.util.Locale.ROOT);
        List<AuditReplication.Event> events = delivery.events() == null ? List.of()
                : delivery.events().stream().sorted(Comparator.comparingLong(AuditReplication.Event::seq)).toList();
        return transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            progress.lockFor(delivery.node(), point, sender, clock.instant());
            record Last(long seq, String hash) {
            }
            Last last = jdbc.sql("""
                    select seq, hash from sync.node_audit_event where node_id = :node order by seq desc limit 1
                    """).param("node", delivery.node()).query((rs, n) -> new Last(rs.getLong(1), rs.getString(2)))
                    .optional().orElse(new Last(0, null));
            for (AuditReplication.Event event : events) {
                if (event.seq() <= last.seq()) {
                    continue;
                }
                if (event.seq() != last.seq() + 1 || last.hash() != null && !last.hash().equals(event.previousHash())
                        || !delivery.node().equals(event.nodeId()) || event.hash() == null || event.at() == null) {
                    throw foreign("Audit event seq " + event.seq() + " does not continue node " + delivery.node()
                            + "'s trail as headquarters holds it (up to seq " + last.seq() + ")");
                }
                jdbc.sql("""
                        insert into sync.node_audit_event (node_id, seq, id, at, username, client_address, action, what,
                                                           record_ids, outcome, previous_hash, hash, received_at)
                        values (:node, :seq, :id, :at, :username, :client, :action, :what, :records, :outcome,
                                :previous, :hash, :received)
                        """).param("node", delivery.node()).param("seq", event.seq()).param("id", event.id())
                        .param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC)).param("username", event.username())
                        .param("client", event.clientAddress()).param("action", event.action()).param("what", event.what())
                        .param("records", event.recordIds() == null ? new String[0] : event.recordIds().toArray(String[]::new))
                        .param("outcome", event.outcome()).param("previous", event.previousHash()).param("hash", event.hash())
                        .param("received", now).update();
                last = new Last(event.seq(), event.hash());
            }
            for (AuditReplication.Checkpoint checkpoint : delivery.checkpoints() == null
                    ? List.<AuditReplication.Checkpoint>of() : delivery.checkpoints()) {
                String held = jdbc.sql("select hash from sync.node_audit_event where node_id = :node and seq = :seq")
                        .param("node", delivery.node()).param("seq", checkpoint.seq()).query(String.class).optional()
                        .orElse(null);
                if (held == null) {
                    continue; // its event comes in a later delivery, and the checkpoint with it
                }
                if (!held.equals(checkpoint.hash()) || !delivery.node().equals(checkpoint.nodeId())
                        || checkpoint.at() == null || checkpoint.seal() == null) {
                    throw foreign("Checkpoint at seq " + checkpoint.seq() + " does not name the event held there");
                }
                jdbc.sql("""
                        insert into sync.node_audit_checkpoint (node_id, seq, hash, at, seal, received_at)
                        values (:node, :seq, :hash, :at, :seal, :received) on conflict do nothing
                        """).param("node", delivery.node()).param("seq", checkpoint.seq()).param("hash", checkpoint.hash())
                        .param("at", OffsetDateTime.ofInstant(checkpoint.at(), ZoneOffset.UTC))
                        .param("seal", checkpoint.seal()).param("received", now).update();
            }
            return new Held(last.seq());
        });
    }

    private static Rejection foreign(String why) {
        return Rejection.of(Rejection.Kind.FORBIDDEN, "foreign-record", "Foreign record", why + ". Nothing was taken.");
    }
}
