package org.manfadh.bordercontrol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.manfadh.screening.ScreeningResult;

import tools.jackson.databind.JsonNode;

/**
 * A crossing as it stands: its facts with their corrections applied, its latest decision, whether
 * it is void, the document as read, how the document was tied to its traveller, and, once shown,
 * the traveller's stay and the screening done when it was recorded. The one shape of a crossing
 * the module speaks, in its API and to other modules.
 *
 * @param occurredAtLocal the same moment on the clock of the border (Asia/Baghdad), as officers read it
 * @param decision        the latest decision; {@code decidedBy} and {@code decidedAt} say whose and when
 * @param corrections     how many corrections of its facts it has had (a void is not counted)
 * @param stay            the traveller's stay as of now (or the day asked), null until shown
 * @param screening       the screening done when it was recorded, with its hits as they stand; null until shown
 * @param health          cleared or held for health, when it was screened for health; null when it was not, or until shown
 */
public record Crossing(
        UUID id,
        UUID travellerId,
        UUID nodeId,
        String borderPoint,
        Direction direction,
        Instant occurredAt,
        OffsetDateTime occurredAtLocal,
        Instant recordedAt,
        Decision decision,
        String reasonCode,
        String note,
        List<VulnerabilityIndicator> vulnerability,
        String protectionReferral,
        String decidedBy,
        Instant decidedAt,
        Purpose purpose,
        Transport transport,
        UUID groupId,
        UUID visaId,
        String officer,
        List<CrossingFlag> flags,
        boolean voided,
        String voidReason,
        int corrections,
        String lateReason,
        String overrideReason,
        boolean minor,
        String accompaniedBy,
        String consentDocument,
        boolean documentValid,
        Identity identity,
        StayView stay,
        JsonNode document,
        ScreeningResult screening,
        HealthStatus health) {

    public Crossing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(decision, "decision");
        vulnerability = List.copyOf(vulnerability);
        flags = List.copyOf(flags);
    }

    /** How the traveller arrived: the flight, bus, vehicle or vessel, where it set out from and the countries it passed through. */
    public record Transport(TransportMode mode, String reference, String origin, List<String> via) {

        public Transport {
            via = via == null ? List.of() : List.copyOf(via);
        }

        public Transport(TransportMode mode, String reference) {
            this(mode, reference, null, List.of());
        }
    }

    /** How the document was tied to its traveller, and how sure that is. */
    public record Identity(UUID documentId, LinkBasis linkBasis, BigDecimal confidence) {
    }

    /** The traveller's stay as of now (or the day asked for). */
    public record StayView(String basis, boolean present, LocalDate lastLegalDay, Integer daysUsed,
                           Integer daysRemaining, boolean overstay, long daysOver) {
    }

    /** Whether it still waits for its final decision: referred, or a group's member awaiting the group's. */
    public boolean open() {
        return decision == Decision.REFERRED || decision == Decision.PENDING;
    }

    /** Whether its document passes for admission: valid, or a supervisor overrode it. */
    public boolean documentPasses() {
        return documentValid || overrideReason != null;
    }

    /** The same crossing with these flags, in the flags' own order. */
    public Crossing withFlags(Collection<CrossingFlag> newFlags) {
        Set<CrossingFlag> ordered = EnumSet.noneOf(CrossingFlag.class);
        ordered.addAll(newFlags);
        return new Crossing(id, travellerId, nodeId, borderPoint, direction, occurredAt, occurredAtLocal, recordedAt,
                decision, reasonCode, note, vulnerability, protectionReferral, decidedBy, decidedAt, purpose, transport,
                groupId, visaId, officer, List.copyOf(ordered), voided, voidReason, corrections, lateReason,
                overrideReason, minor, accompaniedBy, consentDocument, documentValid, identity, stay, document,
                screening, health);
    }

    /** The same crossing shown with the traveller's stay and its screening. */
    public Crossing shown(StayView stay, ScreeningResult screening) {
        return new Crossing(id, travellerId, nodeId, borderPoint, direction, occurredAt, occurredAtLocal, recordedAt,
                decision, reasonCode, note, vulnerability, protectionReferral, decidedBy, decidedAt, purpose, transport,
                groupId, visaId, officer, flags, voided, voidReason, corrections, lateReason, overrideReason, minor,
                accompaniedBy, consentDocument, documentValid, identity, stay, document, screening, health);
    }

    /** The same crossing with its health part as officers see it (null: not screened for health). */
    public Crossing withHealth(HealthStatus status) {
        return new Crossing(id, travellerId, nodeId, borderPoint, direction, occurredAt, occurredAtLocal, recordedAt,
                decision, reasonCode, note, vulnerability, protectionReferral, decidedBy, decidedAt, purpose, transport,
                groupId, visaId, officer, flags, voided, voidReason, corrections, lateReason, overrideReason, minor,
                accompaniedBy, consentDocument, documentValid, identity, stay, document, screening, status);
    }
}
