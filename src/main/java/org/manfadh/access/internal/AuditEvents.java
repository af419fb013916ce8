package org.manfadh.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.manfadh.access.AuditLogbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored audit trail and the head of its chain. */
@Repository
class AuditEvents {

    record Head(long seq, String hash) {
    }

    record Stored(AuditChain.Event event, String previousHash, String hash) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    AuditEvents(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The end of the chain, locked until the transaction ends: writers queue here, so the chain never forks. */
    Head lockHead() {
        return jdbc.sql("select seq, hash from access.audit_chain_head for update")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    Head head() {
        return jdbc.sql("select seq, hash from access.audit_chain_head")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).single();
    }

    /** Events chained after each other, and the chain's new head: one batch of statements, one round trip. */
    void appendAll(List<Stored> chained) {
        if (chained.isEmpty()) {
            return;
        }
        List<Object[]> rows = chained.stream().map(s -> new Object[] {s.event().seq(), s.event().id(),
                s.event().nodeId(), OffsetDateTime.ofInstant(s.event().at(), ZoneOffset.UTC), s.event().username(),
                s.event().clientAddress(), s.event().action(), s.event().what(),
                s.event().recordIds().toArray(String[]::new), s.event().outcome(), s.previousHash(), s.hash()})
                .toList();
        jdbcTemplate.batchUpdate("""
                insert into access.audit_event (seq, id, node_id, at, username, client_address, action, what,
                       record_ids, outcome, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        Stored last = chained.get(chained.size() - 1);
        jdbc.sql("update access.audit_chain_head set seq = :seq, hash = :hash")
                .param("seq", last.event().seq()).param("hash", last.hash()).update();
    }

    /**
     * Events chained after {@code expected}, and the chain's new head, in one statement, so in one
     * round trip and, outside a transaction, one commit: the head moves only if it is still
     * {@code expected}, and the events go in only if it moved. False, with nothing changed, when the
     * head is elsewhere (another server wrote meanwhile, or the head was altered): the caller then
     * takes the head's lock and chains after the head as it is.
     */
    boolean appendAfter(Head expected, List<Stored> chained) {
        int n = chained.size();
        Long[] seqs = new Long[n];
        UUID[] ids = new UUID[n];
        UUID[] nodes = new UUID[n];
        String[] ats = new String[n];
        String[] usernames = new String[n];
        String[] clients = new String[n];
        String[] actions = new String[n];
        String[] whats = new String[n];
        Integer[] outcomes = new Integer[n];
        String[] previous = new String[n];
        String[] hashes = new String[n];
        // Each event's record ids as a slice [from, to] (1-based, inclusive; empty when to < from) of one flat array.
        Integer[] from = new Integer[n];
        Integer[] to = new Integer[n];
        List<String> recordIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Stored s = chained.get(i);
            AuditChain.Event e = s.event();
            seqs[i] = e.seq();
            ids[i] = e.id();
            nodes[i] = e.nodeId();
            ats[i] = e.at().toString();
            usernames[i] = e.username();
            clients[i] = e.clientAddress();
            actions[i] = e.action();
            whats[i] = e.what();
            outcomes[i] = e.outcome();
            previous[i] = s.previousHash();
            hashes[i] = s.hash();
            from[i] = recordIds.size() + 1;
            recordIds.addAll(e.recordIds());
            to[i] = recordIds.size();
        }
        Stored last = chained.get(n - 1);
        int inserted = jdbc.sql("""
                with moved as (
                    update access.audit_chain_head set seq = :seq, hash = :hash
                     where seq = :expectedSeq and hash = :expectedHash
                    returning seq
                )
                insert into access.audit_event (seq, id, node_id, at, username, client_address, action, what,
                       record_ids, outcome, previous_hash, hash)
                select e.seq, e.id, e.node_id, e.at, e.username, e.client_address, e.action, e.what,
                       coalesce((cast(:recordIds as text[]))[e.from_id : e.to_id], cast('{}' as text[])),
                       e.outcome, e.previous_hash, e.hash
                  from unnest(cast(:seqs as bigint[]), cast(:ids as uuid[]), cast(:nodes as uuid[]),
                              cast(:ats as timestamptz[]), cast(:usernames as text[]), cast(:clients as text[]),
                              cast(:actions as text[]), cast(:whats as text[]), cast(:outcomes as integer[]),
                              cast(:previous as text[]), cast(:hashes as text[]), cast(:from as integer[]),
                              cast(:to as integer[]))
                       as e(seq, id, node_id, at, username, client_address, action, what, outcome, previous_hash,
                            hash, from_id, to_id)
                 where exists (select from moved)
                 order by e.seq
                """)
                .param("seq", last.event().seq()).param("hash", last.hash())
                .param("expectedSeq", expected.seq()).param("expectedHash", expected.hash())
                .param("recordIds", recordIds.toArray(String[]::new))
                .param("seqs", seqs).param("ids", ids).param("nodes", nodes).param("ats", ats)
                .param("usernames", usernames).param("clients", clients).param("actions", actions)
                .param("whats", whats).param("outcomes", outcomes).param("previous", previous)
                .param("hashes", hashes).param("from", from).param("to", to)
                .update();
        if (inserted != 0 && inserted != n) {
            throw new IllegalStateException("The audit trail took " + inserted + " of " + n + " events");
        }
        return inserted == n;
    }

    /** Events after a sequence number, in chain order. */
    List<Stored> after(long seq, int limit) {
        return jdbc.sql("select * from access.audit_event where seq > :seq order by seq limit :limit")
                .param("seq", seq).param("limit", limit).query(AuditEvents::stored).list();
    }

    private static final String SEARCH = """
             where (cast(:username as text) is null or username = :username)
               and (cast(:action as text) is null or action = :action)
               and (cast(:from as timestamptz) is null or at >= :from)
               and (cast(:to as timestamptz) is null or at < :to)
               and (cast(:record as text) is null or record_ids @> array[cast(:record as text)])
            """;

    List<Stored> search(String username, AuditLogbook.Action action, Instant from, Instant to, String recordId,
                        int limit, long offset) {
        return jdbc.sql("select * from access.audit_event " + SEARCH + " order by seq desc limit :limit offset :offset")
                .param("username", username).param("action", action == null ? null : action.name()).param("from", utc(from)).param("to", utc(to))
                .param("record", recordId).param("limit", limit).param("offset", offset)
                .query(AuditEvents::stored).list();
    }

    long count(String username, AuditLogbook.Action action, Instant from, Instant to, String recordId) {
        return jdbc.sql("select count(*) from access.audit_event " + SEARCH)
                .param("username", username).param("action", action == null ? null : action.name()).param("from", utc(from)).param("to", utc(to))
                .param("record", recordId).query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(new AuditChain.Event(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("node_id", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("username"), rs.getString("client_address"), rs.getString("action"),
                rs.getString("what"), Arrays.asList((String[]) rs.getArray("record_ids").getArray()),
                rs.getInt("outcome")), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
