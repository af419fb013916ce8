package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The training records beyond {@link Training}'s commands: the lists and pages the training directorate reads,
 * changes to courses and participants, attendance by day, certificates and their revocation, refreshers due,
 * Kirkpatrick evaluations and roster files. Every method takes the caller's username: records of a border point
 * outside their work scope are out of sight (not found) and cannot be made (forbidden); sessions at the four training
 * centres are seen by every capacity manager; a participant without a border point only by a caller whose scope is
 * everywhere. Writes are made at headquarters only (a post answers {@code hq-only}).
 */
public interface TrainingRecords {

    /** A change to a course; what is left out keeps its value. {@code noExpiry} true removes the certificate's validity. */
    record UpdateCourse(@Size(max = 200) String title, @Valid Texts titles, @Valid Texts description,
                        @Min(1) @Max(365) Integer durationDays, @Min(1) @Max(240) Integer certificateMonths,
                        Boolean noExpiry, @DecimalMin("0") @DecimalMax("100") BigDecimal passScore, Boolean retired) {
    }

    /**
     * A change to a participant; what is left out keeps its value. {@code attended} given sets it explicitly (the
     * attendance grid no longer decides it); {@code attendedFromDays} true hands it back to the grid.
     */
    record UpdateParticipant(@DecimalMin("0") @DecimalMax("100") BigDecimal preTestScore,
                             @DecimalMin("0") @DecimalMax("100") BigDecimal postTestScore,
                             Boolean attended, Boolean attendedFromDays, @Min(1) @Max(5) Integer reaction,
                             @Size(max = 100) String rank, @Size(max = 3) String borderPoint) {
    }

    /** Whether a participant was present on a day of the session. */
    record Mark(UUID participantId, LocalDate day, Boolean present) {
    }

    /** The sessions wanted: overlapping from–to, of a course, at a training centre (its written form). */
    record SessionFilter(LocalDate from, LocalDate to, UUID course, String trainingCentre) {
    }

    /** A certificate as clients see it. */
    record Certificate(UUID id, UUID participantId, UUID personId, String name, UUID courseId, String courseCode,
                       String number, LocalDate issuedOn, LocalDate expiresOn, boolean revoked, String revokeReason) {
    }

    /** A person trained: their sessions (as participant of each) and certificates. */
    record Person(UUID id, String name, Sex sex, String account, List<Participant> sessions,
                  List<Certificate> certificates) {
    }

    /** A certificate expired or expiring whose holder has no newer one of the course. {@code daysLeft} below 0: expired. */
    record Refresher(UUID certificateId, String number, UUID personId, String name, Sex sex, Agency agency,
                     String rank, String borderPoint, UUID courseId, String courseCode, Texts courseTitle,
                     LocalDate issuedOn, LocalDate expiresOn, long daysLeft) {

        public boolean expired() {
            return daysLeft < 0;
        }
    }

    /** A Kirkpatrick level 3 (behaviour) or 4 (results) observation, of one participant or of the whole session. */
    record RecordEvaluation(Integer level, UUID participantId, LocalDate observedOn,
                            @DecimalMin("0") @DecimalMax("100") BigDecimal score, @Size(max = 4000) String note) {
    }

    record Evaluation(UUID id, UUID sessionId, UUID participantId, int level, LocalDate observedOn, BigDecimal score,
                      String note, String observedBy) {
    }

    /**
     * A session on Kirkpatrick's four levels: 1 the mean reaction (1–5), 2 the mean learning gain (post minus pre),
     * 3 the mean behaviour score observed at work, 4 the results noted; each null when nothing is recorded.
     */
    record EvaluationSummary(UUID sessionId, int participants, int attended, BigDecimal meanReaction,
                             BigDecimal meanGain, BigDecimal meanLevel3, List<String> level4Notes,
                             List<Evaluation> evaluations) {
    }

    /** What a roster file brought: participants added, of whom new people. */
    record RosterResult(int added, int newPeople, List<Participant> participants) {
    }

    Page<Course> courses(Topic topic, PageRequest page);

    Optional<Course> course(UUID id);

    Course updateCourse(UUID id, UpdateCourse command, String username);

    Page<Session> sessions(SessionFilter filter, PageRequest page, String username);

    Session session(UUID id, String username);

    Session cancelSession(UUID id, String reason, String username);

    List<Participant> participants(UUID sessionId, String username);

    Participant updateParticipant(UUID sessionId, UUID participantId, UpdateParticipant command, String username);

    /** The session's whole attendance grid as recorded (marks of participants in the caller's sight). */
    List<Mark> attendance(UUID sessionId, String username);

    /** Replaces the grid's marks given; attended follows the days unless set explicitly. Returns the participants. */
    List<Participant> recordAttendance(UUID sessionId, List<Mark> marks, String username);

    List<Certificate> certificates(UUID sessionId, String username);

    Certificate revokeCertificate(UUID certificateId, String reason, String username);

    Person person(UUID id, String username);

    /** Refreshers due: at a border point (all in sight when null) expired or expiring within {@code withinDays}. */
    List<Refresher> refreshers(String borderPoint, int withinDays, String username);

    Evaluation recordEvaluation(UUID sessionId, RecordEvaluation command, String username);

    EvaluationSummary evaluations(UUID sessionId, String username);

    /** Imports a roster (XLSX or CSV) into a session: all rows or none; every bad row named in the rejection. */
    RosterResult importRoster(UUID sessionId, String fileName, byte[] content, String username);
}
