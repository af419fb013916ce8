package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-address counts as the database keeps them, for every server that shares it. */
@ManfadhIntegrationTest
class SignInThrottleStorageIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private SignInThrottle server() {
        return new SignInThrottle(jdbc, Clock.systemUTC(), 3, Duration.ofSeconds(20), Duration.ofMinutes(15),
                Duration.ofHours(1));
    }

    @Test
    void countsFailuresFromOneAddressOnEveryServerTogether() {
        String address = "198.51.100." + UUID.randomUUID().toString().substring(0, 6);
        SignInThrottle one = server();
        SignInThrottle two = server();

        assertThat(one.recordFailure(address)).isZero();
        assertThat(two.recordFailure(address)).isZero();
        assertThat(one.waitFor(address)).isEmpty();
        assertThat(two.recordFailure(address)).isEqualTo(Duration.ofSeconds(20));

        assertThat(one.waitFor(address)).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(20)));
        assertThat(two.waitFor("203.0.113.9")).isEmpty();
    }

    @Test
    void startsAnAddressQuietForLongEnoughAgainAndForgetsItsRowNowAndThen() {
        String quiet = "quiet-" + UUID.randomUUID();
        jdbc.sql("insert into access.sign_in_source (source, failures, last_failed_at) values (:s, 50, :at)")
                .param("s", quiet).param("at", OffsetDateTime.now().minusHours(2)).update();
        SignInThrottle throttle = server();

        // Quiet for two hours: its fifty failures are forgotten, this is its first.
        assertThat(throttle.recordFailure(quiet)).isZero();
        jdbc.sql("update access.sign_in_source set last_failed_at = :at where source = :s")
                .param("s", quiet).param("at", OffsetDateTime.now().minusHours(2)).update();
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("busy-" + UUID.randomUUID());
        }

        assertThat(jdbc.sql("select count(*) from access.sign_in_source where source = :s").param("s", quiet)
                .query(Long.class).single()).isZero();
    }
}
