package org.manfadh.capacity.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Course;
import org.manfadh.capacity.Participant;
import org.manfadh.capacity.Session;
import org.manfadh.capacity.Topic;
import org.manfadh.capacity.Training;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

/**
 * Training: courses, sessions, participants, attendance, certificates, refreshers, evaluations and roster files, for
 * the training directorate (CAPACITY_MANAGER) and administrators, within their work scope. Written at headquarters.
 */
@RestController
@RequestMapping("/api/v1/capacity")
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class TrainingController {

    private final Training training;
    private final TrainingRecords records;
    private final MessageSource messages;
    private final Clock clock;

    TrainingController(Training training, TrainingRecords records, MessageSource messages, Clock clock) {
        this.training = training;
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    // --- courses --------------------------------------------------------------------------------------------------

    @Operation(summary = "A new course", description = "code: 2–20 upper-case letters, digits, - or _ (a code taken is "
            + "409 duplicate-code); title or titles {en, ar, ckb}; topic; durationDays (1); certificateMonths (none: the "
            + "certificate does not expire); passScore (70).")
    @ProblemResponses({400, 409})
    @PostMapping("/courses")
    ResponseEntity<Course> createCourse(@Valid @RequestBody CapacityCommands.CreateCourse body, Authentication caller) {
        Course course = training.createCourse(body, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/courses/" + course.id())).body(course);
    }

    @Operation(summary = "Courses, those in use first, by code; topic= filters")
    @ProblemResponses({400})
    @GetMapping("/courses")
    Page<Course> courses(@RequestParam(required = false) String topic, @RequestParam(required = false) String page,
                         @RequestParam(required = false) String size) {
        List<Rejection.Field> problems = new ArrayList<>();
        Topic wanted = TrainingParameters.value("topic", topic, Topic.class, problems);
        PageRequest request = page(page, size, problems);
        TrainingParameters.check(problems);
        return records.courses(wanted, request);
    }

    @Operation(summary = "One course")
    @ProblemResponses({404})
    @GetMapping("/courses/{id}")
    Course course(@PathVariable UUID id) {
        return records.course(id).orElseThrow(() -> Rejection.notFound("Course", "No course has the id " + id + "."));
    }

    @Operation(summary = "Change a course", description = "titles, description, durationDays, certificateMonths "
            + "(noExpiry=true: certificates no longer expire), passScore, retired. What is left out keeps its value; "
            + "certificates issued keep their expiry.")
    @ProblemResponses({400, 404})
    @PatchMapping("/courses/{id}")
    Course updateCourse(@PathVariable UUID id, @Valid @RequestBody TrainingRecords.UpdateCourse body,
                        Authentication caller) {
        return records.updateCourse(id, body, caller.getName());
    }

    // --- sessions -------------------------------------------------------------------------------------------------

    @Operation(summary = "A new session of a course", description = "trainingCentre: BAGHDAD, BASRA, SULAYMANIYAH, "
            + "ERBIL or a border point's code (within your jurisdiction); endDate not before startDate; capacity 25.")
    @ProblemResponses({400, 403})
    @PostMapping("/sessions")
    ResponseEntity<Session> createSession(@Valid @RequestBody CapacityCommands.CreateSession body,
                                          Authentication caller) {
        Session session = training.createSession(body, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/sessions/" + session.id())).body(session);
    }

    @Operation(summary = "Sessions, latest first", description = "from/to: sessions overlapping those days; course: a "
            + "course's id; trainingCentre: a centre or border point. Sessions at border points outside your "
            + "jurisdiction are left out.")
    @ProblemResponses({400})
    @GetMapping("/sessions")
    Page<Session> sessions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String course,
                           @RequestParam(required = false) String trainingCentre,
                           @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                           Authentication caller) {
        List<Rejection.Field> problems = new ArrayList<>();
        LocalDate fromDay = TrainingParameters.date("from", from, problems);
        LocalDate toDay = TrainingParameters.date("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(new Rejection.Field("to", "is before from"));
        }
        UUID courseId = TrainingParameters.uuid("course", course, problems);
        PageRequest request = page(page, size, problems);
        TrainingParameters.check(problems);
        return records.sessions(new TrainingRecords.SessionFilter(fromDay, toDay, courseId,
                trainingCentre == null || trainingCentre.isBlank() ? null : trainingCentre), request, caller.getName());
    }

    @Operation(summary = "One session")
    @ProblemResponses({404})
    @GetMapping("/sessions/{id}")
    Session session(@PathVariable UUID id, Authentication caller) {
        return records.session(id, caller.getName());
    }

    /** Why a session is cancelled, or a certificate revoked. */
    record Reason(String reason) {
    }

    @Operation(summary = "Cancel a session", description = "{\"reason\"}; a cancelled session takes no participants "
            + "and issues no certificates. Cancelled twice: 409.")
    @ProblemResponses({400, 404, 409})
    @PostMapping("/sessions/{id}/cancel")
    Session cancel(@PathVariable UUID id, @RequestBody(required = false) Reason body, Authentication caller) {
        return records.cancelSession(id, body == null ? null : body.reason(), caller.getName());
    }

    // --- participants ---------------------------------------------------------------------------------------------

    @Operation(summary = "Add a participant", description = "A person known by personId or account, else a new person "
            + "(name and sex required). Scores 0–100; attended given is kept as said, else it follows the attendance "
            + "grid; reaction 1–5. A full session, or the same person twice: 409.")
    @ProblemResponses({400, 403, 404, 409})
    @PostMapping("/sessions/{id}/participants")
    ResponseEntity<Participant> addParticipant(@PathVariable UUID id,
                                               @Valid @RequestBody CapacityCommands.AddParticipant body,
                                               Authentication caller) {
        Participant participant = training.addParticipant(id, body, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/sessions/" + id + "/participants/"
                + participant.id())).body(participant);
    }

    @Operation(summary = "A session's participants, by name (those of border points outside your jurisdiction left out)")
    @ProblemResponses({404})
    @GetMapping("/sessions/{id}/participants")
    List<Participant> participants(@PathVariable UUID id, Authentication caller) {
        return records.participants(id, caller.getName());
    }

    @Operation(summary = "Change a participant", description = "preTestScore, postTestScore, attended (then kept as "
            + "said; attendedFromDays=true hands it back to the grid), reaction, rank, borderPoint.")
    @ProblemResponses({400, 403, 404})
    @PatchMapping("/sessions/{id}/participants/{participantId}")
    Participant updateParticipant(@PathVariable UUID id, @PathVariable UUID participantId,
                                  @Valid @RequestBody TrainingRecords.UpdateParticipant body, Authentication caller) {
        return records.updateParticipant(id, participantId, body, caller.getName());
    }

    @Operation(summary = "The session's attendance grid as recorded: [{participantId, day, present}]")
    @ProblemResponses({404})
    @GetMapping("/sessions/{id}/attendance")
    List<TrainingRecords.Mark> attendance(@PathVariable UUID id, Authentication caller) {
        return records.attendance(id, caller.getName());
    }

    @Operation(summary = "Record the attendance grid", description = "[{participantId, day, present}], days within the "
            + "session. A participant whose attendance was not set by hand is attended when present on at least 80 % "
            + "of the session's days (rounded up). Returns the participants.")
    @ProblemResponses({400, 404})
    @PutMapping("/sessions/{id}/attendance")
    List<Participant> recordAttendance(@PathVariable UUID id, @RequestBody(required = false) JsonNode body,
                                       Authentication caller) {
        if (body == null || !body.isArray()) {
            throw Rejection.invalid("invalid-attendance", "The body is the whole grid: an array of "
                    + "{\"participantId\", \"day\", \"present\"}.");
        }
        List<TrainingRecords.Mark> marks = new ArrayList<>();
        List<Rejection.Field> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode mark = body.get(i);
            if (mark == null || !mark.isObject()) {
                problems.add(new Rejection.Field("[" + i + "]", "is an object {participantId, day, present}"));
                continue;
            }
            UUID participant = TrainingParameters.uuid("[" + i + "].participantId", text(mark, "participantId"), problems);
            LocalDate day = TrainingParameters.date("[" + i + "].day", text(mark, "day"), problems);
            JsonNode present = mark.get("present");
            if (present != null && !present.isNull() && !present.isBoolean()) {
                problems.add(new Rejection.Field("[" + i + "].present", "is true or false"));
            }
            marks.add(new TrainingRecords.Mark(participant, day,
                    present == null || !present.isBoolean() ? null : present.booleanValue()));
        }
        TrainingParameters.check(problems);
        return records.recordAttendance(id, marks, caller.getName());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    // --- certificates ---------------------------------------------------------------------------------------------

    /** What issuing certificates did. */
    record Issued(int issued, List<TrainingRecords.Certificate> certificates) {
    }

    @Operation(summary = "Issue the session's certificates", description = "To every participant who attended with a "
            + "post-test score at or above the course's pass score and no certificate of this session yet: numbered "
            + "BPC-<course code>-<year>-<sequence>, issued on the session's last day, expiring after the course's "
            + "months. Issuing again issues nothing twice.")
    @ProblemResponses({404, 409})
    @PostMapping("/sessions/{id}/certificates")
    Issued issue(@PathVariable UUID id, Authentication caller) {
        int issued = training.issueCertificates(id, caller.getName());
        return new Issued(issued, records.certificates(id, caller.getName()));
    }

    @Operation(summary = "The session's certificates")
    @ProblemResponses({404})
    @GetMapping("/sessions/{id}/certificates")
    List<TrainingRecords.Certificate> certificates(@PathVariable UUID id, Authentication caller) {
        return records.certificates(id, caller.getName());
    }

    @Operation(summary = "Revoke a certificate", description = "{\"reason\"} required; revoked twice: 409.")
    @ProblemResponses({400, 404, 409})
    @PostMapping("/certificates/{id}/revoke")
    TrainingRecords.Certificate revoke(@PathVariable UUID id, @RequestBody(required = false) Reason body,
                                       Authentication caller) {
        return records.revokeCertificate(id, body == null ? null : body.reason(), caller.getName());
    }

    @Operation(summary = "A person trained: their sessions and certificates")
    @ProblemResponses({404})
    @GetMapping("/people/{id}")
    TrainingRecords.Person person(@PathVariable UUID id, Authentication caller) {
        return records.person(id, caller.getName());
    }

    @Operation(summary = "Refreshers due", description = "Certificates expired or expiring within `within` days (90) "
            + "whose holder has no newer certificate of the course, by the holder's border point (borderPoint= for "
            + "one). JSON, or a file: format=csv|xlsx or Accept text/csv or the XLSX type; lang en, ar or ckb.")
    @ProblemResponses({400, 403})
    @GetMapping(value = "/refreshers", produces = {MediaType.APPLICATION_JSON_VALUE, TrainingExports.CSV,
            TrainingExports.XLSX, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> refreshers(@RequestParam(required = false) String borderPoint,
                                 @RequestParam(required = false) String within,
                                 @RequestParam(required = false) String format,
                                 @RequestParam(required = false) String lang,
                                 @RequestHeader(value = "Accept", required = false) String accept,
                                 Authentication caller) {
        List<Rejection.Field> problems = new ArrayList<>();
        Integer days = TrainingParameters.integer("within", within, 90, 0, 3650, problems);
        Locale language = TrainingParameters.language(lang, problems);
        String file = format == null || format.isBlank() ? null : format.strip().toLowerCase(Locale.ROOT);
        if (file != null && !file.equals("csv") && !file.equals("xlsx") && !file.equals("json")) {
            problems.add(new Rejection.Field("format", "is json, csv or xlsx, not '" + format + "'"));
        }
        TrainingParameters.check(problems);
        if (file == null && accept != null) {
            file = accept.contains(TrainingExports.XLSX) ? "xlsx" : accept.contains(TrainingExports.CSV) ? "csv" : null;
        }
        List<TrainingRecords.Refresher> due = records.refreshers(borderPoint, days, caller.getName());
        if (file == null || file.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(due);
        }
        return TrainingExports.refreshers(due, file.equals("csv"), language, messages, LocalDate.now(clock));
    }

    // --- evaluations ----------------------------------------------------------------------------------------------

    @Operation(summary = "Record a Kirkpatrick level 3 or 4 observation", description = "{level: 3|4, participantId "
            + "(none: the whole session), observedOn, score 0–100, note}; level 3 needs a score or note, level 4 a note.")
    @ProblemResponses({400, 404})
    @PostMapping("/sessions/{id}/evaluations")
    ResponseEntity<TrainingRecords.Evaluation> evaluate(@PathVariable UUID id,
                                                        @Valid @RequestBody TrainingRecords.RecordEvaluation body,
                                                        Authentication caller) {
        TrainingRecords.Evaluation evaluation = records.recordEvaluation(id, body, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/sessions/" + id + "/evaluations")).body(evaluation);
    }

    @Operation(summary = "The session on Kirkpatrick's four levels", description = "Mean reaction (1), mean learning "
            + "gain (2), mean behaviour score (3), results noted (4), with every observation.")
    @ProblemResponses({404})
    @GetMapping("/sessions/{id}/evaluations")
    TrainingRecords.EvaluationSummary evaluations(@PathVariable UUID id, Authentication caller) {
        return records.evaluations(id, caller.getName());
    }

    // --- roster files ---------------------------------------------------------------------------------------------

    @Operation(summary = "Import a roster file into a session", description = "multipart `file`: XLSX or CSV (UTF-8) "
            + "up to 2 MB and 1000 rows, columns by header: name, sex, agency, rank, borderPoint, account, "
            + "preTestScore, postTestScore, attended (Arabic and Kurdish headers too). All rows or none: a bad row is "
            + "400 invalid-roster with errors [{row, column, code, message}] naming every one.")
    @ProblemResponses({400, 404, 409, 413})
    @PostMapping("/sessions/{id}/roster")
    ResponseEntity<TrainingRecords.RosterResult> roster(@PathVariable UUID id,
                                                        @RequestParam(required = false) MultipartFile file,
                                                        Authentication caller) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Rejection.invalidField("file", "is required: a roster, XLSX or CSV, sent as multipart form data");
        }
        if (file.getSize() > 2 * 1024 * 1024) {
            throw Rejection.of(Rejection.Kind.TOO_LARGE, "roster-too-large", "Roster file too large",
                    "A roster file is at most 2048 KB.");
        }
        TrainingRecords.RosterResult result = records.importRoster(id, file.getOriginalFilename(), file.getBytes(),
                caller.getName());
        return ResponseEntity.status(201).body(result);
    }

    private static PageRequest page(String page, String size, List<Rejection.Field> problems) {
        Integer number = TrainingParameters.integer("page", page, 0, 0, Integer.MAX_VALUE, problems);
        Integer count = TrainingParameters.integer("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE,
                problems);
        return new PageRequest(number, count);
    }
}
