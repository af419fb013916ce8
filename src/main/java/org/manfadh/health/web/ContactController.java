package org.manfadh.health.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.manfadh.health.ContactTracing;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.web.TableFiles;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contact-tracing manifest of a crossing, as JSON or as a file for the Ministry of Health. */
@RestController
@RequestMapping("/api/v1/health")
class ContactController {

    /** How many of the border point's list a JSON answer holds by default, and a file at most. */
    static final int DEFAULT_LIMIT = 200;
    static final int FILE_LIMIT = 20_000;

    private final ContactTracing tracing;
    private final MessageSource messages;
    private final Clock clock;

    ContactController(ContactTracing tracing, MessageSource messages, Clock clock) {
        this.tracing = tracing;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "The contact-tracing manifest of a crossing",
            description = "sameTransport: the crossings with the index crossing's transport reference (upper case, "
                    + "without spaces or dashes) and mode on its border day, both directions; sameBorderPoint: apart "
                    + "from them, those at its border point within hours (0 to 72, default 2) either side, nearest "
                    + "first, at most limit (1 to 1000, default 200) of sameBorderPointTotal. Each with its "
                    + "traveller and follow-up state. format=csv|xlsx gives both lists as a file (lang en, ar or "
                    + "ckb for the headers, default the caller's). Audited.")
    @ProblemResponses({400, 404})
    @GetMapping(value = "/contacts", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<?> manifest(@RequestParam(required = false) String crossingId,
                               @RequestParam(required = false) String hours,
                               @RequestParam(required = false) String limit,
                               @RequestParam(required = false) String format,
                               @RequestParam(required = false) String lang, Authentication authentication) {
        List<Rejection.Field> problems = new ArrayList<>();
        UUID id = FollowUpParameters.uuid("crossingId", crossingId, problems);
        Integer within = FollowUpParameters.integer("hours", hours, 2, 0, ContactTracing.MAX_HOURS, problems);
        Integer most = FollowUpParameters.integer("limit", limit, DEFAULT_LIMIT, 1, 1000, problems);
        TableFiles.Format file = FollowUpParameters.format(format, problems);
        Locale language = FollowUpParameters.language(lang, problems);
        FollowUpParameters.check(problems);
        ContactTracing.Manifest manifest = tracing.manifest(id, within, file == null ? most : FILE_LIMIT,
                        FollowUpParameters.caller(authentication))
                .orElseThrow(() -> Rejection.notFound("Crossing", "No crossing has the id " + id + "."));
        if (file == null) {
            return ResponseEntity.ok(manifest);
        }
        return TableFiles.file(new FollowUpExports(messages, language, clock.getZone()).manifest(manifest), file,
                "contacts-" + id + "-" + LocalDate.now(clock), language);
    }
}
