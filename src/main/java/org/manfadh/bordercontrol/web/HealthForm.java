package org.manfadh.bordercontrol.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.HealthOutcome;

/**
 * The booth's health prompt as the decision form sends it: what was measured and answered, the outcome, and how to
 * reach the traveller. Nothing filled in is no screening; anything filled in must come with an outcome.
 */
record HealthForm(String healthTemperature, List<String> healthSymptoms, List<String> healthExposures,
                  String healthCertificate, String healthOutcome, String healthFacility, String healthNotes,
                  String healthAddress, String healthPhone) {

    private static final Set<String> CERTIFICATES = Set.of("VALID", "INVALID", "NONE");
    private static final BigDecimal LOWEST = new BigDecimal("30.0");
    private static final BigDecimal HIGHEST = new BigDecimal("45.0");

    HealthForm {
        healthSymptoms = healthSymptoms == null ? List.of() : List.copyOf(healthSymptoms);
        healthExposures = healthExposures == null ? List.of() : List.copyOf(healthExposures);
    }

    boolean blank() {
        return blank(healthTemperature) && healthSymptoms.isEmpty() && healthExposures.isEmpty()
                && blank(healthCertificate) && blank(healthOutcome) && blank(healthFacility) && blank(healthNotes)
                && blank(healthAddress) && blank(healthPhone);
    }

    /**
     * The screening to record, or null when the prompt was left empty; faults go into {@code errors} by field
     * ({@code temperatureC}, {@code outcome} …) as message keys.
     */
    HealthScreening screening(Map<String, String> errors) {
        if (blank()) {
            return null;
        }
        BigDecimal temperature = null;
        if (!blank(healthTemperature)) {
            try {
                temperature = new BigDecimal(westernDigits(healthTemperature.strip()));
                if (temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0) {
                    errors.put("temperatureC", "health.prompt.error.temperatureRange");
                }
            } catch (NumberFormatException e) {
                errors.put("temperatureC", "health.prompt.error.temperatureNumber");
            }
        }
        HealthOutcome outcome = null;
        if (blank(healthOutcome)) {
            errors.put("outcome", "health.prompt.error.outcomeRequired");
        } else {
            try {
                outcome = HealthOutcome.valueOf(healthOutcome.strip());
            } catch (IllegalArgumentException e) {
                errors.put("outcome", "health.prompt.error.outcomeRequired");
            }
        }
        String certificate = blank(healthCertificate) ? null : healthCertificate.strip().toUpperCase(Locale.ROOT);
        if (certificate != null && !CERTIFICATES.contains(certificate)) {
            errors.put("yellowFeverCertificate", "health.prompt.error.yellowFeverCertificate");
        }
        tooLong(errors, "facility", healthFacility, 200);
        tooLong(errors, "notes", healthNotes, 2000);
        tooLong(errors, "address", healthAddress, 500);
        tooLong(errors, "phone", healthPhone, 40);
        if (healthSymptoms.size() > 20 || healthExposures.size() > 20) {
            errors.put("symptoms", "health.prompt.error.symptoms");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new HealthScreening(temperature, healthSymptoms.stream().distinct().toList(),
                healthExposures.stream().distinct().toList(), certificate, outcome, text(healthFacility),
                text(healthNotes), text(healthAddress), text(healthPhone));
    }

    /** Whether a box was ticked, for the form shown again. */
    public boolean symptom(String code) {
        return healthSymptoms.contains(code);
    }

    public boolean exposure(String code) {
        return healthExposures.contains(code);
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "health.prompt.error.tooLong");
        }
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A temperature as typed on an Arabic or Kurdish keyboard: ٣٨٫٦ or 38,6 is 38.6. */
    static String westernDigits(String typed) {
        StringBuilder sb = new StringBuilder(typed.length());
        typed.codePoints().forEach(c -> {
            if (c >= 0x0660 && c <= 0x0669) {
                sb.append((char) ('0' + c - 0x0660));
            } else if (c >= 0x06F0 && c <= 0x06F9) {
                sb.append((char) ('0' + c - 0x06F0));
            } else if (c == 0x066B || c == ',') {
                sb.append('.');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
