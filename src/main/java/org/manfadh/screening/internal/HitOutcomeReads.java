package org.manfadh.screening.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.manfadh.screening.HitOutcomes;
import org.manfadh.screening.HitStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class HitOutcomeReads implements HitOutcomes {

    private final JdbcClient jdbc;

    HitOutcomeReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, HitStatus> of(Collection<UUID> crossingIds) {
        Map<UUID, HitStatus> outcomes = new HashMap<>();
        if (crossingIds.isEmpty()) {
            return outcomes;
        }
        jdbc.sql("""
                select h.crossing_id,
                       (array_agg(coalesce(a.verdict, h.initial_status)
                                  order by case coalesce(a.verdict, h.initial_status)
                                           when 'TRUE_MATCH' then 0 when 'OPEN' then 1
                                           when 'FALSE_POSITIVE' then 2 else 3 end))[1] as status
                  from screening.hit h left join screening.adjudication a on a.hit_id = h.id
                 where h.crossing_id = any(:ids)
                 group by h.crossing_id
                """).param("ids", crossingIds.toArray(UUID[]::new))
                .query(rs -> {
                    outcomes.put(rs.getObject("crossing_id", UUID.class), HitStatus.valueOf(rs.getString("status")));
                });
        return outcomes;
    }
}
