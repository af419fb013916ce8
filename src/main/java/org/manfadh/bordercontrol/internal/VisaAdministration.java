package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.bordercontrol.VisaRegister;
import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.VisaRecorded;
import org.manfadh.bordercontrol.CrossingCommands.AddStayRule;
import org.manfadh.bordercontrol.CrossingCommands.AddVisa;
import org.manfadh.bordercontrol.CrossingCommands.ExtendVisa;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Visas and their extensions, and the stay rules, as administrators and supervisors keep them. */
@Service
public class VisaAdministration implements VisaRegister {

    private final Visas visas;
    private final Travellers travellers;
    private final StayRules rules;
    private final StayService stays;
    private final TravellerService travellerService;
    private final ReferenceData referenceData;
    private final NodeIdentity node;
    private final TransactionTemplate transaction;
    private final Clock clock;

    VisaAdministration(Visas visas, Travellers travellers, StayRules rules, StayService stays,
                       TravellerService travellerService, ReferenceData referenceData, NodeIdentity node,
                       TransactionTemplate transaction, Clock clock, BorderJurisdiction jurisdiction,
                       NodeRole role, ApplicationEventPublisher events) {
        this.events = events;
        this.role = role;
        this.jurisdiction = jurisdiction;
        this.visas = visas;
        this.travellers = travellers;
        this.rules = rules;
        this.stays = stays;
        this.travellerService = travellerService;
        this.referenceData = referenceData;
        this.node = node;
        this.transaction = transaction;
        this.clock = clock;
    }

    private final BorderJurisdiction jurisdiction;
    private final NodeRole role;
    private final ApplicationEventPublisher events;

    public TravellerRegister.VisaView add(UUID travellerId, AddVisa request, Caller caller) {
        travellers.find(travellerId)
                .orElseThrow(() -> Rejection.notFound("Traveller", "No traveller has the id " + travellerId + "."));
        jurisdiction.requireTraveller(jurisdiction.work(caller), travellerId);
        var input = request.visa();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = input.validFrom() != null ? input.validFrom() : today;
        if (input.validUntil() == null) {
            throw Rejection.invalidField("visa.validUntil", "is required");
        }
        if (input.validUntil().isBefore(from)) {
            throw Rejection.invalidField("visa.validUntil", "is before validFrom");
        }
        String authority = input.issuingAuthority() == null ? "FEDERAL" : input.issuingAuthority().name();
        String number = input.number().strip().toUpperCase(Locale.ROOT);
        Visas.Visa visa = transaction.execute(status -> {
            visas.lock(authority + ":" + input.type() + ":" + number);
            var existing = visas.find(authority, input.type().name(), number);
            if (existing.isPresent()) {
                if (!existing.get().travellerId().equals(travellerId)) {
                    throw Rejection.conflict("visa-held", "This visa (" + authority + ", " + input.type()
                            + ") is recorded for another traveller.");
                }
                return existing.get();
            }
            travellers.lockTraveller(travellerId);
            Visas.Visa v = new Visas.Visa(Ids.newId(), node.nodeId(), travellerId, number, input.type().name(), authority,
                    from, input.validUntil(), input.entriesAllowed(), input.permittedStayDays(), caller.username(),
                    clock.instant());
            visas.insert(v);
            stays.rebuild(travellerId, today);
            events.publishEvent(new VisaRecorded(v.id()));
            return v;
        });
        return travellerService.visa(visa);
    }

    /** A visa of a traveller with a crossing in the caller's jurisdiction. */
    public TravellerRegister.VisaView visa(UUID id, Caller caller) {
        return travellerService.visa(visas.find(id)
                .filter(v -> jurisdiction.travellerIn(jurisdiction.crossings(caller), v.travellerId()))
                .orElseThrow(() -> Rejection.notFound("Visa", "No visa has the id " + id + ".")));
    }

