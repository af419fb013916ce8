package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.Crossing;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.stay.Movement;
import org.manfadh.bordercontrol.stay.StayCalculator;
import org.manfadh.bordercontrol.stay.StayFacts;
import org.manfadh.bordercontrol.stay.StayPeriod;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.bordercontrol.stay.StayStatus;
import org.manfadh.bordercontrol.stay.VisaExtension;
import org.manfadh.bordercontrol.stay.VisaGrant;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Brings a traveller's stays up to date from the crossings as they stand (corrections applied,
 * voided ones and those not admitted left out), the visas held and the rules in force.
 */
@Component
class StayService {

    record Stay(List<StayPeriod> periods, StayStatus status, Map<UUID, Crossing> crossings, boolean citizen) {
    }

    private final Crossings crossings;
    private final Travellers travellers;
    private final Visas visas;
    private final StayRules rules;
    private final Stays stays;
    private final ReferenceData referenceData;
    private final ZoneId zone;

    StayService(Crossings crossings, Travellers travellers, Visas visas, StayRules rules, Stays stays,
                ReferenceData referenceData, Clock clock) {
        this.crossings = crossings;
        this.travellers = travellers;
        this.visas = visas;
        this.rules = rules;
        this.stays = stays;
        this.referenceData = referenceData;
        this.zone = clock.getZone();
    }

    /** Computes the traveller's stays and status as of a day, without writing. */
    Stay compute(UUID travellerId, LocalDate asOf) {
        return compute(travellers.find(travellerId).orElseThrow(), asOf);
    }

    private Stay compute(Travellers.Traveller traveller, LocalDate asOf) {
        UUID travellerId = traveller.id();
        Map<UUID, Crossing> byId = new HashMap<>();
        List<Movement> movements = movements(crossings.factsOfTraveller(travellerId), byId);
        List<VisaGrant> grants = grants(travellerId);
        StayFacts facts = new StayFacts(traveller.nationality(), isCitizen(traveller));
        List<StayPeriod> periods = StayCalculator.periods(facts, movements, grants, rules());
        return new Stay(periods, StayCalculator.status(facts, periods, asOf), byId, facts.citizen());
    }

    /**
     * The stay flags a crossing made now would take once admitted, worked out without writing: the
     * traveller's history as it stands (all of it, as the recording will use it) and this crossing
     * after it. For a traveller not yet known, the history is this crossing alone.
     */
    java.util.Set<org.manfadh.bordercontrol.CrossingFlag> expectedFlags(UUID travellerId, String nationality,
                                                                       String issuingState, Direction direction,
                                                                       java.time.Instant at) {
        UUID probe = new UUID(0, 0);
        Movement now = new Movement(probe, direction, at.atZone(zone).toLocalDate(), at, null);
        List<Movement> movements = new ArrayList<>();
        List<VisaGrant> grants = List.of();
        boolean citizen = citizen(nationality, List.of(issuingState == null ? "" : issuingState));
        String stayNationality = nationality;
        if (travellerId != null) {
            Travellers.Traveller traveller = travellers.find(travellerId).orElseThrow();
            movements.addAll(movements(crossings.factsOfTraveller(travellerId), new HashMap<>()));
            grants = grants(travellerId);
            citizen = citizen || isCitizen(traveller);
            stayNationality = traveller.nationality();
        }
        movements.add(now);
        List<StayPeriod> periods = StayCalculator.periods(new StayFacts(stayNationality, citizen), movements, grants,
                rules());
        return org.manfadh.bordercontrol.policy.CrossingPolicy.stayFlags(probe, direction, periods, citizen);
    }

    private List<Movement> movements(List<Crossing> history, Map<UUID, Crossing> byId) {
        List<Movement> movements = new ArrayList<>();
        for (Crossing c : history) {
            byId.put(c.id(), c);
            if (!c.voided() && c.decision() == Decision.ADMITTED) {
                movements.add(new Movement(c.id(), c.direction(), day(c), c.occurredAt(), c.visaId()));
            }
        }
        return movements;
    }

    private List<VisaGrant> grants(UUID travellerId) {
        Map<UUID, List<VisaExtension>> extensions = new HashMap<>();
        for (Visas.Extension e : visas.extensionsOfTraveller(travellerId)) {
            extensions.computeIfAbsent(e.visaId(), k -> new ArrayList<>())
                    .add(new VisaExtension(e.id(), e.grantedOn(), e.extraDays()));
        }
        return visas.ofTraveller(travellerId).stream()
                .map(v -> new VisaGrant(v.id(), VisaType.valueOf(v.type()), v.validFrom(), v.validUntil(),
                        v.permittedStayDays(), v.entriesAllowed(), extensions.getOrDefault(v.id(), List.of())))
                .toList();
    }

