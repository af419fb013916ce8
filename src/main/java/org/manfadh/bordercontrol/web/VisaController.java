package org.manfadh.bordercontrol.web;

import java.time.LocalDate;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.AddStayRule;
import org.manfadh.bordercontrol.CrossingCommands.ExtendVisa;
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
class VisaController {

    private final VisaRegister visas;

    VisaController(VisaRegister visas) {
        this.visas = visas;
    }

    @Operation(summary = "A visa with its entries used and extensions")
    @GetMapping("/visas/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    TravellerRegister.VisaView visa(@PathVariable UUID id, Authentication authentication) {
        return visas.visa(id, Callers.of(authentication));
    }

    @Operation(summary = "Extend the stay a visa permits")
    @PostMapping("/visas/{id}/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    TravellerRegister.VisaView extend(@PathVariable UUID id, @Valid @RequestBody ExtendVisa request,
                                     Authentication authentication) {
        return visas.extend(id, request, Callers.of(authentication));
    }

    @Operation(summary = "Stay rules, every version, with whether each is in force on a day")
    @GetMapping("/stay-rules")
    @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'ANALYST', 'ADMIN')")
    Page<VisaRegister.RuleView> rules(@RequestParam(required = false) LocalDate asOf,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return visas.rules(asOf, PageRequest.of(page, size));
    }

    @Operation(summary = "A new version of a stay rule, from its effective day (today or later)")
    @ProblemResponses({409})
    @PostMapping("/stay-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    VisaRegister.RuleView addRule(@Valid @RequestBody AddStayRule request, Authentication authentication) {
        return visas.addRule(request, Callers.of(authentication));
    }
}
