package org.manfadh.capacity.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.capacity.Agency;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Course;
import org.manfadh.capacity.Participant;
import org.manfadh.capacity.Session;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.Topic;
import org.manfadh.capacity.Training;
import org.manfadh.capacity.TrainingCentre;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training directorate's records: courses, sessions, participants, attendance, certificates, refreshers,
 * evaluations and roster files. Checks what it is given and refuses with a {@link Rejection} before writing anything;
 * sees and writes only within the caller's work scope; writes at headquarters only.
 */
@Service
class TrainingService implements Training, TrainingRecords {

    private static final Pattern COURSE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,19}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Courses courses;
    private final Sessions sessions;
    private final Enrolments enrolments;
    private final Certificates certificates;
    private final Evaluations evaluations;
    private final RosterImports rosters;
    private final ReferenceData referenceData;
    private final Accounts accounts;
    private final NodeIdentity node;
    private final NodeRole role;
    private final Clock clock;

    TrainingService(Courses courses, Sessions sessions, Enrolments enrolments, Certificates certificates,
                    Evaluations evaluations, RosterImports rosters, ReferenceData referenceData, Accounts accounts,
                    NodeIdentity node, NodeRole role, Clock clock) {
        this.courses = courses;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.certificates = certificates;
        this.evaluations = evaluations;
        this.rosters = rosters;
        this.referenceData = referenceData;
        this.accounts = accounts;
        this.node = node;
        this.role = role;
        this.clock = clock;
    }

    // --- courses --------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Course createCourse(CapacityCommands.CreateCourse command, String username) {
        atHeadquarters();
        List<Rejection.Field> faults = new ArrayList<>();
        String code = command.code() == null ? "" : command.code().strip().toUpperCase(Locale.ROOT);
        if (!COURSE_CODE.matcher(code).matches()) {
            faults.add(new Rejection.Field("code", "is required: 2 to 20 upper-case letters, digits, - or _"));
        }
        Texts title = titles(command.title(), command.titles(), 200, "title", faults);
        Texts description = command.description() == null ? null : texts(command.description(), 4000, "description", faults);
        if (command.topic() == null) {
            faults.add(new Rejection.Field("topic", "is required: " + names(Topic.values())));
        }
        int days = command.durationDays() == null ? 1 : command.durationDays();
        range(days, 1, 365, "durationDays", faults);
        if (command.certificateMonths() != null) {
            range(command.certificateMonths(), 1, 240, "certificateMonths", faults);
        }
        BigDecimal pass = command.passScore() == null ? new BigDecimal("70") : command.passScore();
        score(pass, "passScore", faults);
        check(faults);
        if (courses.codeTaken(code)) {
            throw Rejection.conflict("duplicate-code", "A course with the code " + code + " exists already.");
        }
        Course course = new Course(Ids.newId(), code, title, description, command.topic(), days,
                command.certificateMonths(), pass, false);
        try {
            courses.insert(course, node.nodeId(), username, clock.instant());
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("duplicate-code", "A course with the code " + code + " exists already.");
        }
        return course;
    }

    @Override
    public Page<Course> courses(Topic topic, PageRequest page) {
        return Page.of(courses.page(topic, (int) page.offset(), page.size()), page, courses.count(topic));
    }

    @Override
    public Optional<Course> course(UUID id) {
        return courses.find(id);
    }

    @Override
    @Transactional
    public Course updateCourse(UUID id, UpdateCourse command, String username) {
        atHeadquarters();
        Course course = courses.lock(id).orElseThrow(() -> courseNotFound(id));
        List<Rejection.Field> faults = new ArrayList<>();
        Texts title = command.title() == null && command.titles() == null ? course.title()
                : titles(command.title(), command.titles(), 200, "title", faults);
        Texts description = command.description() == null ? course.description()
                : texts(command.description(), 4000, "description", faults);
        int days = command.durationDays() == null ? course.durationDays() : command.durationDays();
        range(days, 1, 365, "durationDays", faults);
        Integer months = Boolean.TRUE.equals(command.noExpiry()) ? null
                : command.certificateMonths() == null ? course.certificateMonths() : command.certificateMonths();
        if (months != null) {
            range(months, 1, 240, "certificateMonths", faults);
        }
        BigDecimal pass = command.passScore() == null ? course.passScore() : command.passScore();
        score(pass, "passScore", faults);
        check(faults);
        Course changed = new Course(course.id(), course.code(), title, description, course.topic(), days, months, pass,
                command.retired() == null ? course.retired() : command.retired());
        courses.update(changed, Boolean.TRUE.equals(command.retired()), Boolean.FALSE.equals(command.retired()),
                clock.instant());
        return courses.find(id).orElseThrow();
    }

    // --- sessions -------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Session createSession(CapacityCommands.CreateSession command, String username) {
        atHeadquarters();
        List<Rejection.Field> faults = new ArrayList<>();
        Optional<Course> course = Optional.empty();
        if (command.courseId() == null) {
            faults.add(new Rejection.Field("courseId", "is required"));
        } else {
            course = courses.find(command.courseId());
            if (course.isEmpty()) {
                faults.add(new Rejection.Field("courseId", "is not a known course"));
            } else if (course.get().retired()) {
                faults.add(new Rejection.Field("courseId", "is a retired course: it has no new sessions"));
            }
        }
        if (command.startDate() == null) {
            faults.add(new Rejection.Field("startDate", "is required"));
        }
        if (command.endDate() == null) {
            faults.add(new Rejection.Field("endDate", "is required"));
        }
        if (command.startDate() != null && command.endDate() != null) {
            if (command.endDate().isBefore(command.startDate())) {
                faults.add(new Rejection.Field("endDate", "is before startDate"));
            } else if (ChronoUnit.DAYS.between(command.startDate(), command.endDate()) > 366) {
                faults.add(new Rejection.Field("endDate", "is more than a year after startDate"));
            }
        }
        TrainingCentre centre = centre(command.trainingCentre(), faults);
        List<String> trainers = new ArrayList<>();
        if (command.trainers() != null) {
            if (command.trainers().size() > 20) {
                faults.add(new Rejection.Field("trainers", "are at most 20"));
            }
            for (int i = 0; i < command.trainers().size(); i++) {
                String t = command.trainers().get(i);
                if (t == null || t.isBlank() || t.strip().length() > 200) {
                    faults.add(new Rejection.Field("trainers[" + i + "]", "is a name of 1 to 200 characters"));
                } else {
                    trainers.add(t.strip());
                }
            }
        }
        int capacity = command.capacity() == null ? 25 : command.capacity();
        range(capacity, 1, 500, "capacity", faults);
        check(faults);
        if (centre.borderPoint() != null) {
            inScope(centre.borderPoint(), username);
        }
        UUID id = Ids.newId();
        sessions.insert(id, node.nodeId(), command.courseId(), command.startDate(), command.endDate(), centre, trainers,
                capacity, username, clock.instant());
        return sessions.find(id).orElseThrow();
    }

    @Override
    public Page<Session> sessions(SessionFilter filter, PageRequest page, String username) {
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        String centre = filter.trainingCentre() == null ? null : centre(filter.trainingCentre(), null).code();
        return Page.of(sessions.page(filter.from(), filter.to(), filter.course(), centre, points, (int) page.offset(),
                page.size()), page, sessions.count(filter.from(), filter.to(), filter.course(), centre, points));
    }

    @Override
    public Session session(UUID id, String username) {
        ReadScope scope = accounts.ownScope(username);
        return sessions.find(id).filter(s -> inSight(s, scope)).orElseThrow(() -> sessionNotFound(id));
    }

    @Override
    @Transactional
    public Session cancelSession(UUID id, String reason, String username) {
        atHeadquarters();
        Session session = session(id, username);
        if (reason != null && reason.length() > 2000) {
            throw Rejection.invalidField("reason", "is at most 2000 characters");
        }
        if (session.cancelled()) {
            throw Rejection.conflict("session-cancelled", "Session " + id + " is cancelled already.");
        }
        sessions.cancel(id, reason == null || reason.isBlank() ? null : reason.strip(), clock.instant());
        return sessions.find(id).orElseThrow();
    }

    // --- participants ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Participant addParticipant(UUID sessionId, CapacityCommands.AddParticipant command, String username) {
        atHeadquarters();
        Session session = open(sessionId, username);
        ReadScope scope = accounts.ownScope(username);
        List<Rejection.Field> faults = new ArrayList<>();
        if (command.agency() == null) {
            faults.add(new Rejection.Field("agency", "is required: " + names(Agency.values())));
        }
        String point = borderPoint(command.borderPoint(), "borderPoint", faults);
        length(command.rank(), 100, "rank", faults);
        length(command.account(), 100, "account", faults);
        score(command.preTestScore(), "preTestScore", faults);
        score(command.postTestScore(), "postTestScore", faults);
        if (command.reaction() != null) {
            range(command.reaction(), 1, 5, "reaction", faults);
        }
        String account = blankToNull(command.account());
        Optional<Enrolments.PersonRow> known = Optional.empty();
        if (command.personId() != null) {
            known = enrolments.person(command.personId());
            if (known.isEmpty()) {
                faults.add(new Rejection.Field("personId", "is not a known person"));
            }
        } else if (account != null) {
            known = enrolments.personByAccount(account);
        }
        if (account != null && known.isEmpty() && !accounts.exists(account)) {
            faults.add(new Rejection.Field("account", "is no account of Manfadh: leave it out for a person without one"));
        }
        String name = blankToNull(command.name());
        if (known.isEmpty() && command.personId() == null) {
            if (name == null) {
                faults.add(new Rejection.Field("name", "is required for a person not known yet"));
            } else if (name.length() > 200) {
                faults.add(new Rejection.Field("name", "is at most 200 characters"));
            }
            if (command.sex() == null) {
                faults.add(new Rejection.Field("sex", "is required for a person not known yet: F or M"));
            }
        }
        check(faults);
        participantInScope(point, scope);
        sessions.lock(sessionId);
        if (enrolments.count(sessionId) >= session.capacity()) {
            throw Rejection.conflict("session-full", "Session " + sessionId + " is full: it takes "
                    + session.capacity() + " participants.");
        }
        Instant now = clock.instant();
        UUID person;
        if (known.isPresent()) {
            person = known.get().id();
            if (enrolments.enrolled(sessionId, person)) {
                throw Rejection.conflict("already-enrolled", "This person takes part in session " + sessionId
                        + " already.");
            }
        } else {
            person = Ids.newId();
            try {
                enrolments.insertPerson(person, node.nodeId(), name, command.sex(), account, now);
            } catch (DuplicateKeyException e) {
                throw Rejection.conflict("account-taken", "Another person was linked to the account " + account
                        + " just now; add the participant again.");
            }
        }
        UUID id = Ids.newId();
        try {
            enrolments.insert(id, node.nodeId(), sessionId, person, command.agency(), blankToNull(command.rank()), point,
                    command.preTestScore(), command.postTestScore(), Boolean.TRUE.equals(command.attended()),
                    command.attended() != null, command.reaction(), username, now);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("already-enrolled", "This person takes part in session " + sessionId + " already.");
        }
        return enrolments.find(sessionId, id).orElseThrow();
    }

    @Override
    public List<Participant> participants(UUID sessionId, String username) {
        session(sessionId, username);
        return enrolments.ofSession(sessionId, accounts.ownScope(username).borderPointsOrNull());
    }

    @Override
    @Transactional
    public Participant updateParticipant(UUID sessionId, UUID participantId, UpdateParticipant command,
                                         String username) {
        atHeadquarters();
        Session session = session(sessionId, username);
        ReadScope scope = accounts.ownScope(username);
        Participant p = visibleParticipant(sessionId, participantId, scope);
        List<Rejection.Field> faults = new ArrayList<>();
        score(command.preTestScore(), "preTestScore", faults);
        score(command.postTestScore(), "postTestScore", faults);
        if (command.reaction() != null) {
            range(command.reaction(), 1, 5, "reaction", faults);
        }
        length(command.rank(), 100, "rank", faults);
        String point = command.borderPoint() == null ? p.borderPoint()
                : command.borderPoint().isBlank() ? null : borderPoint(command.borderPoint(), "borderPoint", faults);
        check(faults);
        if (!java.util.Objects.equals(point, p.borderPoint())) {
            participantInScope(point, scope);
        }
        boolean fromDays = Boolean.TRUE.equals(command.attendedFromDays());
        boolean explicit = !fromDays && (command.attended() != null || enrolments.attendedExplicit(participantId));
        boolean attended = command.attended() != null ? command.attended() : p.attended();
        String rank = command.rank() == null ? p.rank() : blankToNull(command.rank());
        Instant now = clock.instant();
        enrolments.update(participantId, command.preTestScore() == null ? p.preTestScore() : command.preTestScore(),
                command.postTestScore() == null ? p.postTestScore() : command.postTestScore(), attended, explicit,
                command.reaction() == null ? p.reaction() : command.reaction(), rank, point, now);
        if (fromDays) {
            enrolments.attendedFromDays(sessionId, days(session), now);
        }
        return enrolments.find(sessionId, participantId).orElseThrow();
    }

    @Override
    public List<Mark> attendance(UUID sessionId, String username) {
        session(sessionId, username);
        return enrolments.marks(sessionId, accounts.ownScope(username).borderPointsOrNull());
    }

    @Override
    @Transactional
    public List<Participant> recordAttendance(UUID sessionId, List<Mark> marks, String username) {
        atHeadquarters();
        Session session = session(sessionId, username);
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        Set<UUID> inSight = enrolments.ofSession(sessionId, points).stream().map(Participant::id)
                .collect(Collectors.toSet());
        List<Rejection.Field> faults = new ArrayList<>();
        if (marks == null) {
            throw Rejection.invalidField("marks", "is required: [{participantId, day, present}, …]");
        }
        if (marks.size() > 20_000) {
            throw Rejection.invalidField("marks", "are at most 20000");
        }
        Map<String, Mark> last = new LinkedHashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m == null) {
                faults.add(new Rejection.Field("[" + i + "]", "is required"));
                continue;
            }
            if (m.participantId() == null || !inSight.contains(m.participantId())) {
                faults.add(new Rejection.Field("[" + i + "].participantId", "is not a participant of the session"));
            }
            if (m.day() == null || m.day().isBefore(session.startDate()) || m.day().isAfter(session.endDate())) {
                faults.add(new Rejection.Field("[" + i + "].day", "is not a day of the session ("
                        + session.startDate() + " to " + session.endDate() + ")"));
            }
            if (m.present() == null) {
                faults.add(new Rejection.Field("[" + i + "].present", "is required: true or false"));
            }
            last.put(m.participantId() + "/" + m.day(), m);
        }
        check(faults);
        Instant now = clock.instant();
        for (Mark m : last.values()) {
            enrolments.mark(m.participantId(), m.day(), m.present(), username, now);
        }
        enrolments.attendedFromDays(sessionId, days(session), now);
        return enrolments.ofSession(sessionId, points);
    }

    // --- certificates ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public int issueCertificates(UUID sessionId, String username) {
        atHeadquarters();
        Session session = session(sessionId, username);
        if (session.cancelled()) {
            throw Rejection.conflict("session-cancelled", "Session " + sessionId + " is cancelled: it has no certificates.");
        }
        if (session.endDate().isAfter(LocalDate.now(clock))) {
            throw Rejection.conflict("session-not-ended", "Session " + sessionId + " ends on " + session.endDate()
                    + ": its certificates are issued from its last day on.");
        }
        // The course's row lock numbers its certificates one issue at a time.
        Course course = courses.lock(session.courseId()).orElseThrow();
        Set<UUID> inSight = enrolments.ofSession(sessionId, accounts.ownScope(username).borderPointsOrNull()).stream()
                .map(Participant::id).collect(Collectors.toSet());
        LocalDate issuedOn = session.endDate();
        LocalDate expiresOn = course.certificateMonths() == null ? null : issuedOn.plusMonths(course.certificateMonths());
        String prefix = "BPC-" + course.code() + "-" + issuedOn.getYear() + "-";
        int sequence = certificates.lastSequence(prefix);
        Instant now = clock.instant();
        int issued = 0;
        for (UUID enrolment : certificates.eligible(sessionId, course.passScore())) {
            if (!inSight.contains(enrolment)) {
                continue;
            }
            sequence++;
            certificates.insert(Ids.newId(), node.nodeId(), enrolment, course.id(),
                    prefix + String.format(Locale.ROOT, "%04d", sequence), issuedOn, expiresOn, username, now);
            issued++;
        }
        return issued;
    }

    @Override
    public List<Certificate> certificates(UUID sessionId, String username) {
        session(sessionId, username);
        return certificates.ofSession(sessionId, accounts.ownScope(username).borderPointsOrNull());
    }

    @Override
    @Transactional
    public Certificate revokeCertificate(UUID certificateId, String reason, String username) {
        atHeadquarters();
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalidField("reason", "is required: why the certificate is revoked");
        }
        if (reason.length() > 2000) {
            throw Rejection.invalidField("reason", "is at most 2000 characters");
        }
        ReadScope scope = accounts.ownScope(username);
        Certificates.Held held = certificates.lock(certificateId)
                .filter(h -> h.borderPoint() == null ? scope.everywhere() : scope.allows(h.borderPoint()))
                .orElseThrow(() -> Rejection.notFound("Certificate", "No certificate has the id " + certificateId + "."));
        if (held.certificate().revoked()) {
            throw Rejection.conflict("certificate-revoked", "Certificate " + held.certificate().number()
                    + " is revoked already.");
        }
        certificates.revoke(certificateId, reason.strip(), username, clock.instant());
        return certificates.find(certificateId).orElseThrow();
    }

    @Override
    public Person person(UUID id, String username) {
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        Enrolments.PersonRow person = enrolments.person(id)
                .orElseThrow(() -> Rejection.notFound("Person", "No person has the id " + id + "."));
        List<Participant> taken = enrolments.ofPerson(id, points);
        if (points != null && taken.isEmpty()) {
            throw Rejection.notFound("Person", "No person has the id " + id + ".");
        }
        return new Person(person.id(), person.name(), person.sex(), person.account(), taken,
                certificates.ofPerson(id, points));
    }

    @Override
    public List<Refresher> refreshers(String borderPoint, int withinDays, String username) {
        List<Rejection.Field> faults = new ArrayList<>();
        range(withinDays, 0, 3650, "within", faults);
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint(borderPoint, "borderPoint", faults);
        check(faults);
        ReadScope scope = accounts.ownScope(username);
        if (point != null) {
            inScope(point, username);
        }
        LocalDate today = LocalDate.now(clock);
        return certificates.refreshers(today, today.plusDays(withinDays), point, scope.borderPointsOrNull());
    }

    // --- evaluations ----------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Evaluation recordEvaluation(UUID sessionId, RecordEvaluation command, String username) {
        atHeadquarters();
        Session session = session(sessionId, username);
        ReadScope scope = accounts.ownScope(username);
        List<Rejection.Field> faults = new ArrayList<>();
        if (command.level() == null || command.level() < 3 || command.level() > 4) {
            faults.add(new Rejection.Field("level", "is required: 3 (behaviour at work) or 4 (results at the border "
                    + "point); levels 1 and 2 are the participants' reaction and scores"));
        }
        if (command.participantId() != null
                && enrolments.find(sessionId, command.participantId()).filter(p -> inSight(p, scope)).isEmpty()) {
            faults.add(new Rejection.Field("participantId", "is not a participant of the session"));
        }
        if (command.observedOn() == null) {
            faults.add(new Rejection.Field("observedOn", "is required"));
        } else if (command.observedOn().isBefore(session.startDate())) {
            faults.add(new Rejection.Field("observedOn", "is before the session began"));
        }
        score(command.score(), "score", faults);
        length(command.note(), 4000, "note", faults);
        String note = blankToNull(command.note());
        if (command.level() != null && command.level() == 3 && command.score() == null && note == null) {
            faults.add(new Rejection.Field("score", "or a note is required for level 3"));
        }
        if (command.level() != null && command.level() == 4 && note == null) {
            faults.add(new Rejection.Field("note", "is required for level 4: what changed at the border point"));
        }
        check(faults);
        Evaluation evaluation = new Evaluation(Ids.newId(), sessionId, command.participantId(), command.level(),
                command.observedOn(), command.score(), note, username);
        evaluations.insert(evaluation, node.nodeId(), clock.instant());
        return evaluation;
    }

    @Override
    public EvaluationSummary evaluations(UUID sessionId, String username) {
        session(sessionId, username);
        String[] points = accounts.ownScope(username).borderPointsOrNull();
        List<Participant> participants = enrolments.ofSession(sessionId, points);
        List<Evaluation> observed = evaluations.ofSession(sessionId, points);
        BigDecimal reaction = mean(participants.stream().map(Participant::reaction)
                .filter(java.util.Objects::nonNull).map(BigDecimal::valueOf).toList());
        BigDecimal gain = mean(participants.stream().map(Participant::gain).filter(java.util.Objects::nonNull).toList());
        BigDecimal level3 = mean(observed.stream().filter(e -> e.level() == 3).map(Evaluation::score)
                .filter(java.util.Objects::nonNull).toList());
        List<String> level4 = observed.stream().filter(e -> e.level() == 4).map(Evaluation::note).toList();
        return new EvaluationSummary(sessionId, participants.size(),
                (int) participants.stream().filter(Participant::attended).count(), reaction, gain, level3, level4,
                observed);
    }

    // --- roster files ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public RosterResult importRoster(UUID sessionId, String fileName, byte[] content, String username) {
        atHeadquarters();
        Session session = open(sessionId, username);
        return rosters.importInto(session, RosterFiles.read(content), accounts.ownScope(username), username);
    }

    // --- rules shared by the above --------------------------------------------------------------------------------

    private void atHeadquarters() {
        if (role.post()) {
            throw Rejection.conflict("hq-only", "Training records are kept at headquarters; this border post "
                    + "does not change them.");
        }
    }

    /** A session in sight that is not cancelled. */
    private Session open(UUID sessionId, String username) {
        Session session = session(sessionId, username);
        if (session.cancelled()) {
            throw Rejection.conflict("session-cancelled", "Session " + sessionId + " is cancelled.");
        }
        return session;
    }

    private static int days(Session session) {
        return (int) ChronoUnit.DAYS.between(session.startDate(), session.endDate()) + 1;
    }

    private static boolean inSight(Session s, ReadScope scope) {
        return s.trainingCentre().length() != 3 || scope.allows(s.trainingCentre());
    }

    private static boolean inSight(Participant p, ReadScope scope) {
        return p.borderPoint() == null ? scope.everywhere() : scope.allows(p.borderPoint());
    }

    private Participant visibleParticipant(UUID sessionId, UUID participantId, ReadScope scope) {
        return enrolments.find(sessionId, participantId).filter(p -> inSight(p, scope))
                .orElseThrow(() -> Rejection.notFound("Participant", "Session " + sessionId
                        + " has no participant with the id " + participantId + "."));
    }

    private void inScope(String borderPoint, String username) {
        if (!accounts.ownScope(username).allows(borderPoint)) {
            throw outOfJurisdiction(borderPoint);
        }
    }

    private static void participantInScope(String point, ReadScope scope) {
        if (point == null ? !scope.everywhere() : !scope.allows(point)) {
            throw point == null ? Rejection.of(Rejection.Kind.FORBIDDEN, "out-of-jurisdiction",
                    "Outside your jurisdiction", "A participant without a border point is recorded only by a caller "
                            + "whose jurisdiction is the whole country; give the participant's border point.")
                    : outOfJurisdiction(point);
        }
    }

    private static Rejection outOfJurisdiction(String borderPoint) {
        return Rejection.of(Rejection.Kind.FORBIDDEN, "out-of-jurisdiction", "Outside your jurisdiction",
                "Border point " + borderPoint + " is outside your jurisdiction.");
    }

    private TrainingCentre centre(String written, List<Rejection.Field> faults) {
        TrainingCentre centre = null;
        String problem = null;
        if (written == null || written.isBlank()) {
            problem = "is required: BAGHDAD, BASRA, SULAYMANIYAH, ERBIL or a border point's code";
        } else {
            try {
                centre = TrainingCentre.of(written);
                if (centre.borderPoint() != null && referenceData.borderPoint(centre.borderPoint()).isEmpty()) {
                    problem = "is not a training centre (BAGHDAD, BASRA, SULAYMANIYAH, ERBIL) nor a known border point: "
                            + written;
                    centre = null;
                }
            } catch (IllegalArgumentException e) {
                problem = "is not a training centre (BAGHDAD, BASRA, SULAYMANIYAH, ERBIL) nor a border point's code: "
                        + written;
            }
        }
        if (problem != null) {
            if (faults == null) {
                throw Rejection.invalidField("trainingCentre", problem);
            }
            faults.add(new Rejection.Field("trainingCentre", problem));
        }
        return centre;
    }

    private String borderPoint(String code, String field, List<Rejection.Field> faults) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String point = code.strip().toUpperCase(Locale.ROOT);
        if (!point.matches("[A-Z]{3}") || referenceData.borderPoint(point).isEmpty()) {
            faults.add(new Rejection.Field(field, "is not a known border point's code: " + code));
            return null;
        }
        return point;
    }

    private static Texts titles(String title, Texts titles, int max, String field, List<Rejection.Field> faults) {
        String en = titles != null && titles.en() != null && !titles.en().isBlank() ? titles.en() : title;
        if (en == null || en.isBlank()) {
            faults.add(new Rejection.Field(field, "is required (in English at least)"));
            return null;
        }
        return texts(new Texts(en, titles == null ? null : titles.ar(), titles == null ? null : titles.ckb()), max,
                field, faults);
    }

    private static Texts texts(Texts texts, int max, String field, List<Rejection.Field> faults) {
        if (texts.en() == null || texts.en().isBlank()) {
            faults.add(new Rejection.Field(field + ".en", "is required"));
            return null;
        }
        length(texts.en(), max, field + ".en", faults);
        length(texts.ar(), max, field + ".ar", faults);
        length(texts.ckb(), max, field + ".ckb", faults);
        return new Texts(texts.en().strip(), blankToNull(texts.ar()), blankToNull(texts.ckb()));
    }

    private static void length(String value, int max, String field, List<Rejection.Field> faults) {
        if (value != null && value.strip().length() > max) {
            faults.add(new Rejection.Field(field, "is at most " + max + " characters"));
        }
    }

    private static void range(int value, int min, int max, String field, List<Rejection.Field> faults) {
        if (value < min || value > max) {
            faults.add(new Rejection.Field(field, "is " + min + " to " + max));
        }
    }

    private static void score(BigDecimal value, String field, List<Rejection.Field> faults) {
        if (value != null && (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(HUNDRED) > 0
                || value.stripTrailingZeros().scale() > 2)) {
            faults.add(new Rejection.Field(field, "is a score from 0 to 100 (two decimals at most)"));
        }
    }

    private static void check(List<Rejection.Field> faults) {
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Rejection courseNotFound(UUID id) {
        return Rejection.notFound("Course", "No course has the id " + id + ".");
    }

    private static Rejection sessionNotFound(UUID id) {
        return Rejection.notFound("Session", "No session has the id " + id + ".");
    }
}
