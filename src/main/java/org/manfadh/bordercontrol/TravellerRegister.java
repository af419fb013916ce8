package org.manfadh.bordercontrol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.manfadh.bordercontrol.CrossingCommands.IdentityDecision;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Travellers as the register knows them: their documents, stays, visas and crossings; searches,
 * overstays, and a supervisor's decisions on a document's link.
 */
public interface TravellerRegister {

    public record TravellerSummary(UUID id, String surname, String givenNames, String nameOriginal, String dateOfBirth,
                                   String nationality, String sex) {
    }

    public record DocumentView(UUID id, String documentCode, String issuingState, String documentNumber,
                               LocalDate dateOfExpiry, Instant firstSeenAt, LinkBasis linkBasis, BigDecimal linkConfidence) {
    }

    public record VisaView(UUID id, String number, String type, String issuingAuthority, LocalDate validFrom,
                           LocalDate validUntil, Integer entriesAllowed, int entriesUsed, Integer permittedStayDays,
                           List<ExtensionView> extensions) {
    }

    public record ExtensionView(UUID id, int extraDays, LocalDate grantedOn, String reason, String grantedBy) {
    }

    public record StayPeriodView(UUID entryCrossingId, LocalDate entryDay, UUID exitCrossingId, LocalDate exitDay,
                                 String basis, UUID visaId, Integer permittedDays, LocalDate lastLegalDay,
                                 List<String> flags, long overstayedDays) {
    }

    public record TravellerView(UUID id, UUID nodeId, Instant createdAt, String surname, String givenNames,
                                String nameOriginal, String dateOfBirth, String nationality, String sex,
                                List<DocumentView> documents, Crossing.StayView stay, List<StayPeriodView> stays,
                                List<VisaView> visas, List<Crossing> crossings) {
    }

    public record OverstayView(UUID travellerId, String surname, String givenNames, String nationality,
                               String dateOfBirth, UUID entryCrossingId, LocalDate entryDay, String entryBorderPoint,
                               String authority, String governorate, String basis, LocalDate lastLegalDay,
                               long daysOver) {
    }

    /**
     * A traveller as the caller may see them: only their crossings at border points in the caller's
     * jurisdiction; a traveller without any there is not found.
     */
    TravellerView traveller(UUID id, Caller caller);

    /**
     * Travellers by document, or by name in any script (see {@link NameKeys}: the name matcher's
     * normalisation and cross-script keys), among those with a crossing in the caller's jurisdiction.
     */
    Page<TravellerSummary> search(String documentNumber, String issuingState, String name, String dateOfBirth,
            PageRequest page, Caller caller);

    /** Overstayers whose last entry was at a border point in the caller's jurisdiction. */
    Page<OverstayView> overstays(LocalDate asOf, String authority, String governorate, String nationality,
            PageRequest page, Caller caller);

    /** A supervisor confirms that a probable link of a document to its traveller is right. */
    TravellerView confirm(UUID documentId, IdentityDecision request, Caller caller);

    /** A supervisor splits a document, and its crossings, off to a traveller of its own. */
    TravellerView split(UUID documentId, IdentityDecision request, Caller caller);
}
