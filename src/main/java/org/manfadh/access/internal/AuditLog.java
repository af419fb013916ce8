package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The audit trail: records events (through the writer, which chains them in batches and returns
 * once they are stored), searches them and verifies the chain.
 */
@Service
public class AuditLog implements AuditTrail {

    public enum Action { SIGN_IN, SIGN_IN_FAILED, CHANGE, READ_PERSONAL_DATA }

    public record EventView(UUID id, long seq, UUID nodeId, Instant at, String username, String clientAddress,
                            String action, String what, List<String> recordIds, int outcome, String previousHash,
                            String hash) {
    }

    /** The chain's check: the first event that does not fit is named only when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long checked, UUID firstBrokenId, Long firstBrokenSeq) {
    }

    /** More record ids than this in one event are cut (a page of search results is at most 1000). */
    static final int MAX_RECORD_IDS = 1000;

    private final AuditEvents events;
    private final NodeIdentity node;
    private final Clock clock;
    private final AuditWriter writer;

    AuditLog(AuditEvents events, NodeIdentity node, Clock clock, AuditWriter writer) {
        this.events = events;
        this.node = node;
        this.clock = clock;
        this.writer = writer;
    }

    /** Appends one event to the chain; it is stored when this returns (see the writer). */
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

    /** Recomputes the whole chain from the first event; the first event that does not fit is named. */
    public Verification verify() {
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
                boolean fits = s.event().seq() == expectedSeq && s.previousHash().equals(previous)
                        && s.hash().equals(AuditChain.hash(previous, s.event()));
                if (!fits) {
                    return new Verification(false, checked, s.event().id(), s.event().seq());
                }
                previous = s.hash();
                expectedSeq++;
            }
        }
        // Rows cut off the end show as a head that points past the last row.
        AuditEvents.Head head = events.head();
        boolean complete = head.seq() == expectedSeq - 1 && head.hash().equals(previous);
        return new Verification(complete, checked, null, complete ? null : expectedSeq);
    }

    public Page<EventView> search(String username, String action, Instant from, Instant to, String recordId,
                                  PageRequest page) {
        return Page.of(events.search(username, action, from, to, recordId, page.size(), page.offset()).stream()
                .map(s -> new EventView(s.event().id(), s.event().seq(), s.event().nodeId(), s.event().at(),
                        s.event().username(), s.event().clientAddress(), s.event().action(), s.event().what(),
                        s.event().recordIds(), s.event().outcome(), s.previousHash(), s.hash()))
                .toList(), page, events.count(username, action, from, to, recordId));
    }
}
