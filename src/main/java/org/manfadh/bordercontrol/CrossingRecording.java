package org.manfadh.bordercontrol;

import java.util.UUID;
import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;

/**
 * Records crossings and the decisions on them: the border check of one traveller, checked whole and
 * written in one transaction, then later decisions, corrections and voids.
 */
public interface CrossingRecording {

    /** The outcome of a recording: the crossing as it stands, and whether this request created it. */
    public record Recorded(Crossing crossing, boolean created) {
    }

    /**
     * Records a crossing: checked whole before anything is read, then under the locks of the
     * crossing and its document, the traveller resolved, screened, ruled on and written with its
     * stays, in one transaction.
     */
    Recorded record(RecordCrossing request, Caller caller);

    /** A later decision: the final decision on a referral or a group member, or a supervisor's correction. */
    Crossing decide(UUID crossingId, DecideCrossing request, Caller caller);

    /** A supervisor's correction of a crossing's facts: a new record; the original stays as it was. */
    Crossing amend(UUID crossingId, AmendCrossing request, Caller caller);

    /** A supervisor voids a crossing recorded in error: it stays in the register, marked void, and counts no more. */
    Crossing voidCrossing(UUID crossingId, VoidCrossing request, Caller caller);
}
