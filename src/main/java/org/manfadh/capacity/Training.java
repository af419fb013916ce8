package org.manfadh.capacity;

import java.util.UUID;

/**
 * Courses, sessions and their participants. Every method checks what it is given and throws
 * {@code org.manfadh.platform.Rejection} for a client's mistake (an unknown course, a border point that does not
 * exist, a session full), changing nothing.
 */
public interface Training {

    Course createCourse(CapacityCommands.CreateCourse command, String username);

    Session createSession(CapacityCommands.CreateSession command, String username);

    /** Adds a person to a session (a new person unless {@code personId} or {@code account} names one known). */
    Participant addParticipant(UUID sessionId, CapacityCommands.AddParticipant command, String username);

    /**
     * Issues a certificate to every participant of the session who attended and whose post-test score reaches the
     * course's pass score and who has none for it yet, dated the session's last day and expiring after the course's
     * validity. Returns how many were issued. Issuing again issues nothing twice.
     */
    int issueCertificates(UUID sessionId, String username);
}
