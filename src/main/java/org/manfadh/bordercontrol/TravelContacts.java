package org.manfadh.bordercontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The register's answers for contact tracing and follow-up: who travelled with a crossing, who crossed near it, who
 * entered from where. Crossings as they stand (corrections applied, voided ones left out), only at border points in
 * the caller's jurisdiction; an index crossing outside it is answered as absent. Every read is audited as a read of
 * personal data. Nothing here changes the register.
 */
public interface TravelContacts {

    /** A crossing as tracing lists it: who, where, which way, when, how they travelled, and the decision. */
    record Contact(UUID crossingId, UUID travellerId, String surname, String givenNames, String nationality,
                   String borderPoint, Direction direction, Instant occurredAt, Crossing.Transport transport,
                   Decision decision) {
    }

    /** The crossings at the index crossing's border point near it in time, nearest first, and how many there are. */
    record Nearby(Contact index, List<Contact> contacts, long total) {
    }

    /** The index crossing itself, if it stands in the caller's jurisdiction. */
    Optional<Contact> crossing(UUID crossingId, Caller caller);

    /** Crossings by id, those standing in the caller's jurisdiction; in no particular order. */
    List<Contact> crossings(Collection<UUID> crossingIds, Caller caller);

    /**
     * Crossings with the index crossing's transport reference (upper case, without spaces or dashes) and mode on
     * its day of the border's calendar, both directions, by time; the list is empty when it has no reference.
     */
    Optional<List<Contact>> sameTransport(UUID crossingId, Caller caller);

    /** At the index's border point within ±hours, apart from it and its {@link #sameTransport}: nearest first, total. */
    Optional<Nearby> sameBorderPoint(UUID crossingId, int hours, int limit, Caller caller);

    /**
     * Entries, not refused, from these countries (ICAO codes) between two border days inclusive: over a land border
     * with one, or by a transport that set out from or passed through one. Newest first, at most {@code limit}.
     */
    List<Contact> arrivalsFrom(Set<String> countries, LocalDate from, LocalDate to, int limit, Caller caller);
}
