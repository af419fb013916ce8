package org.manfadh.capacity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Premises;
import org.manfadh.capacity.ProjectStatus;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.NodeRole;
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
 * Premises projects on screen, for capacity managers: the list with budget, spent and remaining and the form for a new
 * project (its milestones one a line), and a project's page with its milestones, spending and status.
 */
@Controller
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class PremisesScreensController {

    private static final int PAGE_SIZE = 50;

    private final Premises premises;
    private final CapacityScreens screens;
    private final NodeRole role;

    PremisesScreensController(Premises premises, CapacityScreens screens, NodeRole role) {
        this.premises = premises;
        this.screens = screens;
        this.role = role;
    }

    record ProjectForm(String borderPoint, String titleEn, String titleAr, String titleCkb, String donor, String budget,
                       String currency, String startDate, String plannedEnd, String milestones) {
    }

    @GetMapping("/capacity/premises")
    String list(@RequestParam(required = false) String borderPoint, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Authentication caller, Model model) {
        ProjectStatus s = Parameters.option("status", status, ProjectStatus.class);
        String point = borderPoint == null || borderPoint.isBlank() ? null : borderPoint.strip().toUpperCase(Locale.ROOT);
        try {
            model.addAttribute("projects", premises.projects(point, s, new PageRequest(Math.max(page, 0), PAGE_SIZE),
                    caller.getName()));
        } catch (Rejection unknownPoint) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("filterPoint", point);
        model.addAttribute("filterStatus", s == null ? null : s.name());
        model.addAttribute("points", screens.workPoints(caller.getName()));
        model.addAttribute("pointNames", screens.pointNames());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("language", CapacityScreens.language());
        model.addAttribute("atPost", role.post());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ProjectForm(point, null, null, null, null, null, "USD", null, null, null));
        }
        return "capacity/equipment/premises";
    }

    @PostMapping("/capacity/premises")
    String create(ProjectForm form, Authentication caller, RedirectAttributes redirect) {
        try {
            List<CapacityCommands.CreateProject.Milestone> milestones = new ArrayList<>();
            if (form.milestones() != null) {
                for (String line : form.milestones().split("\\R")) {
                    if (!line.isBlank()) {
                        milestones.add(new CapacityCommands.CreateProject.Milestone(line.strip(), null, null, null));
                    }
                }
            }
            String en = CapacityScreens.text(form.titleEn());
            UUID id = premises.create(new CapacityCommands.CreateProject(CapacityScreens.text(form.borderPoint()), en,
                    en == null ? null : new Texts(en, CapacityScreens.text(form.titleAr()), CapacityScreens.text(form.titleCkb())),
                    CapacityScreens.text(form.donor()), null, CapacityScreens.money("budget", form.budget()),
                    CapacityScreens.text(form.currency()), null, CapacityScreens.day("startDate", form.startDate()),
                    CapacityScreens.day("plannedEnd", form.plannedEnd()), milestones), caller.getName());
            redirect.addFlashAttribute("done", "capacity.equipment.premises.done.created");
            return "redirect:/capacity/premises/" + id;
        } catch (Rejection refusal) {
            CapacityScreens.tell(refusal, redirect);
            redirect.addFlashAttribute("form", form);
            return "redirect:/capacity/premises#new-project";
        }
    }

    @GetMapping("/capacity/premises/{id}")
    String project(@PathVariable String id, Authentication caller, Model model) {
        Premises.ProjectDetail detail = premises.project(CapacityScreens.id(id), caller.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("d", detail);
        model.addAttribute("p", detail.project());
        model.addAttribute("pointNames", screens.pointNames());
        model.addAttribute("language", CapacityScreens.language());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("atPost", role.post());
        return "capacity/equipment/project";
    }

    @PostMapping("/capacity/premises/{id}/status")
    String status(@PathVariable String id, @RequestParam(required = false) String status, Authentication caller,
                  RedirectAttributes redirect) {
        UUID project = CapacityScreens.id(id);
        return change(project, redirect, "capacity.equipment.premises.done.status", () -> premises.changeStatus(project,
                new Premises.ProjectStatusChange(CapacityScreens.option("status", status, ProjectStatus.class), null, null),
                caller.getName()));
    }

    @PostMapping("/capacity/premises/{id}/milestones/{ordinal}/done")
    String milestone(@PathVariable String id, @PathVariable int ordinal, @RequestParam(required = false) String doneOn,
                     Authentication caller, RedirectAttributes redirect) {
        UUID project = CapacityScreens.id(id);
        return change(project, redirect, "capacity.equipment.premises.done.milestone", () -> premises.milestoneDone(project,
                ordinal, CapacityScreens.day("doneOn", doneOn), caller.getName()));
    }

    @PostMapping("/capacity/premises/{id}/spend")
    String spend(@PathVariable String id, @RequestParam(required = false) String spentOn,
                 @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
                 Authentication caller, RedirectAttributes redirect) {
        UUID project = CapacityScreens.id(id);
        return change(project, redirect, "capacity.equipment.premises.done.spend", () -> premises.recordSpend(project,
                new CapacityCommands.RecordSpend(CapacityScreens.day("spentOn", spentOn),
                        CapacityScreens.money("amount", amount), CapacityScreens.text(note)), caller.getName()));
    }

    private static String change(UUID project, RedirectAttributes redirect, String done, Runnable change) {
        return CapacityScreens.change("/capacity/premises/" + project, redirect, done, change);
    }
}
