package org.manfadh.screening.matching;

/**
 * The traveller to check. Either {@code fullName}, or {@code surname} and/or {@code givenNames}
 * (as read from a document's MRZ, where names may be truncated); any script.
 *
 * @param dateOfBirth null when unknown
 * @param nationality ICAO alpha-3, or null
 * @param sex "M", "F" or null
 * @param documentNumber the traveller's document number, or null
 */
public record PersonQuery(String fullName, String surname, String givenNames, PartialDate dateOfBirth,
        String nationality, String sex, String documentNumber) {

    public PersonQuery {
        if (blank(fullName) && blank(surname) && blank(givenNames)) {
            throw new IllegalArgumentException("a query has a full name, a surname or given names");
        }
    }

    public static PersonQuery ofName(String fullName) {
        return new PersonQuery(fullName, null, null, null, null, null, null);
    }

    /** The name as one string, surname first when given separately. */
    public String wholeName() {
        if (!blank(fullName)) {
            return fullName.strip();
        }
        return ((blank(surname) ? "" : surname.strip()) + " " + (blank(givenNames) ? "" : givenNames.strip())).strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
