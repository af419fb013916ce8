package org.manfadh.bordercontrol.web;

import org.springframework.security.core.context.SecurityContextHolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingQueries;
import org.manfadh.bordercontrol.Crossing;
import org.manfadh.bordercontrol.RefusalNotices;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The standard form of refusal of entry (or exit) handed to the traveller: every standard reason
 * listed with the ones given ticked, the right of appeal, in Arabic and English side by side
 * whatever the officer's language, ready to print.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
class RefusalNoticeController {

    static final List<String> TEXTS = List.of("notice.title", "notice.authority", "notice.intro", "notice.traveller",
            "notice.document", "notice.nationality", "notice.dateOfBirth", "notice.borderPoint", "notice.date",
            "notice.reasons", "notice.appeal", "notice.officer", "notice.signature", "notice.travellerSignature",
            "notice.reference", "notice.print", "notice.ENTRY", "notice.EXIT", "notice.decidedBy", "notice.referredBy");

    private final CrossingQueries queries;
    private final ReferenceData referenceData;
    private final MessageSource messages;
    private final RefusalNotices references;

    RefusalNoticeController(CrossingQueries queries, ReferenceData referenceData, MessageSource messages,
                            RefusalNotices references) {
        this.queries = queries;
        this.references = references;
        this.referenceData = referenceData;
        this.messages = messages;
    }

    @GetMapping("/crossings/{id}/refusal-notice")
    String notice(@PathVariable UUID id, Model model) {
        Crossing crossing = queries.crossing(id, Callers.of(SecurityContextHolder.getContext().getAuthentication()))
                .filter(c -> c.decision() == org.manfadh.bordercontrol.Decision.REFUSED && !c.voided())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("crossing", crossing);
        model.addAttribute("reference", references.referenceFor(crossing));
        String decidedBy = queries.decidedBy(id).orElse(crossing.officer());
        model.addAttribute("decidedBy", decidedBy);
        model.addAttribute("referredBy", decidedBy.equals(crossing.officer()) ? null : crossing.officer());
        model.addAttribute("reasons", referenceData.refusalReasons().stream()
                .filter(r -> r.appliesTo(crossing.direction().name())).toList());
        model.addAttribute("point", referenceData.borderPoint(crossing.borderPoint()).orElse(null));
        model.addAttribute("en", texts(Locale.ENGLISH));
        model.addAttribute("ar", texts(Locale.forLanguageTag("ar")));
        String nationality = crossing.document().path("nationality").asString("");
        model.addAttribute("nationality", referenceData.countries().stream().filter(c -> c.code().equals(nationality))
                .findFirst().orElse(null));
        return "crossings/refusal-notice";
    }

    /** A notice found again by the reference printed on it (an appeal, a complaint, a call from another post). */
    @GetMapping("/refusal-notices")
    String byReference(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String reference,
                       Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("example", "ZRB-20260314-0007");
        if (reference.isBlank()) {
            return "crossings/refusal-lookup";
        }
        var crossing = references.crossing(reference)
                .flatMap(id -> queries.crossing(id, Callers.of(SecurityContextHolder.getContext().getAuthentication())));
        if (crossing.isPresent()) {
            return "redirect:/crossings/" + crossing.get().id() + "/refusal-notice";
        }
        model.addAttribute("notFound", true);
        return "crossings/refusal-lookup";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key, messages.getMessage(key, null, locale)));
        return texts;
    }
}
