package org.manfadh.bordercontrol.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;

/** The facts of a border check, as the crossing policy reads them. */
public final class CheckFacts {

    private CheckFacts() {
    }

    /**
     * What the officer asks to record.
     *
     * @param decision        null when none was given (a group's member then waits as PENDING)
     * @param reason          the refusal or referral reason given, or null
     * @param occurredAt      when the crossing happened
     * @param lateReasonGiven whether a reason for recording late was given
     * @param override        whether a supervisor's override of a failing document was given
     * @param accompanied     whether an accompanying adult or a consent document was recorded
     * @param reviewed        whether the officer has already looked at the screening's possible matches
     */
    public record Request(Direction direction, Decision decision, Reason reason, boolean inGroup, Instant occurredAt,
                          boolean lateReasonGiven, boolean override, boolean accompanied, boolean reviewed) {
        public Request {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** A reason code given with a decision, as the reference data knows it. */
    public record Reason(String code, boolean known, boolean appliesToDirection) {
        public Reason {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Who records: whether a supervisor, and the roles held (for who may record late). */
    public record Officer(boolean supervisor, Set<String> roles) {
        public Officer {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * The document as read.
     *
     * @param identified whether it names a document number, an issuing state and a surname
     * @param fails      whether it fails validation on the crossing day (an error, or expired)
     * @param dateOfBirth ISO text, possibly only {@code YYYY} or {@code YYYY-MM}, or null
     */
    public record Document(boolean identified, boolean fails, String dateOfBirth) {
    }

    /** What screening found, in the policy's own terms. */
    public enum Screened {
        CLEAR, POSSIBLE_MATCH, HIT
    }

    /**
     * A recorded crossing as a later decision finds it.
     *
     * @param documentPasses whether its document passed validation or a supervisor overrode it
     * @param referredByScreeningAlone whether screening, not the officer, referred it
     */
    public record Current(UUID id, Direction direction, Decision decision, boolean voided, boolean documentPasses,
                          boolean referredByScreeningAlone) {
        public Current {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(decision, "decision");
        }

        /** Whether it still waits for its final decision. */
        public boolean open() {
            return decision == Decision.REFERRED || decision == Decision.PENDING;
        }
    }
}
