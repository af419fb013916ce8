package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slows down a client address that keeps failing to sign in, whichever accounts it tries, before
 * any account is locked: after {@code freeFailures} failures the address waits {@code firstDelay}
 * before its next attempt, and each further failure doubles the wait up to {@code maxDelay}. An
 * address quiet for {@code forgetAfter} starts again. Kept in the database, so that several servers
 * on one database count the same failures.
 */
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();

    SignInThrottle(JdbcClient jdbc, Clock clock, int freeFailures, Duration firstDelay, Duration maxDelay,
                   Duration forgetAfter) {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("manfadh.security.throttle: free-failures must be 1 or more, "
                    + "first-delay more than zero and max-delay at least first-delay");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    /** How long the address must still wait before it may try to sign in, if it must. */
    Optional<Duration> waitFor(String source) {
        Instant now = clock.instant();
        return jdbc.sql("select blocked_until from access.sign_in_source where source = :source and blocked_until > :now")
                .param("source", key(source)).param("now", utc(now)).query(OffsetDateTime.class).optional()
                .map(until -> Duration.between(now, until.toInstant()));
    }

    /** Counts a failed sign-in from the address; returns how long it must now wait (zero: not at all). */
    Duration recordFailure(String source) {
        Instant now = clock.instant();
        if (recorded.incrementAndGet() % 100 == 0) {
            forgetQuietAddresses(now);
        }
        int failures = jdbc.sql("""
                insert into access.sign_in_source as s (source, failures, last_failed_at)
                values (:source, 1, :now)
                on conflict (source) do update
                   set failures = case when s.last_failed_at <= :forgotten then 1 else s.failures + 1 end,
                       last_failed_at = excluded.last_failed_at
                returning failures
                """).param("source", key(source)).param("now", utc(now)).param("forgotten", utc(now.minus(forgetAfter)))
                .query(Integer.class).single();
        Duration delay = delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update access.sign_in_source set blocked_until = :until where source = :source")
                    .param("source", key(source)).param("until", utc(now.plus(delay))).update();
        }
        return delay;
    }

    /**
     * Addresses quiet for longer than {@code forgetAfter} would start again anyway: their rows go
     * (now and then), so guessing from many addresses does not fill the table for good.
     */
    private void forgetQuietAddresses(Instant now) {
        OffsetDateTime forgotten = utc(now.minus(forgetAfter));
        jdbc.sql("delete from access.sign_in_source where last_failed_at <= :forgotten and "
                        + "(blocked_until is null or blocked_until <= :now)")
                .param("forgotten", forgotten).param("now", utc(now)).update();
    }

    /** The wait after the n-th failure in a row: none until the free ones are used, then doubling. */
    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 40);
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String key(String source) {
        return source == null ? "" : source;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
