package org.manfadh.capacity.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The small rules the indicators rest on: quarters, the mean gain's rounding, and the rows' order. */
class IndicatorServiceTests {

    @Test
    void namesTheCalendarQuarterOfADay() {
        assertThat(IndicatorService.quarterStart(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(IndicatorService.quarterStart(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(IndicatorService.quarterStart(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(IndicatorService.quarterStart(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(IndicatorService.quarterName(LocalDate.of(2026, 10, 1))).isEqualTo("2026-Q4");
        assertThat(IndicatorService.quarterName(LocalDate.of(2019, 4, 1))).isEqualTo("2019-Q2");
    }

    @Test
    void roundsTheMeanGainHalfUpToOneDecimalAndHasNoneWithoutScores() {
        assertThat(IndicatorService.meanGain(new BigDecimal("37.00"), 2)).isEqualByComparingTo("18.5");
        assertThat(IndicatorService.meanGain(new BigDecimal("0.25"), 2)).isEqualByComparingTo("0.1");
        assertThat(IndicatorService.meanGain(new BigDecimal("0.30"), 2)).isEqualByComparingTo("0.2");
        assertThat(IndicatorService.meanGain(new BigDecimal("-0.30"), 2)).isEqualByComparingTo("-0.2");
        assertThat(IndicatorService.meanGain(new BigDecimal("10"), 3)).isEqualByComparingTo("3.3");
        assertThat(IndicatorService.meanGain(BigDecimal.ZERO, 0)).isNull();
    }

    @Test
    void ordersRowsByTheirValuesDimensionByDimensionWithNoValueLast() {
        List<List<String>> rows = new ArrayList<>(List.of(Arrays.asList("M", null), List.of("M", "BPC"),
                Arrays.asList(null, "BPC"), List.of("F", "KRG_MOI"), List.of("F", "BPC")));
        rows.sort(IndicatorService::compareValues);
        assertThat(rows).containsExactly(List.of("F", "BPC"), List.of("F", "KRG_MOI"), List.of("M", "BPC"),
                Arrays.asList("M", null), Arrays.asList(null, "BPC"));
    }
}
