package org.manfadh.health.web;

import java.util.UUID;

import org.manfadh.health.FollowUps;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The health officer's follow-up list of an alert: who to call, how many days are left, what came of each call. */
@Controller
@PreAuthorize("hasAnyRole('HEALTH_OFFICER', 'ADMIN')")
class FollowUpScreenController {

    private final FollowUps followUps;

    FollowUpScreenController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/health/alerts/{id}/follow-up")
    String list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "false") boolean all, Authentication authentication, Model model) {
        FollowUps.FollowUpList list = followUps.list(id, all, new PageRequest(Math.max(0, page), 50),
                FollowUpParameters.caller(authentication));
        model.addAttribute("list", list);
        model.addAttribute("all", all);
        model.addAttribute("methods", FollowUps.Method.values());
        model.addAttribute("outcomes", FollowUps.Outcome.values());
        return "health/follow-up";
    }

    @PostMapping("/health/alerts/{id}/follow-up")
    String record(@PathVariable UUID id, @RequestParam(required = false) String crossingId,
                  @RequestParam(required = false) String method, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String notes, @RequestParam(defaultValue = "false") boolean all,
                  Authentication authentication, RedirectAttributes redirect) {
        redirect.addAttribute("all", all);
        try {
            UUID crossing = UUID.fromString(crossingId == null ? "" : crossingId.strip());
            followUps.record(new FollowUps.RecordContact(crossing, id, parse(FollowUps.Method.class, method),
                    parse(FollowUps.Outcome.class, outcome), notes, null), FollowUpParameters.caller(authentication));
            redirect.addFlashAttribute("done", crossing);
        } catch (Rejection e) {
            String field = e.fields().isEmpty() ? "other" : e.fields().getFirst().field();
            redirect.addFlashAttribute("failed", "health.followup.error."
                    + (java.util.Set.of("crossingId", "method", "outcome", "notes").contains(field) ? field : "other"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("failed", "health.followup.error.crossingId");
        }
        return "redirect:/health/alerts/" + id + "/follow-up";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
