package org.manfadh.health.web;

import java.util.Optional;
import java.util.UUID;

import org.manfadh.health.ContactTracing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contact-tracing manifest of a crossing on screen, with its export links. */
@Controller
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class ContactScreenController {

    private final ContactTracing tracing;

    ContactScreenController(ContactTracing tracing) {
        this.tracing = tracing;
    }

    @GetMapping("/health/contacts")
    String manifest(@RequestParam(required = false) String crossingId, @RequestParam(required = false) String hours,
                    Authentication authentication, Model model) {
        model.addAttribute("crossingId", crossingId == null ? "" : crossingId.strip());
        model.addAttribute("hours", hours == null || hours.isBlank() ? "2" : hours.strip());
        if (crossingId == null || crossingId.isBlank()) {
            return "health/contacts";
        }
        UUID id;
        int within;
        try {
            id = UUID.fromString(crossingId.strip());
            within = hours == null || hours.isBlank() ? 2 : Integer.parseInt(hours.strip());
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "health.contacts.invalid");
            return "health/contacts";
        }
        if (within < 0 || within > ContactTracing.MAX_HOURS) {
            model.addAttribute("problem", "health.contacts.invalid");
            return "health/contacts";
        }
        Optional<ContactTracing.Manifest> manifest = tracing.manifest(id, within, ContactController.DEFAULT_LIMIT,
                FollowUpParameters.caller(authentication));
        manifest.ifPresentOrElse(m -> model.addAttribute("manifest", m),
                () -> model.addAttribute("problem", "health.contacts.notFound"));
        return "health/contacts";
    }
}
