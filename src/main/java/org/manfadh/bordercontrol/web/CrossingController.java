package org.manfadh.bordercontrol.web;

import java.time.Instant;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.springframework.web.bind.annotation.RequestParam;

import org.manfadh.bordercontrol.CrossingCommands.AmendCrossing;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingCommands.RecordCrossing;
import org.manfadh.bordercontrol.CrossingCommands.VoidCrossing;
import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.CrossingQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/crossings")
class CrossingController {

    private final CrossingRecording recorder;
    private final CrossingQueries queries;

    CrossingController(CrossingRecording recorder, CrossingQueries queries) {
        this.recorder = recorder;
        this.queries = queries;
    }

    @Operation(summary = "Record one crossing",
            description = "The client supplies the crossing's UUID: the same request sent again records nothing new and "
                    + "returns the same crossing (200 instead of 201); the same id with other content is a 409. "
                    + "A document that fails validation cannot be ADMITTED (422) without a supervisor's override.")
    @ProblemResponses({409, 422})
    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<Crossing> record(@Valid @RequestBody RecordCrossing request, Authentication authentication) {
        CrossingRecording.Recorded recorded = recorder.record(request, Callers.of(authentication));
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.crossing());
    }

    @Operation(summary = "Crossings by border point, direction, time window [from, to) and traveller, newest first")
    @GetMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Page<Crossing> list(@RequestParam(required = false) String borderPoint,
                            @RequestParam(required = false) Direction direction,
                            @RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) UUID travellerId,
                            @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size, Authentication authentication) {
        return queries.list(borderPoint, direction, from, to, travellerId, PageRequest.of(page, size),
                Callers.of(authentication));
    }

    @Operation(summary = "One crossing as it stands: corrections applied, latest decision, the traveller's stay")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN', 'NODE')")
    Crossing crossing(@PathVariable UUID id, Authentication authentication) {
        return queries.crossing(id, Callers.of(authentication))
                .orElseThrow(() -> Rejection.notFound("Crossing", "No crossing has the id " + id + "."));
    }

    @Operation(summary = "A later decision on a crossing: the final decision on a referral, or a supervisor's correction")
    @ProblemResponses({409, 422})
    @PostMapping("/{id}/decisions")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
    Crossing decide(@PathVariable UUID id, @Valid @RequestBody DecideCrossing request, Authentication authentication) {
        return recorder.decide(id, request, Callers.of(authentication));
    }

    @Operation(summary = "Correct a crossing's facts (a new record referencing the original)")
    @ProblemResponses({409})
    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Crossing amend(@PathVariable UUID id, @Valid @RequestBody AmendCrossing request, Authentication authentication) {
        return recorder.amend(id, request, Callers.of(authentication));
    }

    @Operation(summary = "Void a crossing recorded in error (it stays in the register, marked void)")
    @PostMapping("/{id}/void")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Crossing voidCrossing(@PathVariable UUID id, @Valid @RequestBody VoidCrossing request,
                              Authentication authentication) {
        return recorder.voidCrossing(id, request, Callers.of(authentication));
    }
}
