package org.manfadh.health.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.manfadh.health.Exposure;
import org.manfadh.health.Symptom;

/**
 * What a screening found, in the module's own terms.
 *
 * @param temperatureC null when not measured
 * @param certificate  null when not answered
 */
public record Findings(BigDecimal temperatureC, Set<Symptom> symptoms, Set<Exposure> exposures,
                       YellowFeverCertificate certificate) {

    public Findings {
        // In the enums' order, as they are stored and shown.
        symptoms = Collections.unmodifiableSet(symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms));
        exposures = Collections.unmodifiableSet(exposures.isEmpty() ? EnumSet.noneOf(Exposure.class) : EnumSet.copyOf(exposures));
    }
}
