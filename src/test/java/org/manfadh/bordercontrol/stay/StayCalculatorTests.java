package org.manfadh.bordercontrol.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.VisaType;

class StayCalculatorTests {

    private static final StayFacts SYRIAN = StayFacts.foreigner("SYR");
    private static final StayFacts TURKISH = StayFacts.foreigner("TUR");

    /** The 90/180 rolling rule for entries without a visa, in force long before every example. */
    private static final StayRule NINETY_IN_180 = rule(null, null, 90, 180, "2020-01-01");

    private int sequence;

    // ---------------------------------------------------------------------------------------------
    // Who has a limit

    @Test
    void neverLimitsACitizen() {
        VisaGrant expired = visa(VisaType.VISIT_VISA, "2010-01-01", "2010-02-01", 30, null);
        List<Movement> movements = List.of(entry("2015-03-01", expired), exit("2015-03-02"), entry("2016-01-01"));

        List<StayPeriod> periods = periods(StayFacts.iraqiCitizen(), movements, List.of(expired), List.of(NINETY_IN_180));
        StayStatus status = StayCalculator.status(StayFacts.iraqiCitizen(), periods, day("2026-01-01"));

        assertThat(periods).extracting(StayPeriod::basis).containsOnly(StayBasis.CITIZEN);
        assertThat(periods).allSatisfy(period -> assertThat(period.lastLegalDay()).isNull());
        assertThat(status.present()).isTrue();
        assertThat(status.basis()).isEqualTo(StayBasis.CITIZEN);
        assertThat(status.overstay()).isFalse();
        assertThat(status.lastLegalDay()).isNull();
        assertThat(status.daysRemaining()).isNull();
        assertThat(status.daysUsed()).isEqualTo(3654);
    }

    @Test
    void describesACitizenWithoutAnyCrossing() {
        StayStatus status = StayCalculator.status(StayFacts.iraqiCitizen(), List.of(), day("2026-01-01"));

        assertThat(status.present()).isFalse();
        assertThat(status.stay()).isNull();
        assertThat(status.basis()).isEqualTo(StayBasis.CITIZEN);
    }

    @Test
    void letsAResidentStayUntilThePermitEndsAndNoLonger() {
        VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2026-01-01", "2026-12-31", null, null);
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01")), List.of(permit), List.of(NINETY_IN_180));

        StayStatus inside = StayCalculator.status(SYRIAN, periods, day("2026-12-01"));
        StayStatus after = StayCalculator.status(SYRIAN, periods, day("2027-01-10"));

        assertThat(periods.getFirst().basis()).isEqualTo(StayBasis.RESIDENCE_PERMIT);
        assertThat(periods.getFirst().visaId()).isEqualTo(permit.id());
        // 275 days present is far beyond 90 in 180: the permit, not the rule, sets the limit.
        assertThat(inside.overstay()).isFalse();
        assertThat(inside.lastLegalDay()).isEqualTo("2026-12-31");
        assertThat(inside.daysRemaining()).isEqualTo(30);
        assertThat(after.overstay()).isTrue();
        assertThat(after.daysOver()).isEqualTo(10);
        assertThat(after.daysRemaining()).isZero();
    }

    @Test
    void movesAPermitsEndByItsExtension() {
        VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2026-01-01", "2026-06-30", null, null,
                extension("2026-06-01", 90));
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01", permit)), List.of(permit), List.of());

