package org.manfadh.bordercontrol.web;

import java.util.Map;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.CrossingCommands.DecideCrossing;
import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.CrossingRecording;
import org.manfadh.platform.PageRequest;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second line: referred crossings oldest first, each with its screening and the hits on it;
 * a supervisor adjudicates the hits (on the screening module's form) and then records the final
 * decision here, under the same rules as the API (no admission while a hit is open).
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class SecondLineController {

    private static final int PAGE_SIZE = 20;
    private static final int REFUSALS_SHOWN_HOURS = 12;

    private final CrossingQueries queries;
    private final CrossingRecording recorder;
    private final ReferenceData referenceData;

    SecondLineController(CrossingQueries queries, CrossingRecording recorder, ReferenceData referenceData) {
        this.queries = queries;
        this.recorder = recorder;
        this.referenceData = referenceData;
    }

    @GetMapping("/second-line")
    String queue(@RequestParam(required = false) String borderPoint, @RequestParam(defaultValue = "0") int page,
                 Model model, Authentication authentication) {
        model.addAttribute("referrals", queries.referred(borderPoint, new PageRequest(Math.max(page, 0), PAGE_SIZE),
                Callers.of(authentication)));
        model.addAttribute("borderPoint", borderPoint == null ? "" : borderPoint);
        model.addAttribute("borderPoints", referenceData.borderPoints());
        model.addAttribute("reasons", referenceData.refusalReasons());
        // What the supervisor refused lately, with its notice to print: after a final refusal here, and after a
        // confirmed match on a list whose action is to refuse, which closes the referral by itself.
        model.addAttribute("refusedLately", queries.refusedBy(Callers.of(authentication), REFUSALS_SHOWN_HOURS));
        return "second-line/queue";
    }

    @PostMapping("/second-line/crossings/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(required = false) Decision decision,
                  @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String note,
                  Authentication authentication, RedirectAttributes redirect) {
        String error = null;
        String field = "decision";
        if (decision == null || decision == Decision.PENDING || decision == Decision.REFERRED) {
            error = "secondLine.decisionRequired";
        } else if (decision == Decision.REFUSED && (reasonCode == null || reasonCode.isBlank())) {
            error = "decide.reasonRequired";
            field = "reasonCode";
        } else if (note != null && note.length() > 2000) {
            error = "decide.noteTooLong";
            field = "note";
        }
        if (error == null) {
            try {
                recorder.decide(id, new DecideCrossing(decision, decision == Decision.REFUSED ? reasonCode.strip() : null,
                        note == null || note.isBlank() ? null : note.strip(), null, null, null),
                        Callers.of(authentication));
                redirect.addFlashAttribute("decided", Map.of("id", id, "decision", decision.name()));
                if (decision == Decision.REFUSED) {
                    return "redirect:/second-line#refused-lately";
                }
                return "redirect:/second-line";
            } catch (Rejection e) {
                String name = e.code();
                error = switch (name) {
                    case "document-invalid", "invalid-fields", "forbidden" -> "decide.problem." + name;
                    case "crossing-voided" -> "secondLine.voided";
                    case "watchlist-hit-open" -> "secondLine.hitOpen";
                    case "watchlist-refusal" -> "secondLine.confirmedMatch";
                    default -> "decide.problem.other";
                };
                redirect.addFlashAttribute("problemDetail", e.detail());
            }
        }
        redirect.addFlashAttribute("decisionError", Map.of("id", id, "field", field, "key", error));
        redirect.addFlashAttribute("decisionNote", note == null ? "" : note);
        return "redirect:/second-line#crossing-" + id;
    }
}
