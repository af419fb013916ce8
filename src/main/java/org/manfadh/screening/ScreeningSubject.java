package org.manfadh.screening;

import java.time.LocalDate;

/**
 * The traveller to screen, as read from the document or typed: a full name, or a surname and
 * given names (as in the machine readable zone), in any script; the name in its original script
 * when known; the date of birth as "YYYY-MM-DD" or "YYYY"; nationality and issuing state as ICAO
 * codes; sex "M", "F" or null.
 */
public record ScreeningSubject(String fullName, String surname, String givenNames, String nameOriginalScript,
        String dateOfBirth, String nationality, String sex, String documentNumber, String issuingState) {

    public boolean hasName() {
        return present(fullName) || present(surname) || present(givenNames) || present(nameOriginalScript);
    }

    public static ScreeningSubject ofDocument(String surname, String givenNames, String nameOriginalScript,
            LocalDate dateOfBirth, String nationality, String sex, String documentNumber, String issuingState) {
        return new ScreeningSubject(null, surname, givenNames, nameOriginalScript,
                dateOfBirth == null ? null : dateOfBirth.toString(), nationality,
                "M".equals(sex) || "F".equals(sex) ? sex : null, documentNumber, issuingState);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
