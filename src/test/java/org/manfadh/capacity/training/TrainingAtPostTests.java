package org.manfadh.capacity.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.manfadh.capacity.Agency;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.Topic;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Rejection;

/**
 * A border post keeps no training records: every write refuses with {@code hq-only} before it reads or writes
 * anything (the service is built without its repositories, so a write that reached one would fail otherwise).
 */
class TrainingAtPostTests {

    private final TrainingService atPost = new TrainingService(null, null, null, null, null, null, null, null,
            () -> UUID.randomUUID(), NodeRole.parse("post", "ZRB"), Clock.systemUTC());

    private static void refusedAtPost(Consumer<TrainingService> write, TrainingService service) {
        Rejection refusal = catchThrowableOfType(Rejection.class, () -> write.accept(service));
        assertThat(refusal).isNotNull();
        assertThat(refusal.kind()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo("hq-only");
    }

    @Test
    void refusesEveryWriteAtABorderPost() {
        UUID id = UUID.randomUUID();
        String user = "capacity_manager";
        List<Consumer<TrainingService>> writes = List.of(
                s -> s.createCourse(new CapacityCommands.CreateCourse("DOC1", "Documents", null, null,
                        Topic.DOCUMENT_EXAMINATION, 5, 24, null), user),
                s -> s.updateCourse(id, new TrainingRecords.UpdateCourse(null, null, null, 3, null, null, null, null), user),
                s -> s.createSession(new CapacityCommands.CreateSession(id, LocalDate.now(), LocalDate.now(), "BAGHDAD",
                        List.of(), 10), user),
                s -> s.cancelSession(id, "no room", user),
                s -> s.addParticipant(id, new CapacityCommands.AddParticipant(null, "Amal", Sex.F, Agency.BPC, null, "ZRB",
                        null, null, null, null, null), user),
                s -> s.updateParticipant(id, id, new TrainingRecords.UpdateParticipant(null, null, true, null, null, null,
                        null), user),
                s -> s.recordAttendance(id, List.of(new TrainingRecords.Mark(id, LocalDate.now(), true)), user),
                s -> s.issueCertificates(id, user),
                s -> s.revokeCertificate(id, "error", user),
                s -> s.recordEvaluation(id, new TrainingRecords.RecordEvaluation(3, null, LocalDate.now(), null, "ok"), user),
                s -> s.importRoster(id, "roster.csv", "name,sex,agency\nA,F,BPC\n".getBytes(), user));
        for (Consumer<TrainingService> write : writes) {
            refusedAtPost(write, atPost);
        }
    }
}
