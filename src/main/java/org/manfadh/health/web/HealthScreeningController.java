package org.manfadh.health.web;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.HealthStatus;

import org.manfadh.health.HealthCommands.DecideHold;
import org.manfadh.health.HealthCommands.RecordScreening;
import org.manfadh.health.HealthScreenings;
import org.manfadh.health.HealthScreenings.Detail;
import org.manfadh.health.HealthScreenings.Held;
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
import jakarta.validation.Valid;

/** Health screenings after the crossing, their details, and travellers held for health with the decisions on them. */
@RestController
@RequestMapping("/api/v1/health")
class HealthScreeningController {

    private final HealthScreenings screenings;

    HealthScreeningController(HealthScreenings screenings) {
        this.screenings = screenings;
    }

    @Operation(summary = "Record the health screening of a crossing already in the register (one per crossing)",
            description = "404 for a crossing outside the caller's jurisdiction, 409 when it has a screening already, "
                    + "422 health-screening-not-required when no rule applies to it; an outcome milder than its "
                    + "findings demand is refused by field (400).")
    @ProblemResponses({409, 422})
    @PostMapping("/screenings")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<?> record(@Valid @RequestBody RecordScreening request, Authentication caller) {
        Caller who = Callers.of(caller);
        Detail recorded = screenings.record(request, who);
        URI location = URI.create("/api/v1/health/screenings/" + recorded.crossingId());
        // Officers and supervisors see cleared or held, not the details, even of what they recorded.
        return who.hasAnyRole(Set.of("HEALTH_OFFICER", "ADMIN")) ? ResponseEntity.created(location).body(recorded)
                : ResponseEntity.created(location).body(new Recorded(recorded.crossingId(),
                        recorded.held() ? HealthStatus.HOLD : HealthStatus.CLEARED));
    }

    /** A screening recorded, as an officer or supervisor sees it. */
    record Recorded(UUID crossingId, HealthStatus health) {
    }

    @Operation(summary = "A crossing's health screening in full, with the decisions on its hold (audited)")
    @GetMapping("/screenings/{crossingId}")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    Detail screening(@PathVariable UUID crossingId, Authentication caller) {
        return screenings.detail(crossingId, Callers.of(caller)).orElseThrow(() -> Rejection.notFound(
                "Health screening", "No health screening of crossing " + crossingId + " is known to you."));
    }

    @Operation(summary = "Travellers held for health, oldest first; at a border point or all of the caller's")
    @GetMapping("/holds")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    Page<Held> holds(@RequestParam(required = false) String borderPoint, @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size, Authentication caller) {
        return screenings.held(borderPoint, PageRequest.of(page, size), Callers.of(caller));
    }

    @Operation(summary = "A health officer's decision on a held traveller: CLEARED or REFERRED releases the hold, "
            + "ISOLATED keeps it; only on the node that recorded the crossing")
    @ProblemResponses({409})
    @PostMapping("/holds/{crossingId}/decisions")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    Detail decide(@PathVariable UUID crossingId, @Valid @RequestBody DecideHold request, Authentication caller) {
        return screenings.decide(crossingId, request, Callers.of(caller));
    }
}
