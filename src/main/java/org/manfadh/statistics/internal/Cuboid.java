package org.manfadh.statistics.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.manfadh.statistics.Dimension;

/**
 * The rollups: each counts crossings over some of the dimensions, by the border's day and by month
 * ({@code <name>_by_day}, {@code <name>_by_month}), so that a question is answered from the smallest
 * one that holds every dimension it needs. Hours are kept for a point's day only.
 */
enum Cuboid {
    POINTS("points", List.of(Column.BORDER_POINT, Column.DIRECTION, Column.DECISION, Column.REASON, Column.HIT_OUTCOME,
            Column.HEALTH_OUTCOME)),
    NATIONALITIES("nationalities", List.of(Column.BORDER_POINT, Column.DIRECTION, Column.NATIONALITY,
            Column.HEALTH_OUTCOME)),
    PEOPLE("people", List.of(Column.BORDER_POINT, Column.DIRECTION, Column.SEX, Column.AGE_BAND)),
    TRAVEL("travel", List.of(Column.BORDER_POINT, Column.DIRECTION, Column.PURPOSE, Column.TRANSPORT_MODE)),
    CELLS("cells", List.of(Column.values())),
    HOURS("hours", List.of(Column.BORDER_POINT, Column.DIRECTION, Column.DECISION));

    /** A counted dimension as it is stored: authority and governorate are the border point's. */
    enum Column {
        BORDER_POINT("border_point", Dimension.BORDER_POINT),
        DIRECTION("direction", Dimension.DIRECTION),
        NATIONALITY("nationality", Dimension.NATIONALITY),
        SEX("sex", Dimension.SEX),
        AGE_BAND("age_band", Dimension.AGE_BAND),
        PURPOSE("purpose", Dimension.PURPOSE),
        TRANSPORT_MODE("transport_mode", Dimension.TRANSPORT_MODE),
        DECISION("decision", Dimension.DECISION),
        REASON("reason", Dimension.REASON),
        HIT_OUTCOME("hit_outcome", Dimension.HIT_OUTCOME),
        HEALTH_OUTCOME("health_outcome", Dimension.HEALTH_OUTCOME);

        final String name;
        final Dimension dimension;

        Column(String name, Dimension dimension) {
            this.name = name;
            this.dimension = dimension;
        }

        /** The stored column a dimension is counted under; authority and governorate under the border point. */
        static Column of(Dimension dimension) {
            return switch (dimension) {
                case BORDER_POINT, AUTHORITY, GOVERNORATE -> BORDER_POINT;
                case DIRECTION -> DIRECTION;
                case NATIONALITY -> NATIONALITY;
                case SEX -> SEX;
                case AGE_BAND -> AGE_BAND;
                case PURPOSE -> PURPOSE;
                case TRANSPORT_MODE -> TRANSPORT_MODE;
                case DECISION -> DECISION;
                case REASON -> REASON;
                case HIT_OUTCOME -> HIT_OUTCOME;
                case HEALTH_OUTCOME -> HEALTH_OUTCOME;
            };
        }
    }

    final String name;
    final List<Column> columns;

    Cuboid(String name, List<Column> columns) {
        this.name = name;
        this.columns = columns;
    }

    String byDay() {
        return "statistics." + name + "_by_day";
    }

    /** Null for the hours, kept by day only. */
    String byMonth() {
        return this == HOURS ? null : "statistics." + name + "_by_month";
    }

    /** The smallest day-and-month rollup that holds every one of these columns. */
    static Cuboid covering(Set<Column> needed) {
        for (Cuboid c : List.of(POINTS, NATIONALITIES, PEOPLE, TRAVEL)) {
            if (c.columns.containsAll(needed)) {
                return c;
            }
        }
        return CELLS;
    }

    static Set<Column> noColumns() {
        return EnumSet.noneOf(Column.class);
    }
}
