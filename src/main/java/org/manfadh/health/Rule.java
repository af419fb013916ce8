package org.manfadh.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthOutcome;

/**
 * A screening rule: who must be screened (arrivals from or through its countries by the routes it names, within
 * its window), what to ask and measure, and the least outcome each finding leads to.
 *
 * @param alertId    the alert it belongs to (its countries and window), or null for a standing rule
 * @param countries  a standing rule's own countries; an alert's rule takes the alert's
 * @param windowDays days since the traveller was last in the country; null: the alert's monitoring window
 */
public record Rule(UUID id, UUID alertId, String code, Alert.Texts name, List<String> countries, List<Route> routes,
                   Integer windowDays, boolean measureTemperature, BigDecimal feverFromC, List<Symptom> symptoms,
                   List<Exposure> exposures, boolean yellowFeverCertificate, HealthOutcome onFever,
                   HealthOutcome onSymptom, HealthOutcome onExposure, HealthOutcome onNoCertificate,
                   String referralFacility, boolean active) {

    public Rule {
        countries = countries == null ? List.of() : List.copyOf(countries);
        routes = List.copyOf(routes);
        symptoms = List.copyOf(symptoms);
        exposures = List.copyOf(exposures);
    }
}