        // 30 June + 90 days = 28 September; before the extension was granted the limit was 30 June.
        assertThat(periods.getFirst().lastLegalDay()).isEqualTo("2026-09-28");
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-05-31")).lastLegalDay()).isEqualTo("2026-06-30");
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-08-01")).overstay()).isFalse();
    }

    @Test
    void continuesAVisitorsStayUnderAPermitGrantedInsideIraq() {
        VisaGrant visit = visa(VisaType.VISIT_VISA, "2026-02-01", "2026-05-01", 30, 1);
        VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2026-03-20", "2027-03-19", null, null);
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01", visit)), List.of(visit, permit), List.of());

        StayPeriod stay = periods.getFirst();
        assertThat(stay.covers()).extracting(StayCover::from, StayCover::basis, StayCover::lastLegalDay)
                .containsExactly(
                        tuple(day("2026-03-01"), StayBasis.VISA, day("2026-03-30")),
                        tuple(day("2026-03-20"), StayBasis.RESIDENCE_PERMIT,
                                day("2027-03-19")));
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-03-15")).lastLegalDay()).isEqualTo("2026-03-30");
        StayStatus resident = StayCalculator.status(SYRIAN, periods, day("2026-06-01"));
        assertThat(resident.basis()).isEqualTo(StayBasis.RESIDENCE_PERMIT);
        assertThat(resident.overstay()).isFalse();
    }

    @Test
    void countsTheDaysBetweenAPermitAndItsLateRenewalAsOverstayed() {
        VisaGrant first = visa(VisaType.RESIDENCE_PERMIT, "2026-01-01", "2026-06-30", null, null);
        VisaGrant renewal = visa(VisaType.RESIDENCE_PERMIT, "2026-07-11", "2027-07-10", null, null);
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01"), exit("2026-08-01")),
                List.of(first, renewal), List.of());

        StayStatus inTheGap = StayCalculator.status(SYRIAN, periods, day("2026-07-05"));
        StayStatus renewed = StayCalculator.status(SYRIAN, periods, day("2026-07-20"));

        assertThat(inTheGap.overstay()).isTrue();
        assertThat(inTheGap.daysOver()).isEqualTo(5);
        assertThat(renewed.overstay()).isFalse();
        assertThat(renewed.lastLegalDay()).isEqualTo("2027-07-10");
        // 1 to 10 July were days without any permit.
        assertThat(periods.getFirst().overstayedDays()).isEqualTo(10);
    }

    // ---------------------------------------------------------------------------------------------
    // Visas

    @Test
    void countsTheEntryDayAsDayOne() {
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01")), List.of(),
                List.of(rule(null, null, 30, null, "2020-01-01")));

        StayStatus status = StayCalculator.status(SYRIAN, periods, day("2026-03-10"));

        assertThat(periods.getFirst().lastLegalDay()).isEqualTo("2026-03-30");
        assertThat(status.daysUsed()).isEqualTo(10);
        assertThat(status.daysRemaining()).isEqualTo(20);
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-03-30")).overstay()).isFalse();
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-03-31")).daysOver()).isEqualTo(1);
    }

    @Test
    void letsTheVisasOwnPermittedStayWinOverTheRule() {
        VisaGrant visit = visa(VisaType.VISIT_VISA, "2026-01-01", "2026-12-31", 60, null);
        StayRule thirty = rule(null, VisaType.VISIT_VISA, 30, null, "2020-01-01");

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", visit)), List.of(visit), List.of(thirty))
                .getFirst();

        // 1 March + 59 days.
        assertThat(stay.lastLegalDay()).isEqualTo("2026-04-29");
        assertThat(stay.basis()).isEqualTo(StayBasis.VISA);
        assertThat(stay.permittedDays()).isEqualTo(60);
        assertThat(stay.ruleId()).isNull();
    }

    @Test
    void appliesTheRuleForItsTypeToAVisaThatNamesNoStay() {
        VisaGrant eVisa = visa(VisaType.E_VISA, "2026-01-01", "2026-12-31", null, null);
        StayRule sixty = rule(null, VisaType.E_VISA, 60, null, "2020-01-01");

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", eVisa)), List.of(eVisa), List.of(sixty))
                .getFirst();

        assertThat(stay.lastLegalDay()).isEqualTo("2026-04-29");
        assertThat(stay.ruleId()).isEqualTo(sixty.id());
        assertThat(stay.visaId()).isEqualTo(eVisa.id());
    }

    @Test
    void capsTheStayAtTheVisasValidity() {
        VisaGrant eVisa = visa(VisaType.E_VISA, "2026-03-01", "2026-03-20", 30, null);

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-10", eVisa)), List.of(eVisa), List.of()).getFirst();

        // 10 March + 29 days would be 8 April, but the visa ends on 20 March.
        assertThat(stay.lastLegalDay()).isEqualTo("2026-03-20");
    }

    @Test
    void runsAVisaWithoutAnyStayRuleToItsValidityAndSaysSo() {
        VisaGrant other = visa(VisaType.OTHER, "2026-01-01", "2026-06-30", null, null);

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", other)), List.of(other), List.of()).getFirst();

        assertThat(stay.lastLegalDay()).isEqualTo("2026-06-30");
        assertThat(stay.permittedDays()).isNull();
        assertThat(stay.flags()).containsExactly(StayFlag.NO_STAY_RULE);
    }

    @Test
    void addsAnExtensionFromTheDayItIsGranted() {
        VisaGrant onArrival = visa(VisaType.VISA_ON_ARRIVAL, "2026-03-01", "2026-04-30", 30, 1,
                extension("2026-03-25", 30));
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01", onArrival)), List.of(onArrival),
                List.of());

        // 30 March + 30 days = 29 April, still inside the visa's validity.
        assertThat(periods.getFirst().lastLegalDay()).isEqualTo("2026-04-29");
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-03-20")).lastLegalDay()).isEqualTo("2026-03-30");
        assertThat(StayCalculator.status(SYRIAN, periods, day("2026-03-26")).lastLegalDay()).isEqualTo("2026-04-29");
    }

    @Test
    void movesTheValidityCapByTheExtensionForThatStay() {
        VisaGrant eVisa = visa(VisaType.E_VISA, "2026-03-01", "2026-03-15", 30, null, extension("2026-03-10", 10));

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", eVisa)), List.of(eVisa), List.of()).getFirst();

        // min(1 March + 29 + 10, 15 March + 10) = min(9 April, 25 March).
        assertThat(stay.lastLegalDay()).isEqualTo("2026-03-25");
    }

    @Test
    void addsExtensionsWithoutWrappingPastTheLargestNumber() {
        VisaGrant onArrival = visa(VisaType.VISA_ON_ARRIVAL, "2026-03-01", "2026-04-30", 30, 1,
                extension("2026-03-05", Integer.MAX_VALUE), extension("2026-03-06", Integer.MAX_VALUE));
        VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2026-01-01", "2026-06-30", null, null,
                extension("2026-02-01", Integer.MAX_VALUE), extension("2026-02-02", Integer.MAX_VALUE));

        StayPeriod visitor = periods(SYRIAN, List.of(entry("2026-03-01", onArrival)), List.of(onArrival), List.of())
                .getFirst();
        List<StayPeriod> resident = periods(TURKISH, List.of(entry("2026-03-01")), List.of(permit), List.of());

        // Summed in int, the two extensions came to -2 days: a limit before the stay began.
        assertThat(visitor.lastLegalDay()).isEqualTo("9999-12-31");
        assertThat(StayCalculator.status(SYRIAN, List.of(visitor), day("2030-01-01")).overstay()).isFalse();
        assertThat(resident.getFirst().lastLegalDay()).isEqualTo("9999-12-31");
        assertThat(StayCalculator.status(TURKISH, resident, day("2030-01-01")).overstay()).isFalse();
    }

    @Test
    void refusesARuleOrWindowLongerThanTenYears() {
        assertThatIllegalArgumentException().isThrownBy(() -> rule(null, null, StayRule.MAX_DAYS + 1, null, "2026-01-01"));
        assertThatIllegalArgumentException().isThrownBy(() -> rule(null, null, 90, StayRule.MAX_DAYS + 1, "2026-01-01"));
        assertThat(rule(null, null, 90, StayRule.MAX_DAYS, "2026-01-01").windowDays()).isEqualTo(3650);
    }

    @Test
    void givesAnExtensionToTheStayItWasGrantedFor() {
        VisaExtension during = extension("2026-03-05", 10);
        VisaExtension between = extension("2026-03-20", 5);
        VisaGrant multiple = visa(VisaType.VISIT_VISA, "2026-01-01", "2026-12-31", 30, null, during, between);
        List<Movement> movements = List.of(entry("2026-03-01", multiple), exit("2026-03-10"),
                entry("2026-04-01", multiple));

        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(multiple), List.of());

        // First stay: 30 March + 10. Second: 30 April + the 5 days granted while the traveller was away.
        assertThat(periods).extracting(StayPeriod::lastLegalDay).containsExactly(day("2026-04-09"), day("2026-05-05"));
    }

    @Test
    void usesAHeldVisaWhenNoneIsPresentedStartingWithTheLatest() {
        VisaGrant older = visa(VisaType.VISIT_VISA, "2026-01-01", "2026-12-31", 30, null);
        VisaGrant newer = visa(VisaType.E_VISA, "2026-02-01", "2026-12-31", 45, null);

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01")), List.of(older, newer), List.of()).getFirst();

        assertThat(stay.visaId()).isEqualTo(newer.id());
        assertThat(stay.lastLegalDay()).isEqualTo("2026-04-14");
    }

    @Test
    void flagsEntriesBeyondWhatTheVisaAllowsAndPrefersAVisaWithEntriesLeft() {
        VisaGrant single = visa(VisaType.VISIT_VISA, "2026-02-01", "2026-12-31", 30, 1);
        VisaGrant multiple = visa(VisaType.VISIT_VISA, "2026-01-01", "2026-12-31", 20, null);
        List<Movement> movements = List.of(entry("2026-03-01", single), exit("2026-03-05"),
                entry("2026-04-01", single), exit("2026-04-05"), entry("2026-05-01"));

        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(single, multiple), List.of());

        assertThat(periods.get(0).flags()).isEmpty();
        assertThat(periods.get(1).flags()).containsExactly(StayFlag.VISA_ENTRIES_EXHAUSTED);
        assertThat(periods.get(1).visaId()).isEqualTo(single.id());
        assertThat(periods.get(2).visaId()).isEqualTo(multiple.id());
        assertThat(periods.get(2).flags()).isEmpty();
    }

    @Test
    void showsAnExpiredVisaAsAnOverstayFromTheEntryWhenNothingElseApplies() {
        VisaGrant expired = visa(VisaType.VISA_ON_ARRIVAL, "2026-01-01", "2026-01-31", 30, 1);
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-02-10", expired)), List.of(expired), List.of());

        StayStatus status = StayCalculator.status(SYRIAN, periods, day("2026-02-10"));

        assertThat(periods.getFirst().flags()).containsExactly(StayFlag.VISA_EXPIRED_AT_ENTRY);
        assertThat(periods.getFirst().lastLegalDay()).isEqualTo("2026-01-31");
        assertThat(status.overstay()).isTrue();
        assertThat(status.daysOver()).isEqualTo(10);
    }

    @Test
    void fallsBackToTheRuleWhenThePresentedVisaIsNotValid() {
        VisaGrant future = visa(VisaType.E_VISA, "2026-04-01", "2026-06-30", 30, 1);
        StayRule visaFree = rule("TUR", null, 90, null, "2020-01-01");

        StayPeriod stay = periods(TURKISH, List.of(entry("2026-03-01", future)), List.of(future), List.of(visaFree))
                .getFirst();

        assertThat(stay.flags()).containsExactly(StayFlag.VISA_NOT_YET_VALID_AT_ENTRY);
        assertThat(stay.basis()).isEqualTo(StayBasis.RULE);
        assertThat(stay.ruleId()).isEqualTo(visaFree.id());
        assertThat(stay.lastLegalDay()).isEqualTo("2026-05-29");
    }

    @Test
    void ignoresAPresentedVisaThatIsNotOnRecord() {
        Movement entry = new Movement(UUID.randomUUID(), Direction.ENTRY, day("2026-03-01"),
                at("2026-03-01"), UUID.randomUUID());

        StayPeriod stay = periods(SYRIAN, List.of(entry), List.of(), List.of()).getFirst();

        assertThat(stay.flags()).containsExactlyInAnyOrder(StayFlag.VISA_NOT_ON_RECORD, StayFlag.UNKNOWN_STAY);
        assertThat(stay.basis()).isEqualTo(StayBasis.UNKNOWN);
    }

    // ---------------------------------------------------------------------------------------------
    // Rules as data

    @Test
    void keepsTheRuleInForceOnTheEntryDayWhenTheRuleChangesLater() {
        StayRule before = rule("SYR", null, 30, null, "2025-01-01");
        StayRule after = rule("SYR", null, 15, null, "2026-06-01");
        List<Movement> movements = List.of(entry("2026-05-20"), exit("2026-06-10"), entry("2026-07-01"));

        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(), List.of(after, before));

        // 20 May + 29 days, although the stay runs into June; then 1 July + 14 days under the new version.
        assertThat(periods).extracting(StayPeriod::ruleId).containsExactly(before.id(), after.id());
        assertThat(periods).extracting(StayPeriod::lastLegalDay).containsExactly(day("2026-06-18"), day("2026-07-15"));
    }

    @Test
    void prefersTheNationalitysRuleThenTheGeneralOneForTheVisaType() {
        List<StayRule> rules = List.of(
                rule(null, null, 30, null, "2020-01-01"),
                rule("SYR", null, 15, null, "2020-01-01"),
                rule(null, VisaType.VISIT_VISA, 45, null, "2020-01-01"),
                rule("SYR", VisaType.VISIT_VISA, 20, null, "2020-01-01"),
                // newer, but less specific: it does not displace Syria's own rule
                rule(null, null, 60, null, "2025-01-01"));
        VisaGrant visit = visa(VisaType.VISIT_VISA, "2026-01-01", "2026-12-31", null, null);
        VisaGrant eVisa = visa(VisaType.E_VISA, "2026-01-01", "2026-12-31", null, null);

        assertThat(firstStay(SYRIAN, null, rules).permittedDays()).isEqualTo(15);
        assertThat(firstStay(TURKISH, null, rules).permittedDays()).isEqualTo(60);
        assertThat(firstStay(SYRIAN, visit, rules).permittedDays()).isEqualTo(20);
        assertThat(firstStay(TURKISH, visit, rules).permittedDays()).isEqualTo(45);
        // A rule for entering without a visa never sets the stay of a visa holder.
        StayPeriod eVisaStay = firstStay(SYRIAN, eVisa, rules);
        assertThat(eVisaStay.permittedDays()).isNull();
        assertThat(eVisaStay.lastLegalDay()).isEqualTo("2026-12-31");
        assertThat(eVisaStay.flags()).containsExactly(StayFlag.NO_STAY_RULE);
    }

    @Test
    void readsGermanysTwoCodesAsOneNationality() {
        List<StayRule> rules = List.of(rule("DEU", null, 90, null, "2020-01-01"));

        assertThat(firstStay(StayFacts.foreigner("D"), null, rules).permittedDays()).isEqualTo(90);
    }

    @Test
    void leavesAStayWithoutVisaOrRuleUnknown() {
        List<StayPeriod> periods = periods(SYRIAN, List.of(entry("2026-03-01")), List.of(),
                List.of(rule("TUR", null, 90, null, "2020-01-01")));

        StayStatus status = StayCalculator.status(SYRIAN, periods, day("2027-03-01"));

        assertThat(periods.getFirst().basis()).isEqualTo(StayBasis.UNKNOWN);
        assertThat(periods.getFirst().flags()).containsExactly(StayFlag.UNKNOWN_STAY);
        assertThat(status.basis()).isEqualTo(StayBasis.UNKNOWN);
        assertThat(status.lastLegalDay()).isNull();
        assertThat(status.daysRemaining()).isNull();
        assertThat(status.overstay()).isFalse();
    }

    @Test
    void rejectsTwoVersionsOfARuleFromTheSameDay() {
        List<StayRule> twins = List.of(rule("SYR", null, 30, null, "2026-01-01"),
                rule("SYR", null, 15, null, "2026-01-01"));

        assertThatIllegalArgumentException().isThrownBy(() -> periods(SYRIAN, List.of(entry("2026-03-01")), List.of(),
                twins)).withMessageContaining("both in force from 2026-01-01");
    }

    @Test
    void rejectsARollingWindowNoLongerThanTheDaysItPermits() {
        assertThatIllegalArgumentException().isThrownBy(() -> rule(null, null, 90, 90, "2026-01-01"))
                .withMessageContaining("90 in 90");
        assertThatIllegalArgumentException().isThrownBy(() -> rule("Syria", null, 90, null, "2026-01-01"));
    }

    @Test
    void neverConsultsARuleForResidencePermits() {
        VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2026-01-01", "2026-12-31", null, null);
        StayRule ignored = rule(null, VisaType.RESIDENCE_PERMIT, 30, null, "2020-01-01");

        StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", permit)), List.of(permit), List.of(ignored))
                .getFirst();

        assertThat(stay.lastLegalDay()).isEqualTo("2026-12-31");
        assertThat(stay.ruleId()).isNull();
    }

    @Test
    void appliesTheGeneralRulesToANationalityNoRuleNames() {
        List<StayRule> rules = List.of(rule(null, null, 30, null, "2020-01-01"), rule("SYR", null, 15, null,
                "2020-01-01"));

        assertThat(firstStay(StayFacts.foreigner("X1Z"), null, rules).permittedDays()).isEqualTo(30);
        assertThat(firstStay(new StayFacts(" ", false), null, rules).permittedDays()).isEqualTo(30);
    }

    // ---------------------------------------------------------------------------------------------
    // Stays, in whatever order the crossings come

    @Test
    void makesEachEntryAndExitItsOwnStayWhateverTheOrderGiven() {
        List<Movement> movements = new ArrayList<>(List.of(entry("2026-01-05"), exit("2026-01-20"),
                entry("2026-02-01"), exit("2026-02-03"), entry("2026-03-01")));
        List<StayRule> rules = List.of(rule(null, null, 30, null, "2020-01-01"));
        List<StayPeriod> inOrder = periods(SYRIAN, movements, List.of(), rules);

        List<StayPeriod> reversed = periods(SYRIAN, movements.reversed(), List.of(), rules);

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder).extracting(StayPeriod::entryDay, StayPeriod::exitDay).containsExactly(
                tuple(day("2026-01-05"), day("2026-01-20")),
                tuple(day("2026-02-01"), day("2026-02-03")),
                tuple(day("2026-03-01"), null));
        assertThat(inOrder).extracting(StayPeriod::lastLegalDay)
                .containsExactly(day("2026-02-03"), day("2026-03-02"), day("2026-03-30"));
    }

    @Test
    void recordsButFlagsTwoEntriesInARowAndAnExitWithoutEntry() {
        List<Movement> movements = List.of(entry("2026-03-01"), entry("2026-03-10"), exit("2026-03-20"),
                exit("2026-03-25"));

        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(),
                List.of(rule(null, null, 30, null, "2020-01-01")));

        assertThat(periods).hasSize(3);
        StayPeriod unseenExit = periods.get(0);
        assertThat(unseenExit.exitDay()).isEqualTo("2026-03-10");
        assertThat(unseenExit.exitCrossingId()).isNull();
        assertThat(unseenExit.flags()).containsExactly(StayFlag.NO_EXIT_RECORDED);
        assertThat(periods.get(1).flags()).isEmpty();
        StayPeriod unseenEntry = periods.get(2);
        assertThat(unseenEntry.entryCrossingId()).isNull();
        assertThat(unseenEntry.entryDay()).isNull();
        assertThat(unseenEntry.exitDay()).isEqualTo("2026-03-25");
        assertThat(unseenEntry.basis()).isEqualTo(StayBasis.UNKNOWN);
        assertThat(unseenEntry.flags()).containsExactly(StayFlag.NO_ENTRY_RECORDED);

        StayStatus afterwards = StayCalculator.status(SYRIAN, periods, day("2026-03-26"));
        assertThat(afterwards.present()).isFalse();
        assertThat(afterwards.stay()).isEqualTo(unseenEntry);
    }

    @Test
    void rejectsTheSameCrossingTwice() {
        Movement entry = entry("2026-03-01");

        assertThatIllegalArgumentException().isThrownBy(() -> periods(SYRIAN, List.of(entry, entry), List.of(),
                List.of())).withMessageContaining("appears twice");
    }

    // ---------------------------------------------------------------------------------------------
    // Status as of a day

    @Test
    void answersAsOfAPastDayFromTheWholeHistory() {
        List<Movement> movements = List.of(entry("2026-03-01"), exit("2026-03-20"), entry("2026-04-01"),
                entry("2026-04-15"));
        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(),
                List.of(rule(null, null, 30, null, "2020-01-01")));

        StayStatus beforeAnything = StayCalculator.status(SYRIAN, periods, day("2026-02-28"));
        StayStatus firstStay = StayCalculator.status(SYRIAN, periods, day("2026-03-10"));
        StayStatus exitDay = StayCalculator.status(SYRIAN, periods, day("2026-03-20"));
        StayStatus away = StayCalculator.status(SYRIAN, periods, day("2026-03-25"));
        // The second stay ended only when the third entry was recorded: on 10 April it was still open.
        StayStatus secondStay = StayCalculator.status(SYRIAN, periods, day("2026-04-10"));

        assertThat(beforeAnything.present()).isFalse();
        assertThat(beforeAnything.stay()).isNull();
        assertThat(beforeAnything.basis()).isNull();
        assertThat(firstStay.present()).isTrue();
        assertThat(firstStay.lastLegalDay()).isEqualTo("2026-03-30");
        assertThat(firstStay.daysUsed()).isEqualTo(10);
        assertThat(exitDay.present()).isFalse();
        assertThat(exitDay.daysUsed()).isEqualTo(20);
        assertThat(exitDay.daysRemaining()).isNull();
        assertThat(away.stay()).isEqualTo(periods.getFirst());
        assertThat(away.lastLegalDay()).isEqualTo("2026-03-30");
        assertThat(secondStay.present()).isTrue();
        assertThat(secondStay.stay()).isEqualTo(periods.get(1));
        assertThat(secondStay.lastLegalDay()).isEqualTo("2026-04-30");
        assertThat(secondStay.daysRemaining()).isEqualTo(20);
    }

    @Test
    void showsAnOverstayAtTheExitThatEndedItAndAtTheNextEntry() {
        List<Movement> movements = List.of(entry("2026-03-01"), exit("2026-04-04"), entry("2026-06-01"));
        List<StayPeriod> periods = periods(SYRIAN, movements, List.of(),
                List.of(rule(null, null, 30, null, "2020-01-01")));

        StayStatus dayBeforeExit = StayCalculator.status(SYRIAN, periods, day("2026-04-03"));
        StayStatus atExit = StayCalculator.status(SYRIAN, periods, day("2026-04-04"));
        StayStatus atNextEntry = StayCalculator.status(SYRIAN, periods, day("2026-06-01"));

        // Legal until 30 March; 31 March to 4 April (the exit day counts) are 5 days over.
        assertThat(periods.getFirst().overstayedDays()).isEqualTo(5);
        assertThat(periods.get(1).overstayedDays()).isZero();
        assertThat(dayBeforeExit.overstay()).isTrue();
        assertThat(dayBeforeExit.daysOver()).isEqualTo(4);
        assertThat(atExit.present()).isFalse();
        assertThat(atExit.overstay()).isFalse();
        assertThat(atExit.pastOverstayDays()).isEqualTo(5);
        assertThat(atNextEntry.present()).isTrue();
        assertThat(atNextEntry.overstay()).isFalse();
        assertThat(atNextEntry.pastOverstayDays()).isEqualTo(5);
    }

    @Test
    void takesStatusStraightFromTheRecords() {
        StayStatus status = StayCalculator.status(SYRIAN, List.of(entry("2026-03-01")), List.of(),
                List.of(rule(null, null, 30, null, "2020-01-01")), day("2026-04-02"));

        assertThat(status.overstay()).isTrue();
        assertThat(status.daysOver()).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------
    // The rolling 90/180 rule, worked as the European Commission's short-stay calculator does.
    // 2026 is not a leap year; day-of-year numbers: 30 Jan = 30, 1 Mar = 60, 30 Mar = 89,
    // 1 May = 121, 30 May = 150, 1 Jun = 152, 30 Jun = 181, 15 Jul = 196, 29 Jul = 210,
    // 1 Aug = 213, 29 Sep = 272. The window of day d is [d - 179, d].

    @Nested
    class RollingWindow {

        /** Three stays of 30 days each (entry and exit days counted): 1-30 Jan, 1-30 Mar, 1-30 May. */
        private List<Movement> threeStaysOfThirtyDays() {
            return new ArrayList<>(List.of(entry("2026-01-01"), exit("2026-01-30"), entry("2026-03-01"),
                    exit("2026-03-30"), entry("2026-05-01"), exit("2026-05-30")));
        }

        @Test
        void leavesNoDayAfterThreeStaysOfThirtyDaysInTheWindow() {
            List<StayPeriod> periods = periods(SYRIAN, threeStaysOfThirtyDays(), List.of(), List.of(NINETY_IN_180));

            // On 30 May the window [2 Dec 2025, 30 May] holds 30 + 30 + 30 = 90 days; on 31 May it
            // would hold 91, so the third stay's last legal day is 30 May.
            assertThat(periods.get(2).lastLegalDay()).isEqualTo("2026-05-30");
            StayStatus lastDay = StayCalculator.status(SYRIAN, periods, day("2026-05-29"));
            assertThat(lastDay.daysUsed()).isEqualTo(89);
            assertThat(lastDay.daysRemaining()).isEqualTo(1);
            // The first stay alone could have run 90 days, to 31 March; the second, with 30 January
            // days in its window, 60 days, to 29 April.
            assertThat(periods.get(0).lastLegalDay()).isEqualTo("2026-03-31");
            assertThat(periods.get(1).lastLegalDay()).isEqualTo("2026-04-29");
        }

        @Test
        void countsTheDaysUsedInTheWindowWhileAway() {
            List<StayPeriod> periods = periods(SYRIAN, threeStaysOfThirtyDays(), List.of(), List.of(NINETY_IN_180));

            // 15 July (day 196): window [17 Jan, 15 Jul] = 14 January days + 30 + 30.
            StayStatus away = StayCalculator.status(SYRIAN, periods, day("2026-07-15"));
            assertThat(away.present()).isFalse();
            assertThat(away.daysUsed()).isEqualTo(74);
            assertThat(away.daysRemaining()).isNull();
        }

        @Test
        void showsAnEntryWithNoDayLeftAsAnOverstayFromItsFirstDay() {
            List<Movement> movements = threeStaysOfThirtyDays();
            movements.add(entry("2026-06-01"));
            List<StayPeriod> periods = periods(SYRIAN, movements, List.of(), List.of(NINETY_IN_180));

            // 1 June: the window [4 Dec 2025, 1 Jun] holds the 90 earlier days plus this one.
            StayPeriod stay = periods.get(3);
            assertThat(stay.lastLegalDay()).isEqualTo("2026-05-31");
            assertThat(stay.flags()).containsExactly(StayFlag.ROLLING_ALLOWANCE_USED_UP);
            StayStatus status = StayCalculator.status(SYRIAN, periods, day("2026-06-01"));
            assertThat(status.daysUsed()).isEqualTo(91);
            assertThat(status.daysRemaining()).isZero();
            assertThat(status.overstay()).isTrue();
            assertThat(status.daysOver()).isEqualTo(1);
        }

        @Test
        void freesTheJanuaryDaysAsTheWindowMovesOn() {
            List<Movement> movements = threeStaysOfThirtyDays();
            movements.add(entry("2026-06-30"));
            List<StayPeriod> periods = periods(SYRIAN, movements, List.of(), List.of(NINETY_IN_180));

            // 30 June (day 181): window [2, 181] = 29 January days + 60 + 1 = 90. Each further day
            // drops one January day until day 210 (29 July: window [31, 210] = 0 + 60 + 30); the next
            // day would add a 91st. So 30 days: the January ones, freed one by one.
            assertThat(periods.get(3).lastLegalDay()).isEqualTo("2026-07-29");
            StayStatus status = StayCalculator.status(SYRIAN, periods, day("2026-07-10"));
            assertThat(status.daysUsed()).isEqualTo(90);
            assertThat(status.daysRemaining()).isEqualTo(19);
        }

        @Test
        void freesTheMarchDaysDuringALaterStay() {
            List<Movement> movements = threeStaysOfThirtyDays();
            movements.add(entry("2026-08-01"));
            List<StayPeriod> periods = periods(SYRIAN, movements, List.of(), List.of(NINETY_IN_180));

            // 1 August (day 213): window [34, 213] = March 30 + May 30 + 1 = 61. Up to day 239 the
            // count grows to 87; from day 240 each day drops one March day, so it stays at 87 until
            // day 269 (window [90, 269]: May 30 + 57). Then it grows again: 88, 89, 90 on day 272
            // (29 September), 91 on day 273. 60 days allowed although only 29 were "left" on entry.
            assertThat(periods.get(3).lastLegalDay()).isEqualTo("2026-09-29");
            assertThat(StayCalculator.status(SYRIAN, periods, day("2026-09-29")).daysUsed()).isEqualTo(90);
        }

        @Test
        void countsADayOfExitAndReentryOnce() {
            List<Movement> movements = List.of(entry("2026-01-01"), exit("2026-01-30"), entry("2026-01-30"));

            List<StayPeriod> periods = periods(SYRIAN, movements, List.of(), List.of(NINETY_IN_180));

            // A border run: 1 January to 31 March is 31 + 28 + 31 = 90 days, 30 January counted once.
            assertThat(periods.get(1).lastLegalDay()).isEqualTo("2026-03-31");
        }

        @Test
        void doesNotCountDaysAsAResident() {
            VisaGrant permit = visa(VisaType.RESIDENCE_PERMIT, "2025-01-01", "2026-02-28", null, null);
            List<Movement> movements = List.of(entry("2026-01-01"), exit("2026-02-28"), entry("2026-03-01"));

            List<StayPeriod> periods = periods(SYRIAN, movements, List.of(permit), List.of(NINETY_IN_180));

            // The 59 days under the permit leave the whole allowance: 1 March + 89 days.
            assertThat(periods.get(1).basis()).isEqualTo(StayBasis.RULE);
            assertThat(periods.get(1).lastLegalDay()).isEqualTo("2026-05-29");
        }

        @Test
        void appliesARollingRuleForAVisaTypeWithinTheVisasValidity() {
            VisaGrant eVisa = visa(VisaType.E_VISA, "2026-01-01", "2026-04-15", null, null);
            StayRule rolling = rule(null, VisaType.E_VISA, 90, 180, "2020-01-01");

            StayPeriod stay = periods(SYRIAN, List.of(entry("2026-03-01", eVisa)), List.of(eVisa), List.of(rolling))
                    .getFirst();

            // 90 days from 1 March would be 29 May; the visa ends on 15 April.
            assertThat(stay.windowDays()).isEqualTo(180);
            assertThat(stay.lastLegalDay()).isEqualTo("2026-04-15");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private StayPeriod firstStay(StayFacts facts, VisaGrant visa, List<StayRule> rules) {
        List<VisaGrant> visas = visa == null ? List.of() : List.of(visa);
        return periods(facts, List.of(entry("2026-03-01", visa)), visas, rules).getFirst();
    }

    private static List<StayPeriod> periods(StayFacts facts, List<Movement> movements, List<VisaGrant> visas,
                                            List<StayRule> rules) {
        return StayCalculator.periods(facts, movements, visas, rules);
    }

    private Movement entry(String day) {
        return entry(day, null);
    }

    private Movement entry(String day, VisaGrant visa) {
        return Movement.entry(UUID.randomUUID(), day(day), at(day), visa == null ? null : visa.id());
    }

    private Movement exit(String day) {
        return Movement.exit(UUID.randomUUID(), day(day), at(day));
    }

    /** Morning in Baghdad on that day, a second later for each crossing, so the order given is kept. */
    private Instant at(String day) {
        return day(day).atTime(8, 0).toInstant(ZoneOffset.ofHours(3)).plusSeconds(sequence++);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static StayRule rule(String nationality, VisaType type, int days, Integer window, String from) {
        return new StayRule(UUID.randomUUID(), nationality, type, days, window, day(from));
    }

    private static VisaGrant visa(VisaType type, String from, String until, Integer stayDays, Integer entries,
                                  VisaExtension... extensions) {
        return new VisaGrant(UUID.randomUUID(), type, day(from), day(until), stayDays, entries, List.of(extensions));
    }

    private static VisaExtension extension(String grantedOn, int days) {
        return new VisaExtension(UUID.randomUUID(), day(grantedOn), days);
    }
}
