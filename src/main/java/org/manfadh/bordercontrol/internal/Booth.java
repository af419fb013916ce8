package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.DocumentReadings;
import org.manfadh.bordercontrol.BoothDesk;
import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.access.ReadScope;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.HealthCheckpoint;
import org.manfadh.bordercontrol.CrossingCommands.Transport;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Service;

/**
 * What the primary line needs besides the reading: where the officer may record, and what the
 * register knows of the traveller in front of them — the history the officer may see, how many
 * crossings their jurisdiction hides (a count, never the crossings), and the flags the crossing will
 * take once admitted, so that the officer sees them before deciding.
 */
@Service
public class Booth implements BoothDesk {

    private final BorderJurisdiction jurisdiction;
    private final ReferenceData referenceData;
    private final Travellers travellers;
    private final Crossings crossings;
    private final TravellerService travellerViews;
    private final StayService stays;
    private final HealthGate health;
    private final Clock clock;

    Booth(BorderJurisdiction jurisdiction, ReferenceData referenceData, Travellers travellers, Crossings crossings,
          TravellerService travellerViews, StayService stays, HealthGate health, Clock clock) {
        this.health = health;
        this.jurisdiction = jurisdiction;
        this.referenceData = referenceData;
        this.travellers = travellers;
        this.crossings = crossings;
        this.travellerViews = travellerViews;
        this.stays = stays;
        this.clock = clock;
    }

    /** The border points where the caller may record, in the reference data's order. */
    public List<BorderPoint> workPoints(Caller caller) {
        ReadScope scope = jurisdiction.work(caller);
        return referenceData.borderPoints().stream().filter(p -> scope.allows(p.code())).toList();
    }

    public boolean mayWorkAt(Caller caller, String borderPoint) {
        return borderPoint != null && jurisdiction.work(caller).allows(borderPoint);
    }

    /** The traveller a document belongs to, as the recording will resolve it, read without writing. */
    public Lookup lookUp(DocumentReadings.Reading reading, Direction direction, Caller caller) {
        Instant now = clock.instant();
        Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
        UUID travellerId = travellers.findDocument(reading.issuingState(), reading.documentNumber())
                .map(Travellers.Document::travellerId).orElse(null);
        if (travellerId == null) {
            travellerId = probableTraveller(reading).orElse(null);
            if (travellerId != null) {
                flags.add(CrossingFlag.PROBABLE_IDENTITY_MATCH);
            }
        }
        if (org.manfadh.bordercontrol.policy.CrossingPolicy.possiblyMinor(reading.dateOfBirth(), LocalDate.ofInstant(now, clock.getZone()))) {
            // The booth records no companion: a minor is recorded as unaccompanied until the second line says otherwise.
            flags.add(CrossingFlag.MINOR);
            flags.add(CrossingFlag.MINOR_UNACCOMPANIED);
        }
        String nationality = reading.nationality() != null ? reading.nationality() : reading.issuingState();
        flags.addAll(stays.expectedFlags(travellerId, nationality, reading.issuingState(), direction, now));
        if (travellerId == null) {
            return new Lookup(null, 0, flags);
        }
        ReadScope scope = jurisdiction.crossings(caller);
        long elsewhere = scope.everywhere() ? 0 : crossings.countOutside(travellerId, scope.borderPointsOrNull());
        TravellerRegister.TravellerView visible = jurisdiction.travellerIn(scope, travellerId)
                ? travellerViews.traveller(travellerId, caller) : null;
        return new Lookup(visible, elsewhere, flags);
    }

    public HealthCheckpoint.Requirement health(UUID crossingId, String borderPoint, Direction direction,
                                               String nationality, Transport transport, List<VisitedCountry> visited) {
        BorderPoint point = borderPoint == null ? null : referenceData.borderPoint(borderPoint).orElse(null);
        if (point == null || direction != Direction.ENTRY) {
            return HealthCheckpoint.Requirement.NONE;
        }
        Instant now = clock.instant();
        String reference = transport == null || transport.reference() == null || transport.reference().isBlank()
                ? null : transport.reference().strip();
        return health.assess(new HealthCheckpoint.Arrival(crossingId, point.code(), direction, now,
                LocalDate.ofInstant(now, clock.getZone()), nationality, transport == null ? null : transport.mode(),
                reference, point.neighbourCountry(), transport == null ? null : transport.origin(),
                transport == null || transport.via() == null ? List.of() : transport.via(), visited));
    }

    /** A known traveller with exactly this name, full birth date and nationality, as the recording links them. */
    private Optional<UUID> probableTraveller(DocumentReadings.Reading reading) {
        String nameKey = reading.surname() == null ? "" : Travellers.nameKey(reading.surname(), reading.givenNames());
        if (reading.dateOfBirth() == null || reading.dateOfBirth().length() != 10 || nameKey.isEmpty()) {
            return Optional.empty();
        }
        String nationality = reading.nationality() != null ? reading.nationality() : reading.issuingState();
        List<Travellers.Traveller> candidates = travellers.findByIdentity(nameKey, reading.dateOfBirth(), nationality);
        return candidates.stream()
                .filter(t -> t.sex() == null || reading.sex() == null || t.sex().equals(reading.sex())
                        || "X".equals(t.sex()) || "X".equals(reading.sex()))
                .findFirst().or(() -> candidates.stream().findFirst()).map(Travellers.Traveller::id);
    }
}
