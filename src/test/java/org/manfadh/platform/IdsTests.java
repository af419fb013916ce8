package org.manfadh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void makesVersion7IdsInCreationOrder() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }

        assertThat(ids).allMatch(Ids::isVersion7);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Long.compareUnsigned(ids.get(i - 1).getMostSignificantBits(), ids.get(i).getMostSignificantBits()))
                    .as("id %d follows id %d", i, i - 1).isNegative();
        }
    }

    @Test
    void carriesTheCreationTimeInItsFirst48Bits() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after + 1);
    }

    @Test
    void makesAVersion7IdForAGivenMoment() {
        Instant recorded = Instant.parse("2024-08-25T21:14:03.517Z");

        UUID id = Ids.at(recorded);

        assertThat(Ids.isVersion7(id)).isTrue();
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(recorded.toEpochMilli());
        assertThat(Ids.at(recorded)).isNotEqualTo(id);
        assertThat(Long.compareUnsigned(id.getMostSignificantBits(),
                Ids.at(recorded.plusMillis(1)).getMostSignificantBits())).isNegative();
    }

    @Test
    void refusesAMomentA48BitMillisecondCannotHold() {
        assertThatThrownBy(() -> Ids.at(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsARandomUuidFromAVersion7One() {
        assertThat(Ids.isVersion7(UUID.randomUUID())).isFalse();
    }
}