    /** Recomputes and stores the traveller's stays; the caller holds the traveller's lock. */
    Stay rebuild(UUID travellerId, LocalDate asOf) {
        Travellers.Traveller traveller = travellers.find(travellerId).orElseThrow();
        Stay stay = compute(traveller, asOf);
        stays.replace(travellerId, rows(travellerId, traveller.nationality(), stay.periods(),
                id -> referenceData.borderPoint(stay.crossings().get(id).borderPoint()).orElseThrow()));
        return stay;
    }

    /**
     * The stays of a traveller first seen in this transaction, worked out and stored without reading
     * anything back: their whole history is this one crossing and the visa it presented.
     */
    Stay firstCrossing(Travellers.Traveller traveller, String documentIssuer, Crossing crossing, Visas.Visa visa,
                       LocalDate asOf) {
        List<Movement> movements = !crossing.voided() && crossing.decision() == Decision.ADMITTED
                ? List.of(new Movement(crossing.id(), crossing.direction(), day(crossing),
                        crossing.occurredAt(), crossing.visaId()))
                : List.of();
        List<VisaGrant> grants = visa == null ? List.of()
                : List.of(new VisaGrant(visa.id(), VisaType.valueOf(visa.type()), visa.validFrom(), visa.validUntil(),
                        visa.permittedStayDays(), visa.entriesAllowed(), List.of()));
        StayFacts facts = new StayFacts(traveller.nationality(),
                citizen(traveller.nationality(), List.of(documentIssuer)));
        List<StayPeriod> periods = StayCalculator.periods(facts, movements, grants, rules());
        return new Stay(periods, StayCalculator.status(facts, periods, asOf), Map.of(crossing.id(), crossing),
                facts.citizen());
    }

    void storeFirst(Travellers.Traveller traveller, Stay stay) {
        stays.insert(rows(traveller.id(), traveller.nationality(), stay.periods(),
                id -> referenceData.borderPoint(stay.crossings().get(id).borderPoint()).orElseThrow()));
    }

    /** The stay rules as the calculation takes them. */
    List<StayRule> rules() {
        return rules.all().stream()
                .map(r -> new StayRule(r.id(), r.nationality(), r.visaType() == null ? null : VisaType.valueOf(r.visaType()),
                        r.permittedDays(), r.windowDays(), r.effectiveFrom()))
                .toList();
    }

    /**
     * The stored form of a traveller's stays: one row for each stay that has an entry, placed at
     * the entry's border point.
     */
    static List<Stays.StayRow> rows(UUID travellerId, String nationality, List<StayPeriod> periods,
                                    Function<UUID, BorderPoint> entryPoint) {
        List<Stays.StayRow> rows = new ArrayList<>();
        for (StayPeriod p : periods) {
            if (p.entryCrossingId() == null) {
                continue;
            }
            BorderPoint point = entryPoint.apply(p.entryCrossingId());
            rows.add(new Stays.StayRow(travellerId, p.entryCrossingId(), p.entryDay(), p.exitCrossingId(), p.exitDay(),
                    p.basis().name(), p.visaId(), p.ruleId(), p.permittedDays(), p.lastLegalDay(),
                    p.flags().stream().map(Enum::name).sorted().toList(), point.authority().name(),
                    point.governorate(), point.code(), nationality,
                    p.covers().stream().map(c -> new Stays.Cover(c.from(), c.lastLegalDay())).toList()));
        }
        return rows;
    }

    LocalDate day(Crossing c) {
        return c.occurredAt().atZone(zone).toLocalDate();
    }

    /** Iraqi citizens travel on an Iraqi passport or the Iraqi national identity card: no stay limit. */
    private boolean isCitizen(Travellers.Traveller traveller) {
        return citizen(traveller.nationality(),
                travellers.documentsOf(traveller.id()).stream().map(Travellers.Document::issuingState).toList());
    }

    /** An Iraqi national travelling on a document Iraq issued. */
    static boolean citizen(String nationality, Collection<String> documentIssuers) {
        return "IRQ".equals(nationality) && documentIssuers.contains("IRQ");
    }
}
