package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.manfadh.bordercontrol.CrossingBacklog;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.demo.internal.DemoTraffic.Crossing;
import org.manfadh.demo.internal.DemoTraffic.Traffic;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.IcaoCodes;
import org.manfadh.referencedata.RefusalReason;

class DemoTrafficTests {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = TODAY.atTime(LocalTime.of(13, 25)).atZone(BAGHDAD).toInstant();

    /** The starting rules of the register (migration V5). */
    static final List<StayRule> RULES = List.of(
            rule(1, VisaType.VISA_ON_ARRIVAL, 60), rule(2, VisaType.E_VISA, 60), rule(3, VisaType.VISIT_VISA, 30),
            rule(4, VisaType.KRI_VISA_ON_ARRIVAL, 30), rule(5, VisaType.VISA_EXEMPT, 30));

    private static StayRule rule(int n, VisaType type, int days) {
        return new StayRule(UUID.fromString("01900000-0000-7000-8000-00000000000" + n), null, type, days, null,
                LocalDate.of(2020, 1, 1));
    }

    /** One year at a small scale, made once for the tests that only look at it. */
    private static Traffic year;

    private static synchronized Traffic year() {
        if (year == null) {
            year = traffic(20_000, 1);
        }
        return year;
    }

    static Traffic traffic(int scale, long seed) {
        return traffic(new DemoTraffic.Settings(TODAY, NOW, BAGHDAD, scale, seed));
    }

    static Traffic traffic(DemoTraffic.Settings settings) {
        AtomicLong ids = new AtomicLong();
        DemoTraffic.Register register = new DemoTraffic.Register(borderPoints(), refusalReasons(),
                IcaoCodes.bundled()::contains, RULES,
                at -> new UUID(at.toEpochMilli() << 16 | 0x7000L, 0x8000000000000000L | ids.incrementAndGet()));
        return DemoTraffic.generate(settings, register, DemoNames.bundled());
    }

    /** The three years of the history at a small scale, latest first, made once. */
    private static List<Traffic> history;

    private static synchronized List<Traffic> history() {
        if (history == null) {
            List<Traffic> years = new ArrayList<>();
            for (int back = 0; back < DemoTraffic.YEARS; back++) {
                years.add(traffic(new DemoTraffic.Settings(TODAY, back, NOW, BAGHDAD, 12_000, 3)));
            }
            history = List.copyOf(years);
        }
        return history;
    }

    /** Crossings a day at a border point over the whole history (an earlier year's last trips end in the next). */
    private static Map<LocalDate, Integer> daily(String point) {
        return daily(point, null);
    }

    private static Map<LocalDate, Integer> daily(String point, Direction direction) {
        Map<LocalDate, Integer> days = new java.util.TreeMap<>();
        history().forEach(t -> t.crossings().stream().filter(c -> c.point().code().equals(point))
                .filter(c -> direction == null || c.direction() == direction)
                .forEach(c -> days.merge(LocalDate.ofInstant(c.occurredAt(), BAGHDAD), 1, Integer::sum)));
        return days;
    }

