package org.manfadh.capacity.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopAdoption;
import org.manfadh.capacity.SopAudit;
import org.manfadh.capacity.SopKind;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
import org.manfadh.platform.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Standard operating procedures for capacity managers and administrators: versioned texts in three languages with
 * their checklists, adoption steps at border points and audits. Parameters and ids are read as text and checked
 * here, so that a caller without the role is refused (403) before anything else.
 */
@RestController
@RequestMapping("/api/v1/capacity/sops")
@PreAuthorize("hasAnyRole('CAPACITY_MANAGER', 'ADMIN')")
class SopController {

    /** The adoption matrix's rows. */
    record AdoptionRows(List<SopAdoption.Standing> rows) {
    }

    private final Procedures procedures;

    SopController(Procedures procedures) {
        this.procedures = procedures;
    }

    @Operation(summary = "Create an SOP with its first version: {code, kind, title {en, ar, ckb}, version {body {en, ar, "
            + "ckb}, changeNote, effectiveFrom, checklist [{en, ar, ckb}]}}; a code taken is 409 sop-code-taken")
    @ProblemResponses({400, 409})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Sop.Detail create(@RequestBody(required = false) CapacityCommands.CreateSop command, Authentication caller) {
        UUID id = procedures.create(command, caller.getName());
        return procedures.sop(id).orElseThrow();
    }

    @Operation(summary = "SOPs by code, each with its latest version's number; kind=REFERRAL… for one kind; page and size")
    @ProblemResponses({400})
    @GetMapping
    Page<Sop> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String page,
                   @RequestParam(required = false) String size) {
        return procedures.sops(kind(kind), PageRequest.of(number("page", page), number("size", size)));
    }

    @Operation(summary = "An SOP: the history of its versions and the latest one with its body and checklist in three languages")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}")
    Sop.Detail sop(@PathVariable String id) {
        UUID sopId = id("id", id);
        return procedures.sop(sopId).orElseThrow(() -> notFound(sopId));
    }

    @Operation(summary = "A version of an SOP with its body and checklist in three languages")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}/versions/{version}")
    Sop.Version version(@PathVariable String id, @PathVariable String version) {
        UUID sopId = id("id", id);
        Integer number = number("version", version);
        return procedures.version(sopId, number == null ? 0 : number).orElseThrow(() -> Rejection.notFound("SOP version",
                "SOP " + sopId + " has no version " + version + "."));
    }

    @Operation(summary = "Add a version: {body {en, ar, ckb}, changeNote, effectiveFrom, checklist [{en, ar, ckb}]}; "
            + "answered with its number. Versions never change once made")
    @ProblemResponses({400, 404, 409})
    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    Sop.Version addVersion(@PathVariable String id,
                           @RequestBody(required = false) CapacityCommands.SopVersionInput command,
                           Authentication caller) {
        UUID sopId = id("id", id);
        int number = procedures.addVersion(sopId, command, caller.getName());
        return procedures.version(sopId, number).orElseThrow();
    }

    @Operation(summary = "Retire an SOP: it keeps its history and takes no new version, adoption or audit")
    @ProblemResponses({400, 404, 409})
    @PostMapping("/{id}/retire")
    Sop.Detail retire(@PathVariable String id, Authentication caller) {
        return procedures.retire(id("id", id), caller.getName());
    }

    @Operation(summary = "Record a step of the SOP's adoption at a border point in your jurisdiction: {borderPoint, "
            + "stage: TRAINED|ADOPTED|AUDITED, version (the latest when absent), onDate (today), note}")
    @ProblemResponses({400, 403, 404, 409})
    @PostMapping("/{id}/adoptions")
    @ResponseStatus(HttpStatus.CREATED)
    SopAdoption adopt(@PathVariable String id, @RequestBody(required = false) CapacityCommands.RecordAdoption command,
                      Authentication caller) {
        return procedures.adopt(id("id", id), command, caller.getName());
    }

    @Operation(summary = "Where each border point in your jurisdiction stands with each SOP (borderPoint=ZRB for one): the "
            + "latest stage, its version and whether a later version exists (behind), the last audit's score and day")
    @ProblemResponses({400, 404})
    @GetMapping("/adoption")
    AdoptionRows adoption(@RequestParam(required = false) String borderPoint, Authentication caller) {
        return new AdoptionRows(procedures.adoption(borderPoint, caller.getName()));
    }

    @Operation(summary = "The steps of an SOP's adoption, latest first, at the border points in your jurisdiction "
            + "(borderPoint=ZRB for one); page and size")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}/adoptions")
    Page<SopAdoption> adoptions(@PathVariable String id, @RequestParam(required = false) String borderPoint,
                                @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                                Authentication caller) {
        UUID sopId = id("id", id);
        if (procedures.sop(sopId).isEmpty()) {
            throw notFound(sopId);
        }
        return procedures.adoptionSteps(sopId, borderPoint,
                PageRequest.of(number("page", page), number("size", size)), caller.getName());
    }

    @Operation(summary = "Record an audit at a border point in your jurisdiction: {borderPoint, version (the latest when "
            + "absent), auditedOn, auditor, answers [{item, result: MET|PARTLY|NOT_MET|NOT_APPLICABLE, note}], note}; "
            + "every checklist item answered once. Score = (MET + PARTLY/2) / applicable items × 100. An AUDITED step "
            + "of the adoption is recorded with it")
    @ProblemResponses({400, 403, 404, 409})
    @PostMapping("/{id}/audits")
    @ResponseStatus(HttpStatus.CREATED)
    SopAudit audit(@PathVariable String id, @RequestBody(required = false) CapacityCommands.RecordAudit command,
                   Authentication caller) {
        return procedures.audit(id("id", id), command, caller.getName());
    }

    @Operation(summary = "Audits of an SOP over time, latest first, with their answers, at the border points in your "
            + "jurisdiction (borderPoint=ZRB for one); page and size")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}/audits")
    Page<SopAudit> audits(@PathVariable String id, @RequestParam(required = false) String borderPoint,
                          @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                          Authentication caller) {
        return procedures.audits(id("id", id), borderPoint, PageRequest.of(number("page", page), number("size", size)),
                caller.getName());
    }

    @Operation(summary = "An audit with its answers item by item")
    @ProblemResponses({400, 404})
    @GetMapping("/{id}/audits/{auditId}")
    SopAudit findAudit(@PathVariable String id, @PathVariable String auditId, Authentication caller) {
        UUID sop = id("id", id);
        UUID audit = id("auditId", auditId);
        return procedures.findAudit(audit, caller.getName()).filter(a -> a.sopId().equals(sop))
                .orElseThrow(() -> Rejection.notFound("Audit", "No audit of SOP " + sop
                        + " in your jurisdiction has the id " + audit + "."));
    }

    static UUID id(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidField(field, "'" + text + "' is not an id (a UUID)");
        }
    }

    static SopKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SopKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalidField("kind", "'" + text + "' is not a kind of SOP: " + List.of(SopKind.values()));
        }
    }

    static Integer number(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalidField(name, "'" + text + "' is not a whole number");
        }
    }

    private static Rejection notFound(UUID id) {
        return Rejection.notFound("SOP", "No SOP has the id " + id + ".");
    }
}
