package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LatenessTests {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    private final Lateness lateness = new Lateness(Duration.ofHours(6));

    @Test
    void isOverdueOnlyOnceTheLastContactIsOlderThanTheSetting() {
        assertThat(lateness.overdue(Lateness.lag(NOON.minus(Duration.ofHours(6)), NOON))).isFalse();
        assertThat(lateness.overdue(Lateness.lag(NOON.minus(Duration.ofHours(6)).minusSeconds(1), NOON))).isTrue();
        assertThat(lateness.overdue(Lateness.lag(null, NOON))).isFalse();
    }

    @Test
    void measuresNoNegativeLagWhenAClockIsAhead() {
        assertThat(Lateness.lag(NOON.plusSeconds(30), NOON)).isZero();
    }

    @Test
    void reportsANodeBecomingOverdueOnceAndAgainOnlyAfterItCaughtUp() {
        Instant contact = NOON.minus(Duration.ofHours(7));
        List<Lateness.Seen> nodes = List.of(new Lateness.Seen("ZRB", contact),
                new Lateness.Seen("IBK", NOON.minusSeconds(60)));

        assertThat(lateness.newlyOverdue(nodes, NOON)).containsExactly("ZRB");
        assertThat(lateness.newlyOverdue(nodes, NOON.plusSeconds(60))).isEmpty();
        assertThat(lateness.newlyOverdue(nodes, NOON.plus(Duration.ofHours(7)))).containsExactly("IBK");

        List<Lateness.Seen> caughtUp = List.of(new Lateness.Seen("ZRB", NOON.plus(Duration.ofHours(8))),
                new Lateness.Seen("IBK", NOON.minusSeconds(60)));
        assertThat(lateness.newlyOverdue(caughtUp, NOON.plus(Duration.ofHours(8)))).isEmpty();
        assertThat(lateness.newlyOverdue(caughtUp, NOON.plus(Duration.ofHours(15)))).containsExactly("ZRB");
    }

    @Test
    void refusesAnAlertSettingThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Lateness(Duration.ZERO));
    }
}
