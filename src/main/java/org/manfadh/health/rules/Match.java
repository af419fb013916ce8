package org.manfadh.health.rules;

import java.time.LocalDate;
import java.util.List;

import org.manfadh.health.Alert;
import org.manfadh.health.Rule;

/**
 * A rule that applies to an arrival, with its alert (null for a standing rule), the countries of the rule the
 * arrival was exposed in within the window, and the latest day of exposure.
 */
public record Match(Rule rule, Alert alert, List<String> countries, LocalDate lastExposureOn) {

    public Match {
        countries = List.copyOf(countries);
    }

    /** The disease the rule screens for: its alert's, or null for a standing rule. */
    public String disease() {
        return alert == null ? null : alert.disease();
    }
}
