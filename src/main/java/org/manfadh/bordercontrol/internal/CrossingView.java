package org.manfadh.bordercontrol.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.screening.ScreeningResult;

import tools.jackson.databind.JsonNode;

/** A crossing as the API shows it: as it stands now, with the traveller's identity and stay. */
public record CrossingView(
        UUID id,
        UUID travellerId,
        UUID nodeId,
        String borderPoint,
        String direction,
        Instant occurredAt,
        /** The same moment on the clock of the border (Asia/Baghdad), as officers read it. */
        java.time.OffsetDateTime occurredAtLocal,
        Instant recordedAt,
        String decision,
        String reasonCode,
        String note,
        List<String> vulnerability,
        String protectionReferral,
        String purpose,
        Transport transport,
        UUID groupId,
        UUID visaId,
        String officer,
        List<String> flags,
        boolean voided,
        String voidReason,
        int corrections,
        String lateReason,
        String overrideReason,
        boolean minor,
        String accompaniedBy,
        String consentDocument,
        Identity identity,
        StayView stay,
        JsonNode document,
        /** The screening done when the crossing was recorded, with its hits as they stand. */
        ScreeningResult screening) {

    public record Transport(String mode, String reference) {
    }

    /** How the document was tied to its traveller, and how sure that is. */
    public record Identity(UUID documentId, String linkBasis, BigDecimal confidence) {
    }

    /** The traveller's stay as of now (or the day asked for). */
    public record StayView(String basis, boolean present, LocalDate lastLegalDay, Integer daysUsed,
                           Integer daysRemaining, boolean overstay, long daysOver) {
    }
}
