package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.DocumentReadings;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;
import org.manfadh.document.MrzProblem;
import org.springframework.stereotype.Service;

/**
 * The primary-line screen's reading of a document before anything is recorded: the same reading
 * the recorder makes of a zone or of typed fields, so that what the officer sees is what will be
 * checked when the decision is posted.
 */
@Service
public class Inspections implements DocumentReadings {

    private final DocumentReader documents;
    private final Clock clock;

    Inspections(DocumentReader documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    public Reading read(String mrz) {
        LocalDate today = LocalDate.now(clock);
        return reading(documents.fromMrz(mrz, today), today, Map.of());
    }

    public Reading read(ManualDocument document) {
        LocalDate today = LocalDate.now(clock);
        List<Rejection.Field> fieldErrors = new ArrayList<>();
        DocumentReading reading = documents.fromManual(document, today, fieldErrors);
        Map<String, String> fields = new LinkedHashMap<>();
        fieldErrors.forEach(e -> fields.putIfAbsent(e.field().replaceFirst("^document\\.", ""), e.message()));
        return reading(reading, today, fields);
    }

    private static Reading reading(DocumentReading d, LocalDate today, Map<String, String> fieldErrors) {
        return new Reading(d.source(), d.format(), d.documentCode(), d.issuingState(), d.documentNumber(),
                d.surname(), d.givenNames(), d.nationality(), d.dateOfBirth(), d.sex(), d.dateOfExpiry(), d.errors(),
                d.warnings(), d.failsValidation(today), Map.copyOf(fieldErrors));
    }
}
