package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.manfadh.platform.Ids;
import org.manfadh.platform.LoggableFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the crossing table's monthly partitions made ahead of the crossings that will go in them: at start-up and
 * then daily, the current month and the next {@code manfadh.bordercontrol.partitions.months-ahead} (3 unless set).
 * A crossing's partition is the UTC month of its UUIDv7 id, that is of the moment it was recorded (see migration
 * V61); an id outside the months made lands in the default partition and is found there like any other.
 *
 * <p>The work is the database's ({@code bordercontrol.create_crossing_partition}): idempotent, one maker at a time
 * however many nodes or threads ask, and it moves into a new month's partition the rows of that month the default
 * partition held. A month that cannot be made now (the table busy beyond the function's lock timeout) is made at the
 * next run; until then its crossings are stored in the default partition, so nothing waits on this.
 */
@Component
class CrossingPartitions {

    private static final Logger log = LoggerFactory.getLogger(CrossingPartitions.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int monthsAhead;

    CrossingPartitions(JdbcClient jdbc, Clock clock,
                       @Value("${manfadh.bordercontrol.partitions.months-ahead:3}") int monthsAhead) {
        if (monthsAhead < 0 || monthsAhead > 120) {
            throw new IllegalArgumentException("manfadh.bordercontrol.partitions.months-ahead is " + monthsAhead
                    + ": from 0 to 120 months");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${manfadh.bordercontrol.partitions.interval:P1D}")
    void keepAhead() {
        try {
            List<YearMonth> made = makeAhead();
            if (!made.isEmpty()) {
                log.info("Crossing partitions made for {}", made);
            }
        } catch (RuntimeException e) {
            log.warn("The coming months' crossing partitions could not all be made; the next run tries again "
                    + "(crossings meanwhile go to the default partition)", LoggableFailures.of(e));
        }
    }

    /**
     * Makes the partitions missing from the current month through the months ahead, and returns the months it made.
     * The current month is both the application clock's and that of the ids made now, which follow the system's
     * clock: they differ where the application runs with a clock offset.
     */
    List<YearMonth> makeAhead() {
        YearMonth byClock = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        YearMonth byIds = YearMonth.from(Instant.ofEpochMilli(Ids.newId().getMostSignificantBits() >>> 16)
                .atOffset(ZoneOffset.UTC));
        YearMonth from = byClock.isBefore(byIds) ? byClock : byIds;
        YearMonth through = (byClock.isAfter(byIds) ? byClock : byIds).plusMonths(monthsAhead);
        List<YearMonth> made = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(through); month = month.plusMonths(1)) {
            if (make(month)) {
                made.add(month);
            }
        }
        return made;
    }

    /** Makes one month's partition (UTC), moving its rows out of the default partition; false when it exists. */
    boolean make(YearMonth month) {
        return jdbc.sql("select bordercontrol.create_crossing_partition(:month)").param("month", month.atDay(1))
                .query(Boolean.class).single();
    }
}
