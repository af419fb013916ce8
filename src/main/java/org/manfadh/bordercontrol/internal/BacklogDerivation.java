package org.manfadh.bordercontrol.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.bordercontrol.CrossingBacklog.Batch;
import org.manfadh.bordercontrol.CrossingBacklog.Crossing;
import org.manfadh.bordercontrol.CrossingBacklog.Ruling;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.bordercontrol.stay.Movement;
import org.manfadh.bordercontrol.stay.StayCalculator;
import org.manfadh.bordercontrol.stay.StayFacts;
import org.manfadh.bordercontrol.stay.StayPeriod;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.bordercontrol.stay.VisaGrant;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;

/**
 * What the register derives from a backlog of crossings, as values: for each crossing the flags a
 * booth would set (with the same rules as {@link CrossingRecorder}: document validity, minors, late
 * records, visas, identity links, the screening's effect) and its decisions once screening has had
 * its say; for each traveller the stays ({@link StayCalculator}, rows as {@link StayService} stores
 * them) and the flags they put on admitted crossings. No SQL: the one place where the backlog meets
 * the recorder's rules.
 */
public final class BacklogDerivation {

    /** A crossing as it will be recorded: in time order, with its decisions and the flags known before the stays. */
    record Planned(Crossing crossing, CrossingBacklog.Traveller traveller, CrossingBacklog.Document document,
                   CrossingBacklog.Visa visa, boolean documentValid, boolean minor, List<Ruling> rulings,
                   Set<CrossingFlag> flags) {

        boolean admitted() {
            return rulings.getLast().decision() == Decision.ADMITTED;
        }
    }

    /**
     * Everything but the stays: crossings in time order, the documents linked to their holder by
     * name, birth date and nationality (a traveller's later documents), when each traveller and
     * document was first recorded, and how many crossings screening referred.
     */
    record Plan(Batch batch, List<Planned> crossings, List<List<Planned>> histories, Set<UUID> linkedDocuments,
                Map<UUID, Instant> firstRecorded, int referredByScreening) {
    }

    /** The stays of every traveller, and every crossing's flags with those the stays add. */
    record Stays(List<org.manfadh.bordercontrol.internal.Stays.StayRow> rows, Map<UUID, Set<CrossingFlag>> flags) {
    }

    private BacklogDerivation() {
    }

    /** See {@link CrossingBacklog#derive}. */
    public static CrossingBacklog.Derived preview(Batch batch, List<StayRule> rules, ZoneId zone,
                                                  BiPredicate<VisaType, Authority> visaValidAt) {
        Plan plan = plan(batch, zone, visaValidAt);
        Stays stays = stays(plan, rules, zone);
        List<CrossingBacklog.Stay> shown = stays.rows().stream().map(s -> new CrossingBacklog.Stay(s.travellerId(),
                s.entryCrossingId(), s.entryDay(), s.exitCrossingId(), s.exitDay(), s.lastLegalDay())).toList();
        return new CrossingBacklog.Derived(shown, stays.flags());
    }

