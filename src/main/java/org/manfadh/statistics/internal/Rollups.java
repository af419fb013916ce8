package org.manfadh.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollups' rows: which cell each crossing is counted in, the changes waiting to be folded into
 * the rollups, and the folding. Counting is written in the transaction of the record that changed
 * the counts; folding is done by one transaction at a time, in the background.
 */
@Component
class Rollups {

    private static final List<Cuboid.Column> COLUMNS = Cuboid.CELLS.columns;
    private static final String CELL_COLUMNS = "day, hour, "
            + COLUMNS.stream().map(c -> c.name).collect(Collectors.joining(", "));

    /** One row a cell, from arrays given as parameters (see {@link #bindCells}). */
    private static final String CELL_ARRAYS = """
            cast(:days as date[]), cast(:hours as smallint[]), cast(:points as text[]), cast(:directions as text[]),
            cast(:nationalities as text[]), cast(:sexes as text[]), cast(:ageBands as text[]),
            cast(:purposes as text[]), cast(:transports as text[]), cast(:decisions as text[]),
            cast(:reasons as text[]), cast(:hits as text[]), cast(:health as text[])""";

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues crossings to be counted again, in the caller's transaction; in id order, so that queuers
     * never wait in a circle. A crossing queued already is touched, not skipped: if a worker is counting
     * it at this moment (from facts read before this change), the update waits for the worker, and once
     * the worker has dequeued it, it is queued anew, so the change is counted.
     */
    void queue(Collection<UUID> crossingIds) {
        if (crossingIds.isEmpty()) {
            return;
        }
        jdbc.sql("insert into statistics.uncounted (crossing_id) select id from unnest(cast(:ids as uuid[])) id"
                        + " order by id on conflict (crossing_id) do update set queued_at = excluded.queued_at")
                .param("ids", new java.util.TreeSet<>(crossingIds).toArray(UUID[]::new)).update();
    }

    /** Up to {@code limit} queued crossings no one else is counting, taken (locked) until the transaction ends. */
    List<UUID> takeQueued(int limit) {
        return jdbc.sql("select crossing_id from statistics.uncounted order by crossing_id limit :limit"
                        + " for update skip locked")
                .param("limit", limit).query(UUID.class).list();
    }

    void dequeue(Collection<UUID> crossingIds) {
        jdbc.sql("delete from statistics.uncounted where crossing_id = any(:ids)")
                .param("ids", crossingIds.toArray(UUID[]::new)).update();
    }

    /** How many crossings wait to be counted. */
    long queued() {
        return jdbc.sql("select count(*) from statistics.uncounted").query(Long.class).single();
    }

    /** The cells these crossings are counted in now, their rows locked until the transaction ends. */
    Map<UUID, Cell> lockCounted(Collection<UUID> crossingIds) {
        Map<UUID, Cell> cells = new HashMap<>();
        if (crossingIds.isEmpty()) {
            return cells;
        }
        jdbc.sql("select crossing_id, " + CELL_COLUMNS + " from statistics.counted"
                        + " where crossing_id = any(:ids) order by crossing_id for update")
                .param("ids", crossingIds.toArray(UUID[]::new))
                .query(rs -> {
                    cells.put(rs.getObject("crossing_id", UUID.class), cell(rs));
                });
        return cells;
    }

    /** Counts these crossings in their cells; those another transaction counted first are left out of the answer. */
    Set<UUID> insertCounted(Map<UUID, Cell> cells) {
        if (cells.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = new ArrayList<>(cells.keySet());
        List<Cell> ordered = ids.stream().map(cells::get).toList();
        return new HashSet<>(bindCells(jdbc.sql("insert into statistics.counted (crossing_id, " + CELL_COLUMNS + ")"
                        + " select * from unnest(cast(:ids as uuid[]), " + CELL_ARRAYS + ")"
                        + " on conflict (crossing_id) do nothing returning crossing_id"), ordered)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class).list());
    }

    /** Moves crossings counted before to their cells as they now stand. */
    void updateCounted(Map<UUID, Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(cells.keySet());
        List<Cell> ordered = ids.stream().map(cells::get).toList();
        String set = ("day, hour, " + COLUMNS.stream().map(c -> c.name).collect(Collectors.joining(", ")));
        bindCells(jdbc.sql("update statistics.counted c set (" + set + ") = (" + prefixed("u", set) + ")"
                        + " from unnest(cast(:ids as uuid[]), " + CELL_ARRAYS + ") as u(id, " + set + ")"
                        + " where c.crossing_id = u.id"), ordered)
                .param("ids", ids.toArray(UUID[]::new)).update();
    }

