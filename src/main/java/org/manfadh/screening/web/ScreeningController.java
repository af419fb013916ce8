package org.manfadh.screening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.access.Accounts;
import org.manfadh.access.Jurisdiction;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.manfadh.platform.web.ApiProblems;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.screening.Hit;
import org.manfadh.screening.Hits;
import org.manfadh.screening.Screening;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.ScreeningSubject;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.matching.PartialDate;
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

@RestController
@RequestMapping("/api/v1/screening")
class ScreeningController {

    /** A traveller to check: a full name, or surname and given names; the rest optional. */
    record CheckRequest(String fullName, String surname, String givenNames, String nameOriginalScript,
                        String dateOfBirth, String nationality, String sex, String documentNumber,
                        String issuingState) {
    }

    record Adjudication(String verdict, String note) {
    }

    private final Screening screening;
    private final Hits hits;
    private final Accounts accounts;

    ScreeningController(Screening screening, Hits hits, Accounts accounts) {
        this.screening = screening;
        this.hits = hits;
        this.accounts = accounts;
    }

    private ReadScope hitsScope(Authentication caller) {
        return accounts.readScope(caller.getName(), SharedData.HITS);
    }

    @Operation(summary = "Check a traveller against every list in force that the caller's authority screens against: "
            + "CLEAR, POSSIBLE_MATCH or HIT, with why")
    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'WATCHLIST_MANAGER', 'ADMIN')")
    ScreeningResult check(@RequestBody CheckRequest request, Authentication caller) {
        // A list is seen by the authority it screens for; a national account sees every list.
        Jurisdiction.Scope scope = accounts.jurisdictionOf(caller.getName()).authority();
        return screening.check(subject(request),
                scope.authority().orElse(null));
    }

    @Operation(summary = "Hits awaiting a supervisor's adjudication, oldest first")
    @GetMapping("/hits")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Page<Hit> openHits(@RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size, Authentication caller) {
        return hits.openHits(PageRequest.of(page, size), hitsScope(caller));
    }

    @Operation(summary = "A hit with its match, its explanation and its verdict")
    @GetMapping("/hits/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Hit hit(@PathVariable UUID id, Authentication caller) {
        return hits.hit(id, hitsScope(caller)).orElseThrow(() -> ApiProblems.notFound("Hit", "No hit has the id " + id + "."));
    }

    @Operation(summary = "Adjudicate a hit: TRUE_MATCH (the list's action applies) or FALSE_POSITIVE with a note")
    @ProblemResponses({409})
    @PostMapping("/hits/{id}/adjudication")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    Hit adjudicate(@PathVariable UUID id, @RequestBody Adjudication request,
                                       Authentication authentication) {
        List<ApiProblems.Field> errors = new ArrayList<>();
        Verdict verdict = Verdict.named(request.verdict()).orElse(null);
        if (verdict == null) {
            errors.add(new ApiProblems.Field("verdict", "must be TRUE_MATCH or FALSE_POSITIVE"));
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (verdict == Verdict.FALSE_POSITIVE && note == null) {
            errors.add(new ApiProblems.Field("note", "a false positive needs a note saying why"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new ApiProblems.Field("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblems.invalidFields(errors);
        }
        return hits.adjudicate(id, verdict, note, authentication.getName(),
                accounts.workScope(authentication.getName()));
    }

    static ScreeningSubject subject(CheckRequest r) {
        List<ApiProblems.Field> errors = new ArrayList<>();
        if (r == null) {
            throw ApiProblems.invalidFields(List.of(new ApiProblems.Field("fullName", "a name is required")));
        }
        ScreeningSubject subject = new ScreeningSubject(r.fullName(), r.surname(), r.givenNames(),
                r.nameOriginalScript(), blankToNull(r.dateOfBirth()), upper(r.nationality()), upper(r.sex()),
                blankToNull(r.documentNumber()), upper(r.issuingState()));
        if (!subject.hasName() && subject.documentNumber() == null) {
            errors.add(new ApiProblems.Field("fullName", "give fullName, or surname and givenNames (or a documentNumber)"));
        }
        for (String[] name : new String[][] {{"fullName", r.fullName()}, {"surname", r.surname()},
                {"givenNames", r.givenNames()}, {"nameOriginalScript", r.nameOriginalScript()}}) {
            if (name[1] != null && name[1].length() > 300) {
                errors.add(new ApiProblems.Field(name[0], "must be at most 300 characters"));
            }
        }
        if (subject.dateOfBirth() != null && PartialDate.parse(subject.dateOfBirth()).isEmpty()) {
            errors.add(new ApiProblems.Field("dateOfBirth", "must be YYYY-MM-DD or YYYY"));
        }
        if (subject.nationality() != null && !subject.nationality().matches("[A-Z]{3}")) {
            errors.add(new ApiProblems.Field("nationality", "must be a three-letter ICAO code"));
        }
        if (subject.issuingState() != null && !subject.issuingState().matches("[A-Z]{3}")) {
            errors.add(new ApiProblems.Field("issuingState", "must be a three-letter ICAO code"));
        }
        if (subject.sex() != null && !subject.sex().matches("[MFX]")) {
            errors.add(new ApiProblems.Field("sex", "must be M, F or X"));
        }
        if (subject.documentNumber() != null && subject.documentNumber().length() > 40) {
            errors.add(new ApiProblems.Field("documentNumber", "must be at most 40 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblems.invalidFields(errors);
        }
        return "X".equals(subject.sex()) ? new ScreeningSubject(subject.fullName(), subject.surname(),
                subject.givenNames(), subject.nameOriginalScript(), subject.dateOfBirth(), subject.nationality(), null,
                subject.documentNumber(), subject.issuingState()) : subject;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
