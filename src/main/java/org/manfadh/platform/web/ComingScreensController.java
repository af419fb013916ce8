package org.manfadh.platform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of the role whose module is not built yet (capacity building): what is coming and
 * what it can use today, instead of an empty menu and refusals.
 */
@Controller
class ComingScreensController {

    @GetMapping("/capacity")
    @PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
    String capacity(Model model) {
        model.addAttribute("area", "capacity");
        return "coming";
    }
}
