package org.manfadh.capacity;

import java.util.UUID;

/** Standard operating procedures: versions, adoption at border points and audits. */
public interface Procedures {

    /** Creates an SOP with its first version; returns its id. */
    UUID create(CapacityCommands.CreateSop command, String username);

    /** Adds a version; returns its number. */
    int addVersion(UUID sopId, CapacityCommands.SopVersionInput command, String username);

    void recordAdoption(UUID sopId, CapacityCommands.RecordAdoption command, String username);

    /** Records an audit; returns its score, the share of applicable items met (partly counts half), 0–100. */
    java.math.BigDecimal recordAudit(UUID sopId, CapacityCommands.RecordAudit command, String username);
}