    /** Counts these crossings no more (voided). */
    void deleteCounted(Collection<UUID> crossingIds) {
        if (!crossingIds.isEmpty()) {
            jdbc.sql("delete from statistics.counted where crossing_id = any(:ids)")
                    .param("ids", crossingIds.toArray(UUID[]::new)).update();
        }
    }

    /** A change of one to a cell's count. */
    record Change(Cell cell, int n) {
    }

    /** Appends changes for the compactor to fold in; appended, never updated, so recorders never wait on each other. */
    void append(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        bindCells(jdbc.sql("insert into statistics.flow_change (" + CELL_COLUMNS + ", n)"
                        + " select * from unnest(" + CELL_ARRAYS + ", cast(:ns as integer[]))"),
                changes.stream().map(Change::cell).toList())
                .param("ns", changes.stream().map(Change::n).toArray(Integer[]::new)).update();
    }

    /**
     * Folds the changes committed so far into every rollup, in one statement, and drops the cells
     * that came to nothing. One compactor at a time (an advisory lock), so that the folded changes
     * are counted once. Returns how many changes were folded.
     */
    int compact() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('manfadh:statistics:compact', 0))").query().singleRow();
        StringBuilder sql = new StringBuilder("with moved as (delete from statistics.flow_change returning *)");
        int i = 0;
        for (Cuboid cuboid : Cuboid.values()) {
            String cols = cuboid.columns.stream().map(c -> c.name).collect(Collectors.joining(", "));
            String dayCols = cuboid == Cuboid.HOURS ? "day, hour, " + cols : "day, " + cols;
            sql.append(",\n f").append(i++).append(" as (insert into ").append(cuboid.byDay())
                    .append(" (").append(dayCols).append(", n) select ").append(dayCols)
                    .append(", sum(n) from moved group by ").append(dayCols)
                    .append(" on conflict (").append(dayCols).append(") do update set n = ")
                    .append(cuboid.byDay()).append(".n + excluded.n)");
            if (cuboid.byMonth() != null) {
                sql.append(",\n f").append(i++).append(" as (insert into ").append(cuboid.byMonth())
                        .append(" (month, ").append(cols).append(", n) select date_trunc('month', day)::date, ")
                        .append(cols).append(", sum(n) from moved group by 1, ").append(cols)
                        .append(" on conflict (month, ").append(cols).append(") do update set n = ")
                        .append(cuboid.byMonth()).append(".n + excluded.n)");
            }
        }
        sql.append("\nselect count(*) from moved");
        int folded = jdbc.sql(sql.toString()).query(Integer.class).single();
        if (folded > 0) {
            for (Cuboid cuboid : Cuboid.values()) {
                jdbc.sql("delete from " + cuboid.byDay() + " where n = 0").update();
                if (cuboid.byMonth() != null) {
                    jdbc.sql("delete from " + cuboid.byMonth() + " where n = 0").update();
                }
            }
        }
        return folded;
    }

    /** How many changes wait to be folded in. */
    long pending() {
        return jdbc.sql("select count(*) from statistics.flow_change").query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bindCells(JdbcClient.StatementSpec spec, List<Cell> cells) {
        return spec.param("days", cells.stream().map(c -> c.day().toString()).toArray(String[]::new))
                .param("hours", cells.stream().map(Cell::hour).toArray(Integer[]::new))
                .param("points", cells.stream().map(Cell::borderPoint).toArray(String[]::new))
                .param("directions", cells.stream().map(Cell::direction).toArray(String[]::new))
                .param("nationalities", cells.stream().map(Cell::nationality).toArray(String[]::new))
                .param("sexes", cells.stream().map(Cell::sex).toArray(String[]::new))
                .param("ageBands", cells.stream().map(Cell::ageBand).toArray(String[]::new))
                .param("purposes", cells.stream().map(Cell::purpose).toArray(String[]::new))
                .param("transports", cells.stream().map(Cell::transportMode).toArray(String[]::new))
                .param("decisions", cells.stream().map(Cell::decision).toArray(String[]::new))
                .param("reasons", cells.stream().map(Cell::reason).toArray(String[]::new))
                .param("hits", cells.stream().map(Cell::hitOutcome).toArray(String[]::new))
                .param("health", cells.stream().map(Cell::healthOutcome).toArray(String[]::new));
    }

    private static String prefixed(String alias, String columns) {
        return java.util.Arrays.stream(columns.split(",\\s*")).map(c -> alias + "." + c)
                .collect(Collectors.joining(", "));
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        return new Cell(rs.getObject("day", LocalDate.class), rs.getInt("hour"), rs.getString("border_point").strip(),
                rs.getString("direction"), rs.getString("nationality"), rs.getString("sex"), rs.getString("age_band"),
                rs.getString("purpose"), rs.getString("transport_mode"), rs.getString("decision"),
                rs.getString("reason"), rs.getString("hit_outcome"), rs.getString("health_outcome"));
    }
}
