package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An audit of an SOP at a border point with its answers item by item; {@code score} is the share of the applicable
 * items met, partly met counting half, 0–100 with two decimals.
 */
public record SopAudit(UUID id, UUID sopId, String sopCode, int version, String borderPoint, LocalDate auditedOn,
                       String auditor, BigDecimal score, String note, String createdBy, Instant createdAt,
                       List<Answer> answers) {

    public record Answer(int item, Texts text, AuditResult result, String note) {
    }
}
