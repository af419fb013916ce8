package org.manfadh.health.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.TravelContacts;
import org.manfadh.health.ContactTracing;
import org.manfadh.health.FollowUps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact-tracing manifest: the register's lists of a crossing's fellow travellers and neighbours in time, each
 * with its screening and latest follow-up contact from health's own tables. The register audits its reads.
 */
@Service
class FollowUpManifests implements ContactTracing {

    private final TravelContacts register;
    private final FollowUpRecords records;

    FollowUpManifests(TravelContacts register, FollowUpRecords records) {
        this.register = register;
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Manifest> manifest(UUID crossingId, int hours, int limit, Caller caller) {
        FollowUpService.requireHealthOfficer(caller);
        if (hours < 0 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours between 0 and " + MAX_HOURS);
        }
        Optional<List<TravelContacts.Contact>> sameTransport = register.sameTransport(crossingId, caller);
        if (sameTransport.isEmpty()) {
            return Optional.empty();
        }
        Optional<TravelContacts.Nearby> nearby = register.sameBorderPoint(crossingId, hours, limit, caller);
        if (nearby.isEmpty()) {
            return Optional.empty();
        }
        List<TravelContacts.Contact> everyone = new ArrayList<>();
        everyone.add(nearby.get().index());
        everyone.addAll(sameTransport.get());
        everyone.addAll(nearby.get().contacts());
        List<UUID> ids = everyone.stream().map(TravelContacts.Contact::crossingId).toList();
        Map<UUID, FollowUpRecords.Screened> screenings = new HashMap<>();
        records.screenings(ids).forEach(s -> screenings.put(s.crossingId(), s));
        Map<UUID, FollowUps.Contact> latest = new HashMap<>();
        records.latestContacts(ids).forEach(c -> latest.put(c.crossingId(), c));
        return Optional.of(new Manifest(person(nearby.get().index(), screenings, latest), hours,
                sameTransport.get().stream().map(c -> person(c, screenings, latest)).toList(),
                nearby.get().contacts().stream().map(c -> person(c, screenings, latest)).toList(),
                nearby.get().total()));
    }

    private static Person person(TravelContacts.Contact c, Map<UUID, FollowUpRecords.Screened> screenings,
                                 Map<UUID, FollowUps.Contact> latest) {
        FollowUpRecords.Screened screening = screenings.get(c.crossingId());
        FollowUps.Contact contact = latest.get(c.crossingId());
        return new Person(c.crossingId(), c.travellerId(), c.surname(), c.givenNames(), c.nationality(),
                c.borderPoint(), c.direction(), c.occurredAt(), c.transport() == null ? null : c.transport().mode(),
                c.transport() == null ? null : c.transport().reference(), c.decision(),
                new FollowUpState(screening != null, screening == null ? null : screening.outcome(),
                        contact == null ? null : contact.outcome(), contact == null ? null : contact.contactedAt()));
    }
}
