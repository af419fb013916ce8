package org.manfadh.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Health screenings and the holds they make. The details (temperature, symptoms, exposures, notes, address, phone)
 * are the health officer's alone, and every read of them is audited; others see only cleared or held.
 */
public interface HealthScreenings {

    /** A screening with its details, as a health officer reads it. */
    record Detail(UUID id, UUID crossingId, UUID travellerId, String borderPoint, Instant occurredAt,
                  List<UUID> alertIds, List<String> ruleCodes, List<String> exposureCountries, LocalDate lastExposureOn,
                  BigDecimal temperatureC, List<Symptom> symptoms, List<Exposure> exposures,
                  String yellowFeverCertificate, HealthOutcome outcome, String facility, String notes, String address,
                  String phone, String screenedBy, Instant screenedAt, List<Decision> decisions, boolean held) {
    }

    /** A health officer's decision on the hold. */
    record Decision(UUID id, HoldOutcome outcome, String facility, String notes, String decidedBy, Instant decidedAt) {
    }

    /** A traveller held for health, for the queue: who, where, since when and why, without the details. */
    record Held(UUID crossingId, UUID travellerId, String travellerName, String nationality, String borderPoint,
                Instant occurredAt, HealthOutcome outcome, List<String> diseases, Instant screenedAt,
                HoldOutcome lastDecision) {
    }

    /** Records a screening against a crossing already in the register (one per crossing). */
    Detail record(HealthCommands.RecordScreening request, Caller caller);

    /** The screening of a crossing with its details; audited. Refused to anyone but a health officer. */
    Optional<Detail> detail(UUID crossingId, Caller caller);

    /** Travellers held for health, oldest first, at a border point or every one of the caller's jurisdiction. */
    Page<Held> held(String borderPoint, PageRequest page, Caller caller);

    /** A health officer's decision on a held traveller. */
    Detail decide(UUID crossingId, HealthCommands.DecideHold request, Caller caller);
}
