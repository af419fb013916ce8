package org.manfadh.health.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.HealthCheckpoint.Applying;
import org.manfadh.bordercontrol.HealthCheckpoint.Prompt;
import org.manfadh.bordercontrol.HealthCheckpoint.Requirement;
import org.manfadh.health.Exposure;
import org.manfadh.health.Symptom;

/** The rules that apply to an arrival, and what follows from them for the booth and the screening's record. */
public record Assessment(List<Match> matches) {

    public static final Assessment NONE = new Assessment(List.of());

    public Assessment {
        matches = List.copyOf(matches);
    }

    public boolean applies() {
        return !matches.isEmpty();
    }

    /** What the border check is told: the alerts and rules by name, and the union of what they ask. */
    public Requirement requirement() {
        if (matches.isEmpty()) {
            return Requirement.NONE;
        }
        List<Applying> applying = matches.stream()
                .map(m -> new Applying(m.alert() == null ? null : m.alert().id(), m.rule().code(), m.disease()))
                .toList();
        return new Requirement(applying, prompt());
    }

    /** The union of what the applying rules ask: symptoms and exposures in the enums' order. */
    public Prompt prompt() {
        boolean temperature = false;
        boolean certificate = false;
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Set<Exposure> exposures = EnumSet.noneOf(Exposure.class);
        for (Match m : matches) {
            temperature |= m.rule().measureTemperature();
            certificate |= m.rule().yellowFeverCertificate();
            symptoms.addAll(m.rule().symptoms());
            exposures.addAll(m.rule().exposures());
        }
        return new Prompt(temperature, symptoms.stream().map(Enum::name).toList(),
                exposures.stream().map(Enum::name).toList(), certificate);
    }

    /** The alerts of the applying rules, each once, in the rules' order. */
    public List<UUID> alertIds() {
        return matches.stream().map(Match::alert).filter(Objects::nonNull).map(a -> a.id()).distinct().toList();
    }

    public List<String> ruleCodes() {
        return matches.stream().map(m -> m.rule().code()).distinct().toList();
    }

    /** The countries the arrival was exposed in, for any applying rule, each once. */
    public List<String> exposureCountries() {
        Set<String> countries = new LinkedHashSet<>();
        matches.forEach(m -> countries.addAll(m.countries()));
        return new ArrayList<>(countries);
    }

    /** The latest day of exposure among the applying rules: where the monitoring window starts. */
    public LocalDate lastExposureOn() {
        return matches.stream().map(Match::lastExposureOn).max(Comparator.naturalOrder()).orElse(null);
    }
}
