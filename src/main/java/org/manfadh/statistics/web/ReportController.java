package org.manfadh.statistics.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.statistics.MonthlyReports;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The monthly report of an authority, as a PDF to print or send on, for headquarters' analysts. */
@RestController
@RequestMapping("/api/v1/statistics/reports")
class ReportController {

    private final MonthlyReports reports;

    ReportController(MonthlyReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The monthly flow report of an authority as PDF, in English, Arabic or Central Kurdish",
            description = "authority is FEDERAL or KRI; month is YYYY-MM (a month that has begun; the current month "
                    + "is counted up to today); lang is en, ar or ckb (default en). Figures, a daily chart, top "
                    + "nationalities, border points, refusals by reason, sex and age, the month's surges and the "
                    + "forecast's accuracy. The other authority's report is available where it shares its "
                    + "aggregates, with its small counts suppressed.")
    @ProblemResponses({400, 403})
    @GetMapping(value = "/monthly", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    ResponseEntity<byte[]> monthly(@RequestParam(required = false) String authority,
                                   @RequestParam(required = false) String month,
                                   @RequestParam(required = false, defaultValue = "en") String lang,
                                   Authentication authentication) {
        List<Rejection.Field> problems = new ArrayList<>();
        Optional<Authority> which = Arrays.stream(Authority.values()).filter(a -> a.name().equals(authority))
                .findFirst();
        if (which.isEmpty()) {
            problems.add(new Rejection.Field("authority", "must be FEDERAL or KRI."));
        }
        YearMonth yearMonth = null;
        if (month == null || !month.matches("[0-9]{4}-[0-9]{2}")) {
            problems.add(new Rejection.Field("month", "must be a month as YYYY-MM, e.g. 2026-03."));
        } else {
            try {
                yearMonth = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                problems.add(new Rejection.Field("month", "'" + month + "' is not a month of the year (01 to 12)."));
            }
        }
        Optional<Language> language = Language.ofTag(lang);
        if (language.isEmpty()) {
            problems.add(new Rejection.Field("lang", "must be en, ar or ckb."));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        byte[] pdf = reports.pdf(which.get(), yearMonth, language.get(), authentication.getName());
        String name = "manfadh-" + which.get().name().toLowerCase() + "-" + yearMonth + "-" + language.get().tag()
                + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, language.get().tag())
                .body(pdf);
    }
}
