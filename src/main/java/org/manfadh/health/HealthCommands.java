package org.manfadh.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.HealthOutcome;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients ask the health module to do, as they send it. */
public final class HealthCommands {

    private HealthCommands() {
    }

    /**
     * A new outbreak alert. {@code monitoringDays} defaults to the disease's window; {@code source} to WHO.
     * Creating one also creates its screening rule from the disease's profile, which the health officer may change.
     */
    public record CreateAlert(
            @NotBlank(message = "is required: a disease code such as EBOLA") @Size(max = 40) String disease,
            @NotNull(message = "is required: ICAO country codes") @Size(min = 1, max = 60) List<@NotBlank @Size(max = 3) String> countries,
            @Size(max = 100) @Valid List<Alert.Region> regions,
            @Min(1) @Max(60) Integer monitoringDays,
            @NotNull(message = "is required") LocalDate validFrom,
            LocalDate validUntil,
            AlertSource source,
            @Valid Alert.Texts measures) {
    }

    /** Ends an alert: from the day given (today when absent) it applies no more. */
    public record EndAlert(
            @NotBlank(message = "is required") @Size(max = 1000) String reason,
            LocalDate validUntil) {
    }

    /** A screening rule, new or changed; fields left out of a change keep their value. */
    public record RuleInput(
            @Size(max = 40) String code,
            UUID alertId,
            @Valid Alert.Texts name,
            @Size(max = 100) List<@NotBlank @Size(max = 3) String> countries,
            @Size(max = 4) List<Route> routes,
            @Min(0) @Max(60) Integer windowDays,
            Boolean measureTemperature,
            BigDecimal feverFromC,
            @Size(max = 30) List<Symptom> symptoms,
            @Size(max = 10) List<Exposure> exposures,
            Boolean yellowFeverCertificate,
            HealthOutcome onFever,
            HealthOutcome onSymptom,
            HealthOutcome onExposure,
            HealthOutcome onNoCertificate,
            @Size(max = 200) String referralFacility,
            Boolean active) {
    }

    /**
     * A screening recorded against a crossing already in the register: the crossing's id and the screening's fields
     * as at the booth ({@link HealthScreening}).
     */
    public record RecordScreening(
            @NotNull(message = "is required") UUID crossingId,
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

        public RecordScreening(UUID crossingId, HealthScreening screening) {
            this(crossingId, screening.temperatureC(), screening.symptoms(), screening.exposures(),
                    screening.yellowFeverCertificate(), screening.outcome(), screening.facility(), screening.notes(),
                    screening.address(), screening.phone());
        }

        /** The screening as the booth gives it with a crossing. */
        public HealthScreening screening() {
            return new HealthScreening(temperatureC, symptoms, exposures, yellowFeverCertificate, outcome, facility,
                    notes, address, phone);
        }
    }

    /** A health officer's decision on a traveller held for health. */
    public record DecideHold(
            @NotNull(message = "is required: CLEARED, REFERRED or ISOLATED") HoldOutcome outcome,
            @Size(max = 200) String facility,
            @Size(max = 2000) String notes) {
    }
}
