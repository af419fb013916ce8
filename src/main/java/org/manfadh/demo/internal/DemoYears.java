package org.manfadh.demo.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The day the demo history ends, kept so that years loaded at a later start join the ones before. */
@Component
class DemoYears {

    private final JdbcClient jdbc;

    DemoYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day the history ends, once its latest year has been (or is being) loaded. */
    Optional<LocalDate> end() {
        return jdbc.sql("select ends_on from demo.history").query(LocalDate.class).optional();
    }

    /** The latest year is about to be loaded: the history ends on that day. */
    void endOn(LocalDate day) {
        jdbc.sql("""
                insert into demo.history (ends_on) values (:day)
                on conflict (singleton) do update set ends_on = excluded.ends_on, fixed_at = now()
                """).param("day", day).update();
    }

    /** The history's end as it was fixed, or this day for a history whose latest year came before it was kept. */
    LocalDate endOrFix(LocalDate day) {
        jdbc.sql("insert into demo.history (ends_on) values (:day) on conflict (singleton) do nothing")
                .param("day", day).update();
        return end().orElseThrow();
    }
}
