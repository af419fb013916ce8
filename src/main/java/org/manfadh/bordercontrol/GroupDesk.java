package org.manfadh.bordercontrol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.manfadh.bordercontrol.CrossingCommands.DecideGroup;
import org.manfadh.bordercontrol.CrossingCommands.OpenGroup;

/**
 * Groups that cross together: opened, their members recorded one by one, decided together.
 */
public interface GroupDesk {

    public record GroupView(UUID id, UUID nodeId, String borderPoint, String direction, String kind, String vehicle,
                            String leaderName, String leaderDocument, String openedBy, Instant openedAt,
                            String closedBy, Instant closedAt, List<Crossing> members) {
    }

    /** What a group decision did: members decided, and members left for a decision one by one, with why. */
    public record GroupDecision(GroupView group, List<UUID> decided, List<Skipped> skipped) {
    }

    public record Skipped(UUID crossingId, String reason) {
    }

    public record Opened(GroupView group, boolean created) {
    }

    /** A group still taking members, as the booth lists them. */
    public record OpenGroupView(UUID id, String borderPoint, String direction, String kind, String vehicle,
                                String leaderName, String openedBy, Instant openedAt, int members) {
    }

    Opened open(OpenGroup request, Caller caller);

    /** The groups still open where the caller works, newest first. */
    List<OpenGroupView> openGroups(Caller caller);

    GroupView group(UUID id, Caller caller);

    GroupView close(UUID id, Caller caller);

    /**
     * Decides every member still awaiting a decision. A member whose document fails validation is
     * not admitted with the others: it is left, with the reason, for a decision of its own.
     */
    GroupDecision decide(UUID id, DecideGroup request, Caller caller);
}
