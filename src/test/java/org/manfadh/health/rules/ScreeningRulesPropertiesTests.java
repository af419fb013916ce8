package org.manfadh.health.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.health.Alert;
import org.manfadh.health.Rule;
import org.manfadh.health.Symptom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

class ScreeningRulesPropertiesTests {

    @Property(tries = 500)
    void appliesExactlyWithinTheWindow(@ForAll @IntRange(min = 1, max = 60) int window,
                                       @ForAll @IntRange(min = 0, max = 90) int daysAgo) {
        Alert alert = ScreeningRulesTests.alert("EBOLA", List.of("COD"), window, ScreeningRulesTests.D.minusDays(120),
                null);
        Assessment assessed = ScreeningRules.assess(
                ScreeningRulesTests.declared("COD", ScreeningRulesTests.D.minusDays(daysAgo)), List.of(alert),
                List.of(ScreeningRulesTests.ruleOf(alert, "EBOLA_A")));

        assertThat(assessed.applies()).isEqualTo(daysAgo <= window);
    }

    @Property(tries = 300)
    void acceptsTheLeastOutcomeAndEveryStricterOneButNoMilder(
            @ForAll @BigRange(min = "35.0", max = "41.0") BigDecimal temperature, @ForAll Set<Symptom> symptoms,
            @ForAll HealthOutcome outcome) {
        BigDecimal measured = temperature.setScale(1, java.math.RoundingMode.DOWN);
        Alert alert = ScreeningRulesTests.alert("EBOLA", List.of("COD"), 21, ScreeningRulesTests.D.minusDays(5), null);
        Rule rule = ScreeningRulesTests.ruleOf(alert, "EBOLA_A", List.of(org.manfadh.health.Route.values()),
                List.of(Symptom.FEVER, Symptom.RASH), List.of(), HealthOutcome.REFERRED, HealthOutcome.SECONDARY);
        Assessment assessed = ScreeningRules.assess(ScreeningRulesTests.byAir("COD", List.of(), List.of()),
                List.of(alert), List.of(rule));
        HealthOutcome least = ScreeningRules.leastOutcome(assessed,
                new Findings(measured, symptoms, Set.of(), null));

        List<String> faults = ScreeningRules.check(assessed, new HealthScreening(measured,
                        symptoms.stream().map(Enum::name).toList(), List.of(), null, outcome, "Hospital", null, null, null))
                .stream().map(f -> f.field()).toList();

        assertThat(faults.contains("healthScreening.outcome")).isEqualTo(outcome.compareTo(least) < 0);
        assertThat(least.compareTo(HealthOutcome.REFERRED) >= 0).isEqualTo(measured.compareTo(new BigDecimal("38.0")) >= 0);
    }
}
