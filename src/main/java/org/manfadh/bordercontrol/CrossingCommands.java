package org.manfadh.bordercontrol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.referencedata.Authority;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What clients ask the border control register to do, as they send it. */
public final class CrossingCommands {

    /** Ten years: no stay, rule, window or extension is granted for longer in one go. */
    static final String DAYS_BOUND = "is more than " + StayRule.MAX_DAYS + " days";

    private CrossingCommands() {
    }

    /** One crossing, as an officer records it. The client's id makes a repeated request harmless. */
    public record RecordCrossing(
            @NotNull(message = "is required: a UUID chosen by the client") UUID id,
            @NotBlank(message = "is required") String borderPoint,
            @NotNull(message = "is required: ENTRY or EXIT") Direction direction,
            Instant occurredAt,
            @Size(max = 500) String lateReason,
            @Size(max = 1000, message = "is longer than any machine readable zone") String mrz,
            @Valid ManualDocument document,
            @Size(max = 200) String nameOriginalScript,
            Purpose purpose,
            @Valid Transport transport,
            Decision decision,
            @Size(max = 1) String reasonCode,
            @Size(max = 2000) String note,
            List<VulnerabilityIndicator> vulnerability,
            @Size(max = 500) String protectionReferral,
            @Valid VisaInput visa,
            UUID groupId,
            @Size(max = 200) String accompaniedBy,
            @Size(max = 200) String consentDocument,
            @Valid Override override,
            /** The officer saw the screening's possible matches and decided on them (hits still wait for a supervisor). */
            Boolean screeningReviewed,
            /** The countries the traveller declares having been in lately, for health screening rules. */
            @Size(max = 20) List<@Valid VisitedCountry> visited,
            /** The health screening done at the booth, when a health rule applies to the entry. */
            @Valid HealthScreening healthScreening) {
    }

    /** A country a traveller declares having been in, and the day they left it when they say. */
    public record VisitedCountry(
            @NotBlank(message = "is required: an ICAO country code") @Size(max = 3) String country,
            LocalDate left) {
    }

    /**
     * A health screening at the booth: what was measured and answered, what follows, and how to reach the
     * traveller during follow-up. Symptom and exposure codes are the health module's.
     *
     * @param yellowFeverCertificate VALID, INVALID or NONE, when the rule asks for it
     */
    public record HealthScreening(
            @DecimalMin(value = "30.0", message = "is below 30.0 °C: measure again")
            @DecimalMax(value = "45.0", message = "is above 45.0 °C: measure again") BigDecimal temperatureC,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> symptoms,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> exposures,
            @Size(max = 10) String yellowFeverCertificate,
            @NotNull(message = "is required: CLEARED, SECONDARY, REFERRED or ISOLATED") HealthOutcome outcome,
            @Size(max = 200) String facility,
            @Size(max = 2000) String notes,
            @Size(max = 500) String address,
            @Size(max = 40) String phone) {
    }

    /** A document typed by hand, for documents without a machine readable zone or one that cannot be read. */
    public record ManualDocument(
            @Size(max = 2) String documentCode,
            @Size(max = 3) String issuingState,
            @Size(max = 40) String documentNumber,
            @Size(max = 100) String surname,
            @Size(max = 100) String givenNames,
            @Size(max = 3) String nationality,
            @Size(max = 10) String dateOfBirth,
            @Size(max = 1) String sex,
            @Size(max = 10) String dateOfExpiry) {
    }

    /**
     * How the traveller came: the flight, bus, vehicle or vessel, where it set out from and the countries it
     * passed through (ICAO codes).
     */
    public record Transport(TransportMode mode, @Size(max = 40) String reference, @Size(max = 3) String origin,
                            @Size(max = 10) List<@NotBlank @Size(max = 3) String> via) {

        public Transport(TransportMode mode, String reference) {
            this(mode, reference, null, null);
        }
    }

    public record VisaInput(
            @NotBlank(message = "is required") @Size(max = 40) String number,
            @NotNull(message = "is required") VisaType type,
            LocalDate validFrom,
            LocalDate validUntil,
            @Positive @Max(value = StayRule.MAX_DAYS, message = DAYS_BOUND) Integer permittedStayDays,
            @Positive Integer entriesAllowed,
            Authority issuingAuthority) {
    }

    /** A supervisor's decision to admit on a document that fails validation. */
    public record Override(@NotBlank(message = "is required") @Size(max = 1000) String reason) {
    }

    /** A later decision on a crossing: the final decision on a referral, or a correction. */
    public record DecideCrossing(
            @NotNull(message = "is required") Decision decision,
            @Size(max = 1) String reasonCode,
            @Size(max = 2000) String note,
            List<VulnerabilityIndicator> vulnerability,
            @Size(max = 500) String protectionReferral,
            @Valid Override override) {
    }

    /** A correction of a recorded crossing; fields left out keep their value. */
    public record AmendCrossing(
            @NotBlank(message = "is required") @Size(max = 1000) String reason,
            String borderPoint,
            Direction direction,
            Instant occurredAt,
            Purpose purpose) {
    }

    public record VoidCrossing(@NotBlank(message = "is required") @Size(max = 1000) String reason) {
    }

    public record OpenGroup(
            @NotNull(message = "is required: a UUID chosen by the client") UUID id,
            @NotBlank(message = "is required") String borderPoint,
            @NotNull(message = "is required: ENTRY or EXIT") Direction direction,
            @NotNull(message = "is required") GroupKind kind,
            @Size(max = 40) String vehicle,
            @Size(max = 200) String leaderName,
            @Size(max = 40) String leaderDocument) {
    }

    public record DecideGroup(
            @NotNull(message = "is required") Decision decision,
            @Size(max = 1) String reasonCode,
            @Size(max = 2000) String note) {
    }

    public record AddVisa(@NotNull @Valid VisaInput visa) {
    }

    public record ExtendVisa(
            @NotNull(message = "is required") @Positive @Max(value = StayRule.MAX_DAYS, message = DAYS_BOUND) Integer extraDays,
            @NotBlank(message = "is required") @Size(max = 1000) String reason) {
    }

    public record AddStayRule(
            @Size(min = 1, max = 3) String nationality,
            VisaType visaType,
            @NotNull(message = "is required") @Positive @Max(value = StayRule.MAX_DAYS, message = DAYS_BOUND) Integer permittedDays,
            @Positive @Max(value = StayRule.MAX_DAYS, message = DAYS_BOUND) Integer windowDays,
            @NotNull(message = "is required") LocalDate effectiveFrom,
            @Size(max = 500) String note) {
    }

    public record IdentityDecision(@NotBlank(message = "is required") @Size(max = 1000) String reason) {
    }
}
