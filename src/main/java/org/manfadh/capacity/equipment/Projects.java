package org.manfadh.capacity.equipment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Premises;
import org.manfadh.capacity.ProjectStatus;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Premises projects, their milestones and what has been spent on them. Spending is only ever added. */
@Repository
class Projects {

    private static final String COLUMNS = """
            p.id, p.border_point, p.title_en, p.title_ar, p.title_ckb, p.donor, p.programme_phase, p.budget, p.currency,
            p.status, p.start_date, p.planned_end, p.completed_on,
            coalesce((select sum(s.amount) from capacity.premises_spend s where s.project_id = p.id), 0) as spent,
            (select count(*) from capacity.premises_milestone m where m.project_id = p.id) as milestones,
            (select count(*) from capacity.premises_milestone m where m.project_id = p.id and m.done_on is not null)
                as milestones_done
            """;

    private static final String WHERE = """
            (cast(:everywhere as boolean) or p.border_point = any(cast(:points as text[])))
            and (cast(:point as text) is null or p.border_point = :point)
            and (cast(:status as text) is null or p.status = :status)
            """;

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID node, String point, Texts title, String donor, String phase, BigDecimal budget,
                String currency, ProjectStatus status, LocalDate start, LocalDate plannedEnd, String by, Instant at) {
        jdbc.sql("""
                insert into capacity.premises_project (id, node_id, border_point, title_en, title_ar, title_ckb, donor,
                       programme_phase, budget, currency, status, start_date, planned_end, completed_on, created_by,
                       created_at, updated_at)
                values (:id, :node, :point, :en, :ar, :ckb, :donor, :phase, :budget, :currency, :status, :start, :end,
                        :completed, :by, :at, :at)
                """).param("id", id).param("node", node).param("point", point).param("en", title.en())
                .param("ar", title.ar()).param("ckb", title.ckb()).param("donor", donor).param("phase", phase)
                .param("budget", budget).param("currency", currency).param("status", status.name())
                .param("start", start).param("end", plannedEnd)
                .param("completed", status == ProjectStatus.COMPLETED ? LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Baghdad")) : null)
                .param("by", by).param("at", Rows.utc(at)).update();
    }

    void insertMilestone(UUID project, int ordinal, Texts title, LocalDate dueOn, LocalDate doneOn) {
        jdbc.sql("""
                insert into capacity.premises_milestone (id, project_id, ordinal, title_en, title_ar, title_ckb, due_on,
                       done_on)
                values (:id, :project, :ordinal, :en, :ar, :ckb, :due, :done)
                """).param("id", Ids.newId()).param("project", project).param("ordinal", ordinal)
                .param("en", title.en()).param("ar", title.ar()).param("ckb", title.ckb()).param("due", dueOn)
                .param("done", doneOn).update();
    }

    void insertSpend(UUID project, LocalDate on, BigDecimal amount, String note, String by, Instant at) {
        jdbc.sql("""
                insert into capacity.premises_spend (id, project_id, spent_on, amount, note, created_by, created_at)
                values (:id, :project, :on, :amount, :note, :by, :at)
                """).param("id", Ids.newId()).param("project", project).param("on", on).param("amount", amount)
                .param("note", note).param("by", by).param("at", Rows.utc(at)).update();
    }

    void status(UUID id, ProjectStatus status, LocalDate completedOn, Instant at) {
        jdbc.sql("""
                update capacity.premises_project set status = :status, completed_on = :completed, updated_at = :at
                 where id = :id
                """).param("id", id).param("status", status.name()).param("completed", completedOn)
                .param("at", Rows.utc(at)).update();
    }

    /** Marks a milestone done; false when the project has no milestone of that ordinal. */
    boolean milestoneDone(UUID project, int ordinal, LocalDate doneOn) {
        return jdbc.sql("""
                update capacity.premises_milestone set done_on = :done where project_id = :project and ordinal = :ordinal
                """).param("project", project).param("ordinal", ordinal).param("done", doneOn).update() == 1;
    }

    void touch(UUID id, Instant at) {
        jdbc.sql("update capacity.premises_project set updated_at = :at where id = :id").param("id", id)
                .param("at", Rows.utc(at)).update();
    }

    Optional<Premises.Project> lock(UUID id) {
        jdbc.sql("select id from capacity.premises_project where id = :id for update").param("id", id)
                .query(UUID.class).optional();
        return find(id);
    }

    Optional<Premises.Project> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from capacity.premises_project p where p.id = :id").param("id", id)
                .query(Projects::project).optional();
    }

    List<Premises.Project> page(String point, ProjectStatus status, String[] points, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from capacity.premises_project p where " + WHERE
                        + " order by p.border_point, p.created_at desc limit :limit offset :offset")
                .param("everywhere", points == null).param("points", points == null ? new String[0] : points)
                .param("point", point).param("status", Rows.name(status)).param("limit", limit).param("offset", offset)
                .query(Projects::project).list();
    }

    long count(String point, ProjectStatus status, String[] points) {
        return jdbc.sql("select count(*) from capacity.premises_project p where " + WHERE)
                .param("everywhere", points == null).param("points", points == null ? new String[0] : points)
                .param("point", point).param("status", Rows.name(status)).query(Long.class).single();
    }

    List<Premises.ProjectMilestone> milestones(UUID project) {
        return jdbc.sql("""
                select ordinal, title_en, title_ar, title_ckb, due_on, done_on from capacity.premises_milestone
                 where project_id = :project order by ordinal
                """).param("project", project).query((rs, n) -> new Premises.ProjectMilestone(rs.getInt("ordinal"),
                        new Texts(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_ckb")),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class))).list();
    }

    List<Premises.ProjectSpend> spending(UUID project) {
        return jdbc.sql("""
                select id, spent_on, amount, note, created_by, created_at from capacity.premises_spend
                 where project_id = :project order by spent_on desc, created_at desc
                """).param("project", project).query((rs, n) -> new Premises.ProjectSpend(rs.getObject("id", UUID.class),
                        rs.getObject("spent_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("note"),
                        rs.getString("created_by"), Rows.instant(rs.getTimestamp("created_at")))).list();
    }

    private static Premises.Project project(ResultSet rs, int n) throws SQLException {
        BigDecimal budget = rs.getBigDecimal("budget");
        BigDecimal spent = rs.getBigDecimal("spent");
        return new Premises.Project(rs.getObject("id", UUID.class), rs.getString("border_point").strip(),
                new Texts(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_ckb")),
                rs.getString("donor"), rs.getString("programme_phase"), budget, rs.getString("currency"),
                ProjectStatus.valueOf(rs.getString("status")), rs.getObject("start_date", LocalDate.class),
                rs.getObject("planned_end", LocalDate.class), rs.getObject("completed_on", LocalDate.class), spent,
                budget.subtract(spent), spent.compareTo(budget) > 0, rs.getInt("milestones"), rs.getInt("milestones_done"));
    }
}
