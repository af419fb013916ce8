package org.manfadh.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.manfadh.access.AuditTrail;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.TravelContacts;
import org.manfadh.health.FollowUps;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alert's follow-up list: the travellers screened under it at the booth, and those the register shows entering
 * from one of its countries since its monitoring window before it began (who crossed before any screening applied),
 * each with the days of monitoring left and the contacts made. A traveller's last exposure is the one declared at
 * screening, or their entry when they were not screened.
 */
@Service
class FollowUpService implements FollowUps {

    static final Set<String> ROLES = Set.of("HEALTH_OFFICER", "ADMIN");
    /** How far ahead of the server's clock a contact may be dated (a phone's clock a little fast). */
    private static final Duration AHEAD = Duration.ofMinutes(5);

    private final FollowUpRecords records;
    private final TravelContacts register;
    private final AuditTrail audit;
    private final NodeIdentity node;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.manfadh.platform.NodeRole role;
    private final org.manfadh.access.Accounts accounts;

    FollowUpService(FollowUpRecords records, TravelContacts register, AuditTrail audit, NodeIdentity node, Clock clock,
                    org.springframework.context.ApplicationEventPublisher events, org.manfadh.platform.NodeRole role,
                    org.manfadh.access.Accounts accounts) {
        this.events = events;
        this.role = role;
        this.accounts = accounts;
        this.records = records;
        this.register = register;
        this.audit = audit;
        this.node = node;
        this.clock = clock;
    }

    /** Days of monitoring left on a day: the window's length less the days since the last exposure, never below 0. */
    static int daysLeft(int monitoringDays, LocalDate lastExposure, LocalDate today) {
        long since = ChronoUnit.DAYS.between(lastExposure, today);
        return (int) Math.max(0, Math.min(monitoringDays, monitoringDays - since));
    }

    @Override
    @Transactional(readOnly = true)
    public FollowUpList list(UUID alertId, boolean all, PageRequest page, Caller caller) {
        return list(alertId, all, page.offset(), page.size(), page.number(), caller);
    }

    @Override
    @Transactional(readOnly = true)
    public FollowUpList whole(UUID alertId, boolean all, Caller caller) {
        return list(alertId, all, 0, Integer.MAX_VALUE, 0, caller);
    }

    private FollowUpList list(UUID alertId, boolean all, long offset, int size, int number, Caller caller) {
        requireHealthOfficer(caller);
        FollowUpRecords.AlertFacts alert = records.alert(alertId)
                .orElseThrow(() -> Rejection.notFound("Alert", "No alert has the id " + alertId + "."));
        LocalDate today = LocalDate.now(clock);
        int days = alert.monitoringDays();
        // A last exposure this long ago or longer leaves no day of monitoring.
        LocalDate stillMonitored = today.minusDays(days - 1L);

        Map<UUID, FollowUpRecords.Screened> screened = new LinkedHashMap<>();
        records.screenedUnder(alertId, all ? null : stillMonitored).forEach(s -> screened.put(s.crossingId(), s));

        LocalDate from = alert.validFrom().minusDays(days);
        if (!all && from.isBefore(stillMonitored)) {
            from = stillMonitored;
        }
        LocalDate to = alert.validUntil() == null || alert.validUntil().isAfter(today) ? today : alert.validUntil();
        List<TravelContacts.Contact> arrivals = from.isAfter(to) ? List.of()
                : register.arrivalsFrom(Set.copyOf(alert.countries()), from, to, MAX_ARRIVALS + 1, caller);
        boolean truncated = arrivals.size() > MAX_ARRIVALS;
        Map<UUID, TravelContacts.Contact> crossings = new LinkedHashMap<>();
        arrivals.stream().limit(MAX_ARRIVALS).forEach(c -> crossings.put(c.crossingId(), c));
        Set<UUID> unknown = new HashSet<>(screened.keySet());
        unknown.removeAll(crossings.keySet());
        register.crossings(unknown, caller).forEach(c -> crossings.put(c.crossingId(), c));

        List<Entry> entries = new ArrayList<>();
        for (TravelContacts.Contact crossing : crossings.values()) {
            FollowUpRecords.Screened screening = screened.get(crossing.crossingId());
            if (screening == null && crossing.direction() != Direction.ENTRY) {
                continue;
            }
            LocalDate lastExposure = screening != null ? screening.lastExposureOn()
                    : crossing.occurredAt().atZone(clock.getZone()).toLocalDate();
            int left = daysLeft(days, lastExposure, today);
            if (left == 0 && !all) {
                continue;
            }
            entries.add(entry(crossing, screening, lastExposure, left, List.of()));
        }
        entries.sort(Comparator.comparingInt(Entry::daysLeft).thenComparing(Entry::enteredAt)
                .thenComparing(Entry::crossingId));
        int start = (int) Math.min(offset, entries.size());
        List<Entry> shown = new ArrayList<>(entries.subList(start, (int) Math.min(entries.size(), (long) start + size)));
        Map<UUID, List<Contact>> contacts = new LinkedHashMap<>();
        records.contacts(alertId, shown.stream().map(Entry::crossingId).toList())
                .forEach(c -> contacts.computeIfAbsent(c.crossingId(), k -> new ArrayList<>()).add(c));
        shown.replaceAll(e -> withContacts(e, contacts.getOrDefault(e.crossingId(), List.of())));
        if (!shown.isEmpty()) {
            audit.personalDataRead("follow-up list of alert " + alertId,
                    shown.stream().map(Entry::crossingId).toList());
        }
        int pageSize = size == Integer.MAX_VALUE ? Math.max(1, entries.size()) : size;
        Page<Entry> result = new Page<>(shown, new Page.PageInfo(number, pageSize, entries.size(),
                (entries.size() + pageSize - 1) / pageSize));
        return new FollowUpList(alert.id(), alert.disease(), alert.countries(), days, today, result, truncated);
    }

