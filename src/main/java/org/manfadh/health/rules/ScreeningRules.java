package org.manfadh.health.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.HealthCheckpoint.Arrival;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.Alert;
import org.manfadh.health.Exposure;
import org.manfadh.health.Route;
import org.manfadh.health.Rule;
import org.manfadh.health.Symptom;
import org.manfadh.platform.Rejection;

/** The screening rules worked out for one arrival; see the package's description for what they promise. */
public final class ScreeningRules {

    /** Where a rule sets no fever threshold: WHO's usual 38.0 °C at points of entry. */
    public static final BigDecimal DEFAULT_FEVER_FROM_C = new BigDecimal("38.0");

    private static final String FIELD = "healthScreening.";

    private ScreeningRules() {
    }

    /** Every exposure an arrival gives, by route; none for an exit. */
    public static List<Exposed> exposures(Arrival arrival) {
        List<Exposed> exposures = new ArrayList<>();
        if (arrival.direction() != Direction.ENTRY) {
            return exposures;
        }
        LocalDate day = arrival.day();
        if (arrival.neighbourCountry() != null) {
            exposures.add(new Exposed(Route.NEIGHBOUR, arrival.neighbourCountry(), day));
        }
        if (arrival.origin() != null) {
            exposures.add(new Exposed(Route.ORIGIN, arrival.origin(), day));
        }
        for (String via : arrival.via()) {
            if (via != null) {
                exposures.add(new Exposed(Route.TRANSIT, via, day));
            }
        }
        for (VisitedCountry visited : arrival.visited()) {
            if (visited != null && visited.country() != null) {
                LocalDate left = visited.left() == null || visited.left().isAfter(day) ? day : visited.left();
                exposures.add(new Exposed(Route.DECLARED, visited.country().strip().toUpperCase(Locale.ROOT), left));
            }
        }
        return exposures;
    }

    /** The rules that apply to an arrival among these alerts and rules (inactive ones and others' alerts ignored). */
    public static Assessment assess(Arrival arrival, Collection<Alert> alerts, Collection<Rule> rules) {
        if (arrival.direction() != Direction.ENTRY) {
            return Assessment.NONE;
        }
        Map<UUID, Alert> byId = new HashMap<>();
        alerts.forEach(a -> byId.put(a.id(), a));
        List<Exposed> exposures = exposures(arrival);
        if (exposures.isEmpty()) {
            return Assessment.NONE;
        }
        List<Match> matches = new ArrayList<>();
        for (Rule rule : rules) {
            match(arrival.day(), rule, rule.alertId() == null ? null : byId.get(rule.alertId()), exposures)
                    .ifPresent(matches::add);
        }
        return new Assessment(matches);
    }

