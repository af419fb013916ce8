package org.manfadh.capacity.web;

import java.util.List;
import java.util.UUID;

import org.manfadh.capacity.Asset;
import org.manfadh.capacity.AssetStatus;
import org.manfadh.capacity.AssetType;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Equipment;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The equipment on screen: the list with its filters and the form to register an asset, and an asset's page with its
 * status, assignment, check-out and check-in, maintenance and log. A border point's manager sees their point's
 * equipment and reports a status change there; the rest is the capacity managers'. Every change goes through the
 * same service as the API, and a refusal is told on the page it came from.
 */
@Controller
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN', 'SUPERVISOR')")
class EquipmentScreensController {

    private static final int PAGE_SIZE = 50;
    private static final List<AssetStatus> REPORTABLE = List.of(AssetStatus.BROKEN, AssetStatus.IN_REPAIR,
            AssetStatus.DEPLOYED);

    private final Equipment equipment;
    private final CapacityScreens screens;
    private final NodeRole role;

    EquipmentScreensController(Equipment equipment, CapacityScreens screens, NodeRole role) {
        this.equipment = equipment;
        this.screens = screens;
        this.role = role;
    }

    /** What a capacity manager types to register an asset. */
    record AssetForm(String type, String serialNumber, String borderPoint, String lane, String status, String donor,
                     String programmePhase, String manufacturer, String model, String purchaseCost, String currency,
                     String purchasedOn, String warrantyEnd, String usefulLifeMonths) {
    }

