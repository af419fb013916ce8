package org.manfadh.capacity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.manfadh.capacity.CapacityCommands.CreateProject;
import org.manfadh.capacity.CapacityCommands.RecordSpend;
import org.manfadh.capacity.Premises;
import org.manfadh.capacity.ProjectStatus;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Premises upgrade projects at border points, for capacity managers within their work scope. */
@RestController
@RequestMapping("/api/v1/capacity/premises")
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class PremisesController {

    private final Premises premises;

    PremisesController(Premises premises) {
        this.premises = premises;
    }

    @Operation(summary = "A new project at a border point, with its milestones (numbered from 1 in the order given)")
    @PostMapping
    ResponseEntity<Premises.ProjectDetail> create(@RequestBody CreateProject request, Authentication caller) {
        UUID id = premises.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/premises/" + id))
                .body(premises.project(id, caller.getName()).orElseThrow());
    }

    @Operation(summary = "Projects in the caller's scope, by border point and status, with budget, spent and remaining")
    @GetMapping
    Page<Premises.Project> list(@RequestParam(required = false) String borderPoint,
                                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, Authentication caller) {
        return premises.projects(borderPoint, Parameters.option("status", status, ProjectStatus.class),
                PageRequest.of(page, size), caller.getName());
    }

    @Operation(summary = "A project with its milestones and spending")
    @GetMapping("/{id}")
    Premises.ProjectDetail project(@PathVariable UUID id, Authentication caller) {
        return premises.project(id, caller.getName())
                .orElseThrow(() -> Rejection.notFound("Project", "No premises project has the id " + id + "."));
    }

    @Operation(summary = "Move a project on; COMPLETED and CANCELLED are final")
    @ProblemResponses({409})
    @PostMapping("/{id}/status")
    Premises.ProjectDetail status(@PathVariable UUID id, @RequestBody Premises.ProjectStatusChange request, Authentication caller) {
        return premises.changeStatus(id, request, caller.getName());
    }

    /** The day a milestone was done; today when absent. */
    record Done(LocalDate doneOn) {
    }

    @Operation(summary = "Mark a milestone done")
    @PostMapping("/{id}/milestones/{ordinal}/done")
    Premises.ProjectDetail milestoneDone(@PathVariable UUID id, @PathVariable String ordinal,
                                         @RequestBody(required = false) Done request, Authentication caller) {
        int number;
        try {
            number = Integer.parseInt(ordinal);
        } catch (NumberFormatException e) {
            throw Rejection.notFound("Milestone", "A milestone is named by its number, not '" + ordinal + "'.");
        }
        return premises.milestoneDone(id, number, request == null ? null : request.doneOn(), caller.getName());
    }

    @Operation(summary = "Record money spent; past the budget it is recorded and the project shows overBudget")
    @ProblemResponses({409})
    @PostMapping("/{id}/spend")
    ResponseEntity<Premises.ProjectDetail> spend(@PathVariable UUID id, @RequestBody RecordSpend request,
                                                 Authentication caller) {
        premises.recordSpend(id, request, caller.getName());
        return ResponseEntity.status(201).body(premises.project(id, caller.getName()).orElseThrow());
    }
}