    /** Checks the backlog whole and plans each crossing as if it screened clear. */
    static Plan plan(Batch batch, ZoneId zone, BiPredicate<VisaType, Authority> visaValidAt) {
        Map<UUID, CrossingBacklog.Traveller> travellers = byId(batch.travellers(), CrossingBacklog.Traveller::id, "traveller");
        Map<UUID, CrossingBacklog.Document> documents = byId(batch.documents(), CrossingBacklog.Document::id, "document");
        Map<UUID, CrossingBacklog.Visa> visas = byId(batch.visas(), CrossingBacklog.Visa::id, "visa");
        Set<UUID> groups = new HashSet<>(byId(batch.groups(), CrossingBacklog.Group::id, "group").keySet());
        byId(batch.crossings(), Crossing::id, "crossing");
        for (CrossingBacklog.Document d : batch.documents()) {
            require(travellers.containsKey(d.travellerId()), "Document " + d.id() + " belongs to no traveller of the backlog.");
        }
        for (CrossingBacklog.Visa v : batch.visas()) {
            require(travellers.containsKey(v.travellerId()), "Visa " + v.id() + " belongs to no traveller of the backlog.");
        }
        List<Crossing> ordered = new ArrayList<>(batch.crossings());
        ordered.sort(Comparator.comparing(Crossing::occurredAt).thenComparing(Crossing::id));

        List<Planned> planned = new ArrayList<>(ordered.size());
        Map<UUID, List<Planned>> histories = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> documentsSeen = new HashMap<>();
        Set<UUID> linked = new HashSet<>();
        Map<UUID, Instant> firstRecorded = new HashMap<>();
        for (Crossing c : ordered) {
            CrossingBacklog.Traveller traveller = travellers.get(c.travellerId());
            CrossingBacklog.Document document = documents.get(c.documentId());
            CrossingBacklog.Visa visa = c.visaId() == null ? null : visas.get(c.visaId());
            require(traveller != null, "Crossing " + c.id() + " names no traveller of the backlog.");
            require(document != null && document.travellerId().equals(c.travellerId()),
                    "Crossing " + c.id() + " names no document of its traveller.");
            require(c.visaId() == null || visa != null && visa.travellerId().equals(c.travellerId()),
                    "Crossing " + c.id() + " names no visa of its traveller.");
            require(c.groupId() == null || groups.contains(c.groupId()), "Crossing " + c.id() + " names no group of the backlog.");
            require(c.rulings() != null && !c.rulings().isEmpty(), "Crossing " + c.id() + " has no decision.");
            require(c.borderPoint() != null && c.direction() != null && c.occurredAt() != null && c.recordedAt() != null,
                    "Crossing " + c.id() + " lacks its border point, direction or time.");

            if (documentsSeen.computeIfAbsent(traveller.id(), k -> new HashSet<>()).add(document.id())
                    && documentsSeen.get(traveller.id()).size() > 1) {
                // The register recognises the holder of a new document by name, birth date and nationality.
                linked.add(document.id());
            }
            firstRecorded.merge(traveller.id(), c.recordedAt(), BacklogDerivation::earlier);
            firstRecorded.merge(document.id(), c.recordedAt(), BacklogDerivation::earlier);

            LocalDate day = LocalDate.ofInstant(c.occurredAt(), zone);
            Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
            List<Ruling> rulings = c.rulings();
            if (c.lateReason() != null) {
                flags.add(CrossingFlag.LATE_RECORD);
            }
            boolean valid = document.dateOfExpiry() == null || !document.dateOfExpiry().isBefore(day);
            if (!valid) {
                flags.add(CrossingFlag.DOCUMENT_INVALID);
            }
            boolean minor = org.manfadh.bordercontrol.policy.CrossingPolicy.possiblyMinor(traveller.dateOfBirth(), day);
            if (minor) {
                flags.add(CrossingFlag.MINOR);
                if (Texts.blankToNull(c.accompaniedBy()) == null
                        && Texts.blankToNull(c.consentDocument()) == null) {
                    flags.add(CrossingFlag.MINOR_UNACCOMPANIED);
                }
            }
            if (visa != null && !visaValidAt.test(visa.type(), c.borderPoint().authority())) {
                flags.add(CrossingFlag.VISA_NOT_VALID_HERE);
            }
            Planned p = new Planned(c, traveller, document, visa, valid, minor, rulings, flags);
            planned.add(p);
            histories.computeIfAbsent(traveller.id(), k -> new ArrayList<>()).add(p);
        }
        for (Planned p : planned) {
            if (linked.contains(p.document().id())) {
                p.flags().add(CrossingFlag.PROBABLE_IDENTITY_MATCH);
            }
        }
        return new Plan(batch, planned, List.copyOf(histories.values()), linked, firstRecorded, 0);
    }

