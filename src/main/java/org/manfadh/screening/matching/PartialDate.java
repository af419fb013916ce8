package org.manfadh.screening.matching;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A date of birth as lists and documents know it: exact, approximate, a year only, or a range.
 * {@code earliest} and {@code latest} bound the possible days; both are inclusive.
 */
public record PartialDate(LocalDate earliest, LocalDate latest, Precision precision) {

    /** How a date of birth was given. */
    public enum Precision { EXACT, APPROXIMATE, YEAR, RANGE }

    public PartialDate {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(precision, "precision");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
        }
    }

    public static PartialDate exact(LocalDate day) {
        return new PartialDate(day, day, Precision.EXACT);
    }

    /** "Approximately" this day: the list gives a day but does not vouch for it. */
    public static PartialDate approximately(LocalDate day) {
        return new PartialDate(day, day, Precision.APPROXIMATE);
    }

    public static PartialDate year(int year) {
        return new PartialDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR);
    }

    public static PartialDate between(LocalDate from, LocalDate to) {
        return new PartialDate(from, to, Precision.RANGE);
    }

    /** Reads "YYYY-MM-DD" or "YYYY"; empty for anything else. */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (s.length() == 4 && s.chars().allMatch(Character::isDigit)) {
                return Optional.of(year(Integer.parseInt(s)));
            }
            if (s.length() == 10) {
                return Optional.of(exact(LocalDate.parse(s)));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** True when the two dates could be the same day. */
    public boolean overlaps(PartialDate other) {
        return !latest.isBefore(other.earliest) && !other.latest.isBefore(earliest);
    }
}
