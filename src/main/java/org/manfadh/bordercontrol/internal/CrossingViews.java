package org.manfadh.bordercontrol.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.internal.Crossings.CrossingRow;
import org.manfadh.bordercontrol.stay.StayStatus;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningResult;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds what the API shows of crossings. */
@Component
class CrossingViews {

    private final Crossings crossings;
    private final Travellers travellers;
    private final StayService stays;
    private final Screening screening;
    private final JsonMapper json;
    private final java.time.ZoneId zone;

    CrossingViews(Crossings crossings, Travellers travellers, StayService stays, Screening screening, JsonMapper json,
                  java.time.Clock clock) {
        this.crossings = crossings;
        this.screening = screening;
        this.travellers = travellers;
        this.stays = stays;
        this.json = json;
        this.zone = clock.getZone();
    }

    Optional<CrossingView> crossing(UUID id, LocalDate asOf) {
        return crossings.find(id).map(row -> view(row, stay(stays.compute(row.travellerId(), asOf).status())));
    }

    /** The crossing with a stay already worked out in the same transaction. */
    Optional<CrossingView> crossing(UUID id, StayStatus stay) {
        return crossings.find(id).map(row -> view(row, stay(stay)));
    }

    CrossingView view(CrossingRow row, CrossingView.StayView stay) {
        Travellers.Document document = travellers.findDocument(row.documentId()).orElseThrow();
        return view(row, stay, new CrossingView.Identity(document.id(), document.linkBasis(), document.linkConfidence()));
    }

    CrossingView view(CrossingRow row, CrossingView.StayView stay, CrossingView.Identity identity) {
        return view(row, stay, identity, screening.screeningOf(row.id()).orElse(null));
    }

    CrossingView view(CrossingRow row, CrossingView.StayView stay, CrossingView.Identity identity,
                      ScreeningResult screened) {
        return new CrossingView(row.id(), row.travellerId(), row.nodeId(), row.borderPoint(), row.direction(),
                row.occurredAt(), row.occurredAt().atZone(zone).toOffsetDateTime(), row.recordedAt(), row.decision(), row.reasonCode(), row.note(), row.vulnerability(),
                row.protectionReferral(), row.purpose(),
                row.transportMode() == null && row.transportReference() == null ? null
                        : new CrossingView.Transport(row.transportMode(), row.transportReference()),
                row.groupId(), row.visaId(), row.officer(), row.flags(), row.voided(), row.voidReason(),
                row.amendments() - (row.voided() ? 1 : 0), row.lateReason(), row.overrideReason(), row.minor(),
                row.accompaniedBy(), row.consentDocument(),
                identity, stay, json.readTree(row.documentJson()), screened);
    }

    static CrossingView.StayView stay(StayStatus s) {
        return new CrossingView.StayView(s.basis() == null ? null : s.basis().name(), s.present(), s.lastLegalDay(),
                s.daysUsed(), s.daysRemaining(), s.overstay(), s.daysOver());
    }
}
