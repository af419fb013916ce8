package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.manfadh.referencedata.Authority;
import org.manfadh.statistics.Forecasts;
import org.manfadh.statistics.MonthlyReports.Language;
import org.manfadh.statistics.SurgeAlerts;

/**
 * What the monthly report of one authority says, gathered for one language: its figures already
 * counted (a count is null where a shared table suppressed it), the names of border points,
 * nationalities and reasons already in the report's language. No traveller is in it, only counts.
 *
 * @param shared         counted for the other authority, which shares its aggregates: small cells suppressed
 * @param entries        crossings into Iraq in the month
 * @param decisions      by the latest decision (ADMITTED, REFUSED, REFERRED, PENDING)
 * @param refusalReasons refused crossings by the reason's code, largest first
 * @param nationalities  the ten nationalities that crossed most, largest first
 * @param borderPoints   the authority's border points with crossings, largest first
 * @param ageBands       crossings by age band and sex
 * @param days           every day of the month (up to the day the report was made), entries and exits
 * @param surges         the month's surges; empty when surge alerts are not running
 * @param accuracy       the forecast's accuracy at each border point that has the history; empty when forecasts are not running
 */
public record MonthlyReport(Authority authority, YearMonth month, Language language, boolean shared,
                            Long entries, Long exits, List<Line> decisions, List<Line> refusalReasons,
                            List<Line> nationalities, List<PointLine> borderPoints, List<AgeLine> ageBands,
                            List<DayLine> days, Optional<List<SurgeLine>> surges,
                            Optional<List<AccuracyLine>> accuracy) {

    public MonthlyReport {
        decisions = List.copyOf(decisions);
        refusalReasons = List.copyOf(refusalReasons);
        nationalities = List.copyOf(nationalities);
        borderPoints = List.copyOf(borderPoints);
        ageBands = List.copyOf(ageBands);
        days = List.copyOf(days);
        surges = surges.map(List::copyOf);
        accuracy = accuracy.map(List::copyOf);
    }

    /**
     * A value of a dimension (its code), its name in the report's language (null where the bundles
     * name it: a decision, an unknown nationality), and its count.
     */
    public record Line(String code, String label, Long count) {
    }

    public record PointLine(String code, String label, Long entries, Long exits) {
    }

    /** An age band ({@code 18-29}) and its crossings by sex (M, F, X as the register records it). */
    public record AgeLine(String band, Long male, Long female, Long other) {
    }

    public record DayLine(LocalDate day, long entries, long exits) {
    }

    public record SurgeLine(String pointLabel, SurgeAlerts.Surge surge) {
    }

    public record AccuracyLine(String pointLabel, Forecasts.Accuracy accuracy) {
    }
}
