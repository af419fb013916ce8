package org.manfadh.bordercontrol.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.VisaType;

class StayPropertiesTests {

    /** A traveller's records as the register might hold them, leaks and oddities included. */
    record History(StayFacts facts, List<Movement> movements, List<VisaGrant> visas, List<StayRule> rules) {

        static History random(Random random) {
            LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(30));
            StayFacts facts = new StayFacts(random.nextBoolean() ? "SYR" : "TUR", random.nextInt(10) == 0);

            List<VisaGrant> visas = new ArrayList<>();
            VisaType[] types = VisaType.values();
            for (int i = random.nextInt(4); i > 0; i--) {
                LocalDate from = start.plusDays(random.nextInt(360) - 60);
                List<VisaExtension> extensions = new ArrayList<>();
                for (int e = random.nextInt(3); e > 0; e--) {
                    extensions.add(new VisaExtension(UUID.randomUUID(), start.plusDays(random.nextInt(400)),
                            1 + random.nextInt(60)));
                }
                visas.add(new VisaGrant(UUID.randomUUID(), types[random.nextInt(types.length)], from,
                        from.plusDays(random.nextInt(400)), random.nextInt(5) < 2 ? null : 1 + random.nextInt(120),
                        random.nextBoolean() ? null : 1 + random.nextInt(3), extensions));
            }

            List<StayRule> rules = new ArrayList<>();
            // Always a rolling rule for entering without a visa, tight enough to be used up.
            int permitted = 5 + random.nextInt(86);
            rules.add(new StayRule(UUID.randomUUID(), null, null, permitted, permitted + 1 + random.nextInt(2 * permitted),
                    LocalDate.of(2020, 1, 1)));
            if (random.nextBoolean()) {
                int later = 5 + random.nextInt(86);
                rules.add(new StayRule(UUID.randomUUID(), null, null, later, later + 1 + random.nextInt(2 * later),
                        start.plusDays(random.nextInt(300))));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                VisaType type = types[random.nextInt(types.length)];
                int days = 1 + random.nextInt(90);
                rules.add(new StayRule(UUID.randomUUID(), random.nextBoolean() ? "SYR" : null, type, days,
                        random.nextInt(5) < 2 ? days + 1 + random.nextInt(200) : null,
                        start.plusDays(random.nextInt(400) - 200 + i)));
            }

            List<Movement> movements = new ArrayList<>();
            LocalDate day = start;
            Direction next = random.nextInt(5) == 0 ? Direction.EXIT : Direction.ENTRY;
            for (int i = random.nextInt(15); i > 0; i--) {
                day = day.plusDays(random.nextInt(6) == 0 ? 0 : random.nextInt(120));
                Instant at = day.atTime(6, 0).toInstant(ZoneOffset.ofHours(3)).plusSeconds(movements.size());
                UUID visaId = null;
                if (next == Direction.ENTRY && !visas.isEmpty() && random.nextBoolean()) {
                    visaId = random.nextInt(20) == 0 ? UUID.randomUUID() : visas.get(random.nextInt(visas.size())).id();
                }
                movements.add(new Movement(UUID.randomUUID(), next, day, at, visaId));
                // Mostly alternating, as a register should be; sometimes a crossing went unrecorded.
                Direction other = next == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                next = random.nextInt(6) == 0 ? next : other;
            }
            return new History(facts, List.copyOf(movements), List.copyOf(visas), dropSameDayVersions(rules));
        }

        /** The store holds one version of a rule a day; so does this history. */
        private static List<StayRule> dropSameDayVersions(List<StayRule> rules) {
            Set<String> seen = new HashSet<>();
            return rules.stream()
                    .filter(rule -> seen.add(rule.nationality() + "/" + rule.visaType() + "/" + rule.effectiveFrom()))
                    .toList();
        }

        List<StayPeriod> periods() {
            return StayCalculator.periods(facts, movements, visas, rules);
        }

