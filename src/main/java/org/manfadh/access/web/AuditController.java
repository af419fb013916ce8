package org.manfadh.access.web;

import java.time.Instant;
import java.util.Locale;

import org.manfadh.access.AuditLogbook;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLogbook audit;

    AuditController(AuditLogbook audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit events, newest first, by username, action, time window [from, to) and record id; paged")
    @GetMapping
    Page<AuditLogbook.EventView> search(@RequestParam(required = false) String username,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) String recordId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        String a = action == null || action.isBlank() ? null : action.strip().toUpperCase(Locale.ROOT);
        AuditLogbook.Action wanted = null;
        if (a != null) {
            try {
                wanted = AuditLogbook.Action.valueOf(a);
            } catch (IllegalArgumentException e) {
                throw ApiProblems.badRequest("invalid-parameter", "Parameter 'action' must be one of "
                        + java.util.Arrays.toString(AuditLogbook.Action.values()) + ".");
            }
        }
        return audit.search(blankToNull(username), wanted, from, to,
                recordId == null || recordId.isBlank() ? null : recordId.strip().toLowerCase(Locale.ROOT),
                PageRequest.of(page, size));
    }

    @Operation(summary = "Recompute the audit trail's hash chain: valid, how many events were checked, and the "
            + "first event that does not fit")
    @GetMapping("/verify")
    AuditLogbook.Verification verify() {
        return audit.verify();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
