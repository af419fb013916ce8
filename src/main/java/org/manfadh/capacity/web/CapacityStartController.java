package org.manfadh.capacity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.manfadh.capacity.Indicators;
import org.manfadh.platform.Rejection;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The capacity manager's start (this quarter's key figures and every screen of the module) and the indicators
 * screen: a range, the dimensions to break down by, the table, and the programme's report to download in the
 * page's language.
 */
@Controller
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class CapacityStartController {

    private final Indicators indicators;
    private final Clock clock;

    CapacityStartController(Indicators indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @GetMapping("/capacity")
    String start(Authentication caller, Model model) {
        Indicators.Quarter quarter = indicators.thisQuarter(caller.getName());
        model.addAttribute("quarter", quarter);
        model.addAttribute("quarterName", indicators.label(Indicators.Dimension.QUARTER, quarter.quarter(), language()));
        return "capacity/index";
    }

    @GetMapping("/capacity/indicators")
    String table(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String[] by, Authentication caller, Model model) {
        String language = language();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Indicators.Dimension> dimensions = List.of();
        IndicatorParameters.Range range = null;
        try {
            range = IndicatorParameters.range(from, to, null, false, clock);
        } catch (Rejection e) {
            e.fields().forEach(f -> errors.put(f.field(), "capacity.indicators.error." + f.field()));
        }
        try {
            dimensions = IndicatorParameters.dimensions(by);
        } catch (Rejection e) {
            errors.put("by", "capacity.indicators.error.by");
        }
        Indicators.Table table = null;
        if (range != null && errors.isEmpty()) {
            try {
                table = indicators.indicators(range.from(), range.to(), dimensions, caller.getName());
            } catch (Rejection e) {
                e.fields().forEach(f -> errors.put(f.field(), "capacity.indicators.error." + f.field()));
            }
        }
        model.addAttribute("from", range != null ? range.from().toString() : from);
        model.addAttribute("to", range != null ? range.to().toString() : to);
        model.addAttribute("dimensions", Indicators.Dimension.values());
        model.addAttribute("chosen", dimensions.stream().map(Indicators.Dimension::parameter).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("table", table);
        if (table != null) {
            List<List<String>> labels = new ArrayList<>();
            for (Indicators.Row row : table.rows()) {
                List<String> cells = new ArrayList<>();
                row.values().forEach((d, v) -> cells.add(indicators.label(d, v, language)));
                labels.add(cells);
            }
            model.addAttribute("labels", labels);
            // The quarterly report covers quarters that have begun: none for a range that begins after this quarter.
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Baghdad")));
            LocalDate first = table.from();
            model.addAttribute("reportable",
                    !LocalDate.of(first.getYear(), (first.getMonthValue() - 1) / 3 * 3 + 1, 1).isAfter(today));
            model.addAttribute("byParameter", String.join(",",
                    table.by().stream().map(Indicators.Dimension::parameter).toList()));
        }
        return "capacity/indicators/index";
    }

    private static String language() {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return language.equals("ar") || language.equals("ckb") ? language : "en";
    }
}
