package org.manfadh.referencedata.web;

import java.util.List;

import org.manfadh.platform.web.ApiProblems;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.Country;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.manfadh.referencedata.RefusalReason;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/v1")
class ReferenceDataController {

    private final ReferenceData referenceData;

    ReferenceDataController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @Operation(summary = "Iraq's border points, optionally filtered by authority, type and status")
    @GetMapping("/border-points")
    List<BorderPoint> borderPoints(@RequestParam(required = false) Authority authority,
                                   @RequestParam(required = false) BorderPointType type,
                                   @RequestParam(required = false) BorderPointStatus status) {
        return referenceData.borderPoints().stream()
                .filter(b -> authority == null || b.authority() == authority)
                .filter(b -> type == null || b.type() == type)
                .filter(b -> status == null || b.status() == status)
                .toList();
    }

    @Operation(summary = "One border point by its three-letter code")
    @GetMapping("/border-points/{code}")
    BorderPoint borderPoint(@PathVariable String code) {
        return referenceData.borderPoint(code.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ApiProblems.notFound("Border point", "No border point has the code '" + code + "'."));
    }

    @Operation(summary = "Iraq's governorates")
    @GetMapping("/governorates")
    List<Governorate> governorates() {
        return referenceData.governorates();
    }

    @Operation(summary = "ICAO nationality and issuing-state codes with their names")
    @GetMapping("/countries")
    List<Country> countries() {
        return referenceData.countries();
    }

    @Operation(summary = "Standard reasons for refusing entry or exit, with their labels in English, Arabic and Central Kurdish")
    @GetMapping("/refusal-reasons")
    List<RefusalReason> refusalReasons() {
        return referenceData.refusalReasons();
    }
}
