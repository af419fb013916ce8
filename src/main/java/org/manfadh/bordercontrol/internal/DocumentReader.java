package org.manfadh.bordercontrol.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

import org.manfadh.platform.Rejection;
import org.manfadh.bordercontrol.CrossingCommands;
import org.manfadh.bordercontrol.CrossingCommands.ManualDocument;
import org.manfadh.document.MrzProblem;
import org.manfadh.document.MrzProblemCode;
import org.manfadh.document.MrzReader;
import org.manfadh.document.MrzResult;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns what the officer presents, a machine readable zone or typed fields, into a document reading. */
@Component
class DocumentReader {

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z0-9]{1,23}");
    private static final Pattern BIRTH_DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

    private final MrzReader mrzReader;
    private final IcaoCodes codes;
    private final JsonMapper json;

    DocumentReader(ReferenceData referenceData, Clock clock, JsonMapper json) {
        this.json = json;
        this.codes = referenceData.icaoCodes();
        this.mrzReader = new MrzReader(codes::contains, clock);
    }

    DocumentReading fromMrz(String mrz, LocalDate today) {
        MrzResult r = mrzReader.read(mrz, today);
        LocalDate expiry = r.dateOfExpiry() == null ? null : LocalDate.parse(r.dateOfExpiry());
        return new DocumentReading("MRZ", r.format() == null ? null : r.format().name(), r.documentCode(),
                r.issuingState(), blankToNull(r.documentNumber()), r.surname(), r.givenNames(), r.nationality(),
                r.dateOfBirth(), r.sex(), expiry, r.optionalData(), r.errors(), r.warnings());
    }

    /**
     * Reads typed fields. Fields that cannot identify a document at all are the client's mistake and
     * come back in {@code fieldErrors}; everything else becomes a document problem, as for a zone.
     */
    DocumentReading fromManual(ManualDocument d, LocalDate today, List<Rejection.Field> fieldErrors) {
        List<MrzProblem> errors = new ArrayList<>();
        List<MrzProblem> warnings = new ArrayList<>();
        String number = normalise(d.documentNumber());
        if (number == null || !DOCUMENT_NUMBER.matcher(number).matches()) {
            fieldErrors.add(new Rejection.Field("document.documentNumber", "is required: 1 to 23 letters and digits"));
        }
        String surname = d.surname() == null ? null : d.surname().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (surname == null || surname.isEmpty()) {
            fieldErrors.add(new Rejection.Field("document.surname", "is required"));
        }
        String issuingState = normalise(d.issuingState());
        if (issuingState == null) {
            fieldErrors.add(new Rejection.Field("document.issuingState", "is required"));
        } else if (!codes.contains(issuingState)) {
            errors.add(problem(MrzProblemCode.UNKNOWN_ISSUING_STATE, "issuingState", "'" + issuingState + "' is not an ICAO code."));
        }
        String nationality = normalise(d.nationality());
        if (nationality == null) {
            nationality = issuingState;
        } else if (!codes.contains(nationality)) {
            errors.add(problem(MrzProblemCode.UNKNOWN_NATIONALITY, "nationality", "'" + nationality + "' is not an ICAO code."));
        }
        String sex = normalise(d.sex());
        if (sex != null && !sex.equals("M") && !sex.equals("F") && !sex.equals("X")) {
            fieldErrors.add(new Rejection.Field("document.sex", "must be M, F or X"));
        }
        String birth = d.dateOfBirth() == null || d.dateOfBirth().isBlank() ? null : d.dateOfBirth().strip();
        if (birth != null) {
            if (!BIRTH_DATE.matcher(birth).matches()) {
                fieldErrors.add(new Rejection.Field("document.dateOfBirth", "must be YYYY-MM-DD, YYYY-MM or YYYY"));
            } else if (!realDate(birth)) {
                errors.add(problem(MrzProblemCode.INVALID_BIRTH_DATE, "dateOfBirth", birth + " is not a real date."));
            } else if (birth.compareTo(today.toString().substring(0, birth.length())) > 0) {
                errors.add(problem(MrzProblemCode.INVALID_BIRTH_DATE, "dateOfBirth", birth + " is after today."));
            }
        }
        LocalDate expiry = null;
        if (d.dateOfExpiry() != null && !d.dateOfExpiry().isBlank()) {
            try {
                expiry = LocalDate.parse(d.dateOfExpiry().strip());
                if (expiry.isBefore(today)) {
                    warnings.add(problem(MrzProblemCode.DOCUMENT_EXPIRED, "dateOfExpiry", "The document expired on " + expiry + "."));
                }
            } catch (DateTimeException e) {
                fieldErrors.add(new Rejection.Field("document.dateOfExpiry", "must be a date YYYY-MM-DD"));
            }
        }
        String code = normalise(d.documentCode());
        return new DocumentReading("MANUAL", null, code == null ? "P" : code, issuingState, number, surname,
                d.givenNames() == null ? "" : d.givenNames().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT),
                nationality, birth, sex == null ? "X" : sex, expiry, null, errors, warnings);
    }

    private static boolean realDate(String isoPartial) {
        try {
            switch (isoPartial.length()) {
                case 10 -> LocalDate.parse(isoPartial);
                case 7 -> java.time.YearMonth.parse(isoPartial);
                default -> { }
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static MrzProblem problem(MrzProblemCode code, String field, String message) {
        return new MrzProblem(code, field, message, null, null);
    }

    private static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[\\s<]", "").toUpperCase(Locale.ROOT);
        return v.isEmpty() ? null : v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The document as read, kept with the crossing as JSON. */
    JsonNode snapshot(DocumentReading doc) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("source", doc.source());
        snapshot.put("format", doc.format());
        snapshot.put("documentCode", doc.documentCode());
        snapshot.put("issuingState", doc.issuingState());
        snapshot.put("documentNumber", doc.documentNumber());
        snapshot.put("surname", doc.surname());
        snapshot.put("givenNames", doc.givenNames());
        snapshot.put("nationality", doc.nationality());
        snapshot.put("dateOfBirth", doc.dateOfBirth());
        snapshot.put("sex", doc.sex());
        snapshot.put("dateOfExpiry", doc.dateOfExpiry() == null ? null : doc.dateOfExpiry().toString());
        snapshot.put("optionalData", doc.optionalData());
        snapshot.put("errors", doc.errors());
        snapshot.put("warnings", doc.warnings());
        return json.valueToTree(snapshot);
    }
}
