package org.manfadh.capacity.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.manfadh.capacity.Agency;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Course;
import org.manfadh.capacity.Participant;
import org.manfadh.capacity.Session;
import org.manfadh.capacity.Sex;
import org.manfadh.capacity.Texts;
import org.manfadh.capacity.Topic;
import org.manfadh.capacity.Training;
import org.manfadh.capacity.TrainingRecords;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The training directorate's screens: courses, sessions, the trainer's one page for a session (attendance by day,
 * scores and reaction for every participant, one Save; add a participant, import a roster, issue certificates) and
 * refreshers due per border point. What a form gets wrong is said beside the field, in the reader's language, and
 * what was entered stays.
 */
@Controller
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class TrainingScreensController {

    private static final int PAGE = 50;

    private final Training training;
    private final TrainingRecords records;
    private final ReferenceData referenceData;
    private final Clock clock;

    TrainingScreensController(Training training, TrainingRecords records, ReferenceData referenceData, Clock clock) {
        this.training = training;
        this.records = records;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    // --- courses --------------------------------------------------------------------------------------------------

    @GetMapping("/capacity/courses")
    String courses(@RequestParam(required = false) String topic, @RequestParam(required = false) Integer page,
                   Model model) {
        showCourses(topic, page, model, Map.of(), Map.of());
        return "capacity/training/courses";
    }

    @PostMapping("/capacity/courses")
    String createCourse(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Topic topic = enumOf(Topic.class, form.getFirst("topic"), "topic", errors);
        Integer days = integer(form.getFirst("durationDays"), "durationDays", errors);
        Integer months = integer(form.getFirst("certificateMonths"), "certificateMonths", errors);
        BigDecimal pass = decimal(form.getFirst("passScore"), "passScore", errors);
        if (errors.isEmpty()) {
            try {
                Course course = training.createCourse(new CapacityCommands.CreateCourse(form.getFirst("code"), null,
                        new Texts(form.getFirst("titleEn"), form.getFirst("titleAr"), form.getFirst("titleCkb")), null,
                        topic, days, months, pass), caller.getName());
                redirect.addFlashAttribute("done", "capacity.training.courses.created");
                return "redirect:/capacity/courses/" + course.id();
            } catch (Rejection e) {
                errors.putAll(errorsOf(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showCourses(null, 0, model, errors, form.toSingleValueMap());
        return "capacity/training/courses";
    }

    private void showCourses(String topic, Integer page, Model model, Map<String, String> errors,
                             Map<String, String> form) {
        Topic wanted = null;
        try {
            wanted = topic == null || topic.isBlank() ? null : Topic.valueOf(topic);
        } catch (IllegalArgumentException e) {
            // an unknown topic filters nothing
        }
        model.addAttribute("courses", records.courses(wanted, new PageRequest(page == null || page < 0 ? 0 : page, PAGE)));
        model.addAttribute("topic", wanted);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("language", language());
    }

    @GetMapping("/capacity/courses/{id}")
    String course(@PathVariable UUID id, Authentication caller, Model model) {
        Course course = records.course(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("course", course);
        model.addAttribute("sessions", records.sessions(new TrainingRecords.SessionFilter(null, null, id, null),
                new PageRequest(0, 200), caller.getName()).content());
        model.addAttribute("language", language());
        model.addAttribute("errors", Map.of());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleEn", course.title().en());
        form.put("titleAr", course.title().ar() == null ? "" : course.title().ar());
        form.put("titleCkb", course.title().ckb() == null ? "" : course.title().ckb());
        form.put("durationDays", String.valueOf(course.durationDays()));
        form.put("certificateMonths", course.certificateMonths() == null ? "" : String.valueOf(course.certificateMonths()));
        form.put("passScore", course.passScore().stripTrailingZeros().toPlainString());
        model.addAttribute("form", form);
        return "capacity/training/course";
    }

    @PostMapping("/capacity/courses/{id}")
    String updateCourse(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer days = integer(form.getFirst("durationDays"), "durationDays", errors);
        Integer months = integer(form.getFirst("certificateMonths"), "certificateMonths", errors);
        BigDecimal pass = decimal(form.getFirst("passScore"), "passScore", errors);
        if (errors.isEmpty()) {
            try {
                records.updateCourse(id, new TrainingRecords.UpdateCourse(null, new Texts(form.getFirst("titleEn"),
                        form.getFirst("titleAr"), form.getFirst("titleCkb")), null, days, months, months == null,
                        pass, null), caller.getName());
                redirect.addFlashAttribute("done", "capacity.training.saved");
                return "redirect:/capacity/courses/" + id;
            } catch (Rejection e) {
                if (e.kind() == Rejection.Kind.NOT_FOUND) {
                    throw status(e);
                }
                errors.putAll(errorsOf(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        course(id, caller, model);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form.toSingleValueMap());
        return "capacity/training/course";
    }

    @PostMapping("/capacity/courses/{id}/retire")
    String retire(@PathVariable UUID id, @RequestParam(required = false) String retired, Authentication caller,
                  RedirectAttributes redirect) {
        try {
            records.updateCourse(id, new TrainingRecords.UpdateCourse(null, null, null, null, null, null, null,
                    "true".equals(retired)), caller.getName());
        } catch (Rejection e) {
            throw status(e);
        }
        redirect.addFlashAttribute("done", "capacity.training.saved");
        return "redirect:/capacity/courses/" + id;
    }

    // --- sessions -------------------------------------------------------------------------------------------------

    @GetMapping("/capacity/sessions")
    String sessions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String course, @RequestParam(required = false) String centre,
                    @RequestParam(required = false) Integer page, Authentication caller, Model model) {
        showSessions(from, to, course, centre, page, caller, model, Map.of(), Map.of());
        return "capacity/training/sessions";
    }

    @PostMapping("/capacity/sessions")
    String createSession(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID course = uuid(form.getFirst("courseId"), "courseId", errors);
        LocalDate start = date(form.getFirst("startDate"), "startDate", errors);
        LocalDate end = date(form.getFirst("endDate"), "endDate", errors);
        Integer capacity = integer(form.getFirst("capacity"), "capacity", errors);
        List<String> trainers = new ArrayList<>();
        String trainerText = form.getFirst("trainers");
        if (trainerText != null) {
            for (String t : trainerText.split("[,،\\n]")) {
                if (!t.isBlank()) {
                    trainers.add(t.strip());
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                Session session = training.createSession(new CapacityCommands.CreateSession(course, start, end,
                        form.getFirst("trainingCentre"), trainers, capacity), caller.getName());
                redirect.addFlashAttribute("done", "capacity.training.sessions.created");
                return "redirect:/capacity/sessions/" + session.id();
            } catch (Rejection e) {
                errors.putAll(errorsOf(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showSessions(null, null, null, null, 0, caller, model, errors, form.toSingleValueMap());
        return "capacity/training/sessions";
    }

    private void showSessions(String from, String to, String course, String centre, Integer page,
                              Authentication caller, Model model, Map<String, String> errors, Map<String, String> form) {
        LocalDate fromDay = quietDate(from);
        LocalDate toDay = quietDate(to);
        UUID courseId = quietUuid(course);
        String centreCode = centre == null || centre.isBlank() ? null : centre.strip().toUpperCase(Locale.ROOT);
        Page<Session> sessions;
        try {
            sessions = records.sessions(new TrainingRecords.SessionFilter(fromDay, toDay, courseId, centreCode),
                    new PageRequest(page == null || page < 0 ? 0 : page, PAGE), caller.getName());
        } catch (Rejection e) {
            sessions = records.sessions(new TrainingRecords.SessionFilter(fromDay, toDay, courseId, null),
                    new PageRequest(0, PAGE), caller.getName());
        }
        model.addAttribute("sessions", sessions);
        model.addAttribute("courses", records.courses(null, new PageRequest(0, 500)).content().stream()
                .filter(c -> !c.retired()).toList());
        model.addAttribute("centres", centres(caller));
        model.addAttribute("filter", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to,
                "course", course == null ? "" : course, "centre", centreCode == null ? "" : centreCode));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.now(clock).toString());
        model.addAttribute("language", language());
    }

    /** The training centres, then the border points in the caller's sight, as (code, label) for a select. */
    private List<String> centres(Authentication caller) {
        List<String> codes = new ArrayList<>(List.of("BAGHDAD", "BASRA", "SULAYMANIYAH", "ERBIL"));
        referenceData.borderPoints().stream().map(p -> p.code()).sorted().forEach(codes::add);
        return codes;
    }

    // --- the trainer's page ---------------------------------------------------------------------------------------

    /** A row of the trainer's grid: the participant and, for each day of the session, whether present. */
    record Row(Participant participant, List<Boolean> present) {
    }

    @GetMapping("/capacity/sessions/{id}")
    String session(@PathVariable UUID id, Authentication caller, Model model) {
        showSession(id, caller, model, Map.of(), null);
        return "capacity/training/session";
    }

    @PostMapping("/capacity/sessions/{id}")
    String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Session session = session(id, caller);
        List<Participant> participants = records.participants(id, caller.getName());
        List<LocalDate> days = days(session);
        Map<String, String> errors = new LinkedHashMap<>();
        List<TrainingRecords.Mark> marks = new ArrayList<>();
        Map<UUID, TrainingRecords.UpdateParticipant> changes = new LinkedHashMap<>();
        for (Participant p : participants) {
            for (LocalDate day : days) {
                marks.add(new TrainingRecords.Mark(p.id(), day, form.containsKey("present-" + p.id() + "-" + day)));
            }
            BigDecimal pre = decimal(form.getFirst("pre-" + p.id()), "pre-" + p.id(), errors);
            BigDecimal post = decimal(form.getFirst("post-" + p.id()), "post-" + p.id(), errors);
            Integer reaction = integer(form.getFirst("reaction-" + p.id()), "reaction-" + p.id(), errors);
            for (String key : List.of("pre-", "post-")) {
                BigDecimal v = key.equals("pre-") ? pre : post;
                if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    errors.put(key + p.id(), "capacity.training.error.score");
                }
            }
            if (reaction != null && (reaction < 1 || reaction > 5)) {
                errors.put("reaction-" + p.id(), "capacity.training.error.reaction");
            }
            if (!same(pre, p.preTestScore()) || !same(post, p.postTestScore())
                    || !Objects.equals(reaction, p.reaction())) {
                changes.put(p.id(), new TrainingRecords.UpdateParticipant(pre, post, null, null, reaction, null, null));
            }
        }
        if (errors.isEmpty()) {
            try {
                records.recordAttendance(id, marks, caller.getName());
                for (Map.Entry<UUID, TrainingRecords.UpdateParticipant> change : changes.entrySet()) {
                    records.updateParticipant(id, change.getKey(), change.getValue(), caller.getName());
                }
                redirect.addFlashAttribute("done", "capacity.training.saved");
                return "redirect:/capacity/sessions/" + id;
            } catch (Rejection e) {
                if (e.kind() == Rejection.Kind.NOT_FOUND || e.kind() == Rejection.Kind.FORBIDDEN) {
                    throw status(e);
                }
                errors.put("form", messageOf(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showSession(id, caller, model, errors, form.toSingleValueMap());
        return "capacity/training/session";
    }

    @PostMapping("/capacity/sessions/{id}/participants")
    String addParticipant(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                          Authentication caller, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Sex sex = enumOf(Sex.class, form.getFirst("sex"), "sex", errors);
        Agency agency = enumOf(Agency.class, form.getFirst("agency"), "agency", errors);
        BigDecimal pre = decimal(form.getFirst("preTestScore"), "preTestScore", errors);
        if (errors.isEmpty()) {
            try {
                training.addParticipant(id, new CapacityCommands.AddParticipant(null, form.getFirst("name"), sex, agency,
                        blank(form.getFirst("rank")), blank(form.getFirst("borderPoint")), blank(form.getFirst("account")),
                        pre, null, null, null), caller.getName());
                redirect.addFlashAttribute("done", "capacity.training.participants.added");
                return "redirect:/capacity/sessions/" + id;
            } catch (Rejection e) {
                if (e.kind() == Rejection.Kind.NOT_FOUND) {
                    throw status(e);
                }
                errors.putAll(errorsOf(e));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> entered = new LinkedHashMap<>();
        form.toSingleValueMap().forEach((k, v) -> entered.put("add-" + k, v));
        showSession(id, caller, model, prefixed(errors), entered);
        model.addAttribute("addOpen", true);
        return "capacity/training/session";
    }

    @PostMapping("/capacity/sessions/{id}/certificates")
    String issue(@PathVariable UUID id, Authentication caller, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        try {
            int issued = training.issueCertificates(id, caller.getName());
            redirect.addFlashAttribute("issued", issued);
            return "redirect:/capacity/sessions/" + id;
        } catch (Rejection e) {
            if (e.kind() == Rejection.Kind.NOT_FOUND || e.kind() == Rejection.Kind.FORBIDDEN) {
                throw status(e);
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            showSession(id, caller, model, Map.of("form", messageOf(e)), null);
            return "capacity/training/session";
        }
    }

    @PostMapping("/capacity/sessions/{id}/evaluations")
    String evaluate(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer level = integer(form.getFirst("level"), "level", errors);
        UUID participant = quietUuid(form.getFirst("participantId"));
        LocalDate on = date(form.getFirst("observedOn"), "observedOn", errors);
        BigDecimal score = decimal(form.getFirst("score"), "score", errors);
        if (errors.isEmpty()) {
            try {
                records.recordEvaluation(id, new TrainingRecords.RecordEvaluation(level, participant, on, score,
                        blank(form.getFirst("note"))), caller.getName());
                redirect.addFlashAttribute("done", "capacity.training.levels.recorded");
                return "redirect:/capacity/sessions/" + id;
            } catch (Rejection e) {
                if (e.kind() == Rejection.Kind.NOT_FOUND || e.kind() == Rejection.Kind.FORBIDDEN) {
                    throw status(e);
                }
                errors.putAll(errorsOf(e));
                // What each level needs, said plainly.
                if (errors.containsKey("note") && Integer.valueOf(4).equals(level)) {
                    errors.put("note", "capacity.training.levels.noteRequired");
                }
                if (errors.containsKey("score") && Integer.valueOf(3).equals(level) && score == null) {
                    errors.put("score", "capacity.training.levels.scoreOrNote");
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> entered = new LinkedHashMap<>();
        form.toSingleValueMap().forEach((k, v) -> entered.put("eval-" + k, v));
        Map<String, String> marked = new LinkedHashMap<>();
        errors.forEach((k, v) -> marked.put("eval-" + k, v));
        showSession(id, caller, model, marked, entered);
        model.addAttribute("evalOpen", true);
        return "capacity/training/session";
    }

    private void showSession(UUID id, Authentication caller, Model model, Map<String, String> errors,
                             Map<String, String> form) {
        Session session = session(id, caller);
        List<LocalDate> days = days(session);
        List<Participant> participants = records.participants(id, caller.getName());
        Set<String> present = new HashSet<>();
        for (TrainingRecords.Mark m : records.attendance(id, caller.getName())) {
            if (Boolean.TRUE.equals(m.present())) {
                present.add(m.participantId() + "/" + m.day());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Participant p : participants) {
            List<Boolean> marks = new ArrayList<>();
            for (LocalDate day : days) {
                marks.add(form != null && form.containsKey("pre-" + p.id())
                        ? form.containsKey("present-" + p.id() + "-" + day) : present.contains(p.id() + "/" + day));
            }
            rows.add(new Row(p, marks));
        }
        model.addAttribute("current", session);
        model.addAttribute("course", records.course(session.courseId()).orElseThrow());
        model.addAttribute("days", days);
        model.addAttribute("rows", rows);
        model.addAttribute("summary", records.evaluations(id, caller.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form == null ? Map.of() : form);
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("agencies", Agency.values());
        model.addAttribute("points", referenceData.borderPoints().stream().map(p -> p.code()).sorted().toList());
        model.addAttribute("rosterColumns", List.of("name", "sex", "agency", "rank", "borderPoint", "account",
                "preTestScore", "postTestScore", "attended"));
        model.addAttribute("language", language());
        if (!model.containsAttribute("addOpen")) {
            model.addAttribute("addOpen", false);
        }
        if (!model.containsAttribute("evalOpen")) {
            model.addAttribute("evalOpen", false);
        }
        model.addAttribute("today", LocalDate.now(clock).toString());
    }

    // --- roster import --------------------------------------------------------------------------------------------

    /** A bad row of a roster, as the screen lists it. */
    record RosterError(int row, String column, String code, String message) {
    }

    @GetMapping("/capacity/roster-import")
    String rosterForm(@RequestParam(required = false) String session, Authentication caller, Model model) {
        showRoster(quietUuid(session), caller, model, List.of(), null);
        return "capacity/training/roster-import";
    }

    @PostMapping("/capacity/roster-import")
    String importRoster(@RequestParam(required = false) String sessionId,
                        @RequestParam(required = false) MultipartFile file, Authentication caller, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        UUID id = quietUuid(sessionId);
        List<RosterError> errors = new ArrayList<>();
        String problem = null;
        if (id == null) {
            problem = "capacity.training.roster.chooseSession";
        } else if (file == null || file.isEmpty()) {
            problem = "capacity.training.roster.chooseFile";
        } else if (file.getSize() > 2 * 1024 * 1024) {
            problem = "capacity.training.roster.tooLarge";
        } else {
            try {
                TrainingRecords.RosterResult result = records.importRoster(id, file.getOriginalFilename(),
                        file.getBytes(), caller.getName());
                redirect.addFlashAttribute("imported", result.added());
                return "redirect:/capacity/sessions/" + id;
            } catch (Rejection e) {
                if (e.kind() == Rejection.Kind.NOT_FOUND || e.kind() == Rejection.Kind.FORBIDDEN) {
                    throw status(e);
                }
                Object faults = e.facts().get("errors");
                if (faults instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof Map<?, ?> m) {
                            errors.add(new RosterError((Integer) m.get("row"), String.valueOf(m.get("column")),
                                    String.valueOf(m.get("code")), String.valueOf(m.get("message"))));
                        }
                    }
                } else if (e.kind() == Rejection.Kind.TOO_LARGE) {
                    problem = "capacity.training.roster.tooLarge";
                } else {
                    problem = messageOf(e);
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showRoster(id, caller, model, errors, problem);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return "capacity/training/roster-import";
    }

    private void showRoster(UUID sessionId, Authentication caller, Model model, List<RosterError> errors,
                            String problem) {
        List<Session> open = records.sessions(new TrainingRecords.SessionFilter(LocalDate.now(clock).minusDays(400),
                null, null, null), new PageRequest(0, 300), caller.getName()).content().stream()
                .filter(s -> !s.cancelled()).toList();
        model.addAttribute("sessions", open);
        model.addAttribute("selected", sessionId);
        model.addAttribute("rosterErrors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("rosterColumns", List.of("name", "sex", "agency", "rank", "borderPoint", "account",
                "preTestScore", "postTestScore", "attended"));
        model.addAttribute("language", language());
    }

    // --- refreshers -----------------------------------------------------------------------------------------------

    @GetMapping("/capacity/refreshers")
    String refreshers(@RequestParam(required = false) String borderPoint, @RequestParam(required = false) Integer within,
                      Authentication caller, Model model) {
        int days = within == null || within < 0 || within > 3650 ? 90 : within;
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(Locale.ROOT);
        List<TrainingRecords.Refresher> due;
        try {
            due = records.refreshers(point, days, caller.getName());
        } catch (Rejection e) {
            if (e.kind() == Rejection.Kind.FORBIDDEN) {
                throw status(e);
            }
            point = null;
            due = records.refreshers(null, days, caller.getName());
        }
        Map<String, List<TrainingRecords.Refresher>> byPoint = new TreeMap<>();
        for (TrainingRecords.Refresher r : due) {
            byPoint.computeIfAbsent(r.borderPoint() == null ? "" : r.borderPoint(), k -> new ArrayList<>()).add(r);
        }
        model.addAttribute("byPoint", byPoint);
        model.addAttribute("total", due.size());
        model.addAttribute("borderPoint", point);
        model.addAttribute("within", days);
        model.addAttribute("points", referenceData.borderPoints().stream().map(p -> p.code()).sorted().toList());
        model.addAttribute("language", language());
        return "capacity/training/refreshers";
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Session session(UUID id, Authentication caller) {
        try {
            return records.session(id, caller.getName());
        } catch (Rejection e) {
            throw status(e);
        }
    }

    private static List<LocalDate> days(Session session) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = session.startDate(); !d.isAfter(session.endDate()) && days.size() < 60; d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private static ResponseStatusException status(Rejection e) {
        return new ResponseStatusException(switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        });
    }

    /** A refusal as field → message key; conflicts and refusals of the whole form under "form". */
    private static Map<String, String> errorsOf(Rejection e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.kind() == Rejection.Kind.INVALID && !e.fields().isEmpty()) {
            for (Rejection.Field f : e.fields()) {
                String field = f.field().replaceAll("\\.(en|ar|ckb)$", "");
                errors.putIfAbsent(field, "capacity.training.error.field");
            }
        } else {
            errors.put("form", messageOf(e));
        }
        return errors;
    }

    private static String messageOf(Rejection e) {
        return switch (e.code()) {
            case "duplicate-code", "session-full", "already-enrolled", "session-cancelled", "session-not-ended",
                 "out-of-jurisdiction", "hq-only" -> "capacity.training.error." + e.code();
            default -> "capacity.training.error.other";
        };
    }

    private static Map<String, String> prefixed(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.put(k.equals("form") ? "add-form" : "add-" + k, v));
        return out;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "capacity.training.error.field");
            return null;
        }
    }

    private static Integer integer(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "capacity.training.error.number");
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "capacity.training.error.number");
            return null;
        }
    }

    private static UUID uuid(String text, String field, Map<String, String> errors) {
        UUID id = quietUuid(text);
        if (id == null) {
            errors.put(field, "capacity.training.error.field");
        }
        return id;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        LocalDate day = quietDate(text);
        if (day == null) {
            errors.put(field, "capacity.training.error.date");
        }
        return day;
    }

    private static UUID quietUuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate quietDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String language() {
        String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        return language.equals("ar") || language.equals("ckb") ? language : "en";
    }
}
