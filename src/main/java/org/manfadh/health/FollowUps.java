package org.manfadh.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Follow-up of travellers during an alert's monitoring window (Go.Data's contacts and follow-up, with the register
 * instead of lists typed by hand): who entered from an affected country, how many days of monitoring they have left,
 * how to reach them, and each attempt to reach them. The traveller's address and phone are health details: the list
 * is the health officer's (and the administrator's), only of border points in their jurisdiction, and every read of
 * it is audited.
 */
public interface FollowUps {

    /** How a traveller was reached. */
    enum Method {
        PHONE, SMS, VISIT, OTHER
    }

    /** What came of an attempt to reach a traveller. */
    enum Outcome {
        WELL, SYMPTOMS, NOT_REACHED, REFERRED, COMPLETED, LOST
    }

    /** One attempt to reach a traveller under monitoring. */
    record Contact(UUID id, UUID crossingId, UUID alertId, Method method, Outcome outcome, String notes,
                   Instant contactedAt, String recordedBy, Instant recordedAt) {
    }

    /**
     * A traveller to follow up under an alert.
     *
     * @param screened          whether they were screened under the alert at the booth; if not, they entered from an
     *                          affected country before any screening applied, and their entry is their last exposure
     * @param lastExposure      the day the monitoring window counts from
     * @param daysLeft          the window's days still to run, 0 when it has ended
     * @param screeningOutcome  the booth's outcome, or null when not screened
     * @param address           as declared at screening, or null
     * @param contacts          every attempt to reach them, oldest first
     * @param latest            the outcome of the latest attempt, or null when none was made
     */
    record Entry(UUID crossingId, UUID travellerId, String surname, String givenNames, String nationality,
                 String borderPoint, Instant enteredAt, String transportReference, boolean screened,
                 HealthOutcome screeningOutcome, List<String> exposureCountries, LocalDate lastExposure, int daysLeft,
                 String address, String phone, List<Contact> contacts, Outcome latest) {

        public Entry {
            exposureCountries = List.copyOf(exposureCountries);
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * An alert's follow-up list as of today.
     *
     * @param truncated whether more unscreened entries exist than a list holds ({@link #MAX_ARRIVALS}), the oldest
     *                  left out
     */
    record FollowUpList(UUID alertId, String disease, List<String> countries, int monitoringDays, LocalDate today,
                        Page<Entry> entries, boolean truncated) {
    }

    /** The most unscreened entries one list takes from the register. */
    int MAX_ARRIVALS = 50_000;

    /** A request to record an attempt to reach a traveller; {@code contactedAt} null for now. */
    record RecordContact(UUID crossingId, UUID alertId, Method method, Outcome outcome, String notes,
                         Instant contactedAt) {
    }

    /**
     * The travellers to follow up under an alert, fewest days left first; those whose window has ended only when
     * {@code all}. Refused as not found for an alert that does not exist.
     */
    FollowUpList list(UUID alertId, boolean all, PageRequest page, Caller caller);

    /** The whole list in one page, for the Ministry of Health's file. */
    FollowUpList whole(UUID alertId, boolean all, Caller caller);

    /** Records an attempt to reach a traveller of an alert's list; refused naming the field at fault. */
    Contact record(RecordContact request, Caller caller);
}
