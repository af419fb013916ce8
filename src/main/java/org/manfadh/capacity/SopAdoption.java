package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A step of an SOP's adoption at a border point, as recorded: the stage reached, on which version, on which day. */
public record SopAdoption(UUID id, UUID sopId, String borderPoint, AdoptionStage stage, int version, LocalDate onDate,
                          String note, String createdBy, Instant createdAt) {

    /**
     * Where a border point stands with an SOP: its latest step (by day, then as recorded), the version of that step and
     * whether a later version exists ({@code behind}), and the point's latest audit of the SOP, if any.
     */
    public record Standing(String borderPoint, UUID sopId, String sopCode, AdoptionStage stage, int version,
                           int latestVersion, boolean behind, LocalDate onDate, BigDecimal lastAuditScore,
                           LocalDate lastAuditOn) {
    }
}
