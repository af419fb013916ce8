package org.manfadh.health.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.manfadh.health.Alert;
import org.manfadh.health.Disease;
import org.manfadh.health.HealthCommands.CreateAlert;
import org.manfadh.health.HealthCommands.EndAlert;
import org.manfadh.health.HealthCommands.RuleInput;
import org.manfadh.health.OutbreakAlerts;
import org.manfadh.health.Rule;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Outbreak alerts, the diseases they are for, and screening rules. Made and changed at headquarters only. */
@RestController
@RequestMapping("/api/v1/health")
class OutbreakAlertController {

    private final OutbreakAlerts alerts;

    OutbreakAlertController(OutbreakAlerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "The diseases an alert may be for, with the monitoring window an alert copies")
    @GetMapping("/diseases")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    List<Disease> diseases() {
        return alerts.diseases();
    }

    @Operation(summary = "A new outbreak alert, with its screening rule from the disease's profile (headquarters only)")
    @ProblemResponses({409})
    @PostMapping("/alerts")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<Alert> create(@Valid @RequestBody CreateAlert request, Authentication caller) {
        Alert alert = alerts.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/health/alerts/" + alert.id())).body(alert);
    }

    @Operation(summary = "Outbreak alerts, newest first; active=true: those applying today, false: the others")
    @GetMapping("/alerts")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Page<Alert> list(@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size) {
        return alerts.alerts(active, PageRequest.of(page, size));
    }

    @Operation(summary = "One outbreak alert")
    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Alert alert(@PathVariable UUID id) {
        return alerts.alert(id).orElseThrow(() -> Rejection.notFound("Alert", "No outbreak alert has the id " + id + "."));
    }

    @Operation(summary = "End an alert: from the day after validUntil (today when absent) its rule applies no more")
    @ProblemResponses({409})
    @PatchMapping("/alerts/{id}")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    Alert end(@PathVariable UUID id, @Valid @RequestBody EndAlert request, Authentication caller) {
        return alerts.end(id, request, caller.getName());
    }

    @Operation(summary = "Every screening rule, standing and of alerts, the active first")
    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'OFFICER', 'SUPERVISOR', 'ADMIN')")
    List<Rule> rules() {
        return alerts.rules();
    }

    @Operation(summary = "A new screening rule: of an alert, or standing with its own countries (headquarters only)")
    @ProblemResponses({409})
    @PostMapping("/rules")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<Rule> createRule(@Valid @RequestBody RuleInput request, Authentication caller) {
        Rule rule = alerts.createRule(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/health/rules/" + rule.id())).body(rule);
    }

    @Operation(summary = "One screening rule")
    @GetMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'OFFICER', 'SUPERVISOR', 'ADMIN')")
    Rule rule(@PathVariable UUID id) {
        return alerts.rule(id).orElseThrow(() -> Rejection.notFound("Rule", "No screening rule has the id " + id + "."));
    }

    @Operation(summary = "Change a screening rule; fields left out keep their value (headquarters only)")
    @ProblemResponses({409})
    @PatchMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    Rule changeRule(@PathVariable UUID id, @Valid @RequestBody RuleInput request, Authentication caller) {
        return alerts.changeRule(id, request, caller.getName());
    }
}
