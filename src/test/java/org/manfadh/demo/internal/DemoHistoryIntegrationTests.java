package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The three years of demo history as the register holds them: the latest before readiness, the
 * earlier two after it, a year that failed loaded again at the next start. The application starts
 * without demo data (as every test does); the test starts its loaders itself.
 */
@ManfadhIntegrationTest
@TestPropertySource(properties = "manfadh.demo.data.scale=8000")
class DemoHistoryIntegrationTests {

    private static final int SCALE = 8_000;
    private static final long SEED = 5;

    @Autowired
    CrossingBacklog backlog;

    @Autowired
    DemoYears years;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    org.manfadh.statistics.HijriMonthStarts monthStarts;

    /** The demo's outbreak alerts stay out of the shared test database: other tests make their own. */
    private static final org.manfadh.health.OutbreakAlerts NO_ALERTS = null;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheEarlierYearsAfterReadinessAndAFailedYearAgainAtTheNextStart() throws InterruptedException {
        // What the register holds of the earlier years at the moment the application reports ready again.
        List<Boolean> earlierHeldWhenReady = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof AvailabilityChangeEvent<?> change && change.getSource() instanceof DemoDataLoader
                    && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                earlierHeldWhenReady.add(backlog.holds("demo-1") || backlog.holds("demo-2"));
            }
        });
        DemoDataLoader first = new DemoDataLoader(failingTheYearBefore(), years, referenceData, clock, events, SCALE,
                SEED, monthStarts, NO_ALERTS);

        first.start();
        // As Spring Boot does once the application has started.
        first.onReadiness(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (first.loadingEarlierYears()) {
            assertThat(System.nanoTime()).as("the earlier years loaded within four minutes").isLessThan(deadline);
            Thread.sleep(100);
        }

        assertThat(earlierHeldWhenReady).containsExactly(false);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(backlog.holds("demo")).isTrue();
        assertThat(backlog.holds("demo-2")).isTrue();
        // The year before failed halfway through its writing: none of it stays.
        assertThat(backlog.holds("demo-1")).isFalse();
        assertThat(count("select count(*) from bordercontrol.crossing_group where request_hash = 'demo-1'")).isZero();
        long travellers = count("select count(*) from bordercontrol.traveller");

        // The next start: the latest year and the one before the last are held; the failed one comes in.
        DemoDataLoader next = new DemoDataLoader(backlog, years, referenceData, clock, events, SCALE, SEED, monthStarts, NO_ALERTS);
        assertThat(next.load()).isEmpty();
        assertThat(next.loadEarlierYears()).containsExactly(1);
        assertThat(count("select count(*) from bordercontrol.traveller")).isGreaterThan(travellers);
        long crossings = count("select count(*) from bordercontrol.crossing");
        assertThat(next.loadEarlierYears()).isEmpty();
        assertThat(count("select count(*) from bordercontrol.crossing")).isEqualTo(crossings);

        LocalDate end = years.end().orElseThrow();
        assertThat(end).isEqualTo(LocalDate.now(clock));
        for (int back = 0; back < DemoTraffic.YEARS; back++) {
            LocalDate to = end.minusDays(365L * back);
            // Each year's trips start within it (an earlier year's last trips end in the next).
            assertThat(jdbc.sql("""
                    select min((occurred_at at time zone 'Asia/Baghdad')::date) from bordercontrol.crossing
                     where request_hash = :source
                    """).param("source", DemoDataLoader.source(back)).query(LocalDate.class).single())
                    .isBetween(to.minusDays(364), to.minusDays(355));
        }
        // Every crossing's id carries the millisecond it was recorded: it is partitioned by its month.
        assertThat(count("""
                select count(*) from bordercontrol.crossing
                 where request_hash like 'demo%'
                   and ('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint
                       <> floor(extract(epoch from recorded_at) * 1000)::bigint
                """)).isZero();
        peaksAtZurbatiyahInTheArbaeenWindowEachYear(end);
    }

    private void peaksAtZurbatiyahInTheArbaeenWindowEachYear(LocalDate end) {
        Map<LocalDate, Long> zrb = new TreeMap<>();
        jdbc.sql("""
                select (occurred_at at time zone 'Asia/Baghdad')::date as day, count(*) as n from bordercontrol.crossing
                 where request_hash like 'demo%' and border_point = 'ZRB' and direction = 'ENTRY' group by 1
                """).query((rs, n) -> zrb.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        List<LocalDate> peaks = new ArrayList<>();
        for (int back = 0; back < DemoTraffic.YEARS; back++) {
            LocalDate to = end.minusDays(365L * back);
            LocalDate from = to.minusDays(364);
            Optional<LocalDate> arbaeen = DemoTraffic.arbaeenDays(from, to).stream()
                    .filter(a -> !a.minusDays(5).isBefore(from) && !a.isAfter(to)).findFirst();
            if (arbaeen.isEmpty()) {
                continue;
            }
            LocalDate peak = zrb.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(peak).as("the busiest day of arrivals at ZRB from %s to %s", from, to)
                    .isBetween(arbaeen.get().minusDays(5), arbaeen.get());
            peaks.add(peak);
        }
        assertThat(peaks).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < peaks.size(); i++) {
            long earlier = 365 - (peaks.get(i - 1).toEpochDay() - peaks.get(i).toEpochDay());
            assertThat(earlier).as("%s is about 11 days earlier in the year than %s", peaks.get(i - 1), peaks.get(i))
                    .isBetween(6L, 16L);
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The register's backlog, but the year before the latest fails as it is written: two travellers, one passport. */
    private CrossingBacklog failingTheYearBefore() {
        return new CrossingBacklog() {

            @Override
            public boolean holds(String source) {
                return backlog.holds(source);
            }

            @Override
            public List<StayRule> stayRules() {
                return backlog.stayRules();
            }

            @Override
            public Optional<Loaded> load(Batch batch) {
                if (!batch.source().equals("demo-1")) {
                    return backlog.load(batch);
                }
                List<Document> documents = new ArrayList<>(batch.documents());
                Document first = documents.getFirst();
                Document last = documents.getLast();
                documents.set(documents.size() - 1, new Document(last.id(), last.travellerId(), last.format(),
                        last.documentCode(), first.issuingState(), first.documentNumber(), last.dateOfExpiry()));
                return backlog.load(new Batch(batch.source(), batch.travellers(), documents, batch.visas(),
                        batch.groups(), batch.crossings()));
            }
        };
    }
}