    @GetMapping("/capacity/equipment")
    String list(@RequestParam(required = false) String borderPoint, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Authentication caller, Model model) {
        AssetType t = Parameters.option("type", type, AssetType.class);
        AssetStatus s = Parameters.option("status", status, AssetStatus.class);
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(java.util.Locale.ROOT);
        Page<Asset> assets;
        try {
            assets = equipment.assets(new Equipment.AssetFilter(point, t, s), new PageRequest(Math.max(page, 0), PAGE_SIZE),
                    caller.getName());
        } catch (Rejection unknownPoint) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("assets", assets);
        model.addAttribute("filterPoint", point);
        model.addAttribute("filterType", t == null ? null : t.name());
        model.addAttribute("filterStatus", s == null ? null : s.name());
        model.addAttribute("points", screens.workPoints(caller.getName()));
        model.addAttribute("pointNames", screens.pointNames());
        model.addAttribute("types", AssetType.values());
        model.addAttribute("statuses", AssetStatus.values());
        model.addAttribute("manages", Parameters.manages(caller) && !role.post());
        // A border point's manager reads the equipment but not the module's start page.
        model.addAttribute("startPage", Parameters.manages(caller));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AssetForm(null, null, point, null, AssetStatus.DEPLOYED.name(), null, null, null,
                    null, null, "USD", null, null, null));
        }
        return "capacity/equipment/list";
    }

    @PostMapping("/capacity/equipment")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String register(AssetForm form, Authentication caller, RedirectAttributes redirect) {
        try {
            Asset asset = equipment.register(new CapacityCommands.RegisterAsset(
                    CapacityScreens.option("type", form.type(), AssetType.class), CapacityScreens.text(form.serialNumber()),
                    CapacityScreens.text(form.manufacturer()), CapacityScreens.text(form.model()),
                    CapacityScreens.text(form.donor()), CapacityScreens.text(form.programmePhase()),
                    CapacityScreens.option("status", form.status(), AssetStatus.class),
                    CapacityScreens.text(form.borderPoint()), CapacityScreens.text(form.lane()),
                    CapacityScreens.money("purchaseCost", form.purchaseCost()), CapacityScreens.text(form.currency()),
                    CapacityScreens.day("purchasedOn", form.purchasedOn()),
                    CapacityScreens.day("warrantyEnd", form.warrantyEnd()),
                    CapacityScreens.number("usefulLifeMonths", form.usefulLifeMonths())), caller.getName());
            redirect.addFlashAttribute("done", "capacity.equipment.done.registered");
            return "redirect:/capacity/equipment/" + asset.id();
        } catch (Rejection refusal) {
            CapacityScreens.tell(refusal, redirect);
            redirect.addFlashAttribute("form", form);
            return "redirect:/capacity/equipment#register";
        }
    }

    @GetMapping("/capacity/equipment/{id}")
    String asset(@PathVariable String id, Authentication caller, Model model) {
        Equipment.AssetDetail detail = equipment.asset(CapacityScreens.id(id), caller.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean manages = Parameters.manages(caller) && !role.post();
        List<AssetStatus> next = manages ? detail.nextStatuses()
                : detail.nextStatuses().stream().filter(REPORTABLE::contains).toList();
        model.addAttribute("d", detail);
        model.addAttribute("a", detail.asset());
        model.addAttribute("nextStatuses", role.post() ? List.of() : next);
        model.addAttribute("manages", manages);
        model.addAttribute("points", screens.workPoints(caller.getName()));
        model.addAttribute("pointNames", screens.pointNames());
        model.addAttribute("kinds", Equipment.MaintenanceKind.values());
        model.addAttribute("atPost", role.post());
        return "capacity/equipment/asset";
    }

    @PostMapping("/capacity/equipment/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String note, Authentication caller, RedirectAttributes redirect) {
        UUID asset = CapacityScreens.id(id);
        return change(asset, redirect, "capacity.equipment.done.status", () -> {
            var command = new CapacityCommands.ChangeAssetStatus(
                    CapacityScreens.option("status", status, AssetStatus.class), CapacityScreens.text(note), null, null);
            if (Parameters.manages(caller)) {
                equipment.changeStatus(asset, command, caller.getName());
            } else {
                equipment.reportStatus(asset, command, caller.getName());
            }
        });
    }

    @PostMapping("/capacity/equipment/{id}/assignment")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String assign(@PathVariable String id, @RequestParam(required = false) String borderPoint,
                  @RequestParam(required = false) String lane, Authentication caller, RedirectAttributes redirect) {
        UUID asset = CapacityScreens.id(id);
        return change(asset, redirect, "capacity.equipment.done.assigned", () -> equipment.assign(asset,
                new Equipment.AssetAssignment(CapacityScreens.text(borderPoint), CapacityScreens.text(lane)), caller.getName()));
    }

    @PostMapping("/capacity/equipment/{id}/check-out")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String checkOut(@PathVariable String id, @RequestParam(required = false) String holder,
                    @RequestParam(required = false) String dueOn, @RequestParam(required = false) String note,
                    Authentication caller, RedirectAttributes redirect) {
        UUID asset = CapacityScreens.id(id);
        return change(asset, redirect, "capacity.equipment.done.checkedOut", () -> equipment.checkOut(asset,
                new Equipment.CheckOut(holder, CapacityScreens.day("dueOn", dueOn), CapacityScreens.text(note)),
                caller.getName()));
    }

    @PostMapping("/capacity/equipment/{id}/check-in")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String checkIn(@PathVariable String id, @RequestParam(required = false) String note, Authentication caller,
                   RedirectAttributes redirect) {
        UUID asset = CapacityScreens.id(id);
        return change(asset, redirect, "capacity.equipment.done.checkedIn",
                () -> equipment.checkIn(asset, CapacityScreens.text(note), caller.getName()));
    }

    @PostMapping("/capacity/equipment/{id}/maintenance")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String maintenance(@PathVariable String id, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String openedOn, @RequestParam(required = false) String closedOn,
                       @RequestParam(required = false) String cost, @RequestParam(required = false) String currency,
                       @RequestParam(required = false) String vendor, @RequestParam(required = false) String note,
                       Authentication caller, RedirectAttributes redirect) {
        UUID asset = CapacityScreens.id(id);
        return change(asset, redirect, "capacity.equipment.done.maintenance", () -> equipment.recordMaintenance(asset,
                new Equipment.MaintenanceInput(CapacityScreens.option("kind", kind, Equipment.MaintenanceKind.class),
                        CapacityScreens.day("openedOn", openedOn), CapacityScreens.day("closedOn", closedOn),
                        CapacityScreens.money("cost", cost), CapacityScreens.text(currency), CapacityScreens.text(vendor),
                        CapacityScreens.text(note)), caller.getName()));
    }

    private static String change(UUID asset, RedirectAttributes redirect, String done, Runnable change) {
        return CapacityScreens.change("/capacity/equipment/" + asset, redirect, done, change);
    }
}