        /** The days worth asking about: every crossing day and the days around it. */
        Set<LocalDate> interestingDays(Random random) {
            Set<LocalDate> days = new TreeSet<>();
            for (Movement movement : movements) {
                days.add(movement.day().minusDays(1));
                days.add(movement.day());
                days.add(movement.day().plusDays(1));
                days.add(movement.day().plusDays(random.nextInt(400)));
            }
            days.add(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(900)));
            return days;
        }
    }

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.randomValue(History::random);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 500)
    void saysOverstayExactlyWhenPresentPastTheLastLegalDay(@ForAll("histories") History history,
                                                          @ForAll("seeds") long seed) {
        List<StayPeriod> periods = history.periods();
        for (LocalDate asOf : history.interestingDays(new Random(seed))) {
            StayStatus status = StayCalculator.status(history.facts(), periods, asOf);

            assertThat(status.daysRemaining() == null || status.daysRemaining() >= 0).isTrue();
            assertThat(status.overstay()).as("as of %s: %s", asOf, status).isEqualTo(status.present()
                    && status.lastLegalDay() != null && status.lastLegalDay().isBefore(asOf));
            if (history.facts().citizen()) {
                assertThat(status.overstay()).isFalse();
                assertThat(status.pastOverstayDays()).isZero();
            }
            if (status.present() && holdsAValidPermit(history, asOf)) {
                assertThat(status.overstay()).as("a resident as of %s: %s", asOf, status).isFalse();
            }
            Statistics.label("present").collect(status.present());
            Statistics.label("overstay").collect(status.overstay());
        }
    }

    @Property(tries = 500)
    void neverLetsARollingStayExceedItsAllowanceAndGivesEveryDayItCan(@ForAll("histories") History history) {
        List<StayPeriod> periods = history.periods();
        for (int i = 0; i < periods.size(); i++) {
            StayPeriod stay = periods.get(i);
            StayCover atEntry = stay.covers().getFirst();
            if (stay.entryDay() == null || !atEntry.rolling() || atEntry.basis() != StayBasis.RULE) {
                continue;
            }
            Set<LocalDate> before = countedDaysBefore(periods.subList(0, i), stay.entryDay());
            int permitted = atEntry.permittedDays();
            int window = atEntry.windowDays();
            LocalDate last = atEntry.lastLegalDay();
            for (LocalDate d = stay.entryDay(); !d.isAfter(last); d = d.plusDays(1)) {
                assertThat(presenceInWindow(before, stay.entryDay(), d, window)).as("on %s", d)
                        .isLessThanOrEqualTo(permitted);
            }
            // One more day would have been one too many.
            assertThat(presenceInWindow(before, stay.entryDay(), last.plusDays(1), window)).isGreaterThan(permitted);
            Statistics.label("allowance used up at entry").collect(last.isBefore(stay.entryDay()));
        }
    }

    @Property(tries = 500)
    void answersAsOfAPastDayAsTheRecordsOfThatDayWould(@ForAll("histories") History history,
                                                       @ForAll("seeds") long seed) {
        List<StayPeriod> periods = history.periods();
        for (LocalDate asOf : history.interestingDays(new Random(seed))) {
            List<Movement> known = history.movements().stream().filter(m -> !m.day().isAfter(asOf)).toList();
            StayStatus fromEverything = StayCalculator.status(history.facts(), periods, asOf);
            StayStatus fromThatDay = StayCalculator.status(history.facts(), known, history.visas(), history.rules(), asOf);

            assertThat(fromEverything).usingRecursiveComparison().ignoringFields("stay").isEqualTo(fromThatDay);
        }
    }

    @Property(tries = 500)
    void placesEveryCrossingInExactlyOnePeriod(@ForAll("histories") History history) {
        List<StayPeriod> periods = history.periods();
        List<UUID> placed = new ArrayList<>();
        for (StayPeriod period : periods) {
            if (period.entryCrossingId() != null) {
                placed.add(period.entryCrossingId());
            }
            if (period.exitCrossingId() != null) {
                placed.add(period.exitCrossingId());
            }
        }

        assertThat(placed).containsExactlyInAnyOrderElementsOf(history.movements().stream()
                .map(Movement::crossingId).toList());
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).firstDay()).isAfterOrEqualTo(periods.get(i - 1).exitDay());
        }
    }

    private static boolean holdsAValidPermit(History history, LocalDate day) {
        return history.visas().stream().anyMatch(grant -> grant.residencePermit() && !day.isBefore(grant.validFrom())
                && !day.isAfter(grant.validUntil().plusDays(grant.extensions().stream()
                        .filter(e -> !e.grantedOn().isAfter(day)).mapToInt(VisaExtension::extraDays).sum())));
    }

    /** Days present before {@code entry}, on a basis that counts towards a rolling window, one by one. */
    private static Set<LocalDate> countedDaysBefore(List<StayPeriod> earlier, LocalDate entry) {
        Set<LocalDate> days = new HashSet<>();
        for (StayPeriod period : earlier) {
            for (LocalDate d = period.firstDay(); !d.isAfter(period.exitDay()) && d.isBefore(entry); d = d.plusDays(1)) {
                StayBasis basis = period.coverOn(d).basis();
                if (basis != StayBasis.CITIZEN && basis != StayBasis.RESIDENCE_PERMIT) {
                    days.add(d);
                }
            }
        }
        return days;
    }

    /** Days present in the window ending on {@code d}, for a traveller present every day from {@code entry}. */
    private static int presenceInWindow(Set<LocalDate> before, LocalDate entry, LocalDate d, int window) {
        int count = 0;
        for (LocalDate x = d.minusDays(window - 1L); !x.isAfter(d); x = x.plusDays(1)) {
            if (!x.isBefore(entry) || before.contains(x)) {
                count++;
            }
        }
        return count;
    }
}
