package org.manfadh.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.demo.internal.DemoTraffic.Traffic;
import org.manfadh.platform.Ids;
import org.manfadh.platform.LoggableFailures;
import org.manfadh.referencedata.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the border control register with three years of demo crossings at Iraq's border points
 * (see {@link DemoTraffic}), each year once: when the register does not hold it yet. Only in demo
 * mode and with {@code manfadh.demo.data=true}; {@code manfadh.demo.data.scale} sets about how many
 * crossings the latest year has (the earlier ones a little fewer, by the trend).
 *
 * <p>The latest year, ending today, loads in the background from the moment what it needs exists,
 * so that start-up stays within its budget. If Spring Boot declares the application ready before
 * that load is done, readiness is taken back ({@code REFUSING_TRAFFIC}) and given again when it is
 * done; liveness stays {@code CORRECT} and the API works all along. The two earlier years follow
 * after readiness, one after the other, while the application is in use. The day the history ends
 * is kept ({@link DemoYears}), so that a year loaded at a later start joins the others.
 *
 * <p>Each year goes in through the register's own door for a backlog ({@link CrossingBacklog}) as a
 * source of its own: every crossing screened against the lists in force as a booth's crossing is,
 * the stays and flags worked out by the register, all in one transaction, so a failed year leaves
 * nothing behind and is loaded again at the next start, and a year held is not loaded again. The
 * latest year's rows carry the source label (request hash) {@value #MARKER}, the earlier years'
 * {@code demo-1} and {@code demo-2}; demo travellers are the loader's own, so crossings recorded
 * meanwhile through the API do not meet them.
 */
@Component
@ConditionalOnBooleanProperty(name = {"manfadh.demo", "manfadh.demo.data"}, matchIfMissing = true)
class DemoDataLoader implements InitializingBean, DisposableBean {

    static final String MARKER = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CrossingBacklog backlog;
    private final DemoYears years;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int scale;
    private final long seed;
    /** Guards the readiness hand-over between Spring Boot's announcement and the end of the load. */
    private final Object readiness = new Object();
    private boolean done;
    private boolean started;
    private boolean earlierDone;
    private boolean refusing;
    private volatile boolean closing;

    private final org.manfadh.statistics.HijriMonthStarts monthStarts;
    private final org.manfadh.health.OutbreakAlerts alerts;

    DemoDataLoader(CrossingBacklog backlog, DemoYears years, ReferenceData referenceData, Clock clock,
                   ApplicationEventPublisher events, @Value("${manfadh.demo.data.scale:28000}") int scale,
                   @Value("${manfadh.demo.data.seed:20260804}") long seed,
                   org.manfadh.statistics.HijriMonthStarts monthStarts,
                   org.manfadh.health.OutbreakAlerts alerts) {
        this.monthStarts = monthStarts;
        this.alerts = alerts;
        this.backlog = backlog;
        this.years = years;
        this.referenceData = referenceData;
        this.clock = clock;
        this.events = events;
        this.scale = scale;
        this.seed = seed;
    }

    /**
     * What the load needs exists and the database is migrated: the load starts now, while the rest
     * of the application comes up, so that it is done soon after.
     */
    @Override
    public void afterPropertiesSet() {
        start();
    }

    /** Starts the load in the background. */
    void start() {
        Thread thread = new Thread(this::loadInBackground, "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Spring Boot declares the application ready once it has started; while the load runs, that is
     * taken back at once. Listener methods are registered after listener beans, so at the same
     * (lowest) order this runs after Boot's availability bean has stored Boot's state, and the
     * state that stays is ours: readiness never shows ready while the load runs.
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || event.getSource() == this) {
            return;
        }
        synchronized (readiness) {
            started = true;
            readiness.notifyAll();
            if (!done) {
                refusing = true;
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
                log.info("Demo data: loading; the application reports ready when the load is done");
            }
        }
    }

    /** The application stops (or failed to start): a load still running will fail as the database goes. */
    @Override
    public void destroy() {
        closing = true;
    }

    private void loadInBackground() {
        try {
            load();
        } catch (RuntimeException e) {
            if (closing) {
                log.info("Demo data: the load stopped as the application shut down; nothing was kept");
            } else {
                log.error("Demo data could not be loaded; the application runs without it", LoggableFailures.of(e));
            }
        } finally {
            synchronized (readiness) {
                done = true;
                if (refusing) {
                    refusing = false;
                    AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
                }
            }
        }
        try {
            if (awaitStart()) {
                recordAnnouncedMonths();
                recordOutbreakAlerts();
                loadEarlierYears();
            }
        } finally {
            synchronized (readiness) {
                earlierDone = true;
            }
        }
    }

