package org.manfadh.bordercontrol;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;
import org.manfadh.document.MrzProblem;

/**
 * A document read at the booth, from its machine readable zone or typed by hand, with its problems.
 */
public interface DocumentReadings {

    /**
     * A document as read, with its problems; {@code fieldErrors} name typed fields that cannot
     * identify a document at all (by field: {@code documentNumber}, {@code surname} …).
     */
    public record Reading(String source, String format, String documentCode, String issuingState,
                          String documentNumber, String surname, String givenNames, String nationality,
                          String dateOfBirth, String sex, LocalDate dateOfExpiry, List<MrzProblem> errors,
                          List<MrzProblem> warnings, boolean failsValidation, Map<String, String> fieldErrors) {

        /** Whether the reading identifies a document well enough to screen and record it. */
        public boolean identified() {
            return fieldErrors.isEmpty() && documentNumber != null && issuingState != null && surname != null
                    && (format != null || !"MRZ".equals(source));
        }
    }

    Reading read(String mrz);

    Reading read(ManualDocument document);
}
