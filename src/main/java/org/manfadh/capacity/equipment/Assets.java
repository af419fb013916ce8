package org.manfadh.capacity.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.capacity.Asset;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;
import org.manfadh.capacity.Equipment;
import org.manfadh.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assets, their log, check-outs and maintenance. The log is only ever appended to. */
@Repository
class Assets {

    private static final String COLUMNS = """
            a.id, a.type, a.serial_number, a.manufacturer, a.model, a.donor, a.programme_phase, a.status,
            a.border_point, a.lane, a.purchase_cost, a.currency, a.purchased_on, a.warranty_end, a.useful_life_months,
            (select c.holder from capacity.asset_checkout c where c.asset_id = a.id and c.in_at is null) as checked_out_to
            """;

    private final JdbcClient jdbc;

    Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean serialTaken(AssetType type, String serialNumber) {
        return jdbc.sql("select exists (select 1 from capacity.asset where type = :type and serial_number = :serial)")
                .param("type", type.name()).param("serial", serialNumber).query(Boolean.class).single();
    }

    void insert(Asset a, UUID node, String by, Instant at) {
        jdbc.sql("""
                insert into capacity.asset (id, node_id, type, serial_number, manufacturer, model, donor, programme_phase,
                       status, border_point, lane, purchase_cost, currency, purchased_on, warranty_end, useful_life_months,
                       created_by, created_at, updated_at)
                values (:id, :node, :type, :serial, :manufacturer, :model, :donor, :phase, :status, :point, :lane, :cost,
                        :currency, :purchased, :warranty, :life, :by, :at, :at)
                """).param("id", a.id()).param("node", node).param("type", a.type().name())
                .param("serial", a.serialNumber()).param("manufacturer", a.manufacturer()).param("model", a.model())
                .param("donor", a.donor()).param("phase", a.programmePhase()).param("status", a.status().name())
                .param("point", a.borderPoint()).param("lane", a.lane()).param("cost", a.purchaseCost())
                .param("currency", a.currency()).param("purchased", a.purchasedOn()).param("warranty", a.warrantyEnd())
                .param("life", a.usefulLifeMonths()).param("by", by).param("at", Rows.utc(at)).update();
    }

