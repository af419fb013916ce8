package org.manfadh.sync.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.sync.Sender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** At headquarters: how far each node's records have been applied. */
@Repository
class NodeProgress {

    record Node(UUID nodeId, String borderPoint, long lastSeq, long records, Instant lastContact) {
    }

    private final JdbcClient jdbc;

    NodeProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node's row as locked for a batch: how far it has been applied, its border point and its credential. */
    record Locked(long lastSeq, String borderPoint, String username) {
    }

    /**
     * The node's row, locked until the transaction ends: one batch of a node at a time. A node seen for
     * the first time is bound to {@code username} (null: to none yet, for a batch delivered by hand) and
     * to its border point; a row from before credentials were bound takes the first one that locks it.
     */
    Locked lock(UUID nodeId, String borderPoint, String username, Instant at) {
        jdbc.sql("""
                insert into sync.node_progress (node_id, border_point, last_seq, records, last_contact, username)
                values (:node, :point, 0, 0, :at, :username) on conflict (node_id) do nothing
                """).param("node", nodeId).param("point", borderPoint).param("at", utc(at)).param("username", username)
                .update();
        Locked locked = jdbc.sql("select last_seq, border_point, username from sync.node_progress where node_id = :node for update")
                .param("node", nodeId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        if (locked.username() == null && username != null) {
            jdbc.sql("update sync.node_progress set username = :username where node_id = :node")
                    .param("username", username).param("node", nodeId).update();
            return new Locked(locked.lastSeq(), locked.borderPoint(), username);
        }
        return locked;
    }

    /**
     * {@link #lock}, for a sender: a node credential other than the one the node is bound to, or a border point
     * other than the node's, is refused with 403 {@code foreign-node}, and nothing is bound.
     */
    Locked lockFor(UUID nodeId, String borderPoint, Sender sender, Instant at) {
        Locked locked = lock(nodeId, borderPoint, sender.node() ? sender.username() : null, at);
        if (sender.node() && !sender.username().equals(locked.username())) {
            throw foreignNode("Node " + nodeId + " belongs to another credential; account " + sender.username()
                    + " may not send under it.");
        }
        if (locked.borderPoint() != null && !locked.borderPoint().equals(borderPoint)) {
            throw foreignNode("Node " + nodeId + " is the node of border point " + locked.borderPoint() + ", not of "
                    + borderPoint + ".");
        }
        return locked;
    }

    static Rejection foreignNode(String detail) {
        return Rejection.of(Rejection.Kind.FORBIDDEN, "foreign-node", "Another node's id", detail);
    }

    /** The nodes bound to a credential. */
    List<UUID> nodesOf(String username) {
        return jdbc.sql("select node_id from sync.node_progress where username = :username order by node_id")
                .param("username", username).query(UUID.class).list();
    }

    /** The credential a node is bound to, if it is known and bound. */
    java.util.Optional<String> credentialOf(UUID nodeId) {
        return jdbc.sql("select username from sync.node_progress where node_id = :node and username is not null")
                .param("node", nodeId).query(String.class).optional();
    }

    void advance(UUID nodeId, String borderPoint, long seq, int applied, Instant at) {
        jdbc.sql("""
                update sync.node_progress set last_seq = greatest(last_seq, :seq), records = records + :applied,
                       last_contact = :at, border_point = coalesce(:point, border_point)
                 where node_id = :node
                """).param("seq", seq).param("applied", applied).param("at", utc(at)).param("point", borderPoint)
                .param("node", nodeId).update();
    }

    /** A list version a node said it holds. */
    record Held(UUID watchlistId, long version) {
    }

    /** The list versions each node said it holds when it last asked headquarters for news. */
    java.util.Map<UUID, List<Held>> watchlistsByNode() {
        java.util.Map<UUID, List<Held>> byNode = new java.util.HashMap<>();
        jdbc.sql("select node_id, watchlist_id, version from sync.node_watchlist order by node_id, watchlist_id")
                .query((rs, n) -> {
                    byNode.computeIfAbsent(rs.getObject("node_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new Held(rs.getObject("watchlist_id", UUID.class), rs.getLong("version")));
                    return null;
                }).list();
        return byNode;
    }

    List<Node> all() {
        return jdbc.sql("""
                        select node_id, border_point, last_seq, records, last_contact
                          from sync.node_progress order by border_point nulls last, node_id
                        """)
                .query((rs, n) -> new Node(rs.getObject("node_id", UUID.class), rs.getString("border_point"),
                        rs.getLong("last_seq"), rs.getLong("records"),
                        rs.getObject("last_contact", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
