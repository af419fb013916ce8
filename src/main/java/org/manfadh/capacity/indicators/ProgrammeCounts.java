package org.manfadh.capacity.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme's other records counted at a moment or over a range: document readers at the border points as they
 * stood then (rebuilt from the asset's log of changes), SOPs adopted, audits, premises projects completed and spent
 * on. {@code points} is the caller's scope: the border points' codes, or null for every one.
 */
@Repository
class ProgrammeCounts {

    /** How many document readers stood in a status at a border point. */
    record Readers(String borderPoint, String status, long count) {
    }

    private final JdbcClient jdbc;

    ProgrammeCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The document readers at border points just before {@code until}, by point and status: an asset's status is
     * the one its latest change before then set, its point the one its latest registration, assignment or status
     * change before then named. An asset whose log is empty (none was kept for it) counts from its creation as it
     * stands now; one whose log never names a point stands where it stands now.
     */
    List<Readers> readers(Instant until, String[] points) {
        return jdbc.sql("""
                select point, status, count(*) as n from (
                    select case when ev.logged then ev.status
                                when a.created_at < :until then a.status end as status,
                           coalesce(case when ev.logged then ev.point end, a.border_point::text) as point
                      from capacity.asset a
                      cross join lateral (
                          select exists (select 1 from capacity.asset_event x where x.asset_id = a.id) as logged,
                                 (select x.status_to from capacity.asset_event x
                                   where x.asset_id = a.id and x.status_to is not null and x.at < :until
                                   order by x.at desc, x.id desc limit 1) as status,
                                 (select x.border_point::text from capacity.asset_event x
                                   where x.asset_id = a.id and x.border_point is not null and x.at < :until
                                     and x.kind in ('REGISTERED', 'STATUS', 'ASSIGNED')
                                   order by x.at desc, x.id desc limit 1) as point) ev
                     where a.type = 'DOCUMENT_READER') r
                 where status in ('DEPLOYED', 'BROKEN', 'IN_REPAIR') and point is not null
                   and (cast(:points as text[]) is null or point = any(:points))
                 group by point, status
                 order by point, status
                """).param("until", java.sql.Timestamp.from(until)).param("points", points)
                .query((rs, n) -> new Readers(rs.getString("point"), rs.getString("status"), rs.getLong("n"))).list();
    }

    /**
     * Border point × SOP pairs whose latest adoption step on or before the day (the latest day, then the latest
     * recorded) is ADOPTED or AUDITED.
     */
    long sopsAdopted(LocalDate day, String[] points) {
        return jdbc.sql("""
                select count(*) from (
                    select distinct on (border_point, sop_id) stage
                      from capacity.sop_adoption
                     where on_date <= :day
                       and (cast(:points as text[]) is null or border_point::text = any(:points))
                     order by border_point, sop_id, on_date desc, created_at desc, id desc) latest
                 where stage in ('ADOPTED', 'AUDITED')
                """).param("day", day).param("points", points).query(Long.class).single();
    }

    /** {@link #sopsAdopted} per border point. */
    Map<String, Long> sopsAdoptedByPoint(LocalDate day, String[] points) {
        Map<String, Long> byPoint = new TreeMap<>();
        jdbc.sql("""
                select border_point::text, count(*) from (
                    select distinct on (border_point, sop_id) border_point, stage
                      from capacity.sop_adoption
                     where on_date <= :day
                       and (cast(:points as text[]) is null or border_point::text = any(:points))
                     order by border_point, sop_id, on_date desc, created_at desc, id desc) latest
                 where stage in ('ADOPTED', 'AUDITED')
                 group by border_point
                """).param("day", day).param("points", points).query(rs -> {
                    byPoint.put(rs.getString(1).strip(), rs.getLong(2));
                });
        return byPoint;
    }

    record Audits(long count, BigDecimal meanScore) {
    }

    /** SOP audits of the range and their mean score, one decimal. */
    Audits audits(LocalDate from, LocalDate to, String[] points) {
        return jdbc.sql("""
                select count(*) as n, round(avg(score), 1) as mean
                  from capacity.sop_audit
                 where audited_on between :from and :to
                   and (cast(:points as text[]) is null or border_point::text = any(:points))
                """).param("from", from).param("to", to).param("points", points)
                .query((rs, n) -> new Audits(rs.getLong("n"), rs.getBigDecimal("mean"))).single();
    }

    /** Premises projects COMPLETED with their completion day in the range. */
    long projectsCompleted(LocalDate from, LocalDate to, String[] points) {
        return jdbc.sql("""
                select count(*) from capacity.premises_project
                 where status = 'COMPLETED' and completed_on between :from and :to
                   and (cast(:points as text[]) is null or border_point::text = any(:points))
                """).param("from", from).param("to", to).param("points", points).query(Long.class).single();
    }

    /** Money spent on premises in the range, by the projects' currency. */
    Map<String, BigDecimal> spend(LocalDate from, LocalDate to, String[] points) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        jdbc.sql("""
                select p.currency::text, sum(s.amount)
                  from capacity.premises_spend s
                  join capacity.premises_project p on p.id = s.project_id
                 where s.spent_on between :from and :to
                   and (cast(:points as text[]) is null or p.border_point::text = any(:points))
                 group by p.currency
                """).param("from", from).param("to", to).param("points", points)
                .query(rs -> {
                    byCurrency.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return byCurrency;
    }
}
