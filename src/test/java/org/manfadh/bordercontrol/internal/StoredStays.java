package org.manfadh.bordercontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A traveller's stored stays and their covers as comparable text, for tests that rebuild them. */
final class StoredStays {

    private StoredStays() {
    }

    static List<String> of(JdbcClient jdbc, UUID traveller) {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select concat_ws('|', entry_crossing_id, entry_day, exit_crossing_id, exit_day, basis, visa_id, rule_id,
                                 permitted_days, last_legal_day, first_last_legal_day, flags::text, authority,
                                 governorate, border_point, nationality)
                  from bordercontrol.stay where traveller_id = :id order by entry_day, entry_crossing_id
                """).param("id", traveller).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', entry_crossing_id, from_day, last_legal_day) from bordercontrol.stay_cover
                 where traveller_id = :id order by entry_crossing_id, from_day
                """).param("id", traveller).query(String.class).list());
        return rows;
    }
}
