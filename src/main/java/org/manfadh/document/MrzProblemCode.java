package org.manfadh.document;

/**
 * Everything the reader can report about a machine readable zone. Errors make a document invalid;
 * warnings inform the officer but leave a document valid.
 */
public enum MrzProblemCode {

    EMPTY_INPUT(Severity.ERROR),
    UNKNOWN_FORMAT(Severity.ERROR),
    LINE_COUNT(Severity.ERROR),
    LINE_LENGTH(Severity.ERROR),
    INVALID_CHARACTER(Severity.ERROR),
    DOCUMENT_NUMBER_CHECK_DIGIT(Severity.ERROR),
    BIRTH_DATE_CHECK_DIGIT(Severity.ERROR),
    EXPIRY_DATE_CHECK_DIGIT(Severity.ERROR),
    PERSONAL_NUMBER_CHECK_DIGIT(Severity.ERROR),
    COMPOSITE_CHECK_DIGIT(Severity.ERROR),
    /**
     * The last check digit of a document is missing: the line ends in a filler where ICAO requires
     * a digit, so the document cannot be verified as a whole.
     */
    FINAL_CHECK_DIGIT(Severity.ERROR),
    INVALID_BIRTH_DATE(Severity.ERROR),
    INVALID_EXPIRY_DATE(Severity.ERROR),
    INVALID_DOCUMENT_CODE(Severity.ERROR),
    UNKNOWN_ISSUING_STATE(Severity.ERROR),
    UNKNOWN_NATIONALITY(Severity.ERROR),
    INVALID_SEX(Severity.ERROR),

    OCR_REPAIRED(Severity.WARNING),
    REPAIR_SUGGESTED(Severity.WARNING),
    DOCUMENT_CODE_NOT_ALLOWED(Severity.WARNING),
    NAME_POSSIBLY_TRUNCATED(Severity.WARNING),
    DOCUMENT_EXPIRED(Severity.WARNING);

    public enum Severity { ERROR, WARNING }

    private final Severity severity;

    MrzProblemCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