    private static LocalDate busiestDay(Map<LocalDate, Integer> days, LocalDate from, LocalDate to) {
        return days.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void placesArbaeenAndAshuraOnTheDaysIraqKeeps() {
        // Umm al-Qura's 1 Safar 1446 is 5 August 2024; Iraq's a day later, and Arbaeen on 25 August.
        assertThat(DemoTraffic.arbaeen(1446)).isEqualTo(LocalDate.of(2024, 8, 25));
        assertThat(DemoTraffic.arbaeen(1447)).isEqualTo(LocalDate.of(2025, 8, 15));
        assertThat(DemoTraffic.ashura(1446)).isEqualTo(LocalDate.of(2024, 7, 17));
        assertThat(DemoTraffic.monthStart(1446, 2)).isEqualTo(LocalDate.of(2024, 8, 6));
        // Only Muharram and Safar are moved: Dhu al-Hijjah, for the Hajj, is Umm al-Qura's own.
        assertThat(DemoTraffic.monthStart(1446, 12)).isEqualTo(LocalDate.of(2025, 5, 28));
    }

    @Test
    void makesThreeYearsThatJoinDayToDayAndGrowWithTheTrend() {
        List<Traffic> years = history();

        for (int back = 0; back < years.size(); back++) {
            Traffic year = years.get(back);
            assertThat(year.to()).isEqualTo(TODAY.minusDays(365L * back));
            assertThat(year.from()).isEqualTo(year.to().minusDays(364));
            if (back > 0) {
                assertThat(year.to().plusDays(1)).isEqualTo(years.get(back - 1).from());
            }
            // Trips start within the year; nothing happens after now.
            assertThat(year.crossings()).allSatisfy(c -> assertThat(c.occurredAt()).isBefore(NOW));
            // (a night flight of the last day may reach the booth after midnight)
            assertThat(year.histories()).allSatisfy(h -> assertThat(LocalDate.ofInstant(h.getFirst().occurredAt(),
                    BAGHDAD)).isBetween(year.from(), year.to().plusDays(1)));
        }
        assertThat(years.get(2).crossings().size()).isLessThan(years.get(0).crossings().size() * 95 / 100);
        // No step where the years meet: the month either side of a join is about as busy.
        Map<LocalDate, Integer> days = new java.util.TreeMap<>();
        years.forEach(t -> t.crossings().forEach(c -> days.merge(LocalDate.ofInstant(c.occurredAt(), BAGHDAD), 1,
                Integer::sum)));
        LocalDate join = years.get(0).from();
        long before = days.entrySet().stream().filter(e -> e.getKey().isBefore(join)
                && !e.getKey().isBefore(join.minusDays(28))).mapToLong(Map.Entry::getValue).sum();
        long after = days.entrySet().stream().filter(e -> !e.getKey().isBefore(join)
                && e.getKey().isBefore(join.plusDays(28))).mapToLong(Map.Entry::getValue).sum();
        assertThat((double) after / before).isBetween(0.85, 1.2);
    }

    @Test
    void peaksAtZurbatiyahInTheArbaeenWindowElevenDaysEarlierEachYear() {
        Map<LocalDate, Integer> zrb = daily("ZRB");
        Map<LocalDate, Integer> arrivals = daily("ZRB", Direction.ENTRY);
        List<LocalDate> peaks = new ArrayList<>();
        for (Traffic year : history()) {
            LocalDate arbaeen = DemoTraffic.arbaeenDays(year.from(), year.to()).stream()
                    .filter(a -> !a.isBefore(year.from()) && !a.isAfter(year.to())).findFirst().orElseThrow();
            // In and out: the arrivals before Arbaeen or the departures after it make the year's busiest day.
            assertThat(busiestDay(zrb, year.from(), year.to())).as("the busiest day at ZRB from %s to %s",
                    year.from(), year.to()).isBetween(arbaeen.minusDays(14), arbaeen.plusDays(10));
            LocalDate peak = busiestDay(arrivals, year.from(), year.to());
            assertThat(peak).isBetween(arbaeen.minusDays(5), arbaeen);
            peaks.add(peak);
        }
        for (int i = 1; i < peaks.size(); i++) {
            long apart = peaks.get(i - 1).toEpochDay() - peaks.get(i).toEpochDay();
            assertThat(365 - apart).as("days earlier than a year before: %s after %s", peaks.get(i - 1), peaks.get(i))
                    .isBetween(8L, 14L);
        }
    }

    @Test
    void bringsPilgrimsToZurbatiyahForAshuraFewerThanForArbaeen() {
        Map<LocalDate, Integer> zrb = daily("ZRB");
        for (Traffic year : history()) {
            LocalDate ashura = DemoTraffic.ashuraDays(year.from(), year.to()).stream()
                    .filter(a -> !a.isBefore(year.from().plusDays(7)) && !a.isAfter(year.to())).findFirst().orElseThrow();
            LocalDate arbaeen = DemoTraffic.arbaeen(HijrahDate.from(ashura).get(ChronoField.YEAR));
            double ashuraWeek = perDay(zrb, ashura.minusDays(4), ashura.minusDays(1));
            double arbaeenWeek = perDay(zrb, arbaeen.minusDays(4), arbaeen.minusDays(1));
            double quiet = perDay(zrb, arbaeen.plusDays(60), arbaeen.plusDays(120));

            assertThat(ashuraWeek).as("Ashura %s", ashura).isGreaterThan(2.5 * quiet).isLessThan(arbaeenWeek / 2);
        }
    }

    private static double perDay(Map<LocalDate, Integer> days, LocalDate from, LocalDate to) {
        return days.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .mapToInt(Map.Entry::getValue).sum() / (double) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    @Test
    void bringsIraniansFirstThenPakistanisToZurbatiyahForArbaeen() {
        Traffic latest = history().getFirst();
        LocalDate arbaeen = latest.arbaeen().getLast();
        Map<String, Long> nationalities = latest.crossings().stream()
                .filter(c -> c.point().code().equals("ZRB") && c.direction() == Direction.ENTRY)
                .filter(c -> !LocalDate.ofInstant(c.occurredAt(), BAGHDAD).isBefore(arbaeen.minusDays(14))
                        && LocalDate.ofInstant(c.occurredAt(), BAGHDAD).isBefore(arbaeen))
                .collect(Collectors.groupingBy(c -> c.traveller().nationality(), Collectors.counting()));
        List<String> ranked = nationalities.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();

        // Iraqis come home across the same booths; among the pilgrims, Iranians far first, then Pakistanis.
        assertThat(ranked).as(nationalities.toString()).filteredOn(n -> !n.equals("IRQ")).startsWith("IRN", "PAK");
        assertThat(nationalities.get("IRN")).isGreaterThan(5 * nationalities.get("PAK"));
        Set<String> everywhere = latest.crossings().stream().filter(c -> c.direction() == Direction.ENTRY)
                .filter(c -> c.purpose() == org.manfadh.bordercontrol.Purpose.PILGRIMAGE)
                .filter(c -> !LocalDate.ofInstant(c.occurredAt(), BAGHDAD).isBefore(arbaeen.minusDays(14))
                        && LocalDate.ofInstant(c.occurredAt(), BAGHDAD).isBefore(arbaeen))
                .map(c -> c.traveller().nationality()).collect(Collectors.toSet());
        assertThat(everywhere).contains("IRN", "PAK", "AZE", "KWT", "BHR", "LBN");
        assertThat(latest.crossings()).filteredOn(c -> c.point().code().equals("ZRB"))
                .filteredOn(c -> c.purpose() == org.manfadh.bordercontrol.Purpose.PILGRIMAGE).isNotEmpty();
    }

    @Test
    void givesEachRecordAnIdOfTheMomentItWasMade() {
        for (Traffic year : history()) {
            assertThat(year.crossings()).allSatisfy(c -> {
                assertThat(c.id().getMostSignificantBits() >>> 16).isEqualTo(c.recordedAt().toEpochMilli());
                c.rulings().forEach(r -> assertThat(r.id().getMostSignificantBits() >>> 16)
                        .isEqualTo(r.decidedAt().toEpochMilli()));
            });
        }
    }

    @Test
    void issuesEachDocumentAndVisaNumberInOneYearOnly() {
        Set<String> numbers = new HashSet<>();
        for (Traffic year : history()) {
            year.documents().forEach(d -> assertThat(numbers.add(d.issuingState() + ":" + d.number()))
                    .as("%s %s", d.issuingState(), d.number()).isTrue());
        }
        assertThat(numbers).hasSizeGreaterThan(10_000);
        Set<String> visas = new HashSet<>();
        for (Traffic year : history()) {
            year.visas().forEach(v -> assertThat(visas.add(v.issuer() + ":" + v.type() + ":" + v.number()))
                    .as("%s %s %s", v.issuer(), v.type(), v.number()).isTrue());
        }
    }

    @Test
    void makesAboutTheCrossingsAskedForOverTheWholeYear() {
        Traffic traffic = year();

        assertThat(traffic.crossings().size()).isBetween(18_000, 22_000);
        assertThat(traffic.crossings()).allSatisfy(c -> assertThat(c.occurredAt()).isBefore(NOW));
        Set<Integer> months = traffic.crossings().stream()
                .map(c -> LocalDate.ofInstant(c.occurredAt(), BAGHDAD).getMonthValue()).collect(Collectors.toSet());
        assertThat(months).hasSize(12);
        Set<String> points = traffic.crossings().stream().map(c -> c.point().code()).collect(Collectors.toSet());
        assertThat(points).contains("ZRB", "SLM", "IBK", "BGW", "NJF", "EBL", "SFW", "TRB", "ARR", "UQS");
    }

    @Test
    void makesTheSameTrafficFromTheSameSeed() {
        Traffic a = traffic(3_000, 7);
        Traffic b = traffic(3_000, 7);

        assertThat(b.crossings()).hasSameSizeAs(a.crossings());
        for (int i = 0; i < a.crossings().size(); i++) {
            Crossing x = a.crossings().get(i);
            Crossing y = b.crossings().get(i);
            assertThat(y.occurredAt()).isEqualTo(x.occurredAt());
            assertThat(y.traveller().surname()).isEqualTo(x.traveller().surname());
            assertThat(y.document().number()).isEqualTo(x.document().number());
        }
    }

    @Test
    void surgesAtZurbatiyahAndShalamchehForArbaeen() {
        Traffic traffic = year();
        LocalDate arbaeen = traffic.arbaeen().getLast();

        double peakWeek = perDay(traffic, arbaeen.minusDays(7), arbaeen.minusDays(1), "ZRB", "SLM");
        double normalWeeks = perDay(traffic, arbaeen.plusDays(40), arbaeen.plusDays(100), "ZRB", "SLM");
        double returnWave = perDay(traffic, arbaeen, arbaeen.plusDays(9), "ZRB", "SLM");

        assertThat(arbaeen).isEqualTo(LocalDate.of(2026, 8, 4));
        assertThat(peakWeek).isGreaterThan(8 * normalWeeks);
        assertThat(returnWave).isGreaterThan(4 * normalWeeks);
        long pilgrimsInGroups = traffic.crossings().stream()
                .filter(c -> c.groupId() != null && c.point().code().equals("ZRB"))
                .filter(c -> c.visa() != null && c.visa().type() == VisaType.VISA_EXEMPT).count();
        assertThat(pilgrimsInGroups).isPositive();
    }

    private static double perDay(Traffic traffic, LocalDate from, LocalDate to, String... points) {
        Set<String> wanted = Set.of(points);
        long n = traffic.crossings().stream().filter(c -> wanted.contains(c.point().code())).filter(c -> {
            LocalDate day = LocalDate.ofInstant(c.occurredAt(), BAGHDAD);
            return !day.isBefore(from) && !day.isAfter(to);
        }).count();
        return (double) n / (to.toEpochDay() - from.toEpochDay() + 1);
    }

    @Test
    void bringsAirportArrivalsInWithTheFlights() {
        Traffic traffic = year();
        int[] hours = new int[24];
        traffic.crossings().stream().filter(c -> c.point().type() == BorderPointType.AIR)
                .filter(c -> c.direction() == Direction.ENTRY)
                .forEach(c -> hours[c.occurredAt().atZone(BAGHDAD).getHour()]++);
        int total = java.util.Arrays.stream(hours).sum();
        int[] sorted = java.util.Arrays.stream(hours).sorted().toArray();
        int busiestSix = sorted[23] + sorted[22] + sorted[21] + sorted[20] + sorted[19] + sorted[18];

        assertThat(busiestSix).isGreaterThan(total / 2);
        assertThat(traffic.crossings()).filteredOn(c -> c.point().type() == BorderPointType.AIR)
                .allSatisfy(c -> assertThat(c.transportReference()).matches("[A-Z0-9]{2} [0-9]{3,4}"));
    }

    static CrossingBacklog.Derived derived(Traffic traffic) {
        return CrossingBacklog.derive(DemoDataLoader.backlog(traffic), RULES, BAGHDAD,
                (type, authority) -> type != VisaType.KRI_VISA_ON_ARRIVAL || authority == Authority.KRI);
    }

    @Test
    void leavesAFewPercentOfVisitorsOverstaying() {
        List<CrossingBacklog.Stay> stays = derived(year()).stays();
        long visits = stays.stream().filter(s -> s.lastLegalDay() != null).count();
        long overstaying = stays.stream()
                .filter(s -> s.exitDay() == null && s.lastLegalDay() != null && s.lastLegalDay().isBefore(TODAY))
                .count();

        assertThat(overstaying).isPositive();
        assertThat((double) overstaying / visits).isBetween(0.005, 0.06);
    }

    @Test
    void givesEveryCrossingOneInitialDecisionAndFinalDecisionsLater() {
        Traffic traffic = year();

        assertThat(traffic.crossings()).allSatisfy(c -> {
            assertThat(c.rulings().getFirst().kind()).isEqualTo("INITIAL");
            assertThat(c.rulings().stream().filter(r -> r.kind().equals("INITIAL"))).hasSize(1);
            assertThat(c.rulings()).isSortedAccordingTo(java.util.Comparator.comparing(DemoTraffic.Ruling::decidedAt));
            if (c.decision().decision() == Decision.REFUSED) {
                assertThat(c.decision().reasonCode()).isNotNull();
            }
        });
        long referred = traffic.crossings().stream().filter(c -> c.rulings().getFirst().decision() == Decision.REFERRED).count();
        long refused = traffic.crossings().stream().filter(c -> c.decision().decision() == Decision.REFUSED).count();
        assertThat(referred).isBetween(20L, 600L);
        assertThat(refused).isBetween(20L, 400L);
    }

    @Test
    void refersOnlyToTravellersDocumentsVisasAndGroupsItMade() {
        Traffic traffic = year();
        Set<UUID> people = traffic.people().stream().map(DemoTraffic.Person::id).collect(Collectors.toSet());
        Set<UUID> documents = traffic.documents().stream().map(DemoTraffic.Document::id).collect(Collectors.toSet());
        Set<UUID> visas = traffic.visas().stream().map(DemoTraffic.Visa::id).collect(Collectors.toSet());
        Set<UUID> groups = traffic.groups().stream().map(DemoTraffic.Group::id).collect(Collectors.toSet());
        Set<UUID> crossings = traffic.crossings().stream().map(Crossing::id).collect(Collectors.toSet());

        assertThat(traffic.documents()).allSatisfy(d -> assertThat(people).contains(d.holder().id()));
        assertThat(traffic.visas()).allSatisfy(v -> assertThat(people).contains(v.holder().id()));
        assertThat(traffic.crossings()).allSatisfy(c -> {
            assertThat(people).contains(c.traveller().id());
            assertThat(documents).contains(c.document().id());
            assertThat(c.document().holder()).isEqualTo(c.traveller());
            if (c.visa() != null) {
                assertThat(visas).contains(c.visa().id());
                assertThat(c.visa().holder()).isEqualTo(c.traveller());
            }
            if (c.groupId() != null) {
                assertThat(groups).contains(c.groupId());
            }
        });
        assertThat(derived(traffic).stays()).allSatisfy(s -> {
            assertThat(people).contains(s.travellerId());
            assertThat(crossings).contains(s.entryCrossingId());
        });
    }

    @Test
    void usesOnlyKnownCountriesAndUniqueDocumentNumbers() {
        Traffic traffic = year();
        IcaoCodes codes = IcaoCodes.bundled();

        assertThat(traffic.people()).allSatisfy(p -> assertThat(codes.contains(p.nationality())).isTrue());
        Set<String> documents = new HashSet<>();
        traffic.documents().forEach(d -> assertThat(documents.add(d.issuingState() + ":" + d.number())).isTrue());
        Set<String> visas = new HashSet<>();
        traffic.visas().forEach(v -> assertThat(visas.add(v.issuer() + ":" + v.type() + ":" + v.number())).isTrue());
    }

    @Test
    void flagsMinorsAndCrossingsTheStaysMakeUnusual() {
        Traffic traffic = year();
        CrossingBacklog.Derived derived = derived(traffic);
        Map<CrossingFlag, Long> flags = new HashMap<>();
        traffic.crossings().forEach(c -> derived.flagsOf(c.id()).forEach(f -> flags.merge(f, 1L, Long::sum)));

        assertThat(flags).containsKeys(CrossingFlag.MINOR, CrossingFlag.OVERSTAY, CrossingFlag.NO_ENTRY_RECORDED,
                CrossingFlag.PROBABLE_IDENTITY_MATCH);
        assertThat(traffic.crossings()).filteredOn(Crossing::minor)
                .allSatisfy(c -> assertThat(c.accompaniedBy() != null || c.consentDocument() != null
                        || c.flags().contains(CrossingFlag.MINOR_UNACCOMPANIED)).isTrue());
    }

    // --- reference data, read the way the application bundles it ------------------------------------

    static List<BorderPoint> borderPoints() {
        List<BorderPoint> points = new ArrayList<>();
        Map<String, String> governorates = new HashMap<>();
        for (String[] g : csv("/referencedata/governorates.csv")) {
            governorates.put(g[1], g[0]);
        }
        for (String[] f : csv("/referencedata/border-points.csv")) {
            points.add(new BorderPoint(f[0], f[1], f[2], f[3], BorderPointType.valueOf(f[4]),
                    governorates.getOrDefault(f[5], f[5]), Authority.valueOf(f[6]), f[7].isEmpty() ? null : f[7],
                    f[8].isEmpty() ? null : f[8], BorderPointStatus.valueOf(f[9]),
                    f[10].isEmpty() ? null : new BigDecimal(f[10]), f[11].isEmpty() ? null : new BigDecimal(f[11])));
        }
        return points;
    }

    static List<RefusalReason> refusalReasons() {
        return csv("/referencedata/refusal-reasons.csv").stream()
                .map(f -> new RefusalReason(f[0], f[1], "-", "-", "-")).toList();
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = DemoTrafficTests.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            return lines.stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
