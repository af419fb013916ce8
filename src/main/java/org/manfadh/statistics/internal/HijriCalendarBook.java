package org.manfadh.statistics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.manfadh.platform.Rejection;
import org.manfadh.statistics.HijriMonthStarts;
import org.manfadh.statistics.forecast.HijriCalendar;
import org.manfadh.statistics.forecast.HijriEvents;
import org.manfadh.statistics.forecast.HijriMonth;
import org.manfadh.statistics.forecast.HijriMonthOfYear;
import org.manfadh.statistics.forecast.MonthStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Hijri calendar as recorded: the month starts in the database over Umm al-Qura, held in
 * memory and rebuilt when an administrator records or forgets one. Its {@link #version()} moves
 * on every change, so that forecasts learnt with the old calendar are not served again.
 */
@Service
class HijriCalendarBook implements HijriMonthStarts {

    private static final Logger log = LoggerFactory.getLogger(HijriCalendarBook.class);

    private final HijriMonthStartRecords records;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(long version, HijriEvents events, Map<HijriMonthOfYear, HijriMonthStartRecords.Row> rows) {
    }

    HijriCalendarBook(HijriMonthStartRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The calendar's events as recorded now. */
    HijriEvents events() {
        return current().events();
    }

    /** Moves on every recorded change. */
    long version() {
        return current().version();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<HijriMonthOfYear, HijriMonthStartRecords.Row> rows = new HashMap<>();
        List<MonthStart> starts = new ArrayList<>();
        for (HijriMonthStartRecords.Row row : records.all()) {
            HijriMonthOfYear month = new HijriMonthOfYear(row.hijriYear(), HijriMonth.of(row.hijriMonth()));
            rows.put(month, row);
            starts.add(new MonthStart(month, row.firstDay()));
        }
        return new Snapshot(version.incrementAndGet(), new HijriEvents(HijriCalendar.withRecorded(starts)), Map.copyOf(rows));
    }

    private synchronized void reload() {
        snapshot = load();
    }

    @Override
    public List<Month> year(int hijriYear) {
        checkYear(hijriYear);
        Snapshot s = current();
        List<Month> months = new ArrayList<>(12);
        for (HijriMonth m : HijriMonth.values()) {
            months.add(view(s, new HijriMonthOfYear(hijriYear, m)));
        }
        return months;
    }

    @Override
    public int hijriYearOf(LocalDate day) {
        if (!HijriCalendar.covers(day)) {
            throw Rejection.invalidField("date", "outside the Hijri calendar's range (1883 to 2173)");
        }
        return current().events().calendar().toHijri(day).year();
    }

    private static Month view(Snapshot s, HijriMonthOfYear month) {
        HijriCalendar calendar = s.events().calendar();
        LocalDate first = calendar.firstDay(month);
        int days = month.year() == HijriCalendar.LAST_YEAR && month.month() == HijriMonth.DHU_AL_HIJJA ? 30
                : (int) ChronoUnit.DAYS.between(first, calendar.firstDay(month.month().next(month.year())));
        HijriMonthStartRecords.Row row = s.rows().get(month);
        return new Month(month.year(), month.month().number(), month.month().name(),
                HijriCalendar.ummAlQuraFirstDay(month), first, days, row != null,
                row == null ? null : row.recordedBy(), row == null ? null : row.recordedAt());
    }

    @Override
    @Transactional
    public Month record(RecordMonthStart request, String username) {
        List<Rejection.Field> problems = new ArrayList<>();
        if (request == null || request.hijriYear() == null) {
            problems.add(new Rejection.Field("hijriYear", "required: the Hijri year, 1300 to 1600"));
        } else if (request.hijriYear() < HijriCalendar.FIRST_YEAR || request.hijriYear() > HijriCalendar.LAST_YEAR) {
            problems.add(new Rejection.Field("hijriYear", "must be 1300 to 1600"));
        }
        if (request == null || request.month() == null) {
            problems.add(new Rejection.Field("month", "required: 1 (Muharram) to 12 (Dhu al-Hijja)"));
        } else if (request.month() < 1 || request.month() > 12) {
            problems.add(new Rejection.Field("month", "must be 1 (Muharram) to 12 (Dhu al-Hijja)"));
        }
        if (request == null || request.firstDay() == null) {
            problems.add(new Rejection.Field("firstDay", "required: the Gregorian day the month began, YYYY-MM-DD"));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        HijriMonthOfYear month = new HijriMonthOfYear(request.hijriYear(), HijriMonth.of(request.month()));
        MonthStart start = new MonthStart(month, request.firstDay());
        int off = HijriCalendar.daysFromUmmAlQura(start);
        if (Math.abs(off) > HijriCalendar.MAX_DAYS_FROM_UMM_AL_QURA) {
            LocalDate ummAlQura = HijriCalendar.ummAlQuraFirstDay(month);
            throw Rejection.unprocessable("month-start-far-from-umm-al-qura", "Month start too far from Umm al-Qura",
                            "1 " + month.month().name() + " " + month.year() + " starts on " + ummAlQura
                                    + " by Umm al-Qura; a recorded start may differ by at most "
                                    + HijriCalendar.MAX_DAYS_FROM_UMM_AL_QURA + " days, and " + request.firstDay()
                                    + " is " + Math.abs(off) + " days " + (off > 0 ? "after" : "before") + " it.")
                    .with("ummAlQura", ummAlQura.toString()).with("daysFromUmmAlQura", off);
        }
        records.startingOn(request.firstDay(), month.year(), month.month().number()).ifPresent(other -> {
            throw Rejection.conflict("month-start-taken", "Month " + other.hijriMonth() + " of " + other.hijriYear()
                    + " is already recorded as starting on " + request.firstDay() + ".");
        });
        records.save(new HijriMonthStartRecords.Row(month.year(), month.month().number(), request.firstDay(), username,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        reload();
        log.info("Hijri month start recorded: 1 {} {} = {} ({} days from Umm al-Qura) by {}", month.month(),
                month.year(), request.firstDay(), off, username);
        return view(current(), month);
    }

    @Override
    @Transactional
    public Month forget(int hijriYear, int month, String username) {
        checkYear(hijriYear);
        if (month < 1 || month > 12) {
            throw Rejection.invalidField("month", "must be 1 (Muharram) to 12 (Dhu al-Hijja)");
        }
        if (!records.delete(hijriYear, month)) {
            throw Rejection.notFound("Hijri month start", "No start is recorded for month " + month + " of " + hijriYear + ".");
        }
        reload();
        log.info("Hijri month start forgotten: month {} of {} by {}", month, hijriYear, username);
        return view(current(), new HijriMonthOfYear(hijriYear, HijriMonth.of(month)));
    }

    private static void checkYear(int hijriYear) {
        if (hijriYear < HijriCalendar.FIRST_YEAR || hijriYear > HijriCalendar.LAST_YEAR) {
            throw Rejection.invalidField("hijriYear", "must be 1300 to 1600");
        }
    }
}
