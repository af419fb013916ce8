package org.manfadh.health.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.health.HealthCommands;
import org.manfadh.health.HealthScreenings;
import org.manfadh.health.HoldOutcome;
import org.manfadh.health.OutbreakAlerts;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.ObjectProvider;
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
 * The health officer's start and the travellers held for health: the queue (who, where, since when, for which
 * disease, without details) and a decision screen whose details (temperature, symptoms, notes, contact) are an
 * audited read, as every read of them is.
 */
@Controller
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class HealthScreensController {

    private static final int PAGE_SIZE = 25;
    private static final int START_ROWS = 10;

    private final ObjectProvider<OutbreakAlerts> alerts;
    private final ObjectProvider<HealthScreenings> screenings;
    private final ReferenceData referenceData;
    private final NodeRole role;
    private final org.manfadh.bordercontrol.CrossingQueries crossings;

    HealthScreensController(ObjectProvider<OutbreakAlerts> alerts, ObjectProvider<HealthScreenings> screenings,
                            ReferenceData referenceData, NodeRole role, org.manfadh.bordercontrol.CrossingQueries crossings) {
        this.crossings = crossings;
        this.alerts = alerts;
        this.screenings = screenings;
        this.referenceData = referenceData;
        this.role = role;
    }

    private static <T> T running(ObjectProvider<T> provider) {
        T service = provider.getIfAvailable();
        if (service == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "health is not running on this node");
        }
        return service;
    }

    @GetMapping("/health")
    String start(Authentication authentication, Model model) {
        OutbreakAlerts outbreaks = running(alerts);
        model.addAttribute("alerts", outbreaks.alerts(true, new PageRequest(0, START_ROWS)));
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(outbreaks.diseases()));
        HealthScreenings held = screenings.getIfAvailable();
        model.addAttribute("held", held == null ? null : held.held(null, new PageRequest(0, START_ROWS),
                Callers.of(authentication)));
        model.addAttribute("atPost", role.post());
        return "health/start";
    }

    @GetMapping("/health/held")
    String held(@RequestParam(required = false) String borderPoint, @RequestParam(defaultValue = "0") int page,
                Authentication authentication, Model model) {
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        if (point != null && referenceData.borderPoint(point).isEmpty()) {
            model.addAttribute("pointUnknown", point.length() > 3 ? point.substring(0, 3) : point);
            point = null;
        }
        model.addAttribute("borderPoint", point);
        model.addAttribute("borderPoints", referenceData.borderPoints());
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(running(alerts).diseases()));
        try {
            model.addAttribute("held", running(screenings).held(point, new PageRequest(Math.max(page, 0), PAGE_SIZE),
                    Callers.of(authentication)));
        } catch (Rejection e) {
            // A border point outside the officer's jurisdiction: said, and the queue of their own shown instead.
            model.addAttribute("pointRefused", point);
            model.addAttribute("borderPoint", null);
            model.addAttribute("held", running(screenings).held(null, new PageRequest(0, PAGE_SIZE),
                    Callers.of(authentication)));
        }
        return "health/held";
    }

    @GetMapping("/health/held/{crossingId}")
    String detail(@PathVariable UUID crossingId, Authentication authentication, Model model) {
        Caller caller = Callers.of(authentication);
        HealthScreenings.Detail detail;
        try {
            detail = running(screenings).detail(crossingId, caller)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (Rejection e) {
            throw new ResponseStatusException(e.kind() == Rejection.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN
                    : HttpStatus.NOT_FOUND);
        }
        model.addAttribute("detail", detail);
        // Who is held, as the document was read: the health officer decides on a person, not on an id.
        crossings.crossing(crossingId, caller).map(org.manfadh.bordercontrol.Crossing::document)
                .ifPresent(document -> model.addAttribute("document", document));
        model.addAttribute("diseaseNames", HealthScreens.diseaseNames(running(alerts).diseases()));
        Map<UUID, String> alertDiseases = new LinkedHashMap<>();
        for (UUID id : detail.alertIds()) {
            running(alerts).alert(id).ifPresent(a -> alertDiseases.put(id, a.disease()));
        }
        model.addAttribute("alertDiseases", alertDiseases);
        model.addAttribute("holdOutcomes", HoldOutcome.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "health/held-detail";
    }

    @PostMapping("/health/held/{crossingId}/decision")
    String decide(@PathVariable UUID crossingId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String facility, @RequestParam(required = false) String notes,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        HoldOutcome chosen = null;
        for (HoldOutcome o : HoldOutcome.values()) {
            if (o.name().equals(outcome)) {
                chosen = o;
            }
        }
        if (chosen == null) {
            errors.put("outcome", "health.held.error.outcome");
        }
        String where = facility == null || facility.isBlank() ? null : facility.strip();
        if (where != null && where.length() > 200) {
            errors.put("facility", "health.error.tooLong");
        }
        if (chosen == HoldOutcome.REFERRED && where == null) {
            errors.put("facility", "health.held.error.facility");
        }
        String note = notes == null || notes.isBlank() ? null : notes.strip();
        if (note != null && note.length() > 2000) {
            errors.put("notes", "health.error.tooLong");
        }
        if (errors.isEmpty()) {
            try {
                running(screenings).decide(crossingId, new HealthCommands.DecideHold(chosen, where, note),
                        Callers.of(authentication));
                redirect.addFlashAttribute("done", "health.held.decided." + chosen.name());
                return chosen.releases() ? "redirect:/health/held" : "redirect:/health/held/" + crossingId;
            } catch (Rejection e) {
                model.addAttribute("problem", HealthScreens.problemKey(e, errors, f -> "health.held.error.field"));
                model.addAttribute("problemDetail", e.detail());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of("outcome", outcome == null ? "" : outcome, "facility",
                facility == null ? "" : facility, "notes", notes == null ? "" : notes));
        return detail(crossingId, authentication, model);
    }

}
