package org.manfadh.bordercontrol.web;

import org.manfadh.platform.Rejection;
import org.springframework.security.core.context.SecurityContextHolder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.RefusalNotices;
import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.bordercontrol.VisaRegister;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register's screens: traveller search and profile, overstayers, visa and stay rules, and a
 * border point's day. Lists page on the server; a filter that cannot be used is named beside its field.
 */
@Controller
class RegisterScreensController {

    static final int PAGE_SIZE = 25;

    private final TravellerRegister travellers;
    private final VisaRegister visas;
    private final CrossingQueries crossings;
    private final ReferenceData referenceData;
    private final RefusalNotices refusalReferences;

    RegisterScreensController(TravellerRegister travellers, VisaRegister visas, CrossingQueries crossings,
                              ReferenceData referenceData, RefusalNotices refusalReferences) {
        this.refusalReferences = refusalReferences;
        this.travellers = travellers;
        this.visas = visas;
        this.crossings = crossings;
        this.referenceData = referenceData;
    }

    private static PageRequest page(int page) {
        return new PageRequest(Math.max(page, 0), PAGE_SIZE);
    }

    @GetMapping("/travellers")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    String search(@RequestParam(defaultValue = "") String documentNumber, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String dateOfBirth, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        if (RefusalNotices.looksLikeOne(documentNumber)) {
            // A refusal notice's reference typed where a document number goes: the notice, or for those who
            // do not hand notices out, the traveller it concerns.
            var refused = refusalReferences.crossing(documentNumber).flatMap(id -> crossings.crossing(id, caller()));
            if (refused.isPresent()) {
                var who = caller();
                return who.roles().contains("OFFICER") || who.roles().contains("SUPERVISOR") || who.roles().contains("ADMIN")
                        ? "redirect:/crossings/" + refused.get().id() + "/refusal-notice"
                        : "redirect:/travellers/" + refused.get().travellerId();
            }
        }
        model.addAttribute("documentNumber", documentNumber);
        model.addAttribute("name", name);
        model.addAttribute("dateOfBirth", dateOfBirth);
        Map<String, String> errors = new LinkedHashMap<>();
        boolean asked = !documentNumber.isBlank() || !name.isBlank();
        if (documentNumber.length() > 40) {
            errors.put("documentNumber", "search.error.documentNumber");
        }
        if (documentNumber.isBlank() && !name.isBlank() && name.strip().codePoints().filter(Character::isLetter).count() < 2) {
            errors.put("name", "search.error.name");
        }
        if (!dateOfBirth.isBlank() && !dateOfBirth.strip().matches("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")) {
            errors.put("dateOfBirth", "search.error.dateOfBirth");
        }
        if (!asked && !dateOfBirth.isBlank()) {
            errors.putIfAbsent("name", "search.error.nothing");
        }
        model.addAttribute("errors", errors);
        if (asked && errors.isEmpty()) {
            try {
                model.addAttribute("results", travellers.search(documentNumber, null, documentNumber.isBlank() ? name : null,
                        dateOfBirth, page(page), caller()));
            } catch (Rejection e) {
                errors.put("name", "search.error.name");
            }
        }
        return "register/travellers";
    }

    /** Who is asking: reads are limited to the caller's jurisdiction, as in the API. */
    private static org.manfadh.bordercontrol.Caller caller() {
        return Callers.of(SecurityContextHolder.getContext().getAuthentication());
    }

    @GetMapping("/travellers/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    String traveller(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        TravellerRegister.TravellerView traveller;
        try {
            traveller = travellers.traveller(id, caller());
        } catch (Rejection e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("traveller", traveller);
        List<Crossing> all = traveller.crossings();
        PageRequest request = page(page);
        int from = (int) Math.min(request.offset(), all.size());
        model.addAttribute("crossings", Page.of(all.subList(from, Math.min(from + request.size(), all.size())), request,
                all.size()));
        return "register/traveller";
    }

    @GetMapping("/overstays")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    String overstays(@RequestParam(defaultValue = "") String asOf, @RequestParam(defaultValue = "") String authority,
                     @RequestParam(defaultValue = "") String nationality, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = null;
        if (!asOf.isBlank()) {
            try {
                day = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                errors.put("asOf", "filter.error.date");
            }
        }
        String a = authority.isBlank() ? null : authority.strip().toUpperCase(Locale.ROOT);
        if (a != null && !a.equals("FEDERAL") && !a.equals("KRI")) {
            errors.put("authority", "filter.error.authority");
        }
        String n = nationality.isBlank() ? null : nationality.strip().toUpperCase(Locale.ROOT);
        if (n != null && !referenceData.icaoCodes().contains(n)) {
            errors.put("nationality", "filter.error.nationality");
        }
        model.addAttribute("asOf", asOf);
        model.addAttribute("authority", authority);
        model.addAttribute("nationality", nationality);
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute("overstays", travellers.overstays(day, a, null, n, page(page), caller()));
        }
        return "register/overstays";
    }

    @GetMapping("/stay-rules")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    String stayRules(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("rules", visas.rules(null, page(page)));
        return "register/stay-rules";
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ANALYST', 'ADMIN')")
    String dashboard(@RequestParam(defaultValue = InspectionController.DEFAULT_POINT) String borderPoint, Model model) {
        String code = borderPoint.strip().toUpperCase(Locale.ROOT);
        if (referenceData.borderPoint(code).isEmpty()) {
            code = InspectionController.DEFAULT_POINT;
            model.addAttribute("unknownPoint", true);
        }
        CrossingQueries.PointDay day = crossings.today(code, caller())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long peak = day.hours().stream().mapToLong(h -> h.entries() + h.exits()).max().orElse(0);
        model.addAttribute("day", day);
        model.addAttribute("peak", Math.max(peak, 1));
        model.addAttribute("borderPoint", code);
        model.addAttribute("borderPoints", referenceData.borderPoints());
        return "register/dashboard";
    }
}
