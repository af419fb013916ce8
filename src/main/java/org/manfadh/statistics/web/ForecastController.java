package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.util.List;

import org.manfadh.bordercontrol.Direction;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.statistics.Forecasts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Expected daily crossings at a border point, with the band and the pilgrimage windows. */
@RestController
@RequestMapping("/api/v1/statistics")
class ForecastController {

    private final Forecasts forecasts;

    ForecastController(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Operation(summary = "Forecast of daily crossings at a border point (1 to 400 days), with a 95 % band and the Hijri events each day lies in")
    @ProblemResponses({404})
    @GetMapping("/forecast")
    @PreAuthorize("hasAnyRole('ANALYST', 'SUPERVISOR', 'ADMIN')")
    List<Forecasts.Day> forecast(@RequestParam(required = false) String borderPoint,
                                 @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) Integer days,
                                 @RequestParam(required = false) Direction direction, Authentication caller) {
        // Missing parameters are named by the service, after the caller's roles were checked.
        return forecasts.forecast(borderPoint, direction, from, days == null ? 0 : days, caller.getName());
    }
}
