package org.manfadh.capacity.web;

import java.net.URI;
import java.util.UUID;

import org.manfadh.capacity.Asset;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;
import org.manfadh.capacity.CapacityCommands.ChangeAssetStatus;
import org.manfadh.capacity.CapacityCommands.RegisterAsset;
import org.manfadh.capacity.Equipment;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The equipment at border management centres and posts. Capacity managers register and change it within their work
 * scope; a border point's manager (SUPERVISOR) reads the equipment of their point and reports a status change there.
 * Bodies are checked by the service after the roles, field by field.
 */
@RestController
@RequestMapping("/api/v1/capacity/equipment")
class EquipmentController {

    private final Equipment equipment;

    EquipmentController(Equipment equipment) {
        this.equipment = equipment;
    }

    @Operation(summary = "Register an asset; status defaults to DELIVERED, a DEPLOYED one needs its border point")
    @ProblemResponses({409})
    @PostMapping
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    ResponseEntity<Asset> register(@RequestBody RegisterAsset request, Authentication caller) {
        Asset asset = equipment.register(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/capacity/equipment/" + asset.id())).body(asset);
    }

    @Operation(summary = "Assets in the caller's scope, by border point, type and status")
    @GetMapping
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN', 'SUPERVISOR')")
    Page<Asset> list(@RequestParam(required = false) String borderPoint, @RequestParam(required = false) String type,
                     @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size, Authentication caller) {
        return equipment.assets(new Equipment.AssetFilter(borderPoint, Parameters.option("type", type, AssetType.class),
                Parameters.option("status", status, AssetStatus.class)), PageRequest.of(page, size), caller.getName());
    }

    @Operation(summary = "A border point's lanes with a working document reader on a day (today by default), against "
            + "its arrivals and departures that day when the caller may read flows")
    @GetMapping("/availability")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN', 'SUPERVISOR')")
    Equipment.PointAvailability availability(@RequestParam(required = false) String borderPoint,
                                             @RequestParam(required = false) String day, Authentication caller) {
        return equipment.availability(borderPoint, Parameters.day("day", day), Parameters.readsFlows(caller),
                caller.getName());
    }

    @Operation(summary = "An asset with its log, maintenance, check-outs, warranty and book value today")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN', 'SUPERVISOR')")
    Equipment.AssetDetail asset(@PathVariable UUID id, Authentication caller) {
        return equipment.asset(id, caller.getName()).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Change an asset's status, with a note; a border point's manager reports BROKEN, IN_REPAIR or "
            + "DEPLOYED at their own point only")
    @ProblemResponses({409})
    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN', 'SUPERVISOR')")
    Asset status(@PathVariable UUID id, @RequestBody ChangeAssetStatus request, Authentication caller) {
        return Parameters.manages(caller) ? equipment.changeStatus(id, request, caller.getName())
                : equipment.reportStatus(id, request, caller.getName());
    }

    @Operation(summary = "Assign an asset to a border point and lane (none: the central store)")
    @ProblemResponses({409})
    @PostMapping("/{id}/assignment")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    Asset assign(@PathVariable UUID id, @RequestBody Equipment.AssetAssignment request, Authentication caller) {
        return equipment.assign(id, request, caller.getName());
    }

    @Operation(summary = "Check an asset out to someone; one check-out is open at a time")
    @ProblemResponses({409})
    @PostMapping("/{id}/check-out")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    Asset checkOut(@PathVariable UUID id, @RequestBody Equipment.CheckOut request, Authentication caller) {
        return equipment.checkOut(id, request, caller.getName());
    }

    /** What a check-in may say. */
    record CheckIn(String note) {
    }

    @Operation(summary = "Check an asset back in")
    @ProblemResponses({409})
    @PostMapping("/{id}/check-in")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    Asset checkIn(@PathVariable UUID id, @RequestBody(required = false) CheckIn request, Authentication caller) {
        return equipment.checkIn(id, request == null ? null : request.note(), caller.getName());
    }

    @Operation(summary = "Record maintenance or a repair of an asset, with its cost")
    @ProblemResponses({409})
    @PostMapping("/{id}/maintenance")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    ResponseEntity<Equipment.AssetDetail> maintenance(@PathVariable UUID id, @RequestBody Equipment.MaintenanceInput request,
                                                      Authentication caller) {
        return ResponseEntity.status(201).body(equipment.recordMaintenance(id, request, caller.getName()));
    }

    private static Rejection notFound(UUID id) {
        return Rejection.notFound("Asset", "No asset has the id " + id + ".");
    }
}
