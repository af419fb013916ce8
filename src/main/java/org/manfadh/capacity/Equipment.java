package org.manfadh.capacity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The equipment at border management centres and posts, and its lifecycle. Every change is appended to the asset's
 * log in the same transaction. A caller sees and changes only the assets at border points of their work scope; an
 * asset at no border point (ordered, or in the central store) only when their scope is everywhere.
 */
public interface Equipment {

    Asset register(CapacityCommands.RegisterAsset command, String username);

    /** Changes an asset's status (a move that the lifecycle does not allow, or out of RETIRED, is refused). */
    Asset changeStatus(UUID assetId, CapacityCommands.ChangeAssetStatus command, String username);

    /**
     * A border point manager's report of an asset's status at their own point: BROKEN, IN_REPAIR or DEPLOYED only,
     * never a move to another border point.
     */
    Asset reportStatus(UUID assetId, CapacityCommands.ChangeAssetStatus command, String username);

    Asset assign(UUID assetId, AssetAssignment assignment, String username);

    Asset checkOut(UUID assetId, CheckOut checkOut, String username);

    Asset checkIn(UUID assetId, String note, String username);

    AssetDetail recordMaintenance(UUID assetId, MaintenanceInput maintenance, String username);

    Page<Asset> assets(AssetFilter filter, PageRequest page, String username);

    /** An asset with its log, maintenance, check-outs, warranty and book value today; empty when out of sight. */
    Optional<AssetDetail> asset(UUID assetId, String username);

    /**
     * A border point's document readers on a day (as they stood at its end, or now for today) against its flow that
     * day; {@code withFlows} false leaves arrivals and departures out (a caller who may not read flows).
     */
    PointAvailability availability(String borderPoint, LocalDate day, boolean withFlows, String username);

    /**
     * Availability over every border point in the caller's scope, day by day from {@code from} to {@code to} (a day
     * or a quarter), for the programme's indicators.
     */
    AvailabilitySummary availability(LocalDate from, LocalDate to, String username);

    /** Which assets a list shows; null means any. */
    record AssetFilter(String borderPoint, AssetType type, AssetStatus status) {
    }

    /** Where an asset stands: a border point (null: none, such as the central store) and a lane there. */
    record AssetAssignment(@Size(max = 3) String borderPoint, @Size(max = 20) String lane) {
    }

    record CheckOut(@NotBlank(message = "is required") @Size(max = 200) String holder, LocalDate dueOn,
                    @Size(max = 2000) String note) {
    }

    enum MaintenanceKind { MAINTENANCE, REPAIR }

    record MaintenanceInput(@NotNull(message = "is required: MAINTENANCE or REPAIR") MaintenanceKind kind,
                            @NotNull(message = "is required") LocalDate openedOn, LocalDate closedOn,
                            BigDecimal cost, @Size(min = 3, max = 3) String currency, @Size(max = 200) String vendor,
                            @Size(max = 2000) String note) {
    }

    enum WarrantyState { UNDER_WARRANTY, EXPIRED, UNKNOWN }

    enum EventKind { REGISTERED, STATUS, ASSIGNED, CHECKED_OUT, CHECKED_IN, MAINTENANCE }

    /** An entry of an asset's log; {@code status}, {@code borderPoint} and {@code lane} are as they stood after it. */
    record AssetEvent(UUID id, EventKind kind, AssetStatus statusFrom, AssetStatus status, String borderPoint, String lane,
                 String holder, LocalDate dueOn, String note, Instant at, String by) {
    }

    record AssetMaintenance(UUID id, MaintenanceKind kind, LocalDate openedOn, LocalDate closedOn, BigDecimal cost,
                       String currency, String vendor, String note, String by, Instant at) {
    }

    record CheckOutRecord(UUID id, String holder, Instant outAt, LocalDate dueOn, Instant inAt, String outBy,
                          String inBy, String note) {
    }

    /**
     * @param bookValue        straight-line from the purchase cost over the useful life, today; null when the cost,
     *                         the purchase day or the useful life is unknown
     * @param maintenanceCosts what maintenance and repairs have cost, by currency
     * @param nextStatuses     where the lifecycle lets the asset go from its status
     */
    record AssetDetail(Asset asset, WarrantyState warranty, BigDecimal bookValue, Map<String, BigDecimal> maintenanceCosts,
                       List<AssetStatus> nextStatuses, List<AssetEvent> events, List<AssetMaintenance> maintenance,
                       List<CheckOutRecord> checkOuts) {
    }

    record ReaderCounts(long deployed, long broken, long inRepair) {
    }

    /**
     * @param lanes                   lanes of the point with equipment that is not retired
     * @param lanesWithWorkingReader  lanes with a DEPLOYED document reader
     * @param arrivals                null when the caller may not read flows
     * @param travellersPerWorkingLane the day's arrivals and departures per lane with a working reader; null without
     *                                flows or without such a lane
     */
    record PointAvailability(String borderPoint, LocalDate day, long lanes, long lanesWithWorkingReader, ReaderCounts readers,
                             Long arrivals, Long departures, BigDecimal travellersPerWorkingLane) {
    }

    /**
     * @param laneDays             lanes summed over the days
     * @param laneDaysWithReader   lanes with a working reader summed over the days
     * @param share                laneDaysWithReader / laneDays, null without lanes
     * @param equipped             a DEPLOYED document reader on the last day
     */
    record PointShare(String borderPoint, long laneDays, long laneDaysWithReader, BigDecimal share, boolean equipped) {
    }

    /**
     * @param pointsEquipped border points with at least one DEPLOYED document reader on the last day
     * @param share          lanes with a working reader over all lanes, every point and day together
     */
    record AvailabilitySummary(LocalDate from, LocalDate to, List<PointShare> points, long pointsEquipped,
                               long laneDays, long laneDaysWithReader, BigDecimal share) {
    }
}
