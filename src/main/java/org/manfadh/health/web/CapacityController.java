package org.manfadh.health.web;

import java.util.UUID;

import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * IHR Annex 1B core-capacity self-assessments of points of entry, for health officers and administrators. Parameters
 * are read as text and checked here, so that a caller without the role is refused (403) before anything else.
 */
@RestController
@RequestMapping("/api/v1/health/capacity")
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class CapacityController {

    private final PointOfEntryCapacity capacity;

    CapacityController(PointOfEntryCapacity capacity) {
        this.capacity = capacity;
    }

    @Operation(summary = "The core-capacity checklist: items by area (ROUTINE, EMERGENCY, COORDINATION), their Annex 1B "
            + "capacity, weight and text in English, Arabic and Central Kurdish, and the checklist's version")
    @GetMapping("/checklist")
    PointOfEntryCapacity.Checklist checklist() {
        return capacity.checklist();
    }

    @Operation(summary = "Record a self-assessment of a border point in your jurisdiction: every item answered once "
            + "(YES, PARTIAL, NO, NOT_APPLICABLE); answered with its scores (YES 1, PARTIAL 0.5, NO 0, weighted, "
            + "N/A left out) overall and per area")
    @ProblemResponses({400, 403})
    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    PointOfEntryCapacity.Assessment record(@RequestBody(required = false) PointOfEntryCapacity.RecordAssessment request,
                                           Authentication caller) {
        return capacity.record(request, caller.getName());
    }

    @Operation(summary = "Assessments newest first, with their scores: of one border point (borderPoint=ZRB) or of "
            + "every border point in your jurisdiction; page and size as elsewhere")
    @ProblemResponses({400, 404})
    @GetMapping("/assessments")
    Page<PointOfEntryCapacity.Assessment> history(@RequestParam(required = false) String borderPoint,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String size,
                                                  Authentication caller) {
        return capacity.history(borderPoint, PageRequest.of(number("page", page), number("size", size)),
                caller.getName());
    }

    @Operation(summary = "One assessment with its answers and scores")
    @ProblemResponses({400, 404})
    @GetMapping("/assessments/{id}")
    PointOfEntryCapacity.Assessment assessment(@PathVariable String id, Authentication caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidField("id", "'" + id + "' is not an assessment id (a UUID).");
        }
        return capacity.assessment(uuid, caller.getName());
    }

    private static Integer number(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalidField(name, "'" + text + "' is not a whole number.");
        }
    }
}
