package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowExports;
import org.manfadh.statistics.FlowExports.Export;
import org.manfadh.statistics.FlowExports.Format;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.MonthlyReports.Language;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The flows and overstayers tables as files to download: CSV or XLSX, in English, Arabic or
 * Central Kurdish. Every parameter is checked before anything is counted, and the file is made
 * whole before the response begins, so a mistake is a problem+json 400, never half a file.
 */
@RestController
@RequestMapping("/api/v1/statistics")
class FlowExportController {

    private static final Set<String> OWN = Set.of("format", "lang");
    private static final Set<String> OVERSTAYERS = Set.of("format", "lang", "asOf", "by", "shared");
    private static final String PRODUCES_CSV = "text/csv";
    private static final String PRODUCES_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FlowExports exports;

    FlowExportController(FlowExports exports) {
        this.exports = exports;
    }

    @Operation(summary = "Crossings counted by period and dimensions, as a CSV or XLSX file",
            description = "format is csv (UTF-8 with a byte order mark) or xlsx (right to left in Arabic and Kurdish, "
                    + "a second sheet with the query); lang is en, ar or ckb (default en) for the header and the "
                    + "names beside each code. The other parameters are those of /api/v1/statistics/flows; "
                    + "shared=true gives the table for partners, its suppressed cells empty and marked.")
    @ProblemResponses({400})
    @GetMapping(value = "/flows/export", produces = {PRODUCES_CSV, PRODUCES_XLSX,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<byte[]> flows(@Parameter(hidden = true) HttpServletRequest request, Authentication authentication) {
        Map<String, String[]> parameters = request.getParameterMap();
        List<Rejection.Field> problems = new ArrayList<>();
        Format format = format(parameters, problems);
        Language language = language(parameters, problems);
        FlowQuery query;
        try {
            query = FlowParameters.parse(parameters, OWN);
        } catch (Rejection rejection) {
            problems.addAll(0, rejection.fields());
            throw Rejection.invalidFields(problems);
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        return file(exports.flows(query, format, language, authentication.getName()));
    }

    @Operation(summary = "Travellers past their last legal day and still in Iraq on a day, counted, as a CSV or XLSX file",
            description = "format is csv or xlsx; lang is en, ar or ckb (default en); asOf is a day (YYYY-MM-DD); by "
                    + "lists nationality, authority, governorate or borderPoint; shared=true for partners.")
    @ProblemResponses({400})
    @GetMapping(value = "/overstayers/export", produces = {PRODUCES_CSV, PRODUCES_XLSX,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<byte[]> overstayers(@Parameter(hidden = true) HttpServletRequest request,
                                       Authentication authentication) {
        Map<String, String[]> parameters = request.getParameterMap();
        List<Rejection.Field> problems = new ArrayList<>();
        Format format = format(parameters, problems);
        Language language = language(parameters, problems);
        LocalDate asOf = null;
        String asOfText = single(parameters, "asOf");
        if (asOfText == null || asOfText.isBlank()) {
            problems.add(new Rejection.Field("asOf", "is required, as YYYY-MM-DD."));
        } else {
            try {
                asOf = LocalDate.parse(asOfText.strip());
            } catch (DateTimeParseException e) {
                problems.add(new Rejection.Field("asOf", "must be a day as YYYY-MM-DD, not '" + asOfText + "'."));
            }
        }
        List<Dimension> by = new ArrayList<>();
        for (String raw : parameters.getOrDefault("by", new String[0])) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    Dimension.ofParameter(part.strip()).ifPresentOrElse(by::add, () -> problems.add(
                            new Rejection.Field("by", "'" + part.strip() + "' is not a dimension of overstayers "
                                    + "(nationality, authority, governorate, borderPoint).")));
                }
            }
        }
        boolean shared = false;
        String sharedText = single(parameters, "shared");
        if (sharedText != null) {
            switch (sharedText.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> shared = true;
                case "false" -> shared = false;
                default -> problems.add(new Rejection.Field("shared", "must be true or false."));
            }
        }
        for (String name : parameters.keySet()) {
            if (!OVERSTAYERS.contains(name)) {
                problems.add(new Rejection.Field(name, "is not a parameter of this table; it takes format, lang, "
                        + "asOf, by and shared."));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        return file(exports.overstayers(asOf, by, shared, format, language, authentication.getName()));
    }

    private static ResponseEntity<byte[]> file(Export export) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.format().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.filename()).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, export.language().tag())
                .contentLength(export.content().length)
                .body(export.content());
    }

    private static Format format(Map<String, String[]> parameters, List<Rejection.Field> problems) {
        String text = single(parameters, "format");
        Optional<Format> format = Format.ofExtension(text);
        if (format.isEmpty()) {
            problems.add(new Rejection.Field("format", text == null ? "is required: csv or xlsx."
                    : "must be csv or xlsx, not '" + text + "'."));
        }
        return format.orElse(null);
    }

    private static Language language(Map<String, String[]> parameters, List<Rejection.Field> problems) {
        String text = single(parameters, "lang");
        Optional<Language> language = text == null ? Optional.of(Language.EN) : Language.ofTag(text.strip());
        if (language.isEmpty()) {
            problems.add(new Rejection.Field("lang", "must be en, ar or ckb."));
        }
        return language.orElse(null);
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }

}
