package org.manfadh.bordercontrol;

import java.util.UUID;

/**
 * A group (a bus, a pilgrims' group, a family) was closed: no member joins it any more. Published
 * inside the transaction that closed it, like {@link CrossingRecorded}.
 */
public record GroupClosed(UUID groupId) {

    public GroupClosed {
        if (groupId == null) {
            throw new IllegalArgumentException("groupId is required");
        }
    }
}
