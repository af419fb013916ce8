package org.manfadh.health.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.manfadh.health.FollowUps;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.web.TableFiles;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
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

/** Follow-up lists of outbreak alerts and the contacts made to follow travellers up. */
@RestController
@RequestMapping("/api/v1/health")
class FollowUpController {

    private final FollowUps followUps;
    private final MessageSource messages;
    private final Clock clock;

    FollowUpController(FollowUps followUps, MessageSource messages, Clock clock) {
        this.followUps = followUps;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "An alert's follow-up list",
            description = "Travellers who entered from the alert's countries within its monitoring window: screened "
                    + "under it, or entered before any screening (from the alert's start less its monitoring days). "
                    + "Each with the last exposure, the days left (never below 0; those at 0 only with all=true), "
                    + "the address and phone declared at screening and every follow-up contact. Fewest days left "
                    + "first. format=csv|xlsx gives the whole list as a file (lang en, ar or ckb). Audited.")
    @ProblemResponses({400, 404})
    @GetMapping(value = "/alerts/{id}/follow-up", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<?> list(@PathVariable String id, @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size, @RequestParam(required = false) String all,
                           @RequestParam(required = false) String format, @RequestParam(required = false) String lang,
                           Authentication authentication) {
        List<Rejection.Field> problems = new ArrayList<>();
        UUID alert = FollowUpParameters.uuid("id", id, problems);
        Integer number = FollowUpParameters.integer("page", page, 0, 0, Integer.MAX_VALUE, problems);
        Integer count = FollowUpParameters.integer("size", size, PageRequest.DEFAULT_SIZE, 1, PageRequest.MAX_SIZE,
                problems);
        boolean ended = FollowUpParameters.flag("all", all, problems);
        TableFiles.Format file = FollowUpParameters.format(format, problems);
        Locale language = FollowUpParameters.language(lang, problems);
        FollowUpParameters.check(problems);
        if (file == null) {
            return ResponseEntity.ok(followUps.list(alert, ended, new PageRequest(number, count),
                    FollowUpParameters.caller(authentication)));
        }
        FollowUps.FollowUpList whole = followUps.whole(alert, ended, FollowUpParameters.caller(authentication));
        return TableFiles.file(new FollowUpExports(messages, language, clock.getZone()).followUp(whole), file,
                "follow-up-" + whole.disease().toLowerCase(Locale.ROOT) + "-" + alert + "-" + LocalDate.now(clock),
                language);
    }

    /** A contact made to follow a traveller up, as the API takes it. */
    record ContactRequest(String crossingId, String alertId, String method, String outcome, String notes,
                          String contactedAt) {
    }

    @Operation(summary = "Records a contact made to follow a traveller up",
            description = "method PHONE, SMS, VISIT or OTHER; outcome WELL, SYMPTOMS, NOT_REACHED, REFERRED, "
                    + "COMPLETED or LOST; contactedAt an instant (ISO 8601), now when absent.")
    @ProblemResponses({400})
    @PostMapping(value = "/follow-ups", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    ResponseEntity<FollowUps.Contact> record(@RequestBody(required = false) ContactRequest body,
                                             Authentication authentication) {
        ContactRequest request = body == null ? new ContactRequest(null, null, null, null, null, null) : body;
        List<Rejection.Field> problems = new ArrayList<>();
        UUID crossing = FollowUpParameters.uuid("crossingId", request.crossingId(), problems);
        UUID alert = FollowUpParameters.uuid("alertId", request.alertId(), problems);
        FollowUps.Method method = value("method", request.method(), FollowUps.Method.class, problems);
        FollowUps.Outcome outcome = value("outcome", request.outcome(), FollowUps.Outcome.class, problems);
        Instant contactedAt = null;
        if (request.contactedAt() != null && !request.contactedAt().isBlank()) {
            try {
                contactedAt = java.time.OffsetDateTime.parse(request.contactedAt().strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Rejection.Field("contactedAt", "must be a time with its offset (ISO 8601), such as "
                        + "2026-11-20T10:15:00+03:00."));
            }
        }
        FollowUpParameters.check(problems);
        FollowUps.Contact contact = followUps.record(new FollowUps.RecordContact(crossing, alert, method, outcome,
                request.notes(), contactedAt), FollowUpParameters.caller(authentication));
        return ResponseEntity.created(URI.create("/api/v1/health/alerts/" + alert + "/follow-up")).body(contact);
    }

    private static <E extends Enum<E>> E value(String name, String text, Class<E> type,
                                               List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Rejection.Field(name, "is required: " + names(type) + "."));
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Rejection.Field(name, "must be one of " + names(type) + ", not '" + text + "'."));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
