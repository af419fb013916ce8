package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.manfadh.statistics.MonthlyReports.Language;

/**
 * The programme's indicators, counted from the training, equipment, premises and SOP records of the border points in
 * the caller's work scope, and the quarterly report for donors beside the border points' traffic. Every count
 * follows the definitions in docs/CAPACITY.md ("Indicators and reports"); a client's mistake (a range the wrong way
 * round, an unknown dimension) is a {@code org.manfadh.platform.Rejection} naming the parameter.
 */
public interface Indicators {

    /** What the training indicators are broken down by, under the name the API uses ({@code by=sex,agency}). */
    enum Dimension {
        SEX("sex"),
        AGENCY("agency"),
        /** The participant's border point at the session (the enrolment's), null when none. */
        BORDER_POINT("borderPoint"),
        /** The course's code. */
        COURSE("course"),
        /** FEDERAL or KRI, of the participant's border point. */
        AUTHORITY("authority"),
        /** The governorate's code of the participant's border point. */
        GOVERNORATE("governorate"),
        TOPIC("topic"),
        /** Where the session was held: BAGHDAD, BASRA, SULAYMANIYAH, ERBIL or a border point's code. */
        TRAINING_CENTRE("trainingCentre"),
        /** The calendar quarter of the session's last day, as {@code 2026-Q1}. */
        QUARTER("quarter");

        private final String parameter;

        Dimension(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        public static Optional<Dimension> ofParameter(String name) {
            return Arrays.stream(values()).filter(d -> d.parameter.equals(name)).findFirst();
        }
    }

    /**
     * Officials trained (distinct enrolments that attended a session not cancelled which ended within the range),
     * of them certified (a certificate not revoked), and their mean learning gain (post − pre over those with both
     * scores, one decimal; null when none has both).
     */
    record Figures(long trained, long certified, BigDecimal meanGain) {
    }

    /** A row of the table: the dimensions' values (a value may be null: no border point), keyed as asked. */
    record Row(Map<Dimension, String> values, Figures figures) {
    }

    /**
     * The indicators of a range, a row per combination of the dimensions that has someone trained, ordered by the
     * dimensions' values; the total with the certificates due for a refresher (see {@link #indicators}).
     */
    record Table(LocalDate from, LocalDate to, List<Dimension> by, List<Row> rows, Figures total, long refresherDue) {
        public Table {
            by = List.copyOf(by);
            rows = List.copyOf(rows);
        }
    }

    /**
     * The training indicators of the border's days {@code from} to {@code to} inclusive, by the dimensions asked
     * for, in order (none: one row, the total). {@code refresherDue} counts the valid certificates expiring within
     * 90 days after {@code to} or expired within the range, of which the person holds no newer one of the course.
     */
    Table indicators(LocalDate from, LocalDate to, List<Dimension> by, String username);

    /**
     * A quarter of the programme's report. The state of equipment and SOPs is taken at the quarter's end (today for
     * the quarter under way); arrivals and departures are null when the caller may not read the traffic.
     *
     * @param pointsEquipped  border points with at least one DEPLOYED document reader
     * @param readersInPlace  document readers at border points that are DEPLOYED, BROKEN or IN_REPAIR
     * @param readersWorking  of those, the DEPLOYED ones
     * @param availability    readersWorking / readersInPlace, 0–1 with three decimals, null when none in place
     * @param sopsAdopted     border point × SOP pairs whose latest adoption step is ADOPTED or AUDITED
     * @param meanAuditScore  mean score of the SOP audits in the quarter, one decimal, null when none
     * @param spend           premises spending in the quarter, by currency
     */
    record Quarter(String quarter, LocalDate from, LocalDate to, LocalDate asOf, long trained, long trainedWomen,
                   long trainedMen, long certified, BigDecimal meanGain, long refresherDue, long pointsEquipped,
                   long readersInPlace, long readersWorking, long readersBroken, BigDecimal availability,
                   long sopsAdopted, BigDecimal meanAuditScore, long audits, long projectsCompleted,
                   Map<String, BigDecimal> spend, Long arrivals, Long departures) {
    }

    /**
     * A border point over the report's whole range, its capacity beside its traffic: officials of the point trained
     * in the range, its document readers and SOPs at the range's end (today when it runs on), arrivals and
     * departures in the range (null when the caller may not read the traffic).
     */
    record Point(String borderPoint, long trained, long readersInPlace, long readersWorking, long sopsAdopted,
                 Long arrivals, Long departures) {
    }

    /**
     * The programme's report: the whole quarters from the one holding {@code from} to the one holding {@code to},
     * officials trained per quarter by sex, agency, governorate and course, and each border point of the caller's
     * scope that has any of these figures.
     */
    record Programme(LocalDate from, LocalDate to, List<Quarter> quarters, Table bySex, Table byAgency,
                     Table byGovernorate, Table byCourse, List<Point> points) {
    }

    Programme programme(LocalDate from, LocalDate to, String username);

    /** The quarter under way up to today, for the module's start page. */
    Quarter thisQuarter(String username);

    /**
     * The programme's report as an XLSX workbook (a sheet per table, headers in the language); with dimensions, a
     * sheet of the training indicators by them over the same range too.
     */
    byte[] xlsx(LocalDate from, LocalDate to, List<Dimension> by, Language language, String username);

    /** The programme's report as an A4 PDF in the language, right to left in Arabic and Kurdish. */
    byte[] pdf(LocalDate from, LocalDate to, Language language, String username);

    /** A dimension's value as people read it in the language ({@code en}, {@code ar}, {@code ckb}). */
    String label(Dimension dimension, String value, String language);
}
