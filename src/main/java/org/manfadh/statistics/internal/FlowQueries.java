package org.manfadh.statistics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.health.HealthOutcomes;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.manfadh.screening.HitStatus;
import org.manfadh.statistics.AgeBand;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.Interval;
import org.springframework.stereotype.Component;

/**
 * What a table of flows may ask for: a range the right way round and not too long for its
 * interval, no dimension twice, filter values the dimension can take; and a shared table whole
 * calendar months at a time. A client's mistake is a Rejection naming the parameter at fault.
 */
@Component
class FlowQueries {

    /** Ten years of days: longer ranges are asked for by month or year. */
    static final int MAX_DAYS = 3_700;
    static final int MAX_HOUR_DAYS = 31;

    private final ReferenceData reference;

    FlowQueries(ReferenceData reference) {
        this.reference = reference;
    }

    void check(FlowQuery q) {
        List<Rejection.Field> problems = new ArrayList<>();
        if (q.to().isBefore(q.from())) {
            problems.add(new Rejection.Field("to", "must not be before 'from' (" + q.from() + ")."));
        }
        long days = ChronoUnit.DAYS.between(q.from(), q.to()) + 1;
        if (days > MAX_DAYS) {
            problems.add(new Rejection.Field("to", "the range may be " + MAX_DAYS + " days at most."));
        }
        if (q.interval() == Interval.HOUR && days > MAX_HOUR_DAYS) {
            problems.add(new Rejection.Field("interval", "hours are counted over " + MAX_HOUR_DAYS + " days at most."));
        }
        if (q.interval() == Interval.HOUR) {
            Set<Dimension> hourly = Set.of(Dimension.BORDER_POINT, Dimension.AUTHORITY, Dimension.GOVERNORATE,
                    Dimension.DIRECTION, Dimension.DECISION);
            for (Dimension d : q.by()) {
                if (!hourly.contains(d)) {
                    problems.add(new Rejection.Field("by", "hours are counted by border point, authority, governorate,"
                            + " direction and decision only, not by " + d.parameter() + "."));
                }
            }
            for (Dimension d : q.filters().keySet()) {
                if (!hourly.contains(d)) {
                    problems.add(new Rejection.Field(d.parameter(), "hours are counted by border point, authority,"
                            + " governorate, direction and decision only."));
                }
            }
        }
        if (q.by().stream().distinct().count() < q.by().size()) {
            problems.add(new Rejection.Field("by", "names a dimension more than once."));
        }
        for (Map.Entry<Dimension, Set<String>> f : q.filters().entrySet()) {
            Set<String> allowed = values(f.getKey());
            List<String> unknown = f.getValue().stream().filter(v -> !allowed.contains(v)).sorted().toList();
            if (!unknown.isEmpty()) {
                problems.add(new Rejection.Field(f.getKey().parameter(), "unknown value" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + "."));
            }
            if (f.getValue().isEmpty()) {
                problems.add(new Rejection.Field(f.getKey().parameter(), "must name at least one value."));
            }
        }
        if (q.shared()) {
            if (q.from().getDayOfMonth() != 1) {
                problems.add(new Rejection.Field("from", "a shared table starts on the first day of a month."));
            }
            if (!q.to().plusDays(1).equals(q.to().plusDays(1).withDayOfMonth(1))) {
                problems.add(new Rejection.Field("to", "a shared table ends on the last day of a month."));
            }
            if (q.interval() != Interval.MONTH && q.interval() != Interval.YEAR && q.interval() != Interval.NONE) {
                problems.add(new Rejection.Field("interval", "a shared table is counted by month, year or none."));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalidFields(problems);
        }
    }

    /** The values a dimension can take, as the API writes them. */
    Set<String> values(Dimension d) {
        return switch (d) {
            case BORDER_POINT -> reference.borderPoints().stream().map(BorderPoint::code).collect(Collectors.toSet());
            case AUTHORITY -> names(Authority.values());
            case GOVERNORATE -> reference.governorates().stream().map(Governorate::code).collect(Collectors.toSet());
            case DIRECTION -> names(Direction.values());
            case NATIONALITY -> withUnknown(reference.countries().stream().map(c -> c.code())
                    .collect(Collectors.toSet()));
            case SEX -> Set.of("M", "F", "X", Cell.UNKNOWN);
            case AGE_BAND -> Arrays.stream(AgeBand.values()).map(AgeBand::label).collect(Collectors.toSet());
            case PURPOSE -> withUnknown(names(Purpose.values()));
            case TRANSPORT_MODE -> withUnknown(names(TransportMode.values()));
            case DECISION -> names(Decision.values());
            case REASON -> withNone(reference.refusalReasons().stream().map(RefusalReason::code)
                    .collect(Collectors.toSet()));
            case HIT_OUTCOME -> withNone(names(HitStatus.values()));
            case HEALTH_OUTCOME -> withNone(names(HealthOutcomes.Counted.values()));
        };
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> withUnknown(Set<String> values) {
        Set<String> all = new java.util.HashSet<>(values);
        all.add(Cell.UNKNOWN);
        return all;
    }

    private static Set<String> withNone(Set<String> values) {
        Set<String> all = new java.util.HashSet<>(values);
        all.add(Cell.NONE);
        return all;
    }

    static LocalDate lastOfMonth(LocalDate day) {
        return day.withDayOfMonth(day.lengthOfMonth());
    }
}
