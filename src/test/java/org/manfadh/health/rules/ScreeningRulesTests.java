package org.manfadh.health.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.bordercontrol.CrossingCommands.HealthScreening;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.HealthCheckpoint.Arrival;
import org.manfadh.bordercontrol.HealthOutcome;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.health.Alert;
import org.manfadh.health.AlertSource;
import org.manfadh.health.Exposure;
import org.manfadh.health.Route;
import org.manfadh.health.Rule;
import org.manfadh.health.Symptom;
import org.manfadh.platform.Rejection;

class ScreeningRulesTests {

    static final LocalDate D = LocalDate.of(2026, 12, 7);

    static Alert alert(String disease, List<String> countries, int days, LocalDate from, LocalDate until) {
        return new Alert(UUID.randomUUID(), disease, countries, List.of(), days, from, until, AlertSource.WHO,
                new Alert.Texts(null, null, null), "health_officer", Instant.parse("2026-11-01T08:00:00Z"), null, null,
                null);
    }

    static Alert ended(Alert a, LocalDate on) {
        return new Alert(a.id(), a.disease(), a.countries(), a.regions(), a.monitoringDays(), a.validFrom(), on,
                a.source(), a.measures(), a.createdBy(), a.createdAt(), "health_officer",
                Instant.parse("2026-12-01T08:00:00Z"), "contained");
    }

    static Rule ruleOf(Alert alert, String code, List<Route> routes, List<Symptom> symptoms, List<Exposure> exposures,
                       HealthOutcome onFever, HealthOutcome onSymptom) {
        return new Rule(UUID.randomUUID(), alert.id(), code, new Alert.Texts(code, code, code), null, routes, null,
                true, new BigDecimal("38.0"), symptoms, exposures, false, onFever, onSymptom, HealthOutcome.SECONDARY,
                HealthOutcome.SECONDARY, null, true);
    }

    static Rule ruleOf(Alert alert, String code) {
        return ruleOf(alert, code, List.of(Route.values()), List.of(Symptom.FEVER, Symptom.UNEXPLAINED_BLEEDING),
                List.of(Exposure.CONTACT_WITH_CASE), HealthOutcome.SECONDARY, HealthOutcome.SECONDARY);
    }

    static Rule yellowFever() {
        return new Rule(UUID.randomUUID(), null, "YELLOW_FEVER_CERTIFICATE", new Alert.Texts("YF", "YF", "YF"),
                List.of("AGO", "COD", "NGA"), List.of(Route.ORIGIN, Route.TRANSIT, Route.DECLARED), 6, false,
                new BigDecimal("38.0"), List.of(), List.of(), true, HealthOutcome.SECONDARY, HealthOutcome.SECONDARY,
                HealthOutcome.SECONDARY, HealthOutcome.SECONDARY, null, true);
    }

    static Arrival byAir(String origin, List<String> via, List<VisitedCountry> visited) {
        return new Arrival(UUID.randomUUID(), "BGW", Direction.ENTRY, Instant.parse("2026-12-07T09:00:00Z"), D, "COD",
                TransportMode.AIR, "IA122", null, origin, via, visited);
    }

    static Arrival overLand(String neighbour, Direction direction) {
        return new Arrival(UUID.randomUUID(), "ZRB", direction, Instant.parse("2026-12-07T09:00:00Z"), D, "IRN",
                TransportMode.CAR, null, neighbour, null, List.of(), List.of());
    }

    static Arrival declared(String country, LocalDate left) {
        return byAir("JOR", List.of(), List.of(new VisitedCountry(country, left)));
    }

    static HealthScreening screening(String temperature, List<String> symptoms, HealthOutcome outcome) {
        return new HealthScreening(temperature == null ? null : new BigDecimal(temperature), symptoms, List.of(), null,
                outcome, null, null, null, null);
    }

    // --- who is screened ------------------------------------------------------------------------------------

