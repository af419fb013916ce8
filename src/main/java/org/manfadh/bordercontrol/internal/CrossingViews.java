package org.manfadh.bordercontrol.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.stay.StayStatus;
import org.manfadh.screening.Screening;
import org.springframework.stereotype.Component;

/** Crossings as they are shown: with the traveller's stay, the crossing's screening and its health part. */
@Component
class CrossingViews {

    private final Crossings crossings;
    private final StayService stays;
    private final Screening screening;
    private final HealthGate health;

    CrossingViews(Crossings crossings, StayService stays, Screening screening, HealthGate health) {
        this.health = health;
        this.crossings = crossings;
        this.stays = stays;
        this.screening = screening;
    }

    Optional<Crossing> crossing(UUID id, LocalDate asOf) {
        return crossings.find(id).map(c -> shown(c, stay(stays.compute(c.travellerId(), asOf).status())));
    }

    /** The crossing with a stay already worked out in the same transaction. */
    Optional<Crossing> crossing(UUID id, StayStatus stay) {
        return crossings.find(id).map(c -> shown(c, stay(stay)));
    }

    Crossing shown(Crossing crossing, Crossing.StayView stay) {
        return crossing.shown(stay, screening.screeningOf(crossing.id()).orElse(null))
                .withHealth(health.status(crossing.id()).orElse(null));
    }

    static Crossing.StayView stay(StayStatus s) {
        return new Crossing.StayView(s.basis() == null ? null : s.basis().name(), s.present(), s.lastLegalDay(),
                s.daysUsed(), s.daysRemaining(), s.overstay(), s.daysOver());
    }
}
