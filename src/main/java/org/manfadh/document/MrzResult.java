package org.manfadh.document;

import java.util.List;

/**
 * What the reader made of a machine readable zone: the fields as read and every problem found.
 * Dates are ISO 8601 text because a birth date may be known only to the year ({@code 1974}) or
 * month ({@code 1974-08}). Fields the zone does not carry are null.
 */
public record MrzResult(
        boolean valid,
        MrzFormat format,
        String documentCode,
        String issuingState,
        String documentNumber,
        String surname,
        String givenNames,
        boolean nameTruncated,
        String nationality,
        String dateOfBirth,
        String sex,
        String dateOfExpiry,
        String optionalData,
        String optionalData2,
        List<MrzProblem> errors,
        List<MrzProblem> warnings) {

    public MrzResult {
        errors = errors.isEmpty() ? List.of() : List.copyOf(errors);
        warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
    }

    static MrzResult unreadable(List<MrzProblem> errors) {
        return new MrzResult(false, null, null, null, null, null, null, false, null, null, null, null,
                null, null, errors, List.of());
    }

    public boolean hasError(MrzProblemCode code) {
        return errors.stream().anyMatch(p -> p.code() == code);
    }

    public boolean hasWarning(MrzProblemCode code) {
        return warnings.stream().anyMatch(p -> p.code() == code);
    }
}
