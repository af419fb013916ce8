package org.manfadh.capacity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.manfadh.capacity.Indicators;
import org.manfadh.platform.Rejection;

/**
 * The indicators' parameters as clients send them, read as text so that a caller without the role is refused (403)
 * before anything is checked: {@code from} and {@code to} (the border's days, the current quarter when both are
 * left out), {@code year} for a whole year instead, {@code by} (dimensions, comma-separated or repeated). Every
 * problem is named with its parameter; a parameter the endpoint does not know is a mistake too.
 */
final class IndicatorParameters {

    record Range(LocalDate from, LocalDate to) {
    }

    private IndicatorParameters() {
    }

    static void onlyKnown(Map<String, String[]> parameters, Set<String> known) {
        List<Rejection.Field> problems = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                problems.add(new Rejection.Field(name, "is not a parameter here; the parameters are "
                        + String.join(", ", known.stream().sorted().toList()) + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
    }

    /** from/to, or the whole of {@code year}; when none is given, the quarter (or year) holding today. */
    static Range range(String from, String to, String year, boolean defaultYear, Clock clock) {
        List<Rejection.Field> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Baghdad")));
        if (year != null && !year.isBlank()) {
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                throw Rejection.invalidField("year", "is given with from or to: give a year or a range, not both.");
            }
            if (!year.strip().matches("[0-9]{4}")) {
                throw Rejection.invalidField("year", "must be a year as YYYY, not '" + year + "'.");
            }
            int y = Integer.parseInt(year.strip());
            return new Range(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            if (defaultYear) {
                return new Range(LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31));
            }
            LocalDate start = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
            return new Range(start, start.plusMonths(3).minusDays(1));
        }
        LocalDate f = day("from", from, problems);
        LocalDate t = day("to", to, problems);
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        if (f.isAfter(t)) {
            throw Rejection.invalidField("from", "is after 'to' (" + t + "): the range runs from 'from' to 'to'.");
        }
        return new Range(f, t);
    }

    private static LocalDate day(String name, String text, List<Rejection.Field> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Rejection.Field(name, "is required with the other end of the range, as YYYY-MM-DD."));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Rejection.Field(name, "must be a day as YYYY-MM-DD, not '" + text + "'."));
            return null;
        }
    }

    /** The dimensions, in the order given; an unknown one or one named twice is a mistake naming it. */
    static List<Indicators.Dimension> dimensions(String[] by) {
        List<Indicators.Dimension> dimensions = new ArrayList<>();
        List<Rejection.Field> problems = new ArrayList<>();
        if (by != null) {
            for (String name : Arrays.stream(by).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList()) {
                Indicators.Dimension.ofParameter(name).ifPresentOrElse(d -> {
                    if (dimensions.contains(d)) {
                        problems.add(new Rejection.Field("by", "names '" + name + "' more than once."));
                    } else {
                        dimensions.add(d);
                    }
                }, () -> problems.add(new Rejection.Field("by", "'" + name + "' is not a dimension; the dimensions are "
                        + String.join(", ", Arrays.stream(Indicators.Dimension.values())
                        .map(Indicators.Dimension::parameter).toList()) + ".")));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
        return dimensions;
    }
}
