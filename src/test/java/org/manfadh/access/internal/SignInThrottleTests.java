package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(null, Clock.systemUTC(), 10, Duration.ofSeconds(2),
            Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void letsTheFreeFailuresPassWithoutAWait() {
        for (int n = 1; n < 10; n++) {
            assertThat(throttle.delayAfter(n)).isZero();
        }
    }

    @Test
    void doublesTheWaitWithEveryFailureBeyondTheFreeOnesUpToTheMaximum() {
        assertThat(throttle.delayAfter(10)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(11)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(12)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delayAfter(18)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delayAfter(19)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesSettingsThatWouldNeverLetAnyoneIn() {
        assertThatThrownBy(() -> new SignInThrottle(null, Clock.systemUTC(), 0, Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(null, Clock.systemUTC(), 5, Duration.ofMinutes(2),
                Duration.ofMinutes(1), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