    /** Whether one rule applies on this day to these exposures, and how. */
    static Optional<Match> match(LocalDate day, Rule rule, Alert alert, List<Exposed> exposures) {
        if (!rule.active()) {
            return Optional.empty();
        }
        List<String> countries;
        int window;
        if (rule.alertId() == null) {
            countries = rule.countries();
            window = rule.windowDays() == null ? 0 : rule.windowDays();
        } else {
            if (alert == null || !alert.appliesOn(day)) {
                return Optional.empty();
            }
            countries = alert.countries();
            window = rule.windowDays() != null ? rule.windowDays() : alert.monitoringDays();
        }
        Set<String> found = new LinkedHashSet<>();
        LocalDate last = null;
        for (Exposed e : exposures) {
            long since = ChronoUnit.DAYS.between(e.on(), day);
            if (rule.routes().contains(e.route()) && countries.contains(e.country()) && since >= 0 && since <= window) {
                found.add(e.country());
                last = last == null || e.on().isAfter(last) ? e.on() : last;
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new Match(rule, alert, List.copyOf(found), last));
    }

    /** Every outcome the findings demand, rule by rule, finding by finding. */
    public static List<Demand> demands(Assessment assessment, Findings findings) {
        List<Demand> demands = new ArrayList<>();
        for (Match m : assessment.matches()) {
            Rule rule = m.rule();
            BigDecimal feverFrom = rule.feverFromC() == null ? DEFAULT_FEVER_FROM_C : rule.feverFromC();
            if (rule.measureTemperature() && findings.temperatureC() != null
                    && findings.temperatureC().compareTo(feverFrom) >= 0) {
                demands.add(new Demand(rule.code(), "fever (" + findings.temperatureC().toPlainString() + " °C, from "
                        + feverFrom.toPlainString() + " °C)", rule.onFever()));
            }
            for (Symptom s : rule.symptoms()) {
                if (findings.symptoms().contains(s)) {
                    demands.add(new Demand(rule.code(), "symptom " + s.name(), rule.onSymptom()));
                }
            }
            for (Exposure x : rule.exposures()) {
                if (findings.exposures().contains(x)) {
                    demands.add(new Demand(rule.code(), "exposure " + x.name(), rule.onExposure()));
                }
            }
            if (rule.yellowFeverCertificate()
                    && (findings.certificate() == null || findings.certificate().missing())) {
                demands.add(new Demand(rule.code(), "no valid yellow fever certificate ("
                        + (findings.certificate() == null ? "not answered" : findings.certificate().name()) + ")",
                        rule.onNoCertificate()));
            }
        }
        return demands;
    }

    /** The least outcome the findings allow: the greatest any rule demands, CLEARED when none does. */
    public static HealthOutcome leastOutcome(Assessment assessment, Findings findings) {
        return strictest(demands(assessment, findings)).map(Demand::outcome).orElse(HealthOutcome.CLEARED);
    }

    private static Optional<Demand> strictest(List<Demand> demands) {
        Demand strictest = null;
        for (Demand d : demands) {
            if (d.outcome() != null && (strictest == null || d.outcome().compareTo(strictest.outcome()) > 0)) {
                strictest = d;
            }
        }
        return Optional.ofNullable(strictest);
    }

    /** A screening as the booth sent it, read into findings, with the faults of its codes. */
    public record Read(Findings findings, List<Rejection.Field> faults) {
    }

    /** Reads the booth's codes; an unknown one is a fault named by its field and left out of the findings. */
    public static Read read(HealthScreening screening) {
        List<Rejection.Field> faults = new ArrayList<>();
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        Set<Exposure> exposures = EnumSet.noneOf(Exposure.class);
        List<String> givenSymptoms = screening.symptoms() == null ? List.of() : screening.symptoms();
        for (int i = 0; i < givenSymptoms.size(); i++) {
            Symptom s = code(Symptom.class, givenSymptoms.get(i));
            if (s == null) {
                faults.add(new Rejection.Field(FIELD + "symptoms[" + i + "]", "is not a known symptom: "
                        + givenSymptoms.get(i)));
            } else {
                symptoms.add(s);
            }
        }
        List<String> givenExposures = screening.exposures() == null ? List.of() : screening.exposures();
        for (int i = 0; i < givenExposures.size(); i++) {
            Exposure x = code(Exposure.class, givenExposures.get(i));
            if (x == null) {
                faults.add(new Rejection.Field(FIELD + "exposures[" + i + "]", "is not a known exposure: "
                        + givenExposures.get(i)));
            } else {
                exposures.add(x);
            }
        }
        YellowFeverCertificate certificate = null;
        String givenCertificate = screening.yellowFeverCertificate();
        if (givenCertificate != null && !givenCertificate.isBlank()) {
            certificate = code(YellowFeverCertificate.class, givenCertificate);
            if (certificate == null) {
                faults.add(new Rejection.Field(FIELD + "yellowFeverCertificate", "is VALID, INVALID or NONE, not "
                        + givenCertificate));
            }
        }
        return new Read(new Findings(screening.temperatureC(), symptoms, exposures, certificate), faults);
    }

    /** The faults of a screening given for an arrival these rules apply to; empty when it may be recorded. */
    public static List<Rejection.Field> check(Assessment assessment, HealthScreening screening) {
        Read read = read(screening);
        List<Rejection.Field> faults = new ArrayList<>(read.faults());
        Findings findings = read.findings();
        assessment.matches().stream().filter(m -> m.rule().measureTemperature()).findFirst()
                .filter(m -> findings.temperatureC() == null)
                .ifPresent(m -> faults.add(new Rejection.Field(FIELD + "temperatureC",
                        "is required: rule " + m.rule().code() + " measures the temperature")));
        assessment.matches().stream().filter(m -> m.rule().yellowFeverCertificate()).findFirst()
                .filter(m -> findings.certificate() == null && read.faults().stream()
                        .noneMatch(f -> f.field().equals(FIELD + "yellowFeverCertificate")))
                .ifPresent(m -> faults.add(new Rejection.Field(FIELD + "yellowFeverCertificate",
                        "is required: VALID, INVALID or NONE (rule " + m.rule().code()
                                + " asks for the yellow fever certificate)")));
        HealthOutcome outcome = screening.outcome();
        if (outcome != null) {
            strictest(demands(assessment, findings)).filter(d -> outcome.compareTo(d.outcome()) < 0)
                    .ifPresent(d -> faults.add(new Rejection.Field(FIELD + "outcome", "is milder than "
                            + d.outcome().name() + ", which rule " + d.ruleCode() + " demands for " + d.finding())));
            if (outcome == HealthOutcome.REFERRED && (screening.facility() == null || screening.facility().isBlank())
                    && referralFacility(assessment) == null) {
                faults.add(new Rejection.Field(FIELD + "facility",
                        "is required: name the health facility the traveller is referred to"));
            }
        }
        return faults;
    }

    /** The facility the first applying rule that names one refers travellers to, or null. */
    public static String referralFacility(Assessment assessment) {
        return assessment.matches().stream().map(m -> m.rule().referralFacility())
                .filter(f -> f != null && !f.isBlank()).findFirst().orElse(null);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
