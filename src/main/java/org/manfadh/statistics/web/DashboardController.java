package org.manfadh.statistics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.manfadh.health.PointOfEntryCapacity;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The flow dashboards: national, an authority, a governorate, a border point and a day's hours
 * there, each reached from the one above by a click (a map marker, a table row, a day of the
 * chart). Analysts and administrators see every level their jurisdiction covers; a border point's
 * manager (a supervisor at a post) sees their own point. A range picker chooses the days (the last
 * 90 by default); whoever may share a table with partners can see it as it would be shared.
 */
@Controller
class DashboardController {

    static final int DEFAULT_DAYS = 90;
    /** Longer ranges are asked of the flows API or its exports, not drawn day by day. */
    static final int MAX_DAYS = 3 * 366;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DashboardController.class);

    private final DashboardFigures figures;
    private final ReferenceData referenceData;
    private final PointOfEntryCapacity capacity;

    DashboardController(DashboardFigures figures, ReferenceData referenceData, PointOfEntryCapacity capacity) {
        this.figures = figures;
        this.referenceData = referenceData;
        this.capacity = capacity;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN', 'SUPERVISOR')")
    String national(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(defaultValue = "false") boolean shared, Model model) {
        if (!has("ANALYST") && !has("ADMIN")) {
            // A border point's manager has one dashboard: their point's.
            List<BorderPoint> own = figures.points(DashboardLevel.NATIONAL, null, username());
            if (own.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return "redirect:/statistics/points/" + own.getFirst().code();
        }
        return show(DashboardLevel.NATIONAL, null, from, to, shared, model);
    }

    @GetMapping("/statistics/authorities/{authority}")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    String authority(@PathVariable String authority, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean shared,
                     Model model) {
        if (!Set.of("FEDERAL", "KRI").contains(authority)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return show(DashboardLevel.AUTHORITY, authority, from, to, shared, model);
    }

    @GetMapping("/statistics/governorates/{governorate}")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    String governorate(@PathVariable String governorate, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean shared,
                       Model model) {
        if (referenceData.governorates().stream().noneMatch(g -> g.code().equals(governorate))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return show(DashboardLevel.GOVERNORATE, governorate, from, to, shared, model);
    }

    @GetMapping("/statistics/points/{point}")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN', 'SUPERVISOR')")
    String point(@PathVariable String point, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean shared,
                 Model model) {
        if (referenceData.borderPoint(point).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return show(DashboardLevel.POINT, point, from, to, shared, model);
    }

    @GetMapping("/statistics/points/{point}/days/{day}")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN', 'SUPERVISOR')")
    String day(@PathVariable String point, @PathVariable String day, @RequestParam(defaultValue = "false") boolean shared,
               Model model) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (referenceData.borderPoint(point).isEmpty() || date.isAfter(figures.today())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return show(DashboardLevel.DAY, point, day, day, shared, model);
    }

    private String show(DashboardLevel level, String code, String fromText, String toText, boolean shared, Model model) {
        String username = username();
        if (level != DashboardLevel.NATIONAL && figures.points(level, code, username).isEmpty()) {
            // Out of the user's sight (another authority that does not share its counts): as if it did not exist.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = figures.today();
        LocalDate to = date(toText, "to", errors);
        LocalDate from = date(fromText, "from", errors);
        if (to == null) {
            to = today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (from.isAfter(to)) {
            errors.put("from", "statistics.dashboard.error.order");
            to = today;
            from = to.minusDays(DEFAULT_DAYS - 1);
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.put("from", "statistics.dashboard.error.long");
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        boolean canShare = has("ANALYST") || has("ADMIN");
        if (shared && canShare && level != DashboardLevel.DAY) {
            // What is shared with partners is counted by whole months.
            from = from.withDayOfMonth(1);
            to = to.with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
        }
        DashboardPage page;
        try {
            page = figures.page(level, code, from, to, shared && canShare, canShare, errors, username);
        } catch (Rejection e) {
            if (shared && canShare) {
                // The tables cannot be disclosed as shared (no disclosure control configured): shown as they are,
                // and said so beside the box, rather than not at all.
                errors.put("shared", "statistics.dashboard.error.shared");
                page = figures.page(level, code, from, to, false, canShare, errors, username);
            } else {
                errors.put("from", "statistics.dashboard.error.range");
                page = figures.page(level, code, today.minusDays(DEFAULT_DAYS - 1), today, false, canShare, errors, username);
            }
        }
        model.addAttribute("page", page);
        DashboardPage shown = page;
        model.addAttribute("presets", java.util.stream.Stream.of(30, 90, 365).map(days -> new Preset(days,
                shown.path() + "?from=" + shown.to().minusDays(days - 1) + "&to=" + shown.to()
                        + (shown.shared() ? "&shared=true" : ""))).toList());
        model.addAttribute("fromText", fromText == null || page.shared() ? page.from().toString() : fromText);
        model.addAttribute("toText", toText == null || page.shared() ? page.to().toString() : toText);
        if (level == DashboardLevel.POINT || level == DashboardLevel.DAY) {
            // Beside a border point's flows, its latest core-capacity score (IHR Annex 1B); the assessments
            // themselves are the health officer's. A failure to read it leaves the figures standing.
            try {
                model.addAttribute("capacity", capacity.standing(code));
                model.addAttribute("capacityLink", has("HEALTH_OFFICER") || has("ADMIN"));
            } catch (RuntimeException e) {
                log.warn("The core-capacity score of {} could not be read for its dashboard: {}", code, e.toString());
            }
        }
        return "statistics/dashboard";
    }

    /** A range of the last so many days up to the range's end. */
    record Preset(int days, String href) {
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "statistics.dashboard.error.date");
            return null;
        }
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static String username() {
        return authentication().getName();
    }

    private static boolean has(String role) {
        return authentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + role));
    }
}
