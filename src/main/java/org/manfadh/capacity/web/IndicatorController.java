package org.manfadh.capacity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.manfadh.capacity.Indicators;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The capacity-building programme's indicators and its quarterly report for donors (JSON, XLSX, PDF), for capacity
 * managers and administrators, counted over the border points of their work scope. Parameters are read as text and
 * checked here, so that a caller without the role is refused (403) before anything else.
 */
@RestController
@RequestMapping("/api/v1/capacity")
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class IndicatorController {

    private final Indicators indicators;
    private final Clock clock;

    IndicatorController(Indicators indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @Operation(summary = "Officials trained, certified and their mean learning gain, by the dimensions asked for",
            description = "from and to are the border's days, inclusive (the current quarter when both are left out); "
                    + "by lists dimensions in the order wanted: sex, agency, borderPoint, course, authority, "
                    + "governorate, topic, trainingCentre, quarter. trained: distinct participants who attended a "
                    + "session not cancelled that ended within the range; certified: of them, those holding the "
                    + "session's certificate, not revoked; meanGain: mean of post − pre over those with both scores, "
                    + "one decimal, null when none. Only participants of border points in your work scope (those "
                    + "without a border point only for a national scope). The total adds refresherDue: valid "
                    + "certificates expiring within 90 days after to, or expired in the range, without a newer one.")
    @ProblemResponses({400})
    @GetMapping("/indicators")
    Map<String, Object> indicators(@Parameter(hidden = true) HttpServletRequest request, Authentication caller) {
        Map<String, String[]> parameters = request.getParameterMap();
        IndicatorParameters.onlyKnown(parameters, Set.of("from", "to", "by"));
        IndicatorParameters.Range range = IndicatorParameters.range(single(parameters, "from"),
                single(parameters, "to"), null, false, clock);
        List<Indicators.Dimension> by = IndicatorParameters.dimensions(parameters.get("by"));
        return json(indicators.indicators(range.from(), range.to(), by, caller.getName()));
    }

    @Operation(summary = "The programme's quarterly indicators for donor reporting",
            description = "year=YYYY, or from and to (the whole quarters holding them; the current year when none "
                    + "is given; quarters not yet begun are left out). Per quarter: officials trained (women, men), "
                    + "certified, mean gain, refresher-due; points equipped (a border point with a DEPLOYED document "
                    + "reader at the quarter's end) and readers' availability; SOPs adopted and the mean audit score; "
                    + "premises projects completed and spend; arrivals and departures at the border points. And "
                    + "officials trained per quarter by sex, agency, governorate and course.")
    @ProblemResponses({400})
    @GetMapping("/programme")
    Map<String, Object> programme(@Parameter(hidden = true) HttpServletRequest request, Authentication caller) {
        Map<String, String[]> parameters = request.getParameterMap();
        IndicatorParameters.onlyKnown(parameters, Set.of("from", "to", "year"));
        IndicatorParameters.Range range = IndicatorParameters.range(single(parameters, "from"),
                single(parameters, "to"), single(parameters, "year"), true, clock);
        Indicators.Programme report = indicators.programme(range.from(), range.to(), caller.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("quarters", report.quarters());
        body.put("bySex", json(report.bySex()));
        body.put("byAgency", json(report.byAgency()));
        body.put("byGovernorate", json(report.byGovernorate()));
        body.put("byCourse", json(report.byCourse()));
        body.put("points", report.points());
        return body;
    }

    @Operation(summary = "The programme's quarterly report as XLSX or PDF, in English, Arabic or Central Kurdish",
            description = "format is xlsx or pdf; lang is en, ar or ckb (default en); year, or from and to, as for "
                    + "the programme. The XLSX has a sheet per table with headers in the language, and with by= a "
                    + "sheet of the indicators by those dimensions; the PDF charts officials trained by sex per quarter.")
    @ProblemResponses({400})
    @GetMapping(value = "/programme/export", produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> export(@Parameter(hidden = true) HttpServletRequest request, Authentication caller) {
        Map<String, String[]> parameters = request.getParameterMap();
        IndicatorParameters.onlyKnown(parameters, Set.of("from", "to", "year", "by", "format", "lang"));
        List<Rejection.Field> problems = new ArrayList<>();
        String format = Optional.ofNullable(single(parameters, "format")).map(String::strip).orElse("");
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            problems.add(new Rejection.Field("format", "must be xlsx or pdf."));
        }
        String lang = Optional.ofNullable(single(parameters, "lang")).map(String::strip).orElse("en");
        Optional<Language> language = Language.ofTag(lang);
        if (language.isEmpty()) {
            problems.add(new Rejection.Field("lang", "must be en, ar or ckb."));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        IndicatorParameters.Range range = IndicatorParameters.range(single(parameters, "from"),
                single(parameters, "to"), single(parameters, "year"), true, clock);
        List<Indicators.Dimension> by = IndicatorParameters.dimensions(parameters.get("by"));
        String name = "manfadh-capacity-" + range.from() + "-" + range.to() + "-" + language.get().tag() + "." + format;
        byte[] body;
        MediaType type;
        if (format.equals("pdf")) {
            body = indicators.pdf(range.from(), range.to(), language.get(), caller.getName());
            type = MediaType.APPLICATION_PDF;
        } else {
            body = indicators.xlsx(range.from(), range.to(), by, language.get(), caller.getName());
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CONTENT_LANGUAGE, language.get().tag())
                .body(body);
    }

    /** {"from", "to", "by": [...], "rows": [{"sex": "F", "trained": 12, "certified": 10, "meanGain": 18.5}], "total": {...}} */
    static Map<String, Object> json(Indicators.Table table) {
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (Indicators.Row r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            r.values().forEach((d, v) -> row.put(d.parameter(), v));
            row.put("trained", r.figures().trained());
            row.put("certified", r.figures().certified());
            row.put("meanGain", r.figures().meanGain());
            rows.add(row);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("trained", table.total().trained());
        total.put("certified", table.total().certified());
        total.put("meanGain", table.total().meanGain());
        total.put("refresherDue", table.refresherDue());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", table.from().toString());
        body.put("to", table.to().toString());
        body.put("by", table.by().stream().map(Indicators.Dimension::parameter).toList());
        body.put("rows", rows);
        body.put("total", total);
        return body;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }
}
