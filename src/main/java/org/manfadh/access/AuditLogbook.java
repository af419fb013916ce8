package org.manfadh.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The audit trail as its keepers use it: an event recorded (by the request auditing, the sign-in),
 * the events searched and the hash chain verified (by administrators).
 */
public interface AuditLogbook {

    /** More record ids than this in one event are cut (a page of search results is at most 1000). */
    int MAX_RECORD_IDS = 1000;

    enum Action { SIGN_IN, SIGN_IN_FAILED, CHANGE, READ_PERSONAL_DATA }

    record EventView(UUID id, long seq, UUID nodeId, Instant at, String username, String clientAddress,
                     Action action, String what, List<String> recordIds, int outcome, String previousHash,
                     String hash) {
    }

    /**
     * The chain's check: how many events and checkpoints were checked, from which seq the chain is keyed, and when it
     * does not hold, why (a code: altered, rows-missing …) and the first event (or seq) that does not fit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(boolean valid, long checked, int checkpoints, Long keyedFrom, String reason,
                        UUID firstBrokenId, Long firstBrokenSeq) {
    }

    /** Appends one event to the chain; it is stored when this returns. */
    void record(Action action, String username, String clientAddress, String what, Collection<String> recordIds,
                int outcome);

    /** Events, newest first, by username, action, time window [from, to) and record id; null matches any. */
    Page<EventView> search(String username, Action action, Instant from, Instant to, String recordId,
                           PageRequest page);

    /** Recomputes the chain: whether it holds, how much was checked, and the first event that does not fit. */
    Verification verify();
}
