package org.manfadh.capacity.web;

import java.util.Locale;

import org.manfadh.capacity.Equipment;
import org.manfadh.platform.Rejection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The equipment beside a border point's traffic, as a fragment its dashboard loads: today's lanes with a working
 * document reader against the day's arrivals and departures. The dashboard's viewers (analysts, administrators, the
 * point's manager) and capacity managers see it for points in their scope; anyone else gets an empty fragment, not an
 * error, so the dashboard stays whole.
 */
@Controller
class EquipmentPanelController {

    private final Equipment equipment;

    EquipmentPanelController(Equipment equipment) {
        this.equipment = equipment;
    }

    @GetMapping("/capacity/points/{code}/equipment-panel")
    String panel(@PathVariable String code, Authentication caller, Model model) {
        if (Parameters.has(caller, "ANALYST", "ADMIN", "SUPERVISOR", "CAPACITY_MANAGER")) {
            try {
                model.addAttribute("panel", equipment.availability(code.toUpperCase(Locale.ROOT), null,
                        Parameters.readsFlows(caller), caller.getName()));
                model.addAttribute("canOpen", Parameters.has(caller, "CAPACITY_MANAGER", "ADMIN", "SUPERVISOR"));
            } catch (Rejection outOfSight) {
                // An unknown point, or one outside the caller's scope: nothing to show.
            }
        }
        return "capacity/equipment/panel :: panel";
    }
}
