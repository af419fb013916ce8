package org.manfadh.screening.web;

import org.manfadh.access.SharedData;
import org.manfadh.access.ReadScope;
import org.manfadh.access.Accounts;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.Map;
import java.util.UUID;

import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.screening.Hits;
import org.manfadh.screening.Verdict;
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
 * The second line's side of screening: the hits awaiting a supervisor, oldest first, and the
 * verdict on one (TRUE_MATCH, or FALSE_POSITIVE with a note saying why), as the API takes it.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class HitScreenController {

    private static final int PAGE_SIZE = 20;

    private final Hits screening;

    private final Accounts accounts;

    HitScreenController(Hits screening, Accounts accounts) {
        this.screening = screening;
        this.accounts = accounts;
    }

    private ReadScope hitsScope() {
        return accounts.readScope(SecurityContextHolder.getContext().getAuthentication().getName(), SharedData.HITS);
    }

    /** The open hits as a fragment of the second line's page (loaded by HTMX), or a page of its own. */
    @GetMapping("/second-line/hits")
    String openHits(@RequestParam(defaultValue = "0") int page, Model model,
                    @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("hits", screening.openHits(new PageRequest(Math.max(page, 0), PAGE_SIZE), hitsScope()));
        return htmx != null ? "second-line/hits :: hits" : "second-line/hits";
    }

    @PostMapping("/second-line/hits/{id}/adjudication")
    String adjudicate(@PathVariable UUID id, @RequestParam(required = false) String verdict,
                      @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                      Authentication authentication, RedirectAttributes redirect) {
        Verdict v = Verdict.named(verdict).orElse(null);
        String n = note == null || note.isBlank() ? null : note.strip();
        String error = null;
        String field = "verdict";
        if (v == null) {
            error = "adjudication.verdictRequired";
        } else if (v == Verdict.FALSE_POSITIVE && n == null) {
            error = "adjudication.noteRequired";
            field = "note";
        } else if (n != null && n.length() > 2000) {
            error = "decide.noteTooLong";
            field = "note";
        }
        if (error == null) {
            try {
                screening.adjudicate(id, v, n, authentication.getName(), accounts.workScope(authentication.getName()));
                redirect.addFlashAttribute("adjudicated", Map.of("id", id, "verdict", v.name()));
            } catch (Rejection e) {
                error = e.code().equals("hit-adjudicated") ? "adjudication.already" : "adjudication.failed";
            }
        }
        if (error != null) {
            redirect.addFlashAttribute("adjudicationError", Map.of("id", id, "field", field, "key", error));
        }
        String target = "hits".equals(back) ? "/second-line/hits" : "/second-line";
        return "redirect:" + target + "#hit-" + id;
    }
}
