package org.manfadh.bordercontrol.internal;

import java.time.LocalDate;
import java.util.List;

import org.manfadh.document.MrzProblem;

/**
 * A travel document as presented at a crossing, read from its machine readable zone or typed by
 * hand, with what is wrong with it.
 *
 * @param dateOfBirth ISO text, possibly only {@code YYYY} or {@code YYYY-MM}
 * @param errors      validation failures: a document with any cannot be admitted without an override
 */
record DocumentReading(String source, String format, String documentCode, String issuingState, String documentNumber,
                       String surname, String givenNames, String nationality, String dateOfBirth, String sex,
                       LocalDate dateOfExpiry, String optionalData, List<MrzProblem> errors,
                       List<MrzProblem> warnings) {

    DocumentReading {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the document can be told from others: it names a number, an issuing state and a surname. */
    boolean identified() {
        return documentNumber != null && issuingState != null && surname != null
                && (format != null || !"MRZ".equals(source));
    }

    boolean expired(LocalDate today) {
        return dateOfExpiry != null && dateOfExpiry.isBefore(today);
    }

    /** Whether the document fails validation for admission: any error, or expiry. */
    boolean failsValidation(LocalDate today) {
        return !errors.isEmpty() || expired(today);
    }

    /** The birth date when it is known to the day. */
    LocalDate fullBirthDate() {
        if (dateOfBirth == null || dateOfBirth.length() != 10) {
            return null;
        }
        return LocalDate.parse(dateOfBirth);
    }
}