    /** The asset locked for a change, so that two changes of one asset follow each other. */
    Optional<Asset> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from capacity.asset a where a.id = :id for update of a")
                .param("id", id).query(Assets::asset).optional();
    }

    Optional<Asset> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from capacity.asset a where a.id = :id").param("id", id)
                .query(Assets::asset).optional();
    }

    void place(UUID id, AssetStatus status, String borderPoint, String lane, Instant at) {
        jdbc.sql("""
                update capacity.asset set status = :status, border_point = :point, lane = :lane, updated_at = :at
                 where id = :id
                """).param("id", id).param("status", status.name()).param("point", borderPoint).param("lane", lane)
                .param("at", Rows.utc(at)).update();
    }

    /** Appends to the log; the status, border point and lane are the asset's after the change. */
    void log(UUID assetId, Equipment.EventKind kind, AssetStatus from, AssetStatus to, String borderPoint, String lane,
             String holder, LocalDate dueOn, String note, String by, Instant at) {
        jdbc.sql("""
                insert into capacity.asset_event (id, asset_id, kind, status_from, status_to, border_point, lane, holder,
                       due_on, note, at, by_user)
                values (:id, :asset, :kind, :from, :to, :point, :lane, :holder, :due, :note, :at, :by)
                """).param("id", Ids.newId()).param("asset", assetId).param("kind", kind.name())
                .param("from", Rows.name(from)).param("to", Rows.name(to)).param("point", borderPoint)
                .param("lane", lane).param("holder", holder).param("due", dueOn).param("note", note)
                .param("at", Rows.utc(at)).param("by", by).update();
    }

    /** Opens a check-out; false when one is open already. */
    boolean checkOut(UUID assetId, String holder, LocalDate dueOn, String note, String by, Instant at) {
        return jdbc.sql("""
                insert into capacity.asset_checkout (id, asset_id, holder, out_at, due_on, out_by, note)
                values (:id, :asset, :holder, :at, :due, :by, :note)
                on conflict (asset_id) where in_at is null do nothing
                """).param("id", Ids.newId()).param("asset", assetId).param("holder", holder).param("at", Rows.utc(at))
                .param("due", dueOn).param("by", by).param("note", note).update() == 1;
    }

    /** Closes the open check-out; the holder it had, or empty when none was open. */
    Optional<String> checkIn(UUID assetId, String by, Instant at) {
        return jdbc.sql("""
                update capacity.asset_checkout set in_at = :at, in_by = :by
                 where asset_id = :asset and in_at is null returning holder
                """).param("asset", assetId).param("by", by).param("at", Rows.utc(at)).query(String.class).optional();
    }

    void insertMaintenance(UUID assetId, Equipment.MaintenanceInput m, String currency, String by, Instant at) {
        jdbc.sql("""
                insert into capacity.maintenance (id, asset_id, kind, opened_on, closed_on, cost, currency, vendor, note,
                       created_by, created_at)
                values (:id, :asset, :kind, :opened, :closed, :cost, :currency, :vendor, :note, :by, :at)
                """).param("id", Ids.newId()).param("asset", assetId).param("kind", m.kind().name())
                .param("opened", m.openedOn()).param("closed", m.closedOn()).param("cost", m.cost())
                .param("currency", currency).param("vendor", m.vendor()).param("note", m.note()).param("by", by)
                .param("at", Rows.utc(at)).update();
    }

    /** Assets matching the filter within the border points given (null: everywhere, assets at no point too). */
    List<Asset> page(Equipment.AssetFilter filter, String[] points, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from capacity.asset a where " + WHERE
                        + " order by a.border_point nulls first, a.type, a.serial_number limit :limit offset :offset")
                .params(params(filter, points)).param("limit", limit).param("offset", offset).query(Assets::asset).list();
    }

    long count(Equipment.AssetFilter filter, String[] points) {
        return jdbc.sql("select count(*) from capacity.asset a where " + WHERE).params(params(filter, points))
                .query(Long.class).single();
    }

    private static final String WHERE = """
            (cast(:everywhere as boolean) or a.border_point = any(cast(:points as text[])))
            and (cast(:point as text) is null or a.border_point = :point)
            and (cast(:type as text) is null or a.type = :type)
            and (cast(:status as text) is null or a.status = :status)
            """;

    private static Map<String, Object> params(Equipment.AssetFilter filter, String[] points) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("everywhere", points == null);
        p.put("points", points == null ? new String[0] : points);
        p.put("point", filter.borderPoint());
        p.put("type", Rows.name(filter.type()));
        p.put("status", Rows.name(filter.status()));
        return p;
    }

    List<Equipment.AssetEvent> events(UUID assetId) {
        return jdbc.sql("""
                select id, kind, status_from, status_to, border_point, lane, holder, due_on, note, at, by_user
                  from capacity.asset_event where asset_id = :asset order by at desc, id desc
                """).param("asset", assetId).query((rs, n) -> new Equipment.AssetEvent(rs.getObject("id", UUID.class),
                        Equipment.EventKind.valueOf(rs.getString("kind")), status(rs.getString("status_from")),
                        status(rs.getString("status_to")), trim(rs.getString("border_point")), rs.getString("lane"),
                        rs.getString("holder"), rs.getObject("due_on", LocalDate.class), rs.getString("note"),
                        Rows.instant(rs.getTimestamp("at")), rs.getString("by_user"))).list();
    }

    List<Equipment.AssetMaintenance> maintenance(UUID assetId) {
        return jdbc.sql("""
                select id, kind, opened_on, closed_on, cost, currency, vendor, note, created_by, created_at
                  from capacity.maintenance where asset_id = :asset order by opened_on desc, created_at desc
                """).param("asset", assetId).query((rs, n) -> new Equipment.AssetMaintenance(rs.getObject("id", UUID.class),
                        Equipment.MaintenanceKind.valueOf(rs.getString("kind")), rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class), rs.getBigDecimal("cost"), rs.getString("currency"),
                        rs.getString("vendor"), rs.getString("note"), rs.getString("created_by"),
                        Rows.instant(rs.getTimestamp("created_at")))).list();
    }

    List<Equipment.CheckOutRecord> checkOuts(UUID assetId) {
        return jdbc.sql("""
                select id, holder, out_at, due_on, in_at, out_by, in_by, note
                  from capacity.asset_checkout where asset_id = :asset order by out_at desc
                """).param("asset", assetId).query((rs, n) -> new Equipment.CheckOutRecord(rs.getObject("id", UUID.class),
                        rs.getString("holder"), Rows.instant(rs.getTimestamp("out_at")),
                        rs.getObject("due_on", LocalDate.class), Rows.instant(rs.getTimestamp("in_at")),
                        rs.getString("out_by"), rs.getString("in_by"), rs.getString("note"))).list();
    }

    /** One border point's document readers and lanes on one day, as the log has them at the day's end. */
    record DayCount(LocalDate day, String borderPoint, long lanes, long lanesWithReader, long deployed, long broken,
                    long inRepair) {
    }

    /**
     * Every border point's lanes and readers on each day from {@code from} to {@code to}, as the assets stood at the
     * end of the day (the border's: Asia/Baghdad) by their log: each entry holds from its moment until the asset's
     * next one, and gives the asset's status, point and lane meanwhile. Points with nothing on a day have no row for it.
     * Read as spans of the log joined to the days, so a quarter costs one pass over the log rather than a look-up per
     * asset and day.
     */
    List<DayCount> dayCounts(LocalDate from, LocalDate to, String[] points) {
        return jdbc.sql("""
                with days as (
                    select cast(d as date) as day,
                           cast(cast(d as date) + 1 as timestamp) at time zone 'Asia/Baghdad' as day_end
                      from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                ), spans as (
                    select a.type, e.status_to as status, e.border_point, e.lane, e.at as since,
                           lead(e.at) over (partition by e.asset_id order by e.at, e.id) as until
                      from capacity.asset_event e join capacity.asset a on a.id = e.asset_id
                     where e.at < (select max(day_end) from days)
                       and (cast(:everywhere as boolean) or e.asset_id in (
                               select p.asset_id from capacity.asset_event p
                                where p.border_point = any(cast(:points as text[]))))
                ), state as (
                    select days.day, s.type, s.status, s.border_point, s.lane
                      from spans s join days on s.since < days.day_end and (s.until is null or s.until >= days.day_end)
                     where s.border_point is not null
                       and (cast(:everywhere as boolean) or s.border_point = any(cast(:points as text[])))
                )
                select day, border_point,
                       count(distinct lane) filter (where status <> 'RETIRED') as lanes,
                       count(distinct lane) filter (where type = 'DOCUMENT_READER' and status = 'DEPLOYED') as with_reader,
                       count(*) filter (where type = 'DOCUMENT_READER' and status = 'DEPLOYED') as deployed,
                       count(*) filter (where type = 'DOCUMENT_READER' and status = 'BROKEN') as broken,
                       count(*) filter (where type = 'DOCUMENT_READER' and status = 'IN_REPAIR') as in_repair
                  from state
                 group by day, border_point
                 order by day, border_point
                """).param("from", from).param("to", to).param("everywhere", points == null)
                .param("points", points == null ? new String[0] : points)
                .query((rs, n) -> new DayCount(rs.getObject("day", LocalDate.class), trim(rs.getString("border_point")),
                        rs.getLong("lanes"), rs.getLong("with_reader"), rs.getLong("deployed"), rs.getLong("broken"),
                        rs.getLong("in_repair"))).list();
    }

    private static Asset asset(ResultSet rs, int n) throws SQLException {
        return new Asset(rs.getObject("id", UUID.class), AssetType.valueOf(rs.getString("type")),
                rs.getString("serial_number"), rs.getString("manufacturer"), rs.getString("model"), rs.getString("donor"),
                rs.getString("programme_phase"), AssetStatus.valueOf(rs.getString("status")),
                trim(rs.getString("border_point")), rs.getString("lane"), rs.getBigDecimal("purchase_cost"),
                rs.getString("currency"), rs.getObject("purchased_on", LocalDate.class),
                rs.getObject("warranty_end", LocalDate.class), (Integer) rs.getObject("useful_life_months"),
                rs.getString("checked_out_to"));
    }

    private static AssetStatus status(String name) {
        return name == null ? null : AssetStatus.valueOf(name);
    }

    /** char(3) columns come back as they are; codes are compared trimmed. */
    private static String trim(String code) {
        return code == null ? null : code.strip();
    }
}