    @Test
    void appliesOnTheFirstDayOfTheWindowAndNotTheDayBefore() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(60), null);
        List<Rule> rules = List.of(ruleOf(ebola, "EBOLA_A"));

        Assessment first = ScreeningRules.assess(declared("COD", D.minusDays(21)), List.of(ebola), rules);
        Assessment before = ScreeningRules.assess(declared("COD", D.minusDays(22)), List.of(ebola), rules);

        assertThat(first.applies()).isTrue();
        assertThat(first.lastExposureOn()).isEqualTo(D.minusDays(21));
        assertThat(first.exposureCountries()).containsExactly("COD");
        assertThat(before.applies()).isFalse();
    }

    @Test
    void takesTheRulesOwnWindowBeforeTheAlerts() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(60), null);
        Rule narrow = new Rule(UUID.randomUUID(), ebola.id(), "EBOLA_NARROW", new Alert.Texts("n", "n", "n"), null,
                List.of(Route.DECLARED), 7, true, new BigDecimal("38.0"), List.of(), List.of(), false,
                HealthOutcome.SECONDARY, HealthOutcome.SECONDARY, HealthOutcome.SECONDARY, HealthOutcome.SECONDARY,
                null, true);

        assertThat(ScreeningRules.assess(declared("COD", D.minusDays(7)), List.of(ebola), List.of(narrow)).applies())
                .isTrue();
        assertThat(ScreeningRules.assess(declared("COD", D.minusDays(8)), List.of(ebola), List.of(narrow)).applies())
                .isFalse();
    }

    @Test
    void appliesOnTheAlertsFirstAndLastDayOnly() {
        Arrival arrival = byAir("COD", List.of(), List.of());
        Alert fromToday = alert("EBOLA", List.of("COD"), 21, D, null);
        Alert fromTomorrow = alert("EBOLA", List.of("COD"), 21, D.plusDays(1), null);
        Alert untilToday = alert("EBOLA", List.of("COD"), 21, D.minusDays(30), D);
        Alert untilYesterday = alert("EBOLA", List.of("COD"), 21, D.minusDays(30), D.minusDays(1));

        assertThat(ScreeningRules.assess(arrival, List.of(fromToday), List.of(ruleOf(fromToday, "A"))).applies()).isTrue();
        assertThat(ScreeningRules.assess(arrival, List.of(fromTomorrow), List.of(ruleOf(fromTomorrow, "B"))).applies())
                .isFalse();
        assertThat(ScreeningRules.assess(arrival, List.of(untilToday), List.of(ruleOf(untilToday, "C"))).applies())
                .isTrue();
        assertThat(ScreeningRules.assess(arrival, List.of(untilYesterday), List.of(ruleOf(untilYesterday, "D")))
                .applies()).isFalse();
    }

    @Test
    void endedAlertAppliesNoMoreAfterItsEndDay() {
        Alert running = alert("EBOLA", List.of("COD"), 21, D.minusDays(30), null);
        Alert endedYesterday = ended(running, D.minusDays(1));
        Rule rule = ruleOf(running, "EBOLA_A");

        assertThat(ScreeningRules.assess(byAir("COD", List.of(), List.of()), List.of(endedYesterday), List.of(rule))
                .applies()).isFalse();
    }

    @Test
    void screensATransitThroughAnAffectedCountryOnlyWhereTheRuleListsTransit() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Arrival viaKinshasa = byAir("ETH", List.of("COD", "ARE"), List.of());
        Rule anyRoute = ruleOf(ebola, "EBOLA_A");
        Rule originOnly = ruleOf(ebola, "EBOLA_O", List.of(Route.ORIGIN), List.of(Symptom.FEVER), List.of(),
                HealthOutcome.SECONDARY, HealthOutcome.SECONDARY);

        Assessment assessed = ScreeningRules.assess(viaKinshasa, List.of(ebola), List.of(anyRoute, originOnly));

        assertThat(assessed.ruleCodes()).containsExactly("EBOLA_A");
        assertThat(assessed.lastExposureOn()).isEqualTo(D);
    }

    @Test
    void countsADeclaredCountryWithoutALeftDayAsLeftToday() {
        Alert cholera = alert("CHOLERA", List.of("YEM"), 5, D.minusDays(100), null);
        Rule rule = ruleOf(cholera, "CHOLERA_A");

        Assessment withoutDay = ScreeningRules.assess(declared("YEM", null), List.of(cholera), List.of(rule));
        Assessment withDay = ScreeningRules.assess(declared("YEM", D.minusDays(3)), List.of(cholera), List.of(rule));
        Assessment tooLong = ScreeningRules.assess(declared("YEM", D.minusDays(6)), List.of(cholera), List.of(rule));
        Assessment tomorrow = ScreeningRules.assess(declared("YEM", D.plusDays(1)), List.of(cholera), List.of(rule));

        assertThat(withoutDay.lastExposureOn()).isEqualTo(D);
        assertThat(withDay.lastExposureOn()).isEqualTo(D.minusDays(3));
        assertThat(tooLong.applies()).isFalse();
        assertThat(tomorrow.lastExposureOn()).isEqualTo(D);
    }

    @Test
    void screensAnEntryAcrossTheLandBorderFromTheNeighbour() {
        Alert mers = alert("MERS", List.of("IRN"), 14, D.minusDays(3), null);
        Rule rule = ruleOf(mers, "MERS_A");
        Rule flightsOnly = ruleOf(mers, "MERS_O", List.of(Route.ORIGIN, Route.TRANSIT), List.of(Symptom.COUGH),
                List.of(), HealthOutcome.SECONDARY, HealthOutcome.SECONDARY);

        Assessment assessed = ScreeningRules.assess(overLand("IRN", Direction.ENTRY), List.of(mers),
                List.of(rule, flightsOnly));

        assertThat(assessed.ruleCodes()).containsExactly("MERS_A");
        assertThat(assessed.exposureCountries()).containsExactly("IRN");
        assertThat(assessed.requirement().applying()).singleElement()
                .satisfies(a -> assertThat(a.alertId()).isEqualTo(mers.id()))
                .satisfies(a -> assertThat(a.disease()).isEqualTo("MERS"));
    }

    @Test
    void asksNothingOfAnExit() {
        Alert mers = alert("MERS", List.of("IRN"), 14, D.minusDays(3), null);

        Assessment assessed = ScreeningRules.assess(overLand("IRN", Direction.EXIT), List.of(mers),
                List.of(ruleOf(mers, "MERS_A")));

        assertThat(assessed.applies()).isFalse();
        assertThat(assessed.requirement().required()).isFalse();
    }

    @Test
    void ignoresAnInactiveRule() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Rule r = ruleOf(ebola, "EBOLA_A");
        Rule inactive = new Rule(r.id(), r.alertId(), r.code(), r.name(), null, r.routes(), null, true, r.feverFromC(),
                r.symptoms(), r.exposures(), false, r.onFever(), r.onSymptom(), r.onExposure(), r.onNoCertificate(),
                null, false);

        assertThat(ScreeningRules.assess(byAir("COD", List.of(), List.of()), List.of(ebola), List.of(inactive))
                .applies()).isFalse();
    }

    @Test
    void appliesAStandingRuleWithItsOwnCountriesAndWindow() {
        Rule yf = yellowFever();

        assertThat(ScreeningRules.assess(declared("NGA", D.minusDays(6)), List.of(), List.of(yf)).applies()).isTrue();
        assertThat(ScreeningRules.assess(declared("NGA", D.minusDays(7)), List.of(), List.of(yf)).applies()).isFalse();
        assertThat(ScreeningRules.assess(declared("JOR", D), List.of(), List.of(yf)).applies()).isFalse();
        Assessment assessed = ScreeningRules.assess(byAir("AGO", List.of(), List.of()), List.of(), List.of(yf));
        assertThat(assessed.requirement().applying()).singleElement()
                .satisfies(a -> assertThat(a.alertId()).isNull())
                .satisfies(a -> assertThat(a.ruleCode()).isEqualTo("YELLOW_FEVER_CERTIFICATE"));
        assertThat(assessed.prompt().yellowFeverCertificate()).isTrue();
        assertThat(assessed.prompt().temperature()).isFalse();
    }

    // --- two alerts at once --------------------------------------------------------------------------------

    @Test
    void asksTheUnionOfTwoAlertsAndDemandsTheGreatestOutcome() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Alert mpox = alert("MPOX", List.of("COD", "UGA"), 21, D.minusDays(10), null);
        Rule ebolaRule = ruleOf(ebola, "EBOLA_A", List.of(Route.values()), List.of(Symptom.UNEXPLAINED_BLEEDING,
                Symptom.FEVER), List.of(Exposure.BURIAL), HealthOutcome.REFERRED, HealthOutcome.ISOLATED);
        Rule mpoxRule = ruleOf(mpox, "MPOX_A", List.of(Route.values()), List.of(Symptom.RASH, Symptom.FEVER),
                List.of(Exposure.CONTACT_WITH_CASE), HealthOutcome.SECONDARY, HealthOutcome.SECONDARY);
        Rule yf = yellowFever();
        Arrival arrival = byAir("COD", List.of(), List.of());

        Assessment assessed = ScreeningRules.assess(arrival, List.of(ebola, mpox), List.of(ebolaRule, mpoxRule, yf));

        assertThat(assessed.alertIds()).containsExactly(ebola.id(), mpox.id());
        assertThat(assessed.ruleCodes()).containsExactly("EBOLA_A", "MPOX_A", "YELLOW_FEVER_CERTIFICATE");
        assertThat(assessed.prompt().temperature()).isTrue();
        assertThat(assessed.prompt().yellowFeverCertificate()).isTrue();
        assertThat(assessed.prompt().symptoms()).containsExactly("FEVER", "RASH", "UNEXPLAINED_BLEEDING");
        assertThat(assessed.prompt().exposures()).containsExactly("CONTACT_WITH_CASE", "BURIAL");

        Findings rash = new Findings(new BigDecimal("36.8"), java.util.Set.of(Symptom.RASH), java.util.Set.of(),
                YellowFeverCertificate.VALID);
        Findings fever = new Findings(new BigDecimal("38.0"), java.util.Set.of(), java.util.Set.of(),
                YellowFeverCertificate.VALID);
        Findings bleeding = new Findings(new BigDecimal("36.8"), java.util.Set.of(Symptom.UNEXPLAINED_BLEEDING),
                java.util.Set.of(), YellowFeverCertificate.VALID);
        Findings nothing = new Findings(new BigDecimal("37.9"), java.util.Set.of(), java.util.Set.of(),
                YellowFeverCertificate.VALID);
        Findings noCertificate = new Findings(new BigDecimal("36.8"), java.util.Set.of(), java.util.Set.of(),
                YellowFeverCertificate.NONE);

        assertThat(ScreeningRules.leastOutcome(assessed, rash)).isEqualTo(HealthOutcome.SECONDARY);
        assertThat(ScreeningRules.leastOutcome(assessed, fever)).isEqualTo(HealthOutcome.REFERRED);
        assertThat(ScreeningRules.leastOutcome(assessed, bleeding)).isEqualTo(HealthOutcome.ISOLATED);
        assertThat(ScreeningRules.leastOutcome(assessed, nothing)).isEqualTo(HealthOutcome.CLEARED);
        assertThat(ScreeningRules.leastOutcome(assessed, noCertificate)).isEqualTo(HealthOutcome.SECONDARY);

        List<Rejection.Field> milder = ScreeningRules.check(assessed, new HealthScreening(new BigDecimal("39.1"),
                List.of(), List.of(), "VALID", HealthOutcome.SECONDARY, null, null, null, null));
        assertThat(milder).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("healthScreening.outcome");
            assertThat(f.message()).contains("REFERRED", "EBOLA_A", "fever (39.1 °C");
        });
    }

    // --- what a screening must say -------------------------------------------------------------------------

    @Test
    void refusesAScreeningWithoutTheTemperatureOrCertificateARuleAsks() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Assessment assessed = ScreeningRules.assess(byAir("COD", List.of(), List.of()), List.of(ebola),
                List.of(ruleOf(ebola, "EBOLA_A"), yellowFever()));

        List<Rejection.Field> faults = ScreeningRules.check(assessed, screening(null, List.of(), HealthOutcome.SECONDARY));

        assertThat(faults).extracting(Rejection.Field::field)
                .containsExactlyInAnyOrder("healthScreening.temperatureC", "healthScreening.yellowFeverCertificate");
    }

    @Test
    void refusesUnknownCodesByTheirPlace() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Assessment assessed = ScreeningRules.assess(byAir("COD", List.of(), List.of()), List.of(ebola),
                List.of(ruleOf(ebola, "EBOLA_A"), yellowFever()));

        List<Rejection.Field> faults = ScreeningRules.check(assessed, new HealthScreening(new BigDecimal("36.6"),
                List.of("cough", "SNEEZING"), List.of("BATS"), "MAYBE", HealthOutcome.SECONDARY, null, null, null, null));

        assertThat(faults).extracting(Rejection.Field::field).containsExactlyInAnyOrder(
                "healthScreening.symptoms[1]", "healthScreening.exposures[0]", "healthScreening.yellowFeverCertificate");
    }

    @Test
    void clearsATravellerWithoutFindingsAndTakesCodesInAnyCase() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Assessment assessed = ScreeningRules.assess(byAir("COD", List.of(), List.of()), List.of(ebola),
                List.of(ruleOf(ebola, "EBOLA_A")));

        assertThat(ScreeningRules.check(assessed, screening("36.8", List.of(), HealthOutcome.CLEARED))).isEmpty();
        // A symptom the rule does not list demands nothing.
        assertThat(ScreeningRules.check(assessed, screening("36.8", List.of("cough"), HealthOutcome.CLEARED))).isEmpty();
        assertThat(ScreeningRules.check(assessed, screening("36.8", List.of("fever"), HealthOutcome.CLEARED)))
                .extracting(Rejection.Field::field).containsExactly("healthScreening.outcome");
    }

    @Test
    void asksForTheFacilityOfAReferralUnlessTheRuleNamesOne() {
        Alert ebola = alert("EBOLA", List.of("COD"), 21, D.minusDays(10), null);
        Rule r = ruleOf(ebola, "EBOLA_A");
        Rule withFacility = new Rule(r.id(), r.alertId(), r.code(), r.name(), null, r.routes(), null, true,
                r.feverFromC(), r.symptoms(), r.exposures(), false, r.onFever(), r.onSymptom(), r.onExposure(),
                r.onNoCertificate(), "Ibn Al-Khatib Hospital", true);
        Arrival arrival = byAir("COD", List.of(), List.of());

        Assessment without = ScreeningRules.assess(arrival, List.of(ebola), List.of(r));
        Assessment with = ScreeningRules.assess(arrival, List.of(ebola), List.of(withFacility));

        assertThat(ScreeningRules.check(without, screening("36.8", List.of(), HealthOutcome.REFERRED)))
                .extracting(Rejection.Field::field).containsExactly("healthScreening.facility");
        assertThat(ScreeningRules.check(with, screening("36.8", List.of(), HealthOutcome.REFERRED))).isEmpty();
        assertThat(ScreeningRules.referralFacility(with)).isEqualTo("Ibn Al-Khatib Hospital");
    }

    @Test
    void keepsTheLatestExposureOverEveryRoute() {
        Alert ebola = alert("EBOLA", List.of("COD", "UGA"), 21, D.minusDays(60), null);
        Arrival arrival = byAir("ARE", List.of(), List.of(new VisitedCountry("UGA", D.minusDays(4)),
                new VisitedCountry("COD", D.minusDays(12))));

        Assessment assessed = ScreeningRules.assess(arrival, List.of(ebola), List.of(ruleOf(ebola, "EBOLA_A")));

        assertThat(assessed.lastExposureOn()).isEqualTo(D.minusDays(4));
        assertThat(assessed.exposureCountries()).containsExactly("UGA", "COD");
    }
}
