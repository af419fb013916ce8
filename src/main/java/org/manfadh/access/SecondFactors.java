package org.manfadh.access;

import java.time.Instant;
import java.util.Optional;

/** A signed-in user's own second factor: where it stands, a new enrolment, and its confirmation by a first code. */
public interface SecondFactors {

    /** What an enrolling user copies into their app. */
    record Enrolment(String secret, String uri) {
    }

    /** An account's second factor as its owner and administrators see it. */
    record Status(boolean enrolled, Instant since, boolean required, Optional<Enrolment> pending) {
    }

    Status status(String username);

    /** Begins an enrolment (a new secret) for the account; empty if there is no such account. */
    Optional<Enrolment> start(String username);

    /** Confirms the pending enrolment with a first code from the app; false if the code is wrong. */
    boolean confirm(String username, String code);
}
