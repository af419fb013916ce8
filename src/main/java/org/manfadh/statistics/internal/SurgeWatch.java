package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.manfadh.platform.Ids;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.SurgeAlerts;
import org.manfadh.statistics.forecast.DayForecast;
import org.manfadh.statistics.forecast.SurgeRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every few minutes ({@code manfadh.statistics.surge.interval}, five by default), compares each
 * open border point's flow today so far, its last hour and its hour so far with the forecast band
 * ({@link SurgeRule} says how the day's band is scaled to part of it), and raises a surge once per
 * point and window: stored, logged, and counted in the gauge {@code manfadh.statistics.surges.active}
 * (per border point: today's surge, if any, and those of the last two hours).
 */
@Component
class SurgeWatch {

    private static final Logger log = LoggerFactory.getLogger(SurgeWatch.class);

    /** Weeks of hourly counts a point's profile over the day is learnt from. */
    private static final int PROFILE_DAYS = 28;

    private final ForecastService forecasts;
    private final ForecastCounts counts;
    private final SurgeRecords records;
    private final ReferenceData referenceData;
    private final MeterRegistry meters;
    private final Clock clock;
    private final boolean enabled;
    private final SurgeRule.Settings settings;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    private record Profile(LocalDate day, double[] shares) {
    }

    SurgeWatch(ForecastService forecasts, ForecastCounts counts, SurgeRecords records, ReferenceData referenceData,
               MeterRegistry meters, Clock clock,
               @Value("${manfadh.statistics.surge.enabled:true}") boolean enabled,
               @Value("${manfadh.statistics.surge.minimum-observed:30}") long minimumObserved,
               @Value("${manfadh.statistics.surge.minimum-minutes:15}") int minimumMinutes) {
        this.forecasts = forecasts;
        this.counts = counts;
        this.records = records;
        this.referenceData = referenceData;
        this.meters = meters;
        this.clock = clock;
        this.enabled = enabled;
        this.settings = new SurgeRule.Settings(minimumObserved, minimumMinutes);
    }

    @Scheduled(fixedDelayString = "${manfadh.statistics.surge.interval:PT5M}",
            initialDelayString = "${manfadh.statistics.surge.initial-delay:PT2M}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            check(ZonedDateTime.now(clock));
        } catch (RuntimeException e) {
            // The next run tries again; a failed check must not stop the schedule.
            log.error("Surge check failed", e);
        }
    }

    /** Checks every open point at this moment of the border's clock; the surges newly raised. */
    List<SurgeAlerts.Surge> check(ZonedDateTime now) {
        List<SurgeAlerts.Surge> raised = new ArrayList<>();
        LocalDate today = now.toLocalDate();
        for (BorderPoint point : referenceData.borderPoints()) {
            if (point.status() == BorderPointStatus.CLOSED) {
                continue;
            }
            String code = point.code();
            DayForecast forecast = forecasts.today(code, today);
            long[] hours = counts.hourly(code, today);
            for (SurgeRule.Breach b : SurgeRule.check(forecast, profile(code, today), hours, now.getHour(),
                    now.getMinute(), settings)) {
                SurgeAlerts.Surge surge = new SurgeAlerts.Surge(Ids.newId(), code, SurgeAlerts.Window.valueOf(b.window().name()),
                        today, b.hour(), b.observed(), b.expected(), b.high(), clock.instant().truncatedTo(ChronoUnit.MICROS));
                if (records.raise(surge)) {
                    raised.add(surge);
                    log.warn("Surge at {}: {} {}{} observed {} crossings, expected {}, top of the band {}", code,
                            b.window(), today, b.hour() == null ? "" : " hour " + b.hour(), b.observed(),
                            b.expected(), b.high());
                }
            }
            gauge(code).set(activeAt(code, now));
        }
        return raised;
    }

    private int activeAt(String code, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        int hour = now.getHour();
        return (int) records.between(today, today, new String[] {code}).stream()
                .filter(s -> s.window() == SurgeAlerts.Window.DAY || s.hour() != null && s.hour() >= hour - 1)
                .count();
    }

    private AtomicInteger gauge(String code) {
        return active.computeIfAbsent(code, c -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("manfadh.statistics.surges.active", value, AtomicInteger::get)
                    .description("Surges in force at a border point: today's, and those of the last two hours")
                    .tag("borderPoint", c).register(meters);
            return value;
        });
    }

    private double[] profile(String code, LocalDate today) {
        Profile p = profiles.get(code);
        if (p == null || !p.day().equals(today)) {
            p = new Profile(today, SurgeRule.profile(counts.hourly(code, today.minusDays(PROFILE_DAYS), today.minusDays(1))));
            profiles.put(code, p);
        }
        return p.shares();
    }
}
