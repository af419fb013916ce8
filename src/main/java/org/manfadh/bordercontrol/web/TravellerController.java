package org.manfadh.bordercontrol.web;

import java.time.LocalDate;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.AddVisa;
import org.manfadh.bordercontrol.CrossingCommands.IdentityDecision;
import org.manfadh.bordercontrol.TravellerRegister;
import org.manfadh.bordercontrol.VisaRegister;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.ProblemResponses;
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
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1")
class TravellerController {

    private final TravellerRegister travellers;
    private final VisaRegister visas;

    TravellerController(TravellerRegister travellers, VisaRegister visas) {
        this.travellers = travellers;
        this.visas = visas;
    }

    @Operation(summary = "A traveller with documents, all crossings newest first, visas and stay")
    @GetMapping("/travellers/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    TravellerRegister.TravellerView traveller(@PathVariable UUID id, Authentication authentication) {
        return travellers.traveller(id, Callers.of(authentication));
    }

    @Operation(summary = "Find travellers by document number (optionally with issuing state) or by name (optionally with date of birth)",
            description = "A name is matched in any script, in any order, without its middle names and through small "
                    + "misspellings and regional spellings, as screening matches names; the travellers found come "
                    + "best first: those with more of the name's parts, then those whose names agree more closely.")
    @GetMapping("/travellers")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Page<TravellerRegister.TravellerSummary> search(@RequestParam(required = false) String documentNumber,
                                                   @RequestParam(required = false) String issuingState,
                                                   @RequestParam(required = false) String name,
                                                   @RequestParam(required = false) String dateOfBirth,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size,
                                                   Authentication authentication) {
        return travellers.search(documentNumber, issuingState, name, dateOfBirth, PageRequest.of(page, size),
                Callers.of(authentication));
    }

    @Operation(summary = "Travellers past their last legal day without a recorded exit, as of a day")
    @GetMapping("/overstays")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Page<TravellerRegister.OverstayView> overstays(@RequestParam(required = false) LocalDate asOf,
                                                  @RequestParam(required = false) String authority,
                                                  @RequestParam(required = false) String governorate,
                                                  @RequestParam(required = false) String nationality,
                                                  @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size,
                                                  Authentication authentication) {
        return travellers.overstays(asOf, authority, governorate, nationality, PageRequest.of(page, size),
                Callers.of(authentication));
    }

    @Operation(summary = "Confirm that a document belongs to its traveller (a probable identity link)")
    @PostMapping("/travel-documents/{id}/identity/confirm")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    TravellerRegister.TravellerView confirm(@PathVariable UUID id, @Valid @RequestBody IdentityDecision request,
                                           Authentication authentication) {
        return travellers.confirm(id, request, Callers.of(authentication));
    }

    @Operation(summary = "Split a document and its crossings off to a traveller of its own")
    @ProblemResponses({409})
    @PostMapping("/travel-documents/{id}/identity/split")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    TravellerRegister.TravellerView split(@PathVariable UUID id, @Valid @RequestBody IdentityDecision request,
                                         Authentication authentication) {
        return travellers.split(id, request, Callers.of(authentication));
    }

    @Operation(summary = "Record a visa or permit a traveller holds")
    @ProblemResponses({409})
    @PostMapping("/travellers/{id}/visas")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ADMIN')")
    TravellerRegister.VisaView addVisa(@PathVariable UUID id, @Valid @RequestBody AddVisa request,
                                      Authentication authentication) {
        return visas.add(id, request, Callers.of(authentication));
    }
}