    public TravellerRegister.VisaView extend(UUID visaId, ExtendVisa request, Caller caller) {
        Visas.Visa visa = visas.find(visaId)
                .filter(v -> jurisdiction.travellerIn(jurisdiction.work(caller), v.travellerId()))
                .orElseThrow(() -> Rejection.notFound("Visa", "No visa has the id " + visaId + "."));
        LocalDate today = LocalDate.now(clock);
        transaction.executeWithoutResult(status -> {
            travellers.lockTraveller(visa.travellerId());
            visas.insert(new Visas.Extension(Ids.newId(), visaId, request.extraDays(), today, request.reason().strip(),
                    caller.username(), clock.instant()), node.nodeId());
            stays.rebuild(visa.travellerId(), today);
            events.publishEvent(new VisaRecorded(visaId));
        });
        return travellerService.visa(visa);
    }

    public Page<RuleView> rules(LocalDate asOf, PageRequest page) {
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        List<StayRules.Rule> all = rules.all();
        List<RuleView> views = all.stream()
                .sorted(Comparator.comparing(StayRules.Rule::effectiveFrom).reversed()
                        .thenComparing(r -> r.nationality() == null ? "" : r.nationality())
                        .thenComparing(r -> r.visaType() == null ? "" : r.visaType()))
                .map(r -> new RuleView(r.id(), r.nationality(), r.visaType(), r.permittedDays(), r.windowDays(),
                        r.effectiveFrom(), inForce(r, all, day), r.note(), r.createdBy(), r.createdAt()))
                .toList();
        int from = (int) Math.min(page.offset(), views.size());
        int to = Math.min(from + page.size(), views.size());
        return Page.of(views.subList(from, to), page, views.size());
    }

    /** A new version of a rule, from its effective day; a rule in force before that day keeps applying before it. */
    public RuleView addRule(AddStayRule request, Caller caller) {
        if (role.post()) {
            throw Rejection.conflict("stay-rules-kept-at-headquarters",
                    "Stay rules are changed at headquarters; this border post receives every version from there.");
        }
        LocalDate today = LocalDate.now(clock);
        String nationality = request.nationality() == null ? null : request.nationality().strip().toUpperCase(Locale.ROOT);
        if (nationality != null && !referenceData.icaoCodes().contains(nationality)) {
            throw Rejection.invalidField("nationality", "is not an ICAO nationality code");
        }
        if (request.effectiveFrom().isBefore(today)) {
            throw Rejection.invalidField("effectiveFrom", "is in the past: a rule change applies from today or later, so that it does not rewrite history");
        }
        if (request.windowDays() != null && request.windowDays() <= request.permittedDays()) {
            throw Rejection.invalidField("windowDays", "must be longer than permittedDays");
        }
        String type = request.visaType() == null ? null : request.visaType().name();
        if (rules.exists(nationality, type, request.effectiveFrom())) {
            throw Rejection.conflict("rule-exists", "A rule for this nationality and visa type already takes effect on "
                    + request.effectiveFrom() + ".");
        }
        StayRules.Rule rule = new StayRules.Rule(Ids.newId(), nationality, type, request.permittedDays(),
                request.windowDays(), request.effectiveFrom(), Texts.blankToNull(request.note()),
                caller.username(), clock.instant());
        rules.insert(rule);
        return new RuleView(rule.id(), nationality, type, rule.permittedDays(), rule.windowDays(), rule.effectiveFrom(),
                inForce(rule, rules.all(), today), rule.note(), rule.createdBy(), rule.createdAt());
    }

    private static boolean inForce(StayRules.Rule rule, List<StayRules.Rule> all, LocalDate day) {
        if (rule.effectiveFrom().isAfter(day)) {
            return false;
        }
        return all.stream().noneMatch(other -> java.util.Objects.equals(other.nationality(), rule.nationality())
                && java.util.Objects.equals(other.visaType(), rule.visaType())
                && other.effectiveFrom().isAfter(rule.effectiveFrom()) && !other.effectiveFrom().isAfter(day));
    }
}
