package org.manfadh.capacity.procedures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.manfadh.capacity.AdoptionStage;
import org.manfadh.capacity.SopAdoption;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The steps of SOPs' adoption at border points ({@code capacity.sop_adoption}), only ever appended. A point's standing
 * with an SOP is its latest step: the latest day, and of one day the one recorded last.
 */
@Repository
class Adoptions {

    /** The order that makes a step the latest: by day, then as recorded (ids are time-ordered). */
    private static final String LATEST_FIRST = "a.on_date desc, a.created_at desc, a.id desc";

    private final JdbcClient jdbc;

    Adoptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SopAdoption step, UUID versionId) {
        jdbc.sql("""
                        insert into capacity.sop_adoption (id, sop_id, version_id, border_point, stage, on_date, note,
                                                           created_by, created_at)
                        values (:id, :sop, :version, :point, :stage, :on, :note, :by, :at)""")
                .param("id", step.id()).param("sop", step.sopId()).param("version", versionId)
                .param("point", step.borderPoint()).param("stage", step.stage().name()).param("on", step.onDate())
                .param("note", step.note()).param("by", step.createdBy()).param("at", Timestamp.from(step.createdAt()))
                .update();
    }

    /** Standings at the points given (every point when null) with SOPs not retired, by point and SOP code. */
    List<SopAdoption.Standing> standings(String[] points) {
        return jdbc.sql("""
                        with latest_step as (
                            select distinct on (a.border_point, a.sop_id) a.border_point, a.sop_id, a.stage, v.version,
                                   a.on_date
                              from capacity.sop_adoption a join capacity.sop_version v on v.id = a.version_id
                             where (cast(:points as text[]) is null or a.border_point = any(cast(:points as text[])))
                             order by a.border_point, a.sop_id, %s),
                        latest_audit as (
                            select distinct on (u.border_point, v.sop_id) u.border_point, v.sop_id, u.score, u.audited_on
                              from capacity.sop_audit u join capacity.sop_version v on v.id = u.version_id
                             where (cast(:points as text[]) is null or u.border_point = any(cast(:points as text[])))
                             order by u.border_point, v.sop_id, u.audited_on desc, u.created_at desc, u.id desc)
                        select l.border_point, l.sop_id, s.code, l.stage, l.version, l.on_date, u.score, u.audited_on,
                               (select max(v.version) from capacity.sop_version v where v.sop_id = l.sop_id) as latest
                          from latest_step l
                          join capacity.sop s on s.id = l.sop_id and s.retired_at is null
                          left join latest_audit u on u.border_point = l.border_point and u.sop_id = l.sop_id
                         order by l.border_point, s.code""".formatted(LATEST_FIRST))
                .param("points", points)
                .query((rs, n) -> {
                    int version = rs.getInt("version");
                    int latest = rs.getInt("latest");
                    return new SopAdoption.Standing(rs.getString("border_point").strip(), rs.getObject("sop_id", UUID.class),
                            rs.getString("code"), AdoptionStage.valueOf(rs.getString("stage")), version, latest,
                            version < latest, rs.getObject("on_date", LocalDate.class), rs.getBigDecimal("score"),
                            rs.getObject("audited_on", LocalDate.class));
                })
                .list();
    }

    List<SopAdoption> page(UUID sopId, String[] points, int limit, long offset) {
        return jdbc.sql("""
                        select a.*, v.version from capacity.sop_adoption a join capacity.sop_version v on v.id = a.version_id
                         where a.sop_id = :sop
                           and (cast(:points as text[]) is null or a.border_point = any(cast(:points as text[])))
                         order by %s limit :limit offset :offset""".formatted(LATEST_FIRST))
                .param("sop", sopId).param("points", points).param("limit", limit).param("offset", offset)
                .query(Adoptions::step).list();
    }

    long count(UUID sopId, String[] points) {
        return jdbc.sql("""
                        select count(*) from capacity.sop_adoption a where a.sop_id = :sop
                           and (cast(:points as text[]) is null or a.border_point = any(cast(:points as text[])))""")
                .param("sop", sopId).param("points", points).query(Long.class).single();
    }

    /** Per border point, the SOPs not retired by the day whose latest step on or before it is ADOPTED or AUDITED. */
    Map<String, Integer> adoptedAsAt(LocalDate day) {
        Map<String, Integer> adopted = new LinkedHashMap<>();
        jdbc.sql("""
                        select border_point, count(*) as sops from (
                            select distinct on (a.border_point, a.sop_id) a.border_point, a.stage
                              from capacity.sop_adoption a join capacity.sop s on s.id = a.sop_id
                             where a.on_date <= :day
                               and (s.retired_at is null or (s.retired_at at time zone 'Asia/Baghdad')::date > :day)
                             order by a.border_point, a.sop_id, %s) latest
                         where stage in ('ADOPTED', 'AUDITED')
                         group by border_point order by border_point""".formatted(LATEST_FIRST))
                .param("day", day)
                .query((ResultSet rs) -> {
                    adopted.put(rs.getString("border_point").strip(), rs.getInt("sops"));
                });
        return adopted;
    }

    private static SopAdoption step(ResultSet rs, int row) throws SQLException {
        return new SopAdoption(rs.getObject("id", UUID.class), rs.getObject("sop_id", UUID.class),
                rs.getString("border_point").strip(), AdoptionStage.valueOf(rs.getString("stage")),
                rs.getInt("version"), rs.getObject("on_date", LocalDate.class), rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
