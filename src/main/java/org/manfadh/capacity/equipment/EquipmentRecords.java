package org.manfadh.capacity.equipment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.manfadh.access.ReadScope;
import org.manfadh.capacity.Asset;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Equipment;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.statistics.Dimension;
import org.manfadh.statistics.FlowQuery;
import org.manfadh.statistics.FlowStatistics;
import org.manfadh.statistics.FlowTable;
import org.manfadh.statistics.Interval;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment register: assets registered, moved through their lifecycle, assigned, checked out and in, maintained;
 * every change written to the asset's log in its own transaction. A border point's manager reports a reader broken,
 * in repair or back in service at their own point, and nothing else.
 */
@Service
class EquipmentRecords implements Equipment {

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,59}");
    private static final Pattern LANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,19}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");
    private static final Set<AssetStatus> REPORTABLE = EnumSet.of(AssetStatus.BROKEN, AssetStatus.IN_REPAIR,
            AssetStatus.DEPLOYED);

    private final Assets assets;
    private final CapacityGround ground;
    private final NodeIdentity node;
    private final FlowStatistics flows;
    private final Clock clock;

    EquipmentRecords(Assets assets, CapacityGround ground, NodeIdentity node, FlowStatistics flows, Clock clock) {
        this.assets = assets;
        this.ground = ground;
        this.node = node;
        this.flows = flows;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Asset register(CapacityCommands.RegisterAsset c, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        List<Rejection.Field> faults = new ArrayList<>();
        if (c.type() == null) {
            faults.add(new Rejection.Field("type", "is required: " + names(AssetType.values())));
        }
        String serial = c.serialNumber() == null ? "" : c.serialNumber().strip();
        if (!SERIAL.matcher(serial).matches()) {
            faults.add(new Rejection.Field("serialNumber", "is required: up to 60 letters, digits and . / _ -, "
                    + "beginning with a letter or digit"));
        }
        AssetStatus status = c.status() == null ? AssetStatus.DELIVERED : c.status();
        String point = ground.knownPoint("borderPoint", c.borderPoint());
        String lane = lane(c.lane(), point, faults);
        if (status == AssetStatus.DEPLOYED && point == null) {
            faults.add(new Rejection.Field("borderPoint", "is required for a DEPLOYED asset"));
        } else if (point == null && !scope.everywhere()) {
            faults.add(new Rejection.Field("borderPoint", "is required: your work scope covers some border points only"));
        }
        for (String[] text : new String[][] {{"manufacturer", c.manufacturer()}, {"model", c.model()},
                {"donor", c.donor()}, {"programmePhase", c.programmePhase()}}) {
            if (text[1] != null && text[1].strip().length() > 100) {
                faults.add(new Rejection.Field(text[0], "is longer than 100 characters"));
            }
        }
        money("purchaseCost", c.purchaseCost(), faults);
        String currency = currency(c.currency(), faults);
        if (c.purchasedOn() != null && c.warrantyEnd() != null && c.warrantyEnd().isBefore(c.purchasedOn())) {
            faults.add(new Rejection.Field("warrantyEnd", "is before purchasedOn"));
        }
        if (c.usefulLifeMonths() != null && (c.usefulLifeMonths() < 1 || c.usefulLifeMonths() > 600)) {
            faults.add(new Rejection.Field("usefulLifeMonths", "is 1 to 600 months"));
        }
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (point != null) {
            ground.workable(point, scope);
        }
        if (assets.serialTaken(c.type(), serial)) {
            throw serialTaken(c.type(), serial);
        }
        Asset asset = new Asset(Ids.newId(), c.type(), serial, blankToNull(c.manufacturer()), blankToNull(c.model()),
                blankToNull(c.donor()), blankToNull(c.programmePhase()), status, point, lane, c.purchaseCost(), currency,
                c.purchasedOn(), c.warrantyEnd(), c.usefulLifeMonths(), null);
        var now = clock.instant();
        try {
            assets.insert(asset, node.nodeId(), username, now);
        } catch (DuplicateKeyException e) {
            throw serialTaken(c.type(), serial);
        }
        assets.log(asset.id(), EventKind.REGISTERED, null, status, point, lane, null, null, null, username, now);
        return asset;
    }

    private static Rejection serialTaken(AssetType type, String serial) {
        return Rejection.conflict("asset-serial-taken", "A " + type + " with the serial number " + serial
                + " is registered already.");
    }

    @Override
    @Transactional
    public Asset changeStatus(UUID assetId, CapacityCommands.ChangeAssetStatus c, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        Asset asset = visible(assets.lock(assetId), scope, assetId);
        return move(asset, c, scope, username);
    }

    @Override
    @Transactional
    public Asset reportStatus(UUID assetId, CapacityCommands.ChangeAssetStatus c, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        Asset asset = visible(assets.lock(assetId), scope, assetId);
        if (c.status() != null && !REPORTABLE.contains(c.status())) {
            throw Rejection.forbidden("A border point's manager reports an asset BROKEN, IN_REPAIR or DEPLOYED, not "
                    + c.status() + ".");
        }
        if (asset.borderPoint() == null) {
            throw Rejection.forbidden("Asset " + assetId + " is at no border point: only its managers change it.");
        }
        String point = ground.knownPoint("borderPoint", c.borderPoint());
        if (point != null && !point.equals(asset.borderPoint())) {
            throw Rejection.forbidden("A border point's manager reports on the assets at their point; moving one to "
                    + point + " is for the capacity managers.");
        }
        return move(asset, c, scope, username);
    }

    private Asset move(Asset asset, CapacityCommands.ChangeAssetStatus c, ReadScope scope, String username) {
        if (c.status() == null) {
            throw Rejection.invalidField("status", "is required: " + names(AssetStatus.values()));
        }
        List<Rejection.Field> faults = new ArrayList<>();
        String given = ground.knownPoint("borderPoint", c.borderPoint());
        String point = given != null ? given : asset.borderPoint();
        String lane = c.lane() != null && !c.lane().isBlank() ? lane(c.lane(), point, faults)
                : given != null && !given.equals(asset.borderPoint()) ? null : asset.lane();
        if (c.status() == AssetStatus.DEPLOYED && point == null) {
            faults.add(new Rejection.Field("borderPoint", "is required: a DEPLOYED asset is at a border point"));
        }
        note(c.note(), faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (given != null) {
            ground.workable(given, scope);
        }
        if (!AssetLifecycle.allows(asset.status(), c.status())) {
            throw Rejection.conflict("illegal-status-change", "An asset's status cannot move from " + asset.status()
                    + " to " + c.status() + (asset.status() == AssetStatus.RETIRED ? ": RETIRED is final." : "."))
                    .with("from", asset.status().name()).with("to", c.status().name());
        }
        var now = clock.instant();
        assets.place(asset.id(), c.status(), point, lane, now);
        assets.log(asset.id(), EventKind.STATUS, asset.status(), c.status(), point, lane, null, null,
                blankToNull(c.note()), username, now);
        return assets.find(asset.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Asset assign(UUID assetId, AssetAssignment a, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        Asset asset = visible(assets.lock(assetId), scope, assetId);
        notRetired(asset);
        List<Rejection.Field> faults = new ArrayList<>();
        String point = ground.knownPoint("borderPoint", a == null ? null : a.borderPoint());
        String lane = lane(a == null ? null : a.lane(), point, faults);
        if (point == null && asset.status() == AssetStatus.DEPLOYED) {
            faults.add(new Rejection.Field("borderPoint", "is required: a DEPLOYED asset is at a border point"));
        } else if (point == null && !scope.everywhere()) {
            faults.add(new Rejection.Field("borderPoint", "is required: your work scope covers some border points only"));
        }
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        if (point != null) {
            ground.workable(point, scope);
        }
        var now = clock.instant();
        assets.place(asset.id(), asset.status(), point, lane, now);
        assets.log(asset.id(), EventKind.ASSIGNED, asset.status(), asset.status(), point, lane, null, null, null,
                username, now);
        return assets.find(asset.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Asset checkOut(UUID assetId, CheckOut c, String username) {
        ground.atHeadquarters();
        Asset asset = visible(assets.lock(assetId), ground.scope(username), assetId);
        String holder = c == null || c.holder() == null ? "" : c.holder().strip();
        List<Rejection.Field> faults = new ArrayList<>();
        if (holder.isEmpty() || holder.length() > 200) {
            faults.add(new Rejection.Field("holder", "is required: who takes the asset, up to 200 characters"));
        }
        if (c != null && c.dueOn() != null && c.dueOn().isBefore(LocalDate.now(clock))) {
            faults.add(new Rejection.Field("dueOn", "is in the past"));
        }
        note(c == null ? null : c.note(), faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        notRetired(asset);
        var now = clock.instant();
        if (asset.checkedOutTo() != null
                || !assets.checkOut(asset.id(), holder, c.dueOn(), blankToNull(c.note()), username, now)) {
            throw Rejection.conflict("asset-checked-out", "Asset " + asset.serialNumber() + " is checked out to "
                    + asset.checkedOutTo() + " already: check it in first.");
        }
        assets.log(asset.id(), EventKind.CHECKED_OUT, asset.status(), asset.status(), asset.borderPoint(), asset.lane(),
                holder, c.dueOn(), blankToNull(c.note()), username, now);
        return assets.find(asset.id()).orElseThrow();
    }

    @Override
    @Transactional
    public Asset checkIn(UUID assetId, String note, String username) {
        ground.atHeadquarters();
        Asset asset = visible(assets.lock(assetId), ground.scope(username), assetId);
        List<Rejection.Field> faults = new ArrayList<>();
        note(note, faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        var now = clock.instant();
        String holder = assets.checkIn(asset.id(), username, now).orElseThrow(() -> Rejection.conflict(
                "asset-not-checked-out", "Asset " + asset.serialNumber() + " is not checked out."));
        assets.log(asset.id(), EventKind.CHECKED_IN, asset.status(), asset.status(), asset.borderPoint(), asset.lane(),
                holder, null, blankToNull(note), username, now);
        return assets.find(asset.id()).orElseThrow();
    }

    @Override
    @Transactional
    public AssetDetail recordMaintenance(UUID assetId, MaintenanceInput m, String username) {
        ground.atHeadquarters();
        ReadScope scope = ground.scope(username);
        Asset asset = visible(assets.lock(assetId), scope, assetId);
        List<Rejection.Field> faults = new ArrayList<>();
        if (m.kind() == null) {
            faults.add(new Rejection.Field("kind", "is required: MAINTENANCE or REPAIR"));
        }
        if (m.openedOn() == null) {
            faults.add(new Rejection.Field("openedOn", "is required"));
        } else if (m.closedOn() != null && m.closedOn().isBefore(m.openedOn())) {
            faults.add(new Rejection.Field("closedOn", "is before openedOn"));
        }
        money("cost", m.cost(), faults);
        String currency = currency(m.currency(), faults);
        if (m.vendor() != null && m.vendor().length() > 200) {
            faults.add(new Rejection.Field("vendor", "is longer than 200 characters"));
        }
        note(m.note(), faults);
        if (!faults.isEmpty()) {
            throw Rejection.invalidFields(faults);
        }
        var now = clock.instant();
        MaintenanceInput clean = new MaintenanceInput(m.kind(), m.openedOn(), m.closedOn(), m.cost(), currency,
                blankToNull(m.vendor()), blankToNull(m.note()));
        assets.insertMaintenance(asset.id(), clean, currency, username, now);
        String said = m.kind() + (clean.vendor() == null ? "" : " · " + clean.vendor())
                + (m.cost() == null ? "" : " · " + m.cost().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency)
                + (clean.note() == null ? "" : " · " + clean.note());
        assets.log(asset.id(), EventKind.MAINTENANCE, asset.status(), asset.status(), asset.borderPoint(), asset.lane(),
                null, null, said.length() > 2000 ? said.substring(0, 2000) : said, username, now);
        return detail(assets.find(asset.id()).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Asset> assets(AssetFilter filter, PageRequest page, String username) {
        ReadScope scope = ground.scope(username);
        String point = ground.knownPoint("borderPoint", filter.borderPoint());
        AssetFilter f = new AssetFilter(point, filter.type(), filter.status());
        if (point != null && !scope.allows(point)) {
            return Page.of(List.of(), page, 0);
        }
        String[] points = scope.borderPointsOrNull();
        return Page.of(assets.page(f, points, page.size(), page.offset()), page, assets.count(f, points));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AssetDetail> asset(UUID assetId, String username) {
        ReadScope scope = ground.scope(username);
        return assets.find(assetId).filter(a -> sees(a, scope)).map(this::detail);
    }

    private AssetDetail detail(Asset a) {
        LocalDate today = LocalDate.now(clock);
        List<AssetMaintenance> maintenance = assets.maintenance(a.id());
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (AssetMaintenance m : maintenance) {
            if (m.cost() != null) {
                costs.merge(m.currency(), m.cost(), BigDecimal::add);
            }
        }
        WarrantyState warranty = a.warrantyEnd() == null ? WarrantyState.UNKNOWN
                : a.warrantyEnd().isBefore(today) ? WarrantyState.EXPIRED : WarrantyState.UNDER_WARRANTY;
        return new AssetDetail(a, warranty, bookValue(a, today), costs, List.copyOf(AssetLifecycle.next(a.status())),
                assets.events(a.id()), maintenance, assets.checkOuts(a.id()));
    }

    /** Straight-line: the cost less an equal share for each day of the useful life gone, never below nothing. */
    static BigDecimal bookValue(Asset a, LocalDate today) {
        if (a.purchaseCost() == null || a.purchasedOn() == null || a.usefulLifeMonths() == null) {
            return null;
        }
        long life = ChronoUnit.DAYS.between(a.purchasedOn(), a.purchasedOn().plusMonths(a.usefulLifeMonths()));
        long gone = Math.clamp(ChronoUnit.DAYS.between(a.purchasedOn(), today), 0, life);
        return a.purchaseCost().multiply(BigDecimal.valueOf(life - gone))
                .divide(BigDecimal.valueOf(life), 2, RoundingMode.HALF_UP);
    }

    /** Not in a transaction of its own: the flows are counted in statistics' own, which may catch up first. */
    @Override
    public PointAvailability availability(String borderPoint, LocalDate day, boolean withFlows, String username) {
        String point = ground.knownPoint("borderPoint", borderPoint);
        if (point == null) {
            throw Rejection.invalidField("borderPoint", "is required: a border point's code");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = day == null ? today : day;
        if (on.isAfter(today)) {
            throw Rejection.invalidField("day", "is after today, " + today);
        }
        if (!ground.scope(username).allows(point)) {
            throw Rejection.notFound("Border point", "Border point " + point + " is outside your jurisdiction.");
        }
        Assets.DayCount count = assets.dayCounts(on, on, new String[] {point}).stream().findFirst()
                .orElse(new Assets.DayCount(on, point, 0, 0, 0, 0, 0));
        Long arrivals = null;
        Long departures = null;
        if (withFlows) {
            Map<String, Long> byDirection = directions(point, on, username);
            if (byDirection != null) {
                arrivals = byDirection.getOrDefault("ENTRY", 0L);
                departures = byDirection.getOrDefault("EXIT", 0L);
            }
        }
        BigDecimal perLane = arrivals == null || count.lanesWithReader() == 0 ? null
                : BigDecimal.valueOf(arrivals + departures).divide(BigDecimal.valueOf(count.lanesWithReader()), 1,
                        RoundingMode.HALF_UP);
        return new PointAvailability(point, on, count.lanes(), count.lanesWithReader(),
                new ReaderCounts(count.deployed(), count.broken(), count.inRepair()), arrivals, departures, perLane);
    }

    /** The day's crossings at the point by direction, as the caller may see them; null when they may not. */
    private Map<String, Long> directions(String point, LocalDate day, String username) {
        try {
            FlowTable table = flows.flows(new FlowQuery(day, day, Interval.NONE, List.of(Dimension.DIRECTION),
                    Map.of(Dimension.BORDER_POINT, Set.of(point)), false), username);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (FlowTable.Row row : table.rows()) {
                if (row.count() != null) {
                    counts.merge(row.values().get(Dimension.DIRECTION), row.count(), Long::sum);
                }
            }
            return counts;
        } catch (Rejection refused) {
            return null;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public AvailabilitySummary availability(LocalDate from, LocalDate to, String username) {
        if (from == null || to == null || to.isBefore(from)) {
            throw Rejection.invalidField("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw Rejection.invalidField("to", "is more than a year after from");
        }
        ReadScope scope = ground.scope(username);
        Map<String, long[]> byPoint = new TreeMap<>();
        for (Assets.DayCount c : assets.dayCounts(from, to, scope.borderPointsOrNull())) {
            long[] sums = byPoint.computeIfAbsent(c.borderPoint(), p -> new long[3]);
            sums[0] += c.lanes();
            sums[1] += c.lanesWithReader();
            if (c.day().equals(to) && c.deployed() > 0) {
                sums[2] = 1;
            }
        }
        List<PointShare> points = new ArrayList<>();
        long lanes = 0;
        long withReader = 0;
        long equipped = 0;
        for (Map.Entry<String, long[]> e : byPoint.entrySet()) {
            long[] s = e.getValue();
            points.add(new PointShare(e.getKey(), s[0], s[1], share(s[1], s[0]), s[2] == 1));
            lanes += s[0];
            withReader += s[1];
            equipped += s[2];
        }
        return new AvailabilitySummary(from, to, points, equipped, lanes, withReader, share(withReader, lanes));
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    // --- small checks -----------------------------------------------------------------------------------------

    private static Asset visible(Optional<Asset> found, ReadScope scope, UUID id) {
        return found.filter(a -> sees(a, scope))
                .orElseThrow(() -> Rejection.notFound("Asset", "No asset has the id " + id + "."));
    }

    /** An asset at no border point is seen by callers whose scope is everywhere. */
    private static boolean sees(Asset a, ReadScope scope) {
        return a.borderPoint() == null ? scope.everywhere() : scope.allows(a.borderPoint());
    }

    private static void notRetired(Asset asset) {
        if (asset.status() == AssetStatus.RETIRED) {
            throw Rejection.conflict("asset-retired", "Asset " + asset.serialNumber() + " is RETIRED.");
        }
    }

    private static String lane(String lane, String point, List<Rejection.Field> faults) {
        if (lane == null || lane.isBlank()) {
            return null;
        }
        String clean = lane.strip();
        if (!LANE.matcher(clean).matches()) {
            faults.add(new Rejection.Field("lane", "is up to 20 letters, digits, spaces and -, beginning with a letter or digit"));
        } else if (point == null) {
            faults.add(new Rejection.Field("lane", "needs its border point"));
        }
        return clean;
    }

    private static void money(String field, BigDecimal amount, List<Rejection.Field> faults) {
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_MONEY) > 0 || amount.scale() > 2)) {
            faults.add(new Rejection.Field(field, "is 0 to 9,999,999,999.99, to the cent"));
        }
    }

    private static String currency(String currency, List<Rejection.Field> faults) {
        if (currency == null || currency.isBlank()) {
            return "USD";
        }
        String upper = currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(upper).matches()) {
            faults.add(new Rejection.Field("currency", "is an ISO 4217 code of three letters, such as USD or IQD"));
        }
        return upper;
    }

    private static void note(String note, List<Rejection.Field> faults) {
        if (note != null && note.length() > 2000) {
            faults.add(new Rejection.Field("note", "is longer than 2000 characters"));
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
