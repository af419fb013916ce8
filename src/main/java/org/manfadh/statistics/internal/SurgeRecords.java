package org.manfadh.statistics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.manfadh.statistics.SurgeAlerts.Surge;
import org.manfadh.statistics.SurgeAlerts.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Surges raised, one per border point and window. */
@Repository
class SurgeRecords {

    private static final String COLUMNS = "id, border_point, span, day, hour, observed, expected, high, raised_at";

    private final JdbcClient jdbc;

    SurgeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the surge unless its point and window already have one; whether it was new. */
    boolean raise(Surge surge) {
        return jdbc.sql("""
                insert into statistics.surges (id, border_point, span, day, hour, observed, expected, high, raised_at)
                values (:id, :point, :span, :day, :hour, :observed, :expected, :high, :at)
                on conflict (border_point, span, day, coalesce(hour, -1)) do nothing
                """).param("id", surge.id()).param("point", surge.borderPoint()).param("span", surge.window().name())
                .param("day", surge.day()).param("hour", surge.hour()).param("observed", surge.observed())
                .param("expected", surge.expected()).param("high", surge.high())
                .param("at", Timestamp.from(surge.raisedAt())).update() > 0;
    }

    /** Surges of these days, newest first, at these points (null: everywhere). */
    List<Surge> between(LocalDate from, LocalDate to, String[] points) {
        return jdbc.sql("select " + COLUMNS + """
                 from statistics.surges
                 where day between :from and :to and (cast(:points as text[]) is null or border_point = any(:points))
                 order by day desc, raised_at desc, border_point
                """).param("from", from).param("to", to).param("points", points)
                .query((rs, n) -> new Surge(rs.getObject("id", java.util.UUID.class), rs.getString("border_point"),
                        Window.valueOf(rs.getString("span")), rs.getObject("day", LocalDate.class),
                        (Integer) rs.getObject("hour"), rs.getLong("observed"), rs.getLong("expected"),
                        rs.getLong("high"), rs.getTimestamp("raised_at").toInstant()))
                .list();
    }
}
