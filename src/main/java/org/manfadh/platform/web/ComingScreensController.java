package org.manfadh.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start pages of the roles whose modules are not built yet (health at points of entry, capacity
 * building): what is coming and what they can use today, instead of an empty menu and refusals.
 */
@Controller
class ComingScreensController {

    @GetMapping("/health")
    @PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
    String health(Model model) {
        model.addAttribute("area", "health");
        return "coming";
    }

    @GetMapping("/capacity")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String capacity(Model model) {
        model.addAttribute("area", "capacity");
        return "coming";
    }
}
