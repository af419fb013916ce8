package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.manfadh.access.Accounts;
import org.manfadh.access.SharedData;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.forecast.DailyCounts;
import org.manfadh.statistics.forecast.DayForecast;
import org.manfadh.statistics.forecast.HijriCalendar;
import org.manfadh.statistics.forecast.HijriEvent;
import org.manfadh.statistics.forecast.HijriEvents;
import org.manfadh.statistics.forecast.ModelSettings;
import org.manfadh.statistics.forecast.SeasonalModel;
import org.manfadh.statistics.forecast.SeasonalNaive;
import org.manfadh.statistics.forecast.SeasonalRegression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Forecasts per border point from its daily counts in the rollups: learnt from the complete days
 * before today (up to {@code manfadh.statistics.forecast.history-days}, three years by default, so
 * that three Arbaeens are seen), with the Hijri months as recorded. A model is learnt once per
 * point, direction and day, and again when an administrator records a month start.
 */
@Service
class ForecastService implements Forecasts {

    static final int MAX_DAYS = 400;

    private record Key(String borderPoint, Direction direction, LocalDate asOf, long calendar) {
    }

    private final ForecastCounts counts;
    private final HijriCalendarBook calendar;
    private final Accounts accounts;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final int historyDays;
    private final Map<Key, SeasonalModel> models = new ConcurrentHashMap<>();

    ForecastService(ForecastCounts counts, HijriCalendarBook calendar, Accounts accounts, ReferenceData referenceData,
                    Clock clock, @Value("${manfadh.statistics.forecast.history-days:1096}") int historyDays) {
        this.counts = counts;
        this.calendar = calendar;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.clock = clock;
        this.historyDays = historyDays;
    }

    @Override
    public List<Day> forecast(String borderPoint, Direction direction, LocalDate from, int days, String username) {
        List<Rejection.Field> problems = new ArrayList<>();
        if (borderPoint == null || borderPoint.isBlank()) {
            problems.add(new Rejection.Field("borderPoint", "required: a border point's code, such as ZRB"));
        }
        if (from == null) {
            problems.add(new Rejection.Field("from", "required: the first day to forecast, YYYY-MM-DD"));
        } else if (!HijriCalendar.covers(from) || !HijriCalendar.covers(from.plusDays(MAX_DAYS + 60L))) {
            problems.add(new Rejection.Field("from", "outside the Hijri calendar's range (1883 to 2173)"));
        }
        if (days < 1 || days > MAX_DAYS) {
            problems.add(new Rejection.Field("days", "must be 1 to " + MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        String code = visiblePoint(borderPoint, username);
        SeasonalModel model = model(code, direction);
        List<Day> out = new ArrayList<>(days);
        for (DayForecast f : model.forecast(from, days)) {
            out.add(day(f));
        }
        return out;
    }

    /** The forecast of one day at a point for background work (surge checks): no user, no jurisdiction. */
    DayForecast today(String borderPoint, LocalDate day) {
        return model(borderPoint, null).day(day);
    }

    static Day day(DayForecast f) {
        return new Day(f.date(), f.expected(), f.low(), f.high(), f.events().stream().map(HijriEvent::name).toList());
    }

    private String visiblePoint(String borderPoint, String username) {
        String code = borderPoint.strip().toUpperCase(Locale.ROOT);
        boolean known = referenceData.borderPoint(code).isPresent();
        if (!known || !accounts.readScope(username, SharedData.AGGREGATES).allows(code)) {
            throw Rejection.notFound("Border point", "No border point " + code + " in your jurisdiction.");
        }
        return code;
    }

    private SeasonalModel model(String code, Direction direction) {
        LocalDate today = LocalDate.now(clock);
        long version = calendar.version();
        Key key = new Key(code, direction, today, version);
        SeasonalModel model = models.get(key);
        if (model == null) {
            // Yesterday's models and those of an older calendar are no use any more.
            models.keySet().removeIf(k -> !k.asOf().equals(today) || k.calendar() != version);
            model = fit(code, direction, today, calendar.events());
            models.put(key, model);
        }
        return model;
    }

    private SeasonalModel fit(String code, Direction direction, LocalDate today, HijriEvents events) {
        DailyCounts history = trimmed(counts.daily(code, direction, today.minusDays(historyDays), today.minusDays(1)));
        return SeasonalRegression.fit(history, events, ModelSettings.DEFAULT);
    }

    /** From the first day with a crossing: days before a point's history began are not days of no traffic. */
    static DailyCounts trimmed(DailyCounts counts) {
        long[] c = counts.counts();
        int first = 0;
        while (first < c.length && c[first] == 0) {
            first++;
        }
        return new DailyCounts(counts.day(first), java.util.Arrays.copyOfRange(c, first, c.length));
    }

    @Override
    public Optional<Accuracy> accuracy(String borderPoint, YearMonth month) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        if (borderPoint == null || !end.isBefore(today)) {
            return Optional.empty();
        }
        String code = borderPoint.strip().toUpperCase(Locale.ROOT);
        if (referenceData.borderPoint(code).isEmpty()) {
            return Optional.empty();
        }
        HijriEvents events = calendar.events();
        DailyCounts history = trimmed(counts.daily(code, null, start.minusDays(historyDays), start.minusDays(1)));
        double scale = SeasonalNaive.scale(history);
        if (history.size() < 28 || !(scale > 0)) {
            return Optional.empty();
        }
        DailyCounts actual = counts.daily(code, null, start, end);
        SeasonalModel model = SeasonalRegression.fit(history, events, ModelSettings.DEFAULT);
        long[] naive = SeasonalNaive.forecast(history, events, start, actual.size());
        double abs = 0;
        double naiveAbs = 0;
        for (int i = 0; i < actual.size(); i++) {
            abs += Math.abs(model.day(actual.day(i)).expected() - actual.count(i));
            naiveAbs += Math.abs(naive[i] - actual.count(i));
        }
        int n = actual.size();
        return Optional.of(new Accuracy(code, month, abs / n, abs / n / scale, naiveAbs / n, n));
    }
}
