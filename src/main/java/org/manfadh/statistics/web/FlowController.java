package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.manfadh.platform.Rejection;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** Counted flows and overstayers, for headquarters' analysts and a border point's manager. */
@RestController
@RequestMapping("/api/v1/statistics")
class FlowController {

    private final FlowStatistics statistics;
    private final java.time.Clock clock;

    FlowController(FlowStatistics statistics, java.time.Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @Operation(summary = "Crossings counted by period and dimensions",
            description = "from and to are the border's days (Asia/Baghdad), inclusive; interval is hour, day, week, "
                    + "month, year or none; by lists dimensions (borderPoint, authority, governorate, direction, "
                    + "nationality, sex, ageBand, purpose, transportMode, decision, reason, hitOutcome, healthOutcome); each "
                    + "dimension is also a filter (borderPoint=ZRB,IBK). Voided crossings are never counted; only border points of "
                    + "the caller's jurisdiction, and the other authority's where it shares its aggregates. shared=true "
                    + "suppresses small cells and whatever would give them away (whole months only).")
    @ProblemResponses({400})
    @io.swagger.v3.oas.annotations.Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string", format = "date"), required = true,
                    description = "first day, YYYY-MM-DD (the border's day)"),
            @Parameter(name = "to", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string", format = "date"), required = true,
                    description = "last day, YYYY-MM-DD, inclusive"),
            @Parameter(name = "interval", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string"),
                    description = "hour, day (default), week, month, year or none"),
            @Parameter(name = "by", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string"),
                    description = "dimensions, comma-separated: borderPoint, authority, governorate, direction, "
                            + "nationality, sex, ageBand, purpose, transportMode, decision, reason, hitOutcome, healthOutcome"),
            @Parameter(name = "shared", in = ParameterIn.QUERY,
                    schema = @Schema(type = "boolean"),
                    description = "true for a table for partners: whole months, small cells suppressed"),
            @Parameter(name = "borderPoint", in = ParameterIn.QUERY,
                    schema = @Schema(type = "string"),
                    description = "a filter, like every dimension's name: values comma-separated (ZRB,IBK)")})
    @GetMapping("/flows")
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    Map<String, Object> flows(@Parameter(hidden = true) HttpServletRequest request, Authentication authentication) {
        FlowTable table = statistics.flows(FlowParameters.parse(request.getParameterMap(), Set.of()),
                authentication.getName());
        return json(table);
    }

    @Operation(summary = "Travellers past their last legal day and still in Iraq on a day, counted",
            description = "asOf is a day (today when left out); by lists nationality, authority, governorate or borderPoint (of the last entry).")
    @ProblemResponses({400})
    @GetMapping("/overstayers")
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    Map<String, Object> overstayers(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) List<String> by,
                                    @RequestParam(defaultValue = "false") boolean shared,
                                    Authentication authentication) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : by == null ? List.<String>of() : by) {
            for (String part : name.split(",")) {
                if (!part.isBlank()) {
                    dimensions.add(Dimension.ofParameter(part.strip()).orElseThrow(() -> Rejection.invalidField("by",
                            "'" + part.strip() + "' is not a dimension of overstayers (nationality, authority, "
                                    + "governorate, borderPoint).")));
                }
            }
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        return json(statistics.overstayers(day, dimensions, authentication.getName(), shared));
    }

    /** {"rows": [{"period": ..., "borderPoint": ..., "count": ...}], "total": N}, the period absent for no interval. */
    static Map<String, Object> json(FlowTable table) {
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (FlowTable.Row r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (r.period() != null && table.interval() != org.manfadh.statistics.Interval.NONE) {
                row.put("period", r.period().toString());
            }
            if (r.hour() != null) {
                row.put("hour", r.hour());
            }
            r.values().forEach((d, v) -> row.put(d.parameter(), v));
            row.put("count", r.count());
            if (r.suppressed()) {
                row.put("suppressed", true);
            }
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        body.put("total", table.total());
        if (table.shared()) {
            body.put("shared", true);
            body.put("threshold", table.threshold());
            if (table.total() == null) {
                body.put("totalSuppressed", true);
            }
        }
        return body;
    }
}
