package org.manfadh.bordercontrol.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.FlowFacts;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's crossings as flow statistics count them: where, which way, when and with what
 * decision as they stand, and who crossed only as far as citizenship, sex and age on the document
 * as read. Never a name, a document number or a date of birth.
 */
@Component
class CrossingFacts implements FlowFacts {

    /** The crossing's facts with its latest amendment and latest decision, as {@code Crossings} reads them. */
    private static final String FACTS = """
            select c.id, coalesce(a.border_point, c.border_point) as border_point,
                   coalesce(a.direction, c.direction) as direction,
                   coalesce(a.occurred_at, c.occurred_at) as occurred_at,
                   c.document ->> 'nationality' as nationality, c.document ->> 'sex' as sex,
                   c.document ->> 'dateOfBirth' as date_of_birth,
                   coalesce(a.purpose, c.purpose) as purpose, c.transport_mode,
                   coalesce(a.kind = 'VOID', false) as voided, d.decision, d.reason_code
              from bordercontrol.crossing c
              left join lateral (
                   select x.kind, x.border_point, x.direction, x.occurred_at, x.purpose
                     from bordercontrol.crossing_amendment x
                    where x.crossing_id = c.id
                    order by x.amended_at desc, x.id desc
                    limit 1) a on true
              join lateral (
                   select y.decision, y.reason_code
                     from bordercontrol.decision y
                    where y.crossing_id = c.id
                    order by y.decided_at desc, y.id desc
                    limit 1) d on true
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    private final Stays stays;

    CrossingFacts(JdbcClient jdbc, Clock clock, Stays stays) {
        this.stays = stays;
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @Override
    public List<Fact> of(Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FACTS + " where c.id = any(:ids)")
                .param("ids", crossingIds.toArray(UUID[]::new))
                .query((rs, n) -> fact(rs)).list();
    }

    @Override
    public List<OverstayCount> overstayers(LocalDate asOf) {
        return stays.countOverstaysByPoint(asOf);
    }

    @Override
    public List<Fact> page(UUID after, int limit) {
        return jdbc.sql(FACTS + " where (cast(:after as uuid) is null or c.id > cast(:after as uuid)) order by c.id limit :limit")
                .param("after", after).param("limit", limit)
                .query((rs, n) -> fact(rs)).list();
    }

    private Fact fact(ResultSet rs) throws SQLException {
        Instant occurredAt = rs.getTimestamp("occurred_at").toInstant();
        String purpose = rs.getString("purpose");
        String transport = rs.getString("transport_mode");
        return new Fact(rs.getObject("id", UUID.class), rs.getString("border_point").strip(),
                Direction.valueOf(rs.getString("direction")), occurredAt, blankToNull(rs.getString("nationality")),
                blankToNull(rs.getString("sex")),
                ageOn(rs.getString("date_of_birth"), LocalDate.ofInstant(occurredAt, zone)),
                purpose == null ? null : Purpose.valueOf(purpose),
                transport == null ? null : TransportMode.valueOf(transport),
                Decision.valueOf(rs.getString("decision")), rs.getString("reason_code"), rs.getBoolean("voided"));
    }

    /**
     * Age in whole years on a day, from a date of birth as documents give it: YYYY-MM-DD, or only the
     * year and month or the year where the day is unknown (then the middle of what is known).
     */
    static Integer ageOn(String dateOfBirth, LocalDate day) {
        if (dateOfBirth == null || dateOfBirth.isBlank()) {
            return null;
        }
        try {
            String d = dateOfBirth.strip();
            LocalDate born;
            if (d.matches("\\d{4}-\\d{2}-\\d{2}")) {
                born = LocalDate.parse(d);
            } else if (d.matches("\\d{4}-\\d{2}")) {
                born = LocalDate.parse(d + "-15");
            } else if (d.matches("\\d{4}")) {
                born = LocalDate.of(Integer.parseInt(d), 7, 1);
            } else {
                return null;
            }
            if (born.isAfter(day)) {
                return null;
            }
            return Period.between(born, day).getYears();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
