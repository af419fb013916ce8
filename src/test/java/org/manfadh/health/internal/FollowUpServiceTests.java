package org.manfadh.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FollowUpServiceTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void countsTheWindowsDaysLeftFromTheLastExposure() {
        assertThat(FollowUpService.daysLeft(21, TODAY, TODAY)).isEqualTo(21);
        assertThat(FollowUpService.daysLeft(21, TODAY.minusDays(3), TODAY)).isEqualTo(18);
        assertThat(FollowUpService.daysLeft(21, TODAY.minusDays(20), TODAY)).isEqualTo(1);
    }

    @Test
    void neverGoesBelowZeroNorAboveTheWindow() {
        assertThat(FollowUpService.daysLeft(21, TODAY.minusDays(21), TODAY)).isZero();
        assertThat(FollowUpService.daysLeft(5, TODAY.minusDays(400), TODAY)).isZero();
        assertThat(FollowUpService.daysLeft(14, TODAY.plusDays(2), TODAY)).isEqualTo(14);
    }
}
