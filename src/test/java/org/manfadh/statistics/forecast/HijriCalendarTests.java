package org.manfadh.statistics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HijriCalendarTests {

    @Test
    void placesArbaeenOfThe1448ByUmmAlQura() {
        HijriEvents events = new HijriEvents(HijriCalendar.ummAlQura());
        assertThat(events.dayOf(HijriEvent.ARBAEEN, 1448)).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(events.dayOf(HijriEvent.ASHURA, 1448)).isEqualTo(LocalDate.of(2026, 6, 25));
    }

    @Test
    void aRecordedSafarStartMovesArbaeenByTheDaysItDiffers() {
        HijriCalendar calendar = HijriCalendar.withRecorded(List.of(
                MonthStart.of(1448, HijriMonth.SAFAR, LocalDate.of(2026, 7, 17))));
        HijriEvents events = new HijriEvents(calendar);

        assertThat(events.dayOf(HijriEvent.ARBAEEN, 1448)).isEqualTo(LocalDate.of(2026, 8, 5));
        assertThat(calendar.toHijri(LocalDate.of(2026, 7, 17))).isEqualTo(new HijriDay(1448, HijriMonth.SAFAR, 1));
        // Muharram runs on until the recorded Safar begins.
        assertThat(calendar.toHijri(LocalDate.of(2026, 7, 16))).isEqualTo(new HijriDay(1448, HijriMonth.MUHARRAM, 31));
        // Ashura, in the month before, is not moved.
        assertThat(events.dayOf(HijriEvent.ASHURA, 1448)).isEqualTo(LocalDate.of(2026, 6, 25));
    }

    @Test
    void aRecordedStartADayEarlyEndsThePreviousMonthADayEarly() {
        HijriCalendar calendar = HijriCalendar.withRecorded(List.of(
                MonthStart.of(1448, HijriMonth.SAFAR, LocalDate.of(2026, 7, 14))));
        assertThat(calendar.toHijri(LocalDate.of(2026, 7, 13)).month()).isEqualTo(HijriMonth.MUHARRAM);
        assertThat(calendar.toHijri(LocalDate.of(2026, 7, 14))).isEqualTo(new HijriDay(1448, HijriMonth.SAFAR, 1));
    }

    @Test
    void refusesAMonthStartThreeDaysFromUmmAlQura() {
        assertThatThrownBy(() -> HijriCalendar.withRecorded(List.of(
                MonthStart.of(1448, HijriMonth.SAFAR, LocalDate.of(2026, 7, 18)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 days");
    }

    @Test
    void placesTheArbaeenWindowFromFourteenDaysBeforeToSevenAfter() {
        HijriEvents events = new HijriEvents(HijriCalendar.ummAlQura());
        LocalDate arbaeen = events.dayOf(HijriEvent.ARBAEEN, 1448);
        assertThat(events.on(arbaeen)).containsExactly(new EventDay(HijriEvent.ARBAEEN, 1448, 0));
        assertThat(events.on(arbaeen.minusDays(14))).containsExactly(new EventDay(HijriEvent.ARBAEEN, 1448, -14));
        assertThat(events.on(arbaeen.minusDays(15))).isEmpty();
        assertThat(events.on(arbaeen.plusDays(7))).containsExactly(new EventDay(HijriEvent.ARBAEEN, 1448, 7));
        assertThat(events.on(arbaeen.plusDays(8))).isEmpty();
    }

    @Test
    void findsNextYearsArbaeenFromToday() {
        HijriEvents events = new HijriEvents(HijriCalendar.ummAlQura());
        assertThat(events.nextOnOrAfter(HijriEvent.ARBAEEN, LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2027, 7, 24));
    }
}
