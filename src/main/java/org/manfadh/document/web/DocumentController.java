package org.manfadh.document.web;

import java.time.Clock;

import org.manfadh.document.MrzReader;
import org.manfadh.document.MrzResult;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    /** The text of a machine readable zone: lines separated by a line feed. */
    record MrzRequest(
            @NotNull(message = "is required")
            @Size(max = 1000, message = "is longer than any machine readable zone (1000 characters at most)")
            String mrz) {
    }

    private final MrzReader reader;

    DocumentController(ReferenceData referenceData, Clock clock) {
        this.reader = new MrzReader(referenceData.icaoCodes()::contains, clock);
    }

    @Operation(summary = "Read and validate a machine readable zone",
            description = "Recognises TD1, TD2, TD3, MRV-A and MRV-B, verifies every check digit and names every problem. "
                    + "An invalid document is a successful answer with valid=false; only a malformed request is an error.")
    @PostMapping("/mrz")
    MrzResult read(@Valid @RequestBody MrzRequest request) {
        return reader.read(request.mrz());
    }
}
