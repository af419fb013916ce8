package org.manfadh.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.health.PointOfEntryCapacity.Area;

class CapacityChecklistTests {

    @Test
    void shipsEveryCapacityOfAnnex1bInThreeLanguages() {
        PointOfEntryCapacity.Checklist checklist = CapacityChecklist.load();
        assertThat(checklist.items()).hasSizeBetween(30, 45);
        assertThat(checklist.version()).matches("[0-9a-f]{12}");
        Set<String> capacities = checklist.items().stream().map(PointOfEntryCapacity.Item::capacity)
                .collect(Collectors.toSet());
        assertThat(capacities).contains("1B.1(a)", "1B.1(b)", "1B.1(c)", "1B.1(d)", "1B.1(e)", "1B.2(a)", "1B.2(b)",
                "1B.2(c)", "1B.2(d)", "1B.2(e)", "1B.2(f)", "1B.2(g)");
        assertThat(checklist.items().stream().map(PointOfEntryCapacity.Item::area).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Area.class));
        for (PointOfEntryCapacity.Item item : checklist.items()) {
            // Arabic script in the Arabic and Kurdish texts; no English left untranslated.
            assertThat(item.textAr()).as(item.code()).containsPattern("[\\u0600-\\u06FF]").doesNotContainPattern("[a-zA-Z]{3}");
            assertThat(item.textCkb()).as(item.code()).containsPattern("[\\u0600-\\u06FF]").doesNotContainPattern("[a-zA-Z]{3}");
            assertThat(item.text("ckb")).isEqualTo(item.textCkb());
        }
    }

    @Test
    void refusesARepeatedCodeOrAWeightOutOfRange() {
        String header = "code,area,capacity,weight,en,ar,ckb\n";
        assertThatThrownBy(() -> CapacityChecklist.parse(header + "R01,ROUTINE,1B.1(a),1,a,ب,پ\nR01,ROUTINE,1B.1(a),1,a,ب,پ\n"))
                .hasMessageContaining("R01");
        assertThatThrownBy(() -> CapacityChecklist.parse(header + "R01,ROUTINE,1B.1(a),11,a,ب,پ\n"))
                .hasMessageContaining("weight");
        assertThatThrownBy(() -> CapacityChecklist.parse(header + "R01,SOMETIMES,1B.1(a),1,a,ب,پ\n"))
                .hasMessageContaining("malformed");
    }
}
