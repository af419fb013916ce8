package org.manfadh.statistics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.manfadh.statistics.HijriMonthStarts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The Hijri month starts Iraq announced, which place Arbaeen and Ashura in forecasts and surge alerts. */
@RestController
@RequestMapping("/api/v1/statistics/hijri-month-starts")
class HijriMonthStartController {

    private final HijriMonthStarts months;
    private final Clock clock;

    HijriMonthStartController(HijriMonthStarts months, Clock clock) {
        this.months = months;
        this.clock = clock;
    }

    @Operation(summary = "The twelve months of a Hijri year (this one by default): Umm al-Qura's first day, the recorded one, the day used")
    @GetMapping
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'OFFICER', 'ADMIN')")
    List<HijriMonthStarts.Month> year(@RequestParam(required = false) Integer year) {
        return months.year(year != null ? year : months.hijriYearOf(LocalDate.now(clock)));
    }

    @Operation(summary = "Record the day a Hijri month began as Iraq announced it (at most 2 days from Umm al-Qura's)")
    @ProblemResponses({409, 422})
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    HijriMonthStarts.Month record(@RequestBody HijriMonthStarts.RecordMonthStart request, Authentication caller) {
        return months.record(request, caller.getName());
    }

    @Operation(summary = "Forget a recorded month start, named year-month (1449-2 for Safar 1449): Umm al-Qura's applies again")
    @ProblemResponses({404})
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    HijriMonthStarts.Month forget(@PathVariable String id, Authentication caller) {
        Matcher m = MONTH_ID.matcher(id);
        if (!m.matches()) {
            throw Rejection.invalidField("id", "a Hijri year and month, such as 1449-2 for Safar 1449");
        }
        return months.forget(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), caller.getName());
    }

    private static final Pattern MONTH_ID = Pattern.compile("(\\d{4})-(\\d{1,2})");
}
