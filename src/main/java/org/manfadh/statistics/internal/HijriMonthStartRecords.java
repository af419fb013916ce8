package org.manfadh.statistics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The month starts administrators recorded, one row a Hijri month. */
@Repository
class HijriMonthStartRecords {

    record Row(int hijriYear, int hijriMonth, LocalDate firstDay, String recordedBy, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    HijriMonthStartRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.sql("""
                select hijri_year, hijri_month, first_day, recorded_by, recorded_at
                  from statistics.hijri_month_starts order by hijri_year, hijri_month
                """).query(Row.class).list();
    }

    Optional<Row> find(int year, int month) {
        return jdbc.sql("""
                select hijri_year, hijri_month, first_day, recorded_by, recorded_at
                  from statistics.hijri_month_starts where hijri_year = :year and hijri_month = :month
                """).param("year", year).param("month", month).query(Row.class).optional();
    }

    /** Another month recorded as starting on this day, if any. */
    Optional<Row> startingOn(LocalDate day, int exceptYear, int exceptMonth) {
        return jdbc.sql("""
                select hijri_year, hijri_month, first_day, recorded_by, recorded_at
                  from statistics.hijri_month_starts
                 where first_day = :day and (hijri_year, hijri_month) <> (:year, :month)
                """).param("day", day).param("year", exceptYear).param("month", exceptMonth).query(Row.class).optional();
    }

    void save(Row row) {
        jdbc.sql("""
                insert into statistics.hijri_month_starts (hijri_year, hijri_month, first_day, recorded_by, recorded_at)
                values (:year, :month, :day, :by, :at)
                on conflict (hijri_year, hijri_month) do update
                   set first_day = excluded.first_day, recorded_by = excluded.recorded_by,
                       recorded_at = excluded.recorded_at
                """).param("year", row.hijriYear()).param("month", row.hijriMonth()).param("day", row.firstDay())
                .param("by", row.recordedBy()).param("at", java.sql.Timestamp.from(row.recordedAt())).update();
    }

    boolean delete(int year, int month) {
        return jdbc.sql("delete from statistics.hijri_month_starts where hijri_year = :year and hijri_month = :month")
                .param("year", year).param("month", month).update() > 0;
    }
}