    /**
     * The plan once the crossings are screened, with the screening's effect as at a booth: a hit or
     * possible match flags the crossing, and one nobody reviewed refers a crossing that was to be
     * admitted (or awaited its group's decision) to the second line. What the source decided after
     * the initial decision did not see the match and is not taken.
     */
    static Plan withScreenings(Plan plan, Map<UUID, ScreeningResult> screened) {
        List<Planned> crossings = new ArrayList<>(plan.crossings().size());
        Map<UUID, List<Planned>> histories = new LinkedHashMap<>();
        int referred = 0;
        for (Planned p : plan.crossings()) {
            ScreeningResult screening = screened.get(p.crossing().id());
            if (screening != null && screening.outcome() != ScreeningOutcome.CLEAR) {
                Set<CrossingFlag> flags = EnumSet.copyOf(p.flags());
                flags.add(screening.outcome() == ScreeningOutcome.HIT ? CrossingFlag.WATCHLIST_HIT
                        : CrossingFlag.WATCHLIST_POSSIBLE_MATCH);
                List<Ruling> rulings = p.rulings();
                Ruling initial = rulings.getFirst();
                if (screening.needsReferral(false)
                        && (initial.decision() == Decision.ADMITTED || initial.decision() == Decision.PENDING)) {
                    String why = "Referred by screening: " + (screening.outcome() == ScreeningOutcome.HIT
                            ? "a watchlist hit awaits a supervisor's adjudication."
                            : "a possible watchlist match awaits an officer's look.");
                    rulings = List.of(new Ruling(initial.id(), Decision.REFERRED, initial.reasonCode(),
                            initial.note() == null ? why : initial.note() + " — " + why, initial.vulnerability(),
                            initial.protectionReferral(), initial.decidedBy(), initial.decidedAt()));
                    flags.add(CrossingFlag.REFERRED_BY_SCREENING);
                    referred++;
                }
                p = new Planned(p.crossing(), p.traveller(), p.document(), p.visa(), p.documentValid(), p.minor(),
                        rulings, flags);
            }
            crossings.add(p);
            histories.computeIfAbsent(p.traveller().id(), k -> new ArrayList<>()).add(p);
        }
        return new Plan(plan.batch(), crossings, List.copyOf(histories.values()), plan.linkedDocuments(),
                plan.firstRecorded(), referred);
    }

    /**
     * The stays of every traveller and the flags they put on admitted crossings, as the recorder
     * would; travellers are independent, so they are worked out in parallel, in a stable order.
     */
    static Stays stays(Plan plan, List<StayRule> rules, ZoneId zone) {
        record One(List<org.manfadh.bordercontrol.internal.Stays.StayRow> rows, Map<UUID, Set<CrossingFlag>> flags) {
        }
        List<One> all = plan.histories().parallelStream().map(history -> {
            CrossingBacklog.Traveller person = history.getFirst().traveller();
            Map<UUID, BorderPoint> pointOf = new HashMap<>();
            Map<UUID, CrossingBacklog.Visa> visas = new LinkedHashMap<>();
            List<String> issuers = new ArrayList<>(2);
            List<Movement> movements = new ArrayList<>(history.size());
            for (Planned p : history) {
                Crossing c = p.crossing();
                pointOf.put(c.id(), c.borderPoint());
                issuers.add(p.document().issuingState());
                if (p.visa() != null) {
                    visas.putIfAbsent(p.visa().id(), p.visa());
                }
                if (p.admitted()) {
                    movements.add(new Movement(c.id(), c.direction(), LocalDate.ofInstant(c.occurredAt(), zone),
                            c.occurredAt(), c.visaId()));
                }
            }
            List<VisaGrant> grants = visas.values().stream()
                    .map(v -> new VisaGrant(v.id(), v.type(), v.validFrom(), v.validUntil(), v.permittedStayDays(),
                            v.entriesAllowed()))
                    .toList();
            boolean citizen = StayService.citizen(person.nationality(), issuers);
            List<StayPeriod> periods = StayCalculator.periods(new StayFacts(person.nationality(), citizen), movements,
                    grants, rules);
            Map<UUID, Set<CrossingFlag>> flags = new HashMap<>();
            for (Planned p : history) {
                Set<CrossingFlag> own = EnumSet.noneOf(CrossingFlag.class);
                own.addAll(p.flags());
                if (p.admitted()) {
                    own.addAll(org.manfadh.bordercontrol.policy.CrossingPolicy.stayFlags(p.crossing().id(), p.crossing().direction(), periods, citizen));
                }
                flags.put(p.crossing().id(), own);
            }
            return new One(StayService.rows(person.id(), person.nationality(), periods, pointOf::get), flags);
        }).toList();
        List<org.manfadh.bordercontrol.internal.Stays.StayRow> rows = new ArrayList<>();
        Map<UUID, Set<CrossingFlag>> flags = new HashMap<>();
        for (One one : all) {
            rows.addAll(one.rows());
            flags.putAll(one.flags());
        }
        return new Stays(rows, flags);
    }

    private static <T> Map<UUID, T> byId(List<T> items, java.util.function.Function<T, UUID> id, String what) {
        Map<UUID, T> byId = new HashMap<>();
        for (T item : items) {
            require(byId.put(id.apply(item), item) == null, "The backlog has two of " + what + " " + id.apply(item) + ".");
        }
        return byId;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw Rejection.invalid("backlog-invalid", detail);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
