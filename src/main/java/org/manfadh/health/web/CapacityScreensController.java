package org.manfadh.health.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.health.PointOfEntryCapacity.Area;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health officer's screens of core-capacity self-assessments: every point of entry in their jurisdiction with
 * its latest score and how it moved since the one before, and a point's history (a line of its scores) beside the
 * form for a new assessment, the checklist grouped by area. Every item needs an answer; what is missing or wrong is
 * said beside it, and what was entered stays.
 */
@Controller
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class CapacityScreensController {

    private static final int HISTORY = 20;
    private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)]\\.(item|answer|note)");

    private final PointOfEntryCapacity capacity;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final Clock clock;

    CapacityScreensController(PointOfEntryCapacity capacity, ReferenceData reference, MessageSource messages,
                              Clock clock) {
        this.capacity = capacity;
        this.reference = reference;
        this.messages = messages;
        this.clock = clock;
    }

    /** A row of the overview. */
    record PointRow(String code, String name, PointOfEntryCapacity.Standing standing) {
    }

    /** The checklist's items of one area, for a fieldset of the form. */
    record AreaItems(Area area, List<PointOfEntryCapacity.Item> items) {
    }

    @GetMapping("/health/capacity")
    String overview(Authentication caller, Model model) {
        String language = language();
        List<PointRow> rows = new ArrayList<>();
        for (PointOfEntryCapacity.Standing s : capacity.standings(caller.getName())) {
            rows.add(new PointRow(s.borderPoint(), name(s.borderPoint(), language), s));
        }
        // Points assessed first, the weakest at the top; then those never assessed, by name.
        rows.sort(java.util.Comparator.<PointRow, Boolean>comparing(r -> r.standing().latest() == null)
                .thenComparing(r -> r.standing().latest() == null || r.standing().latest().score().overall() == null
                        ? Double.MAX_VALUE : r.standing().latest().score().overall())
                .thenComparing(PointRow::name));
        model.addAttribute("rows", rows);
        model.addAttribute("areaValues", Area.values());
        return "health/capacity";
    }

    @GetMapping("/health/capacity/{point}")
    String point(@PathVariable String point, Authentication caller, Model model) {
        show(point, caller, model, Map.of(), Map.of(), null, null);
        return "health/capacity-point";
    }

    @PostMapping("/health/capacity/{point}")
    String record(@PathVariable String point, @RequestParam MultiValueMap<String, String> form, Authentication caller,
                  Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        String code = point.toUpperCase(java.util.Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<PointOfEntryCapacity.GivenAnswer> given = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (PointOfEntryCapacity.Item item : capacity.checklist().items()) {
            String answer = form.getFirst("answer-" + item.code());
            String note = form.getFirst("note-" + item.code());
            if (answer != null && !answer.isBlank()) {
                answers.put(item.code(), answer);
            }
            if (note != null && !note.isBlank()) {
                notes.put(item.code(), note);
            }
            if (answer == null || answer.isBlank()) {
                errors.put(item.code(), "health.capacity.error.unanswered");
            } else {
                given.add(new PointOfEntryCapacity.GivenAnswer(item.code(), answer, note));
                order.add(item.code());
            }
        }
        String onText = form.getFirst("assessedOn");
        LocalDate on = null;
        try {
            on = onText == null || onText.isBlank() ? null : LocalDate.parse(onText.strip());
        } catch (DateTimeParseException e) {
            errors.put("assessedOn", "health.capacity.error.date");
        }
        if (on == null && !errors.containsKey("assessedOn")) {
            errors.put("assessedOn", "health.capacity.error.date");
        }
        String assessmentNotes = form.getFirst("notes");
        if (errors.isEmpty()) {
            try {
                capacity.record(new PointOfEntryCapacity.RecordAssessment(code, on, given, assessmentNotes),
                        caller.getName());
                redirect.addFlashAttribute("done", true);
                return "redirect:/health/capacity/" + code;
            } catch (Rejection e) {
                if (e.kind() != Rejection.Kind.INVALID) {
                    throw new ResponseStatusException(e.kind() == Rejection.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN
                            : HttpStatus.NOT_FOUND);
                }
                for (Rejection.Field f : e.fields()) {
                    Matcher m = ANSWER_FIELD.matcher(f.field());
                    if (m.matches() && Integer.parseInt(m.group(1)) < order.size()) {
                        errors.put(order.get(Integer.parseInt(m.group(1))), m.group(2).equals("note")
                                ? "health.capacity.error.long" : "health.capacity.error.answer");
                    } else if (f.field().equals("assessedOn")) {
                        errors.put("assessedOn", "health.capacity.error.dateRange");
                    } else if (f.field().equals("notes")) {
                        errors.put("notes", "health.capacity.error.long");
                    } else {
                        errors.put("form", "health.capacity.error.other");
                    }
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("answers", answers);
        model.addAttribute("notes", notes);
        show(code, caller, model, errors, answers, onText, assessmentNotes);
        return "health/capacity-point";
    }

    private void show(String point, Authentication caller, Model model, Map<String, String> errors,
                      Map<String, String> answers, String assessedOn, String assessmentNotes) {
        String code = point.toUpperCase(java.util.Locale.ROOT);
        if (reference.borderPoint(code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        org.manfadh.platform.Page<PointOfEntryCapacity.Assessment> history;
        try {
            history = capacity.history(code, new PageRequest(0, HISTORY), caller.getName());
        } catch (Rejection e) {
            // Outside the caller's jurisdiction: as if it did not exist.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String language = language();
        List<ScoreChart.Point> points = new ArrayList<>();
        history.content().reversed().forEach(a -> points.add(new ScoreChart.Point(a.assessedOn(), a.score().overall())));
        List<AreaItems> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            areas.add(new AreaItems(area, capacity.checklist().items().stream().filter(i -> i.area() == area).toList()));
        }
        model.addAttribute("code", code);
        model.addAttribute("name", name(code, language));
        model.addAttribute("language", language);
        model.addAttribute("history", history.content());
        model.addAttribute("total", history.page().totalElements());
        model.addAttribute("latest", history.content().isEmpty() ? null : history.content().getFirst());
        model.addAttribute("chart", ScoreChart.render(points, language,
                text("health.capacity.chart", name(code, language)), text("health.capacity.noAssessments")));
        model.addAttribute("areas", areas);
        model.addAttribute("areaValues", Area.values());
        model.addAttribute("choices", PointOfEntryCapacity.Answer.values());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", answers);
            model.addAttribute("notes", Map.of());
        }
        model.addAttribute("assessedOn", assessedOn != null ? assessedOn : LocalDate.now(clock).toString());
        model.addAttribute("today", LocalDate.now(clock).toString());
        model.addAttribute("assessmentNotes", assessmentNotes);
        model.addAttribute("version", capacity.checklist().version());
    }

    private String name(String code, String language) {
        return reference.borderPoint(code).map(p -> name(p, language)).orElse(code);
    }

    private static String name(BorderPoint p, String language) {
        String name = switch (language) {
            case "ar" -> p.nameAr();
            case "ckb" -> p.nameCkb();
            default -> p.nameEn();
        };
        return name == null || name.isBlank() ? p.nameEn() : name;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("ar") || language.equals("ckb") ? language : "en";
    }
}
