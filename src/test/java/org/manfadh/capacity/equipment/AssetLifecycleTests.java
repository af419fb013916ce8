package org.manfadh.capacity.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.capacity.Asset;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;

class AssetLifecycleTests {

    @Test
    void allowsTheMovesOfTheLifecycleAndNoOther() {
        int allowed = 0;
        for (AssetStatus from : AssetStatus.values()) {
            for (AssetStatus to : AssetStatus.values()) {
                if (AssetLifecycle.allows(from, to)) {
                    allowed++;
                }
            }
        }
        assertThat(allowed).isEqualTo(11);
        assertThat(AssetLifecycle.allows(AssetStatus.ORDERED, AssetStatus.DELIVERED)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.DELIVERED, AssetStatus.DEPLOYED)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.DEPLOYED, AssetStatus.BROKEN)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.DEPLOYED, AssetStatus.IN_REPAIR)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.BROKEN, AssetStatus.IN_REPAIR)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.IN_REPAIR, AssetStatus.DEPLOYED)).isTrue();
        assertThat(AssetLifecycle.allows(AssetStatus.BROKEN, AssetStatus.DEPLOYED)).isFalse();
        assertThat(AssetLifecycle.allows(AssetStatus.ORDERED, AssetStatus.DEPLOYED)).isFalse();
        assertThat(AssetLifecycle.allows(AssetStatus.DEPLOYED, AssetStatus.DEPLOYED)).isFalse();
    }

    @Test
    void retiresFromAnyStatusAndNothingLeavesRetired() {
        for (AssetStatus from : EnumSet.complementOf(EnumSet.of(AssetStatus.RETIRED))) {
            assertThat(AssetLifecycle.allows(from, AssetStatus.RETIRED)).as(from.name()).isTrue();
        }
        assertThat(AssetLifecycle.next(AssetStatus.RETIRED)).isEmpty();
    }

    private static Asset bought(String cost, LocalDate on, Integer months) {
        return new Asset(UUID.randomUUID(), AssetType.SERVER, "S1", null, null, null, null, AssetStatus.DEPLOYED, "ZRB",
                null, cost == null ? null : new BigDecimal(cost), "USD", on, null, months, null);
    }

    @Test
    void depreciatesInAStraightLineToNothingAndNoFurther() {
        LocalDate bought = LocalDate.of(2024, 1, 1);
        assertThat(EquipmentRecords.bookValue(bought("1200.00", bought, 24), bought)).isEqualByComparingTo("1200.00");
        // 2024 is a leap year: 366 of the 731 days gone.
        assertThat(EquipmentRecords.bookValue(bought("1200.00", bought, 24), LocalDate.of(2025, 1, 1)))
                .isEqualByComparingTo("599.18");
        assertThat(EquipmentRecords.bookValue(bought("1200.00", bought, 24), LocalDate.of(2030, 1, 1)))
                .isEqualByComparingTo("0.00");
        // Bought after today (an order entered ahead): worth its cost.
        assertThat(EquipmentRecords.bookValue(bought("1200.00", bought, 24), LocalDate.of(2023, 6, 1)))
                .isEqualByComparingTo("1200.00");
        assertThat(EquipmentRecords.bookValue(bought(null, bought, 24), bought)).isNull();
        assertThat(EquipmentRecords.bookValue(bought("1200.00", null, 24), bought)).isNull();
        assertThat(EquipmentRecords.bookValue(bought("1200.00", bought, null), bought)).isNull();
    }
}
