package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.LinkBasis;
import org.manfadh.bordercontrol.Crossing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.access.ReadScope;
import org.manfadh.bordercontrol.IdentityDecided;
import org.manfadh.bordercontrol.CrossingCommands.IdentityDecision;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.screening.NameKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Travellers as the API shows them, searches, overstayers, and supervisors' identity decisions. */
@Service
public class TravellerService implements TravellerRegister {

    private final Travellers travellers;
    private final Crossings crossings;
    private final Visas visas;
    private final Stays stays;
    private final StayService stayService;
    private final CrossingViews views;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BorderJurisdiction jurisdiction;
    private final ApplicationEventPublisher events;
    private final NameKeys nameKeys;

    TravellerService(Travellers travellers, Crossings crossings, Visas visas, Stays stays, StayService stayService,
                     CrossingViews views, NodeIdentity node, TransactionTemplate transaction, Clock clock,
                     BorderJurisdiction jurisdiction, ApplicationEventPublisher events, NameKeys nameKeys) {
        this.nameKeys = nameKeys;
        this.jurisdiction = jurisdiction;
        this.events = events;
        this.travellers = travellers;
        this.crossings = crossings;
        this.visas = visas;
        this.stays = stays;
        this.stayService = stayService;
        this.views = views;
        this.node = node;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A traveller as the caller may see them: only their crossings at border points in the caller's
     * jurisdiction; a traveller without any there is not found.
     */
    public TravellerView traveller(UUID id, Caller caller) {
        return traveller(id, jurisdiction.crossings(caller));
    }

    private TravellerView traveller(UUID id, ReadScope scope) {
        Travellers.Traveller t = travellers.find(id)
                .orElseThrow(() -> Rejection.notFound("Traveller", "No traveller has the id " + id + "."));
        jurisdiction.requireTraveller(scope, id);
        LocalDate today = LocalDate.now(clock);
        StayService.Stay stay = stayService.compute(id, today);
        Crossing.StayView status = CrossingViews.stay(stay.status());
        List<Crossing> history = crossings.ofTraveller(id).stream()
                .filter(row -> scope.allows(row.borderPoint()))
                .sorted(Comparator.comparing(Crossing::occurredAt).reversed())
                .map(row -> views.shown(row, status)).toList();
        List<StayPeriodView> periods = stay.periods().stream()
                .map(p -> new StayPeriodView(p.entryCrossingId(), p.entryDay(), p.exitCrossingId(), p.exitDay(),
                        p.basis().name(), p.visaId(), p.permittedDays(), p.lastLegalDay(),
                        p.flags().stream().map(Enum::name).sorted().toList(), p.overstayedDays()))
                .toList();
        return new TravellerView(t.id(), t.nodeId(), t.createdAt(), t.surname(), t.givenNames(), t.nameOriginal(),
                t.dateOfBirth(), t.nationality(), t.sex(),
                travellers.documentsOf(id).stream().map(TravellerService::document).toList(), status, periods,
                visas.ofTraveller(id).stream().map(this::visa).toList(), history);
    }

    public VisaView visa(Visas.Visa v) {
        return new VisaView(v.id(), v.number(), v.type(), v.issuingAuthority(), v.validFrom(), v.validUntil(),
                v.entriesAllowed(), crossings.entriesUnderVisa(v.id()), v.permittedStayDays(),
                visas.extensionsOf(v.id()).stream()
                        .map(e -> new ExtensionView(e.id(), e.extraDays(), e.grantedOn(), e.reason(), e.createdBy()))
                        .toList());
    }

    /**
     * Travellers by document, or by name in any script (see {@link NameKeys}: the name matcher's
     * normalisation and cross-script keys), among those with a crossing in the caller's jurisdiction.
     */
    public Page<TravellerSummary> search(String documentNumber, String issuingState, String name, String dateOfBirth,
                                         PageRequest page, Caller caller) {
        String[] points = jurisdiction.crossings(caller).borderPointsOrNull();
        if (documentNumber != null && !documentNumber.isBlank()) {
            String number = documentNumber.replaceAll("[\\s<]", "").toUpperCase(Locale.ROOT);
            String state = issuingState == null || issuingState.isBlank() ? null : issuingState.strip().toUpperCase(Locale.ROOT);
            return Page.of(travellers.findByDocumentNumber(number, state, points, page.size(), page.offset()).stream()
                    .map(TravellerService::summary).toList(), page, travellers.countByDocumentNumber(number, state, points));
        }
        if (name != null && !name.isBlank()) {
            NameKeys.SearchedName searched = nameKeys.searched(name);
            if (Travellers.nameKey(name, "").length() < 2 || searched.parts().isEmpty()) {
                throw Rejection.invalid("invalid-parameter", "Parameter 'name' needs at least two letters.");
            }
            String birth = dateOfBirth == null || dateOfBirth.isBlank() ? null : dateOfBirth.strip();
            if (birth != null && !birth.matches("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")) {
                throw Rejection.invalid("invalid-parameter", "Parameter 'dateOfBirth' must be YYYY, YYYY-MM or YYYY-MM-DD.");
            }
            List<TravellerSummary> ranked = byName(searched, birth, points);
            int from = (int) Math.min(page.offset(), ranked.size());
            return Page.of(ranked.subList(from, Math.min(from + page.size(), ranked.size())), page, ranked.size());
        }
        throw Rejection.invalid("invalid-parameter",
                "Search by 'documentNumber' (optionally with 'issuingState') or by 'name' (optionally with 'dateOfBirth').");
    }

    /**
     * The travellers a searched name finds, best first: those whose names have more of its parts,
     * then those whose names agree more closely (spelt alike, no parts beyond those searched).
     * With two parts or more, a traveller must have two of them: one shared given name is not a
     * search result. The index finds the {@value #NAME_CANDIDATES} travellers sharing keys with
     * the most parts; they are ranked here.
     */
    private List<TravellerSummary> byName(NameKeys.SearchedName searched, String birth, String[] points) {
        int required = Math.min(2, searched.parts().size());
        record Ranked(Travellers.Traveller traveller, NameKeys.NameAgreement agreement) {
        }
        List<Ranked> ranked = new java.util.ArrayList<>();
        List<Travellers.Traveller> found = transaction.execute(status -> travellers.findByNameKeys(searched.partKeys(),
                required, birth, points, NAME_CANDIDATES));
        for (Travellers.Traveller t : found) {
            List<String> names = new java.util.ArrayList<>(2);
            names.add(t.surname() + " " + t.givenNames());
            if (t.nameOriginal() != null) {
                names.add(t.nameOriginal());
            }
            NameKeys.NameAgreement agreement = searched.agreement(names);
            if (agreement.parts() >= required) {
                ranked.add(new Ranked(t, agreement));
            }
        }
        ranked.sort(Comparator.comparing(Ranked::agreement)
                .thenComparing(r -> r.traveller().surname()).thenComparing(r -> r.traveller().givenNames())
                .thenComparing(r -> r.traveller().id()));
        return ranked.stream().map(r -> summary(r.traveller())).toList();
    }

    /** The most travellers a search by name ranks: a name that finds more is too common to page through. */
    static final int NAME_CANDIDATES = 2_000;

    /** Overstayers whose last entry was at a border point in the caller's jurisdiction. */
    public Page<OverstayView> overstays(LocalDate asOf, String authority, String governorate, String nationality,
                                        PageRequest page, Caller caller) {
        String[] points = jurisdiction.overstays(caller).borderPointsOrNull();
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        String a = upper(authority);
        if (a != null && !a.equals("FEDERAL") && !a.equals("KRI")) {
            throw Rejection.invalid("invalid-parameter", "Parameter 'authority' must be FEDERAL or KRI.");
        }
        String g = upper(governorate);
        String n = upper(nationality);
        return Page.of(stays.overstays(day, a, g, n, points, page.size(), page.offset()).stream()
                .map(o -> new OverstayView(o.travellerId(), o.surname(), o.givenNames(), o.nationality(),
                        o.dateOfBirth(), o.entryCrossingId(), o.entryDay(), o.borderPoint(), o.authority(),
                        o.governorate(), o.basis(), o.lastLegalDay(), o.daysOver()))
                .toList(), page, stays.countOverstays(day, a, g, n, points));
    }

    /** A supervisor confirms that a probable link of a document to its traveller is right. */
    public TravellerView confirm(UUID documentId, IdentityDecision request, Caller caller) {
        Travellers.Document d = document(documentId, caller);
        transaction.executeWithoutResult(status -> {
            travellers.lockTraveller(d.travellerId());
            travellers.relink(documentId, d.travellerId(), LinkBasis.CONFIRMED, IdentityResolver.CERTAIN);
            UUID decision = Ids.newId();
            travellers.recordIdentityDecision(decision, node.nodeId(), documentId, Travellers.IdentityAction.CONFIRM, d.travellerId(),
                    d.travellerId(), request.reason().strip(), caller.username(), clock.instant());
            events.publishEvent(new IdentityDecided(decision));
        });
        return traveller(d.travellerId(), jurisdiction.work(caller));
    }

    /** A document whose traveller has a crossing where the caller works. */
    private Travellers.Document document(UUID documentId, Caller caller) {
        return travellers.findDocument(documentId)
                .filter(d -> jurisdiction.travellerIn(jurisdiction.work(caller), d.travellerId()))
                .orElseThrow(() -> Rejection.notFound("Document", "No document has the id " + documentId + "."));
    }

    /** A supervisor splits a document, and its crossings, off to a traveller of its own. */
    public TravellerView split(UUID documentId, IdentityDecision request, Caller caller) {
        Travellers.Document d = document(documentId, caller);
        if (travellers.documentsOf(d.travellerId()).size() < 2) {
            throw Rejection.conflict("nothing-to-split", "The document is its traveller's only document.");
        }
        Travellers.Traveller from = travellers.find(d.travellerId()).orElseThrow();
        UUID newTraveller = Ids.newId();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            travellers.lockTraveller(from.id());
            travellers.insert(new Travellers.Traveller(newTraveller, node.nodeId(), now, from.surname(),
                    from.givenNames(), from.nameOriginal(), from.dateOfBirth(), from.nationality(), from.sex()));
            travellers.relink(documentId, newTraveller, LinkBasis.SPLIT, IdentityResolver.CERTAIN);
            UUID decision = Ids.newId();
            travellers.recordIdentityDecision(decision, node.nodeId(), documentId, Travellers.IdentityAction.SPLIT, from.id(), newTraveller,
                    request.reason().strip(), caller.username(), now);
            events.publishEvent(new IdentityDecided(decision));
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            stayService.rebuild(from.id(), today);
            stayService.rebuild(newTraveller, today);
        });
        return traveller(newTraveller, jurisdiction.work(caller));
    }

    private static TravellerSummary summary(Travellers.Traveller t) {
        return new TravellerSummary(t.id(), t.surname(), t.givenNames(), t.nameOriginal(), t.dateOfBirth(),
                t.nationality(), t.sex());
    }

    private static DocumentView document(Travellers.Document d) {
        return new DocumentView(d.id(), d.documentCode(), d.issuingState(), d.documentNumber(), d.dateOfExpiry(),
                d.firstSeenAt(), d.linkBasis(), d.linkConfidence());
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
