package org.manfadh.screening;

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

    /**
     * A traveller as read from a document: the date of birth as the reader gives it ("YYYY-MM-DD"
     * or partial); a sex other than M or F (X, or unreadable) counts as unknown.
     */
    public static ScreeningSubject ofDocument(String surname, String givenNames, String nameOriginalScript,
            String dateOfBirth, String nationality, String sex, String documentNumber, String issuingState) {
        return new ScreeningSubject(null, surname, givenNames, nameOriginalScript, dateOfBirth, nationality,
                "M".equals(sex) || "F".equals(sex) ? sex : null, documentNumber, issuingState);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
