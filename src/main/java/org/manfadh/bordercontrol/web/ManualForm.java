package org.manfadh.bordercontrol.web;

import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;

/** A document typed by hand on the inspection screen, field by field as the page is printed. */
record ManualForm(String documentCode, String issuingState, String documentNumber, String surname, String givenNames,
                  String nationality, String dateOfBirth, String sex, String dateOfExpiry) {

    ManualDocument document() {
        return new ManualDocument(documentCode, issuingState, documentNumber, surname, givenNames, nationality,
                dateOfBirth, sex, dateOfExpiry);
    }

    /** A field's value by its name, for the form's template. */
    public String value(String field) {
        return switch (field) {
            case "documentCode" -> documentCode;
            case "issuingState" -> issuingState;
            case "documentNumber" -> documentNumber;
            case "surname" -> surname;
            case "givenNames" -> givenNames;
            case "nationality" -> nationality;
            case "dateOfBirth" -> dateOfBirth;
            case "sex" -> sex;
            case "dateOfExpiry" -> dateOfExpiry;
            default -> null;
        };
    }

    /** Fields longer than a document can print, by field; the message key says so beside the field. */
    java.util.Map<String, String> tooLong() {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        check(errors, "documentCode", documentCode, 2);
        check(errors, "issuingState", issuingState, 3);
        check(errors, "documentNumber", documentNumber, 40);
        check(errors, "surname", surname, 100);
        check(errors, "givenNames", givenNames, 100);
        check(errors, "nationality", nationality, 3);
        check(errors, "dateOfBirth", dateOfBirth, 10);
        check(errors, "sex", sex, 1);
        check(errors, "dateOfExpiry", dateOfExpiry, 10);
        return errors;
    }

    private static void check(java.util.Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "too long");
        }
    }
}
