package org.manfadh.bordercontrol.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supervisor corrects a crossing's facts (border point, direction, time, purpose) or voids a
 * crossing recorded in error, with a reason, through the same {@link CrossingRecording} as
 * {@code POST /api/v1/crossings/{id}/corrections} and {@code …/void}: the same roles, jurisdiction,
 * limits on late times and audit record. The original stays in the register as it was.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class CorrectionScreenController {

    private final CrossingQueries queries;
    private final CrossingRecording recorder;
    private final ReferenceData referenceData;
    private final Clock clock;

    CorrectionScreenController(CrossingQueries queries, CrossingRecording recorder, ReferenceData referenceData,
                               Clock clock) {
        this.queries = queries;
        this.recorder = recorder;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @GetMapping("/crossings/{id}/correct")
    String screen(@PathVariable UUID id, Model model, Authentication authentication) {
        Caller caller = Callers.of(authentication);
        Crossing crossing = queries.crossing(id, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("crossing", crossing);
        model.addAttribute("borderPoints", referenceData.borderPoints().stream()
                .filter(p -> p.code().equals(crossing.borderPoint()) || queries.mayWorkAt(caller, p.code())).toList());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("localTime", crossing.occurredAtLocal().toLocalDateTime().withSecond(0).withNano(0).toString());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "crossings/correct";
    }

    @PostMapping("/crossings/{id}/corrections")
    String correct(@PathVariable UUID id, @RequestParam(defaultValue = "") String borderPoint,
                   @RequestParam(defaultValue = "") String direction, @RequestParam(defaultValue = "") String occurredAt,
                   @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String reason,
                   Authentication authentication, RedirectAttributes redirect) {
        Caller caller = Callers.of(authentication);
        Crossing current = queries.crossing(id, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        String point = borderPoint.isBlank() || borderPoint.equals(current.borderPoint()) ? null
                : borderPoint.strip().toUpperCase(Locale.ROOT);
        Direction way = null;
        if (!direction.isBlank() && !direction.equals(current.direction().name())) {
            try {
                way = Direction.valueOf(direction);
            } catch (IllegalArgumentException e) {
                errors.put("direction", "correct.error.direction");
            }
        }
        Purpose why = null;
        if (!purpose.isBlank() && (current.purpose() == null || !purpose.equals(current.purpose().name()))) {
            try {
                why = Purpose.valueOf(purpose);
            } catch (IllegalArgumentException e) {
                errors.put("purpose", "correct.error.purpose");
            }
        }
        Instant when = null;
        if (!occurredAt.isBlank()) {
            try {
                // Typed on the border's clock, as the screens show it.
                Instant typed = LocalDateTime.parse(occurredAt.strip()).atZone(clock.getZone()).toInstant();
                if (!typed.equals(current.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
                    when = typed;
                }
            } catch (DateTimeParseException e) {
                errors.put("occurredAt", "correct.error.occurredAt");
            }
        }
        checkReason(reason, errors);
        if (errors.isEmpty() && point == null && way == null && why == null && when == null) {
            errors.put("borderPoint", "correct.error.nothing");
        }
        if (errors.isEmpty()) {
            try {
                recorder.amend(id, new AmendCrossing(reason.strip(), point, way, when, why), caller);
                redirect.addFlashAttribute("done", "correct.corrected");
                return "redirect:/crossings/" + id + "/correct";
            } catch (Rejection e) {
                errors.putAll(problems(e, "borderPoint"));
            }
        }
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("form", Map.of("borderPoint", borderPoint, "direction", direction,
                "occurredAt", occurredAt, "purpose", purpose, "reason", reason));
        return "redirect:/crossings/" + id + "/correct";
    }

    @PostMapping("/crossings/{id}/void")
    String voidCrossing(@PathVariable UUID id, @RequestParam(defaultValue = "") String voidReason,
                        Authentication authentication, RedirectAttributes redirect) {
        Caller caller = Callers.of(authentication);
        queries.crossing(id, caller).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> reasonErrors = new LinkedHashMap<>();
        checkReason(voidReason, reasonErrors);
        if (reasonErrors.containsKey("reason")) {
            errors.put("voidReason", reasonErrors.get("reason"));
        }
        if (errors.isEmpty()) {
            try {
                recorder.voidCrossing(id, new VoidCrossing(voidReason.strip()), caller);
                redirect.addFlashAttribute("done", "correct.voided");
                return "redirect:/crossings/" + id + "/correct";
            } catch (Rejection e) {
                errors.putAll(problems(e, "voidReason"));
            }
        }
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("form", Map.of("voidReason", voidReason));
        return "redirect:/crossings/" + id + "/correct";
    }

    private static void checkReason(String reason, Map<String, String> errors) {
        if (reason.isBlank()) {
            errors.put("reason", "correct.error.reasonRequired");
        } else if (reason.strip().length() > 1000) {
            errors.put("reason", "correct.error.reasonTooLong");
        }
    }

    /** The recorder's refusal as the fields it names, in the user's language. */
    private static Map<String, String> problems(Rejection e, String fallbackField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.Field f : e.fields()) {
            switch (f.field()) {
                case "borderPoint" -> errors.put("borderPoint", "correct.error.borderPoint");
                case "occurredAt" -> errors.put("occurredAt", "correct.error.occurredAtLimit");
                default -> errors.putIfAbsent(fallbackField, "correct.error.other");
            }
        }
        if (errors.isEmpty()) {
            String name = e.code();
            errors.put(fallbackField, switch (name) {
                case "crossing-voided" -> "correct.error.voided";
                case "forbidden" -> "correct.error.forbidden";
                default -> "correct.error.other";
            });
        }
        return errors;
    }
}
