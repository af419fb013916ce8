package org.manfadh.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * Fills the border control register with a year of demo crossings at Iraq's border points (see
 * {@link DemoTraffic}), once: when the register holds no demo rows yet. Only in demo mode and with
 * {@code manfadh.demo.data=true}; {@code manfadh.demo.data.scale} sets about how many crossings.
 *
 * <p>The load runs in the background, from the moment what it needs exists, so that start-up
 * stays within its budget. If Spring Boot declares the application ready before the
 * load is done, readiness is taken back ({@code REFUSING_TRAFFIC}) and given again when it is
 * done; liveness stays {@code CORRECT} and the API works all along. The year goes in through the
 * register's own door for a backlog ({@link CrossingBacklog}): every crossing screened against the
 * lists in force as a booth's crossing is, the stays and flags worked out by the register, all in
 * one transaction, so a failed load leaves nothing behind. Demo rows carry the source label (request
 * hash) {@value #MARKER}; demo travellers are the loader's own, so crossings recorded meanwhile
 * through the API do not meet them.
 */
@Component
@ConditionalOnBooleanProperty(name = {"manfadh.demo", "manfadh.demo.data"}, matchIfMissing = true)
class DemoDataLoader implements InitializingBean, DisposableBean {

    static final String MARKER = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CrossingBacklog backlog;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int scale;
    private final long seed;
    /** Guards the readiness hand-over between Spring Boot's announcement and the end of the load. */
    private final Object readiness = new Object();
    private boolean done;
    private boolean refusing;
    private volatile boolean closing;

    DemoDataLoader(CrossingBacklog backlog, ReferenceData referenceData, Clock clock, ApplicationEventPublisher events,
                   @Value("${manfadh.demo.data.scale:50000}") int scale,
                   @Value("${manfadh.demo.data.seed:20260804}") long seed) {
        this.backlog = backlog;
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
    }

    /** Whether the background load is still running. */
    boolean loading() {
        synchronized (readiness) {
            return !done;
        }
    }

    /** Loads the demo data unless the register already has it; answers what was loaded. */
    Optional<CrossingBacklog.Loaded> load() {
        long start = System.nanoTime();
        if (backlog.holds(MARKER)) {
            log.info("Demo data: the register already holds demo crossings; nothing loaded");
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<StayRule> rules = backlog.stayRules();
        Traffic traffic = DemoTraffic.generate(
                new DemoTraffic.Settings(LocalDate.ofInstant(now, clock.getZone()), now, clock.getZone(), scale, seed),
                new DemoTraffic.Register(referenceData.borderPoints(), referenceData.refusalReasons(),
                        referenceData.icaoCodes()::contains, rules, Ids::newId),
                DemoNames.bundled());
        long made = System.nanoTime();
        Optional<CrossingBacklog.Loaded> loaded = backlog.load(backlog(traffic));
        if (loaded.isEmpty()) {
            log.info("Demo data: the register already holds demo crossings; nothing loaded");
        }
        loaded.ifPresent(l -> log.info("Demo data: {} crossings with {} decisions, {} travellers, {} documents, "
                        + "{} visas, {} groups and {} stays, {} to {}, screened ({} referred by screening), loaded in "
                        + "{} s ({} s to make, {} s to screen and write)",
                l.crossings(), l.decisions(), l.travellers(), l.documents(), l.visas(), l.groups(), l.stays(),
                traffic.from(), traffic.to(), l.referredByScreening(), seconds(System.nanoTime() - start),
                seconds(made - start), seconds(System.nanoTime() - made)));
        return loaded;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** The year as the register takes a backlog: each record with the ids of those it refers to. */
    static CrossingBacklog.Batch backlog(Traffic traffic) {
        return new CrossingBacklog.Batch(MARKER,
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
