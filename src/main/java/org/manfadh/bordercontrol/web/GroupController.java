package org.manfadh.bordercontrol.web;

import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.DecideGroup;
import org.manfadh.bordercontrol.CrossingCommands.OpenGroup;
import org.manfadh.bordercontrol.GroupDesk;
import org.manfadh.platform.ProblemResponses;
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
@RequestMapping("/api/v1/groups")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
class GroupController {

    private final GroupDesk groups;

    GroupController(GroupDesk groups) {
        this.groups = groups;
    }

    @Operation(summary = "Open a group (bus, pilgrim group, family); members are recorded as crossings with its groupId")
    @ProblemResponses({409})
    @PostMapping
    ResponseEntity<GroupDesk.GroupView> open(@Valid @RequestBody OpenGroup request, Authentication authentication) {
        GroupDesk.Opened opened = groups.open(request, Callers.of(authentication));
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened.group());
    }

    @Operation(summary = "A group with its members and their decisions")
    @GetMapping("/{id}")
    GroupDesk.GroupView group(@PathVariable UUID id, Authentication authentication) {
        return groups.group(id, Callers.of(authentication));
    }

    @Operation(summary = "Close a group: no more members")
    @PostMapping("/{id}/close")
    GroupDesk.GroupView close(@PathVariable UUID id, Authentication authentication) {
        return groups.close(id, Callers.of(authentication));
    }

    @Operation(summary = "Decide every member awaiting a decision; members whose documents fail validation are left for their own decision")
    @PostMapping("/{id}/decision")
    GroupDesk.GroupDecision decide(@PathVariable UUID id, @Valid @RequestBody DecideGroup request,
                                      Authentication authentication) {
        return groups.decide(id, request, Callers.of(authentication));
    }
}
