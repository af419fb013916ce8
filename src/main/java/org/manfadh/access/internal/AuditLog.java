package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.manfadh.access.AuditLogbook;
import org.manfadh.access.AuditReplication;
import org.manfadh.access.AuditTrail;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: records events (through the writer, which chains them in batches and returns
 * once they are stored), searches them and verifies the chain.
 */
@Service
class AuditLog implements AuditTrail, AuditReplication, AuditLogbook {

    /** Why a chain does not hold; the API gives these as lower-case codes with hyphens. */
    enum Broken {
        /** An event's seq, link or hash does not fit: altered, inserted or removed, or not sealed with the key. */
        ALTERED,
        /** An event's hash differs from a checkpoint's at its seq: the chain up to there was rewritten. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint, or this server's last event, lies beyond the chain's end: events were cut off. */
        ROWS_MISSING,
        /** The chain's head row does not point at its last event. */
        HEAD_MISMATCH,
        /** A line of the checkpoint file whose seal does not hold under the key. */
        CHECKPOINT_UNSEALED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final AuditEvents events;
    private final NodeIdentity node;
    private final Clock clock;
    private final AuditWriter writer;
    private final AuditCheckpoints checkpoints;
    private final byte[] key;

    AuditLog(AuditEvents events, NodeIdentity node, Clock clock, AuditWriter writer, AuditCheckpoints checkpoints,
             AuditKey key) {
        this.events = events;
        this.node = node;
        this.clock = clock;
        this.writer = writer;
        this.checkpoints = checkpoints;
        this.key = key.bytes();
    }

    @Override
    public void record(Action action, String username, String clientAddress, String what,
                       Collection<String> recordIds, int outcome) {
        List<String> ids = recordIds.size() > MAX_RECORD_IDS
                ? List.copyOf(new ArrayList<>(recordIds).subList(0, MAX_RECORD_IDS)) : List.copyOf(recordIds);
        UUID id = Ids.newId();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String shortWhat = what.length() > 500 ? what.substring(0, 500) : what;
        writer.write(new AuditWriter.Draft(id, node.nodeId(), at, username, clientAddress, action.name(), shortWhat,
                ids, outcome));
    }

    @Override
    public void personalDataRead(String what, Collection<?> recordIds) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String client = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
        record(Action.READ_PERSONAL_DATA, user == null ? null : user.getName(), client, what,
                recordIds.stream().map(String::valueOf).toList(), 200);
    }

    /**
     * Recomputes the whole chain from the first event with the key, and holds it against the checkpoints this server
     * wrote outside the database and against the last event it wrote: events altered, inserted or removed anywhere,
     * cut off the end, or a whole table replaced (even with hashes recomputed by the unkeyed rule) do not verify.
     * Events up to the first checkpoint may carry the unkeyed rule of earlier releases.
     */
    @Override
    public Verification verify() {
        List<AuditCheckpoints.Checkpoint> sealed = checkpoints.all();
        for (AuditCheckpoints.Checkpoint c : sealed) {
            if (!c.sealed()) {
                return broken(Broken.CHECKPOINT_UNSEALED, 0, sealed.size(), sealed, null, c.seq() < 0 ? null : c.seq());
            }
        }
        // Without a checkpoint yet this server has written no keyed event: every event is of the earlier rule.
        long keyedAfter = sealed.isEmpty() ? Long.MAX_VALUE : sealed.get(0).seq();
        java.util.Map<Long, String> pinned = new java.util.HashMap<>();
        for (AuditCheckpoints.Checkpoint c : sealed) {
            pinned.putIfAbsent(c.seq(), c.hash());
        }
        long lastCheckpoint = sealed.stream().mapToLong(AuditCheckpoints.Checkpoint::seq).max().orElse(0);
        AuditWriter.Written lastWritten = writer.lastWritten();
        if (lastWritten != null) {
            pinned.putIfAbsent(lastWritten.seq(), lastWritten.hash());
        }

        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvents.Stored> batch = events.after(expectedSeq - 1, 5000);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEvents.Stored s : batch) {
                checked++;
                long seq = s.event().seq();
                boolean fits = seq == expectedSeq && s.previousHash().equals(previous)
                        && (s.hash().equals(AuditChain.keyedHash(key, previous, s.event()))
                            || (seq <= keyedAfter && s.hash().equals(AuditChain.hash(previous, s.event()))));
                if (!fits) {
                    return broken(Broken.ALTERED, checked, sealed.size(), sealed, s.event().id(), seq);
                }
                String expected = pinned.get(seq);
                if (expected != null && !expected.equals(s.hash())) {
                    return broken(Broken.CHECKPOINT_MISMATCH, checked, sealed.size(), sealed, s.event().id(), seq);
                }
                previous = s.hash();
                expectedSeq++;
            }
        }
        long end = expectedSeq - 1;
        if (lastCheckpoint > end || (lastWritten != null && lastWritten.seq() > end)) {
            return broken(Broken.ROWS_MISSING, checked, sealed.size(), sealed, null, expectedSeq);
        }
        AuditEvents.Head head = events.head();
        if (head.seq() != end || !head.hash().equals(previous)) {
            return broken(Broken.HEAD_MISMATCH, checked, sealed.size(), sealed, null, expectedSeq);
        }
        return new Verification(true, checked, sealed.size(), keyedFrom(sealed), null, null, null);
    }

    private static Verification broken(Broken reason, long checked, int checkpoints,
                                       List<AuditCheckpoints.Checkpoint> sealed, UUID id, Long seq) {
        return new Verification(false, checked, checkpoints, keyedFrom(sealed), reason.code(), id, seq);
    }

    /** The first seq written under the key, as the first checkpoint marks it. */
    private static Long keyedFrom(List<AuditCheckpoints.Checkpoint> sealed) {
        return sealed.isEmpty() ? null : sealed.get(0).seq() + 1;
    }

    /** Writes a checkpoint at the last event this server wrote, now rather than when one is due. */
    public void checkpoint() {
        writer.checkpoint();
    }

    @Override
    public List<AuditReplication.Event> eventsAfter(long seq, int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be 1 to 5000, not " + limit);
        }
        return events.after(seq, limit).stream()
                .map(s -> new AuditReplication.Event(s.event().seq(), s.event().id(), s.event().nodeId(),
                        s.event().at(), s.event().username(), s.event().clientAddress(), s.event().action(),
                        s.event().what(), s.event().recordIds(), s.event().outcome(), s.previousHash(), s.hash()))
                .toList();
    }

    @Override
    public List<AuditReplication.Checkpoint> checkpointsAfter(long seq) {
        return checkpoints.all().stream().filter(c -> c.sealed() && c.seq() > seq)
                .map(c -> new AuditReplication.Checkpoint(c.seq(), c.hash(), c.at(), c.nodeId(), c.seal())).toList();
    }

    @Override
    public Page<EventView> search(String username, Action action, Instant from, Instant to, String recordId,
                                  PageRequest page) {
        return Page.of(events.search(username, action, from, to, recordId, page.size(), page.offset()).stream()
                .map(s -> new EventView(s.event().id(), s.event().seq(), s.event().nodeId(), s.event().at(),
                        s.event().username(), s.event().clientAddress(), Action.valueOf(s.event().action()),
                        s.event().what(),
                        s.event().recordIds(), s.event().outcome(), s.previousHash(), s.hash()))
                .toList(), page, events.count(username, action, from, to, recordId));
    }
}