    @Override
    @Transactional
    public Contact record(RecordContact request, Caller caller) {
        requireHealthOfficer(caller);
        List<Rejection.Field> problems = new ArrayList<>();
        if (request.crossingId() == null) {
            problems.add(new Rejection.Field("crossingId", "is required."));
        }
        if (request.alertId() == null) {
            problems.add(new Rejection.Field("alertId", "is required."));
        }
        if (request.method() == null) {
            problems.add(new Rejection.Field("method", "is required: PHONE, SMS, VISIT or OTHER."));
        }
        if (request.outcome() == null) {
            problems.add(new Rejection.Field("outcome",
                    "is required: WELL, SYMPTOMS, NOT_REACHED, REFERRED, COMPLETED or LOST."));
        }
        String notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
        if (notes != null && notes.length() > 2000) {
            problems.add(new Rejection.Field("notes", "must be at most 2000 characters."));
        }
        Instant now = clock.instant();
        Instant contactedAt = request.contactedAt() == null ? now : request.contactedAt();
        if (contactedAt.isAfter(now.plus(AHEAD))) {
            problems.add(new Rejection.Field("contactedAt", "must not be in the future."));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        FollowUpRecords.AlertFacts alert = records.alert(request.alertId()).orElseThrow(() -> Rejection.invalidField(
                "alertId", "names no alert."));
        TravelContacts.Contact crossing = register.crossing(request.crossingId(), caller)
                .orElseThrow(() -> Rejection.invalidField("crossingId", "names no crossing in your jurisdiction."));
        if (role.post() && !accounts.workScope(caller.username()).allows(crossing.borderPoint())) {
            // Headquarters takes a post's follow-ups only from the health officers it sends to that post.
            throw Rejection.forbidden("At this border post, follow-ups are recorded by the health officers "
                    + "headquarters assigns to " + role.borderPoint() + ".");
        }
        if (crossing.direction() != Direction.ENTRY) {
            throw Rejection.invalidField("crossingId", "names an exit; only entries are followed up.");
        }
        if (contactedAt.isBefore(crossing.occurredAt())) {
            throw Rejection.invalidField("contactedAt", "is before the traveller entered.");
        }
        Contact contact = new Contact(Ids.newId(), crossing.crossingId(), alert.id(), request.method(),
                request.outcome(), notes, contactedAt.truncatedTo(ChronoUnit.MICROS), caller.username(),
                now.truncatedTo(ChronoUnit.MICROS));
        records.insert(contact, node.nodeId());
        // Announced with the contact, so that one made at a post travels to headquarters with its crossing's record.
        events.publishEvent(new org.manfadh.health.HealthScreened(crossing.crossingId()));
        return contact;
    }

    static void requireHealthOfficer(Caller caller) {
        if (!caller.hasAnyRole(ROLES)) {
            throw Rejection.forbidden("Follow-up and contact tracing are for health officers.");
        }
    }

    private static Entry entry(TravelContacts.Contact crossing, FollowUpRecords.Screened screening,
                               LocalDate lastExposure, int daysLeft, List<Contact> contacts) {
        return new Entry(crossing.crossingId(), crossing.travellerId(), crossing.surname(), crossing.givenNames(),
                crossing.nationality(), crossing.borderPoint(), crossing.occurredAt(),
                crossing.transport() == null ? null : crossing.transport().reference(), screening != null,
                screening == null ? null : screening.outcome(),
                screening == null ? List.of() : screening.exposureCountries(), lastExposure, daysLeft,
                screening == null ? null : screening.address(), screening == null ? null : screening.phone(),
                contacts, contacts.isEmpty() ? null : contacts.getLast().outcome());
    }

    private static Entry withContacts(Entry e, List<Contact> contacts) {
        return new Entry(e.crossingId(), e.travellerId(), e.surname(), e.givenNames(), e.nationality(), e.borderPoint(),
                e.enteredAt(), e.transportReference(), e.screened(), e.screeningOutcome(), e.exposureCountries(),
                e.lastExposure(), e.daysLeft(), e.address(), e.phone(), contacts,
                contacts.isEmpty() ? null : contacts.getLast().outcome());
    }
}
