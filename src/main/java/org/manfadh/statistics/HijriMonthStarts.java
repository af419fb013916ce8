package org.manfadh.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The first days of Hijri months as Iraq announced them: Umm al-Qura's unless an administrator
 * recorded the announced day, which may lie at most two days from it. Forecasts and surge alerts
 * place Arbaeen and Ashura by these months; recording one forgets the forecasts learnt before.
 */
public interface HijriMonthStarts {

    /**
     * A month of a Hijri year and where it starts.
     *
     * @param month      1 (Muharram) to 12 (Dhu al-Hijja)
     * @param monthName  the month's name as the API writes it ({@code SAFAR})
     * @param firstDay   the day it starts: as recorded, else Umm al-Qura's
     * @param recordedBy null when not recorded
     */
    record Month(int hijriYear, int month, String monthName, LocalDate ummAlQura, LocalDate firstDay, int days,
                 boolean recorded, String recordedBy, Instant recordedAt) {
    }

    /** An administrator's record of the day a month began. */
    record RecordMonthStart(Integer hijriYear, Integer month, LocalDate firstDay) {
    }

    /** The twelve months of a Hijri year (1300 to 1600). */
    List<Month> year(int hijriYear);

    /** The Hijri year a Gregorian day lies in, by the months as recorded. */
    int hijriYearOf(LocalDate day);

    /** Records (or corrects) the first day of a month; a day more than two days from Umm al-Qura's is refused. */
    Month record(RecordMonthStart request, String username);

    /** Forgets a recorded start, so that Umm al-Qura's applies again. */
    Month forget(int hijriYear, int month, String username);
}
