package org.manfadh.capacity;

import java.util.UUID;

/** Premises upgrade projects at border points: milestones, budget and spending. */
public interface Premises {

    /** Creates a project with its milestones; returns its id. */
    UUID create(CapacityCommands.CreateProject command, String username);

    void recordSpend(UUID projectId, CapacityCommands.RecordSpend command, String username);
}
