package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.manfadh.platform.Rejection;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.Interval;

/**
 * A table of flows as the API asks for it: {@code from}, {@code to} (the border's days, inclusive),
 * {@code interval}, {@code by} (dimensions, comma-separated), {@code shared}, and any dimension's
 * name as a filter ({@code borderPoint=ZRB,IBK}, repeated or comma-separated). Every problem is
 * named with its parameter; a parameter the API does not know is a mistake too, so that a misspelt
 * filter never silently counts everything.
 */
public final class FlowParameters {

    private static final Set<String> GENERAL = Set.of("from", "to", "interval", "by", "shared");

    private FlowParameters() {
    }

    /**
     * @param others parameters the endpoint itself reads (an export's {@code format}, {@code lang})
     */
    public static FlowQuery parse(Map<String, String[]> parameters, Set<String> others) {
        List<Rejection.Field> problems = new ArrayList<>();
        LocalDate from = day(parameters, "from", problems);
        LocalDate to = day(parameters, "to", problems);
        Interval interval = Interval.DAY;
        String intervalText = single(parameters, "interval");
        if (intervalText != null) {
            try {
                interval = Interval.valueOf(intervalText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Rejection.Field("interval", "must be one of hour, day, week, month, year, none."));
            }
        }
        List<Dimension> by = new ArrayList<>();
        for (String name : values(parameters, "by")) {
            Dimension.ofParameter(name).ifPresentOrElse(by::add, () -> problems.add(new Rejection.Field("by",
                    "'" + name + "' is not a dimension; the dimensions are " + names() + ".")));
        }
        boolean shared = false;
        String sharedText = single(parameters, "shared");
        if (sharedText != null) {
            switch (sharedText.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> shared = true;
                case "false" -> shared = false;
                default -> problems.add(new Rejection.Field("shared", "must be true or false."));
            }
        }
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        for (String name : parameters.keySet()) {
            if (GENERAL.contains(name) || others.contains(name)) {
                continue;
            }
            Dimension.ofParameter(name).ifPresentOrElse(d -> filters.put(d, new LinkedHashSet<>(
                            values(parameters, name).stream().map(v -> normal(d, v)).toList())),
                    () -> problems.add(new Rejection.Field(name, "is not a parameter of this table; filters are "
                            + names() + ".")));
        }
        if (!problems.isEmpty() || from == null || to == null) {
            throw Rejection.invalidFields(problems);
        }
        return new FlowQuery(from, to, interval, by, filters, shared);
    }

    /** Codes in capitals, as stored; an age band as written ({@code 60+}). */
    private static String normal(Dimension d, String value) {
        return d == Dimension.AGE_BAND ? value : value.toUpperCase(Locale.ROOT);
    }

    private static String names() {
        return String.join(", ", Arrays.stream(Dimension.values()).map(Dimension::parameter).toList());
    }

    private static LocalDate day(Map<String, String[]> parameters, String name, List<Rejection.Field> problems) {
        String text = single(parameters, name);
        if (text == null || text.isBlank()) {
            problems.add(new Rejection.Field(name, "is required, as YYYY-MM-DD."));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Rejection.Field(name, "must be a day as YYYY-MM-DD, not '" + text + "'."));
            return null;
        }
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }

    /** Every value of a parameter, repeated or comma-separated, blanks left out. */
    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] raw = parameters.get(name);
        if (raw == null) {
            return List.of();
        }
        return Arrays.stream(raw).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }
}
