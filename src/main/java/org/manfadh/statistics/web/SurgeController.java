package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.util.List;

import org.manfadh.statistics.SurgeAlerts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Flows that went above the top of their forecast band. */
@RestController
@RequestMapping("/api/v1/statistics")
class SurgeController {

    private final SurgeAlerts surges;

    SurgeController(SurgeAlerts surges) {
        this.surges = surges;
    }

    @Operation(summary = "Surges raised on these days (at most 400) at the border points you may see, newest first")
    @GetMapping("/surges")
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    List<SurgeAlerts.Surge> surges(@RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to, Authentication caller) {
        return surges.between(from, to, caller.getName());
    }
}