    /**
     * Muharram and Safar as the demo's traffic keeps them (a day after Umm al-Qura's, as Iraq's
     * announcements usually are), recorded as an administrator records them, for the demo history's
     * years and the next: the forecast then places Arbaeen and Ashura where the demo traffic has them.
     * A month already recorded is left as it is.
     */
    private void recordAnnouncedMonths() {
        try {
            LocalDate today = LocalDate.now(clock);
            int first = monthStarts.hijriYearOf(today.minusYears(3));
            int last = monthStarts.hijriYearOf(today) + 1;
            for (int year = first; year <= last; year++) {
                for (org.manfadh.statistics.HijriMonthStarts.Month m : monthStarts.year(year)) {
                    if (m.month() <= 2 && !m.recorded()) {
                        monthStarts.record(new org.manfadh.statistics.HijriMonthStarts.RecordMonthStart(year, m.month(),
                                DemoTraffic.monthStart(year, m.month())), "admin");
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Demo data: the announced Hijri month starts could not be recorded; forecasts use Umm al-Qura's: {}",
                    e.toString());
        }
    }

    /**
     * Two outbreak alerts as a health officer at headquarters would have made them, when there are none yet: mpox in
     * central and east Africa, running (arrivals from there are screened at the booth), and MERS in the Arabian
     * peninsula, ended last season. A post takes alerts from headquarters and makes none.
     */
    private void recordOutbreakAlerts() {
        if (alerts == null) {
            return;
        }
        try {
            if (alerts.alerts(null, new org.manfadh.platform.PageRequest(0, 1)).page().totalElements() > 0) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            alerts.create(new org.manfadh.health.HealthCommands.CreateAlert("MPOX", java.util.List.of("COD", "UGA", "BDI", "KEN"),
                    java.util.List.of(new org.manfadh.health.Alert.Region("COD", "Sud-Kivu")), null, today.minusDays(40),
                    null, org.manfadh.health.AlertSource.WHO, new org.manfadh.health.Alert.Texts(
                            "Screen arrivals from the affected countries; refer a traveller with a rash or fever.",
                            "افحص القادمين من البلدان المتأثرة؛ أحل المسافر المصاب بطفح جلدي أو حمى.",
                            "گەیشتووانی وڵاتە تووشبووەکان بپشکنە؛ گەشتیاری تووشی هەڵوەرین یان تا ڕەوانە بکە.")), "health_officer");
            alerts.create(new org.manfadh.health.HealthCommands.CreateAlert("MERS", java.util.List.of("SAU"), java.util.List.of(),
                    14, today.minusDays(200), today.minusDays(120), org.manfadh.health.AlertSource.MINISTRY_OF_HEALTH,
                    null), "health_officer");
        } catch (RuntimeException e) {
            log.info("Demo data: no demo outbreak alerts here ({})", e.getMessage());
        }
    }

    /**
     * The earlier years wait until the application has started (on a restart the latest year is
     * held at once), so that they never slow the start down; answers false if it stops first.
     */
    private boolean awaitStart() {
        synchronized (readiness) {
            try {
                while (!started && !closing) {
                    readiness.wait(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !closing;
        }
    }

    /** Whether the latest year is still loading (the application is not ready until it is done). */
    boolean loading() {
        synchronized (readiness) {
            return !done;
        }
    }

    /** Whether the earlier years are still loading, after the latest. */
    boolean loadingEarlierYears() {
        synchronized (readiness) {
            return !earlierDone;
        }
    }

    /** The source label of a year of the history: {@value #MARKER} for the latest, {@code demo-1} for the year before. */
    static String source(int yearsBack) {
        return yearsBack == 0 ? MARKER : MARKER + "-" + yearsBack;
    }

    /** Loads the latest year, ending today, unless the register already has it; answers what was loaded. */
    Optional<CrossingBacklog.Loaded> load() {
        if (backlog.holds(MARKER)) {
            log.info("Demo data: the register already holds the latest year's demo crossings; nothing loaded");
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // Fixed before the load: a start that fails before the year is in fixes it again, to its own day.
        years.endOn(today);
        return load(today, 0, now);
    }

    /**
     * Loads the earlier years the register does not hold yet, latest first; a year that fails is
     * logged, leaves nothing, and is tried again at the next start. Answers the years loaded.
     */
    List<Integer> loadEarlierYears() {
        List<Integer> loaded = new ArrayList<>();
        try {
            LocalDate end = null;
            for (int yearsBack = 1; yearsBack < DemoTraffic.YEARS && !closing; yearsBack++) {
                if (backlog.holds(source(yearsBack))) {
                    continue;
                }
                if (end == null) {
                    end = years.endOrFix(LocalDate.now(clock));
                }
                try {
                    if (load(end, yearsBack, clock.instant()).isPresent()) {
                        loaded.add(yearsBack);
                    }
                } catch (RuntimeException e) {
                    failed(yearsBack, end, e);
                }
            }
        } catch (RuntimeException e) {
            failed(0, null, e);
        }
        return loaded;
    }

    private void failed(int yearsBack, LocalDate end, RuntimeException e) {
        if (closing) {
            log.info("Demo data: the earlier years' load stopped as the application shut down; the year it was "
                    + "loading was not kept and is loaded at the next start");
        } else if (end == null) {
            log.error("Demo data: the earlier years could not be loaded; they are tried again at the next start",
                    LoggableFailures.of(e));
        } else {
            LocalDate to = end.minusDays((long) DemoTraffic.DAYS_A_YEAR * yearsBack);
            log.error("Demo data: the year {} to {} ({}) could not be loaded; nothing of it was kept, and it is "
                            + "tried again at the next start", to.minusDays(DemoTraffic.DAYS_A_YEAR - 1), to,
                    source(yearsBack), LoggableFailures.of(e));
        }
    }

    /** Makes and loads one year of the history ending on {@code end}, unless the register holds it. */
    private Optional<CrossingBacklog.Loaded> load(LocalDate end, int yearsBack, Instant now) {
        long start = System.nanoTime();
        List<StayRule> rules = backlog.stayRules();
        Traffic traffic = DemoTraffic.generate(
                new DemoTraffic.Settings(end, yearsBack, now, clock.getZone(), scale, seed),
                new DemoTraffic.Register(referenceData.borderPoints(), referenceData.refusalReasons(),
                        referenceData.icaoCodes()::contains, rules, Ids::at),
                DemoNames.bundled());
        long made = System.nanoTime();
        Optional<CrossingBacklog.Loaded> loaded = backlog.load(backlog(traffic, source(yearsBack)));
        if (loaded.isEmpty()) {
            log.info("Demo data: the register already holds the demo crossings of {}; nothing loaded", source(yearsBack));
        }
        loaded.ifPresent(l -> log.info("Demo data: {} crossings with {} decisions, {} travellers, {} documents, "
                        + "{} visas, {} groups and {} stays, {} to {} ({}), screened ({} referred by screening), "
                        + "loaded in {} s ({} s to make, {} s to screen and write)",
                l.crossings(), l.decisions(), l.travellers(), l.documents(), l.visas(), l.groups(), l.stays(),
                traffic.from(), traffic.to(), source(yearsBack), l.referredByScreening(),
                seconds(System.nanoTime() - start), seconds(made - start), seconds(System.nanoTime() - made)));
        return loaded;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The latest year as the register takes a backlog. */
    static CrossingBacklog.Batch backlog(Traffic traffic) {
        return backlog(traffic, MARKER);
    }

    /** A year as the register takes a backlog: each record with the ids of those it refers to. */
    static CrossingBacklog.Batch backlog(Traffic traffic, String source) {
        return new CrossingBacklog.Batch(source,
                traffic.people().stream().map(p -> new CrossingBacklog.Traveller(p.id(), p.surname(), p.givenNames(),
                        p.nameOriginal(), p.dateOfBirth(), p.nationality(), p.sex())).toList(),
                traffic.documents().stream().map(d -> new CrossingBacklog.Document(d.id(), d.holder().id(), d.format(),
                        d.code(), d.issuingState(), d.number(), d.expiry())).toList(),
                traffic.visas().stream().map(v -> new CrossingBacklog.Visa(v.id(), v.holder().id(), v.number(), v.type(),
                        v.issuer(), v.validFrom(), v.validUntil(), v.entriesAllowed(), v.permittedStayDays(),
                        v.createdBy(), v.createdAt())).toList(),
                traffic.groups().stream().map(g -> new CrossingBacklog.Group(g.id(), g.borderPoint(), g.direction(),
                        g.kind(), g.vehicle(), g.leaderName(), g.leaderDocument(), g.openedBy(), g.openedAt(),
                        g.closedBy(), g.closedAt())).toList(),
                traffic.crossings().stream().map(c -> new CrossingBacklog.Crossing(c.id(), c.point(), c.direction(),
                        c.occurredAt(), c.recordedAt(), c.traveller().id(), c.document().id(), c.purpose(),
                        c.transport(), c.transportReference(), c.groupId(), c.visa() == null ? null : c.visa().id(),
                        c.officer(), c.lateReason(), c.accompaniedBy(), c.consentDocument(),
                        c.rulings().stream().map(r -> new CrossingBacklog.Ruling(r.id(), r.decision(), r.reasonCode(),
                                r.note(), r.vulnerability(), r.protectionReferral(), r.decidedBy(), r.decidedAt()))
                                .toList())).toList());
    }
}
