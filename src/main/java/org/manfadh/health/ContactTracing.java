package org.manfadh.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.bordercontrol.TransportMode;

/**
 * The contact-tracing manifest of a crossing (the index case): those who shared its flight, bus, vehicle or vessel
 * that day, and apart from them those at its border point within hours of it, each with where health's follow-up of
 * them stands. From the register, read through {@code bordercontrol.TravelContacts}, in the caller's jurisdiction;
 * audited as a read of personal data.
 */
public interface ContactTracing {

    /** The most hours either side of the index crossing the border point's list looks. */
    int MAX_HOURS = 72;

    /**
     * Where health's follow-up of a traveller stands.
     *
     * @param screened         whether the crossing was screened for health
     * @param screeningOutcome the screening's outcome, or null
     * @param lastOutcome      the latest follow-up contact's outcome under any alert, or null
     * @param lastContactedAt  when that contact was made, or null
     */
    record FollowUpState(boolean screened, HealthOutcome screeningOutcome, FollowUps.Outcome lastOutcome,
                         Instant lastContactedAt) {
    }

    /** A crossing on the manifest. */
    record Person(UUID crossingId, UUID travellerId, String surname, String givenNames, String nationality,
                  String borderPoint, Direction direction, Instant occurredAt, TransportMode transportMode,
                  String transportReference, Decision decision, FollowUpState followUp) {
    }

    /** The manifest; {@code sameBorderPoint} holds at most the limit asked, nearest in time first, of the total. */
    record Manifest(Person indexCase, int hours, List<Person> sameTransport, List<Person> sameBorderPoint,
                    long sameBorderPointTotal) {

        public Manifest {
            sameTransport = List.copyOf(sameTransport);
            sameBorderPoint = List.copyOf(sameBorderPoint);
        }
    }

    /** The manifest of a crossing, empty when the crossing is not the caller's to read (or voided). */
    Optional<Manifest> manifest(UUID crossingId, int hours, int limit, Caller caller);
}
