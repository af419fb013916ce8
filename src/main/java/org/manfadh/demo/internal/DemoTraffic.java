package org.manfadh.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.GroupKind;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;
import org.manfadh.bordercontrol.VisaType;
import org.manfadh.bordercontrol.VulnerabilityIndicator;
import org.manfadh.demo.internal.DemoProfiles.Origin;
import org.manfadh.demo.internal.DemoProfiles.PointProfile;
import org.manfadh.demo.internal.DemoProfiles.Segment;
import org.manfadh.demo.internal.DemoProfiles.VisaPlan;
import org.manfadh.demo.internal.DemoProfiles.Weighted;
import org.manfadh.bordercontrol.stay.StayRule;
import org.manfadh.referencedata.Authority;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.BorderPointStatus;
import org.manfadh.referencedata.BorderPointType;
import org.manfadh.referencedata.RefusalReason;

/**
 * A year of crossings at Iraq's border points, made up for demonstrations: travellers with their
 * documents and visas, their trips in and out, groups and the decisions taken. What the register
 * derives from them (stays, screenings, flags) is the register's to work out when they are loaded
 * (see {@link org.manfadh.bordercontrol.CrossingBacklog}). Pure: no database and no clock of its
 * own; the same settings and seed give the same traffic.
 *
 * <p>Traffic is drawn day by day and point by point from {@link DemoProfiles}: the point's share of
 * a normal day, the month and the weekday, plus the seasons that move whole populations (Arbaeen
 * at the eastern crossings, the Hajj, Nowruz in the Kurdistan Region). Each party that crosses
 * (one traveller, a family, a group) makes its trip: visitors enter and later leave, citizens leave
 * and come back; some visitors stay past their last legal day, some never leave.
 */
final class DemoTraffic {

    // --- what it makes -------------------------------------------------------------------------

    record Person(UUID id, String surname, String givenNames, String nameOriginal, String dateOfBirth,
                  String nationality, String sex) {

        String fullName() {
            return givenNames + " " + surname;
        }
    }

    /** A passport (TD3, code P) or an Iraqi national identity card (TD1, code ID). */
    record Document(UUID id, Person holder, String format, String code, String issuingState, String number,
                    LocalDate expiry) {
    }

    record Visa(UUID id, Person holder, String number, VisaType type, Authority issuer, LocalDate validFrom,
                LocalDate validUntil, Integer entriesAllowed, Integer permittedStayDays, String createdBy,
                Instant createdAt) {
    }

    record Group(UUID id, String borderPoint, Direction direction, GroupKind kind, String vehicle, String leaderName,
                 String leaderDocument, String openedBy, Instant openedAt, String closedBy, Instant closedAt) {
    }

    /** One decision on a crossing; the crossing's decision is its latest. */
    record Ruling(UUID id, String kind, Decision decision, String reasonCode, String note,
                  List<VulnerabilityIndicator> vulnerability, String protectionReferral, String decidedBy,
                  Instant decidedAt, UUID supersedes) {
    }

    record Crossing(UUID id, BorderPoint point, Direction direction, Instant occurredAt, Instant recordedAt,
                    Person traveller, Document document, boolean documentValid, Purpose purpose,
                    TransportMode transport, String transportReference, UUID groupId, Visa visa, String officer,
                    String lateReason, boolean minor, String accompaniedBy, String consentDocument,
                    Set<CrossingFlag> flags, List<Ruling> rulings) {

        Ruling decision() {
            return rulings.getLast();
        }

        boolean admitted() {
            return decision().decision() == Decision.ADMITTED;
        }
    }

    /**
     * Everything made: each traveller with their crossings in time order, when each traveller and
     * document was first recorded, and which documents the register links to their holder by name,
     * birth date and nationality (a new passport of someone seen before).
     */
    record Traffic(List<Person> people, List<Document> documents, List<Visa> visas, List<Group> groups,
                   List<Crossing> crossings, List<List<Crossing>> histories, Map<UUID, Instant> firstRecorded,
                   Set<UUID> linkedDocuments, LocalDate from, LocalDate to, List<LocalDate> arbaeen) {

        int decisions() {
            return crossings.stream().mapToInt(c -> c.rulings().size()).sum();
        }
    }

    /**
     * One year of a history of {@value #YEARS} years.
     *
     * @param end       the border day the history ends on (Asia/Baghdad): the last day of the latest year
     * @param yearsBack which year: 0 the latest, 1 the year before it, up to {@value #YEARS} - 1
     * @param now       no crossing is made after this instant; an earlier year's last trips end after
     *                  its last day, as they would have
     * @param scale     about how many crossings to make in the latest year; earlier years, by the
     *                  trend, a little fewer
     * @param seed      of the whole history; each year draws from its own stream of it
     */
    record Settings(LocalDate end, int yearsBack, Instant now, ZoneId zone, int scale, long seed) {

        Settings {
            if (yearsBack < 0 || yearsBack >= YEARS) {
                throw new IllegalArgumentException("the demo history has " + YEARS + " years: " + yearsBack);
            }
        }

        /** The latest year, ending on {@code today}. */
        Settings(LocalDate today, Instant now, ZoneId zone, int scale, long seed) {
            this(today, 0, now, zone, scale, seed);
        }

        /** The last day on which this year's trips start. */
        LocalDate today() {
            return end.minusDays((long) DAYS_A_YEAR * yearsBack);
        }

        LocalDate from() {
            return today().minusDays(DAYS_A_YEAR - 1);
        }

        long yearSeed() {
            return yearsBack == 0 ? seed : seed + yearsBack * 0x9E3779B97F4A7C15L;
        }
    }

    /**
     * What the application knows: its border points, refusal reasons, country codes, the stay rules
     * (to plan when visitors leave), and how it makes ids: each for the moment its record was made
     * (a crossing's when it was recorded), as the register's own are.
     */
    record Register(List<BorderPoint> borderPoints, List<RefusalReason> refusalReasons,
                    Predicate<String> knownCountry, List<StayRule> stayRules, Function<Instant, UUID> ids) {
    }

    /** How many years the demo history covers: a forecast sees three Arbaeens and three Ashuras. */
    static final int YEARS = 3;
    static final int DAYS_A_YEAR = 365;
    /** Traffic grows year on year, as Iraq's has; the history's last day is the reference. */
    static final double GROWTH_A_YEAR = 0.07;

    /** Expected crossings per traveller who starts a trip: most come back, some are still away or never return. */
    private static final double CROSSINGS_PER_TRAVELLER = 1.95;
    private static final int ADULT_AGE = 18;
    private static final Duration NOT_BEFORE_NOW = Duration.ofMinutes(1);

    private final Settings settings;
    private final Register register;
    private final Random random;
    private final DemoNames names;
    private final Map<String, BorderPoint> points = new HashMap<>();
    private final Map<String, List<String>> officers = new HashMap<>();
    private final Map<String, List<String>> supervisors = new HashMap<>();
    private final Map<String, List<Flight>> flights = new HashMap<>();
    private final Map<String, List<Flight>> preferredFlights = new HashMap<>();
    private final Map<String, PriorityQueue<Holder>> pools = new HashMap<>();
    private final Map<String, Set<String>> documentNumbers = new HashMap<>();
    private final Map<String, Integer> visaSequences = new HashMap<>();
    private final Map<String, Integer> excess = new HashMap<>();
    private final List<String> entryReasons;
    private final List<String> exitReasons;
    private long holders;

    private final List<Group> groups = new ArrayList<>();
    private final List<Crossing> crossings = new ArrayList<>();

    private DemoTraffic(Settings settings, Register register, DemoNames names) {
        this.settings = settings;
        this.register = register;
        this.random = new Random(settings.yearSeed());
        this.names = names;
        for (BorderPoint p : register.borderPoints()) {
            points.put(p.code(), p);
        }
        entryReasons = reasons(register, "ENTRY", "C", "C", "C", "E", "E", "E", "A", "A", "H", "H", "G", "I", "F", "P", "B");
        exitReasons = reasons(register, "EXIT", "X", "X", "X", "H");
        // The staff and the flights stay the same over the years.
        Random staff = new Random(settings.seed() ^ 0x5DEECE66DL);
        for (PointProfile profile : DemoProfiles.POINTS) {
            BorderPoint point = points.get(profile.code());
            if (point == null) {
                continue;
            }
            String tradition = point.authority() == Authority.KRI ? "KURDISH" : "IRAQI";
            int size = (int) Math.max(4, Math.round(profile.weight() * 2));
            officers.put(point.code(), staffOf(staff, tradition, size));
            supervisors.put(point.code(), staffOf(staff, tradition, Math.max(2, size / 6)));
            if (point.type() == BorderPointType.AIR && DemoProfiles.CARRIERS.containsKey(point.code())) {
                flights.put(point.code(), schedule(staff, point.code(), DemoProfiles.POINTS.indexOf(profile)));
            }
        }
    }

    static Traffic generate(Settings settings, Register register, DemoNames names) {
        return new DemoTraffic(settings, register, names).run();
    }

    private static List<String> reasons(Register register, String direction, String... preferred) {
        List<String> usable = new ArrayList<>();
        for (String code : preferred) {
            register.refusalReasons().stream().filter(r -> r.code().equals(code) && r.appliesTo(direction))
                    .findFirst().ifPresent(r -> usable.add(r.code()));
        }
        return usable;
    }

    private List<String> staffOf(Random staff, String tradition, int size) {
        Set<String> usernames = new java.util.LinkedHashSet<>();
        while (usernames.size() < size) {
            usernames.add(names.officer(staff, tradition));
        }
        return List.copyOf(usernames);
    }

    // --- the seasons ---------------------------------------------------------------------------

    /**
     * A season that moves a population: extra travellers at some points, shaped around an anchor
     * day, who go home around a day tied to the anchor.
     *
     * @param surges        by border point, the extra travellers on the busiest day and who they are
     * @param returnOffsets weights of the day of return, counted from the anchor plus {@code returnFrom},
     *                      or null for trips of ordinary length
     */
    private record Season(String name, LocalDate anchor, int fromOffset, int toOffset, Map<String, Surge> surges,
                          boolean aroundTheClock, int returnFrom, double[] returnOffsets, IntToDoubleFunction shape) {

        double intensity(String point, LocalDate day) {
            long offset = ChronoUnit.DAYS.between(anchor, day);
            Surge surge = surges.get(point);
            if (surge == null || offset < fromOffset || offset > toOffset) {
                return 0;
            }
            return surge.peak() * shape.applyAsDouble((int) offset);
        }
    }

    /** At one border point: extra travellers on a season's busiest day, as a multiple of a normal day, and who they are. */
    private record Surge(double peak, List<Weighted<Segment>> mix) {
    }

    private static Surge surge(double peak, Segment segment) {
        return new Surge(peak, List.of(DemoProfiles.w(segment, 1)));
    }

    private static Surge surge(double peak, Segment main, double share, Segment other) {
        return new Surge(peak, List.of(DemoProfiles.w(main, 1 - share), DemoProfiles.w(other, share)));
    }

    /**
     * The first day of a Hijri month as Iraq keeps it. Iraq follows the sighting of the moon, which
     * usually falls a day after the Umm al-Qura calendar that {@link HijrahChronology} follows: the
     * demo takes Muharram and Safar to begin a day after Umm al-Qura's first, as the month starts
     * an administrator records for the forecast usually do.
     */
    static LocalDate monthStart(int hijriYear, int month) {
        LocalDate ummAlQura = LocalDate.from(HijrahChronology.INSTANCE.date(hijriYear, month, 1));
        return month <= 2 ? ummAlQura.plusDays(1) : ummAlQura;
    }

    /** Arbaeen, 20 Safar, forty days after Ashura. */
    static LocalDate arbaeen(int hijriYear) {
        return monthStart(hijriYear, 2).plusDays(19);
    }

    /** Ashura, 10 Muharram. */
    static LocalDate ashura(int hijriYear) {
        return monthStart(hijriYear, 1).plusDays(9);
    }

    /** The day of Arafah, 9 Dhu al-Hijjah, the height of the Hajj. */
    static LocalDate arafah(int hijriYear) {
        return LocalDate.from(HijrahChronology.INSTANCE.date(hijriYear, 12, 9));
    }

    /** The Arbaeen days whose surge falls within the days from {@code from} to {@code today}, oldest first. */
    static List<LocalDate> arbaeenDays(LocalDate from, LocalDate today) {
        return hijriDays(from, today, DemoTraffic::arbaeen, 14, 10);
    }

    /** The Ashura days whose surge falls within the days from {@code from} to {@code today}, oldest first. */
    static List<LocalDate> ashuraDays(LocalDate from, LocalDate today) {
        return hijriDays(from, today, DemoTraffic::ashura, 7, 7);
    }

    private static List<LocalDate> hijriDays(LocalDate from, LocalDate today, IntFunction<LocalDate> dayOfYear,
                                             int before, int after) {
        List<LocalDate> days = new ArrayList<>();
        int year = HijrahDate.from(today).get(ChronoField.YEAR);
        for (int y = year - 2; y <= year + 1; y++) {
            LocalDate a = dayOfYear.apply(y);
            if (!a.minusDays(before).isAfter(today) && !a.plusDays(after).isBefore(from)) {
                days.add(a);
            }
        }
        return days;
    }

    private List<Season> seasons(LocalDate from, LocalDate to) {
        List<Season> seasons = new ArrayList<>();
        // Pilgrims stream in over two weeks, most in the last days; they go home within ten days.
        double[] arbaeenReturn = {6, 20, 20, 15, 11, 8, 6, 5, 4, 3, 2};
        for (LocalDate a : arbaeenDays(from, to)) {
            seasons.add(new Season("Arbaeen", a, -14, 0, Map.of(
                    "ZRB", surge(40, DemoProfiles.ARBAEEN_IRANIAN, 0.12, DemoProfiles.ARBAEEN_OVERLAND),
                    "SLM", surge(25, DemoProfiles.ARBAEEN_IRANIAN, 0.05, DemoProfiles.ARBAEEN_OVERLAND),
                    "MNT", surge(6, DemoProfiles.ARBAEEN_IRANIAN, 0.1, DemoProfiles.ARBAEEN_OVERLAND),
                    "SHB", surge(5, DemoProfiles.ARBAEEN_IRANIAN, 0.1, DemoProfiles.ARBAEEN_OVERLAND),
                    "NJF", surge(2.5, DemoProfiles.ARBAEEN_BY_AIR),
                    "BGW", surge(0.6, DemoProfiles.ARBAEEN_BY_AIR),
                    "SFW", surge(2, DemoProfiles.ARBAEEN_GULF)),
                    true, 0, arbaeenReturn,
                    offset -> offset <= -2 ? Math.exp((offset + 2) / 3.0) : offset == -1 ? 0.8 : 0.3));
        }
        // Ashura, smaller: a week's build-up to Karbala, mostly over the eastern crossings, home within a week.
        double[] ashuraReturn = {8, 20, 18, 13, 9, 6, 4, 2};
        for (LocalDate a : ashuraDays(from, to)) {
            seasons.add(new Season("Ashura", a, -7, 0, Map.of(
                    "ZRB", surge(7, DemoProfiles.IRANIAN_PILGRIM, 0.1, DemoProfiles.FOREIGN_PILGRIM),
                    "SLM", surge(4, DemoProfiles.IRANIAN_PILGRIM, 0.1, DemoProfiles.FOREIGN_PILGRIM),
                    "MNT", surge(1.5, DemoProfiles.IRANIAN_PILGRIM, 0.1, DemoProfiles.FOREIGN_PILGRIM),
                    "SHB", surge(1.5, DemoProfiles.IRANIAN_PILGRIM, 0.1, DemoProfiles.FOREIGN_PILGRIM),
                    "NJF", surge(0.8, DemoProfiles.ARBAEEN_BY_AIR),
                    "BGW", surge(0.2, DemoProfiles.ARBAEEN_BY_AIR)),
                    true, 0, ashuraReturn,
                    offset -> offset <= -1 ? Math.exp((offset + 1) / 2.0) : 0.35));
        }
        // Iraq's Hajj pilgrims leave in the weeks before Arafah, many by bus through Arar, and are back two weeks after.
        double[] hajjReturn = new double[22];
        for (int i = 0; i < hajjReturn.length; i++) {
            hajjReturn[i] = Math.exp(-Math.pow((i - 7) / 5.0, 2));
        }
        int year = HijrahDate.from(to).get(ChronoField.YEAR);
        for (int y = year - 1; y <= year; y++) {
            LocalDate arafah = arafah(y);
            if (!arafah.minusDays(28).isAfter(to) && !arafah.plusDays(26).isBefore(from)) {
                seasons.add(new Season("Hajj", arafah, -28, -6, Map.of("ARR", surge(8, DemoProfiles.HAJJ),
                        "BGW", surge(0.6, DemoProfiles.HAJJ), "NJF", surge(1.2, DemoProfiles.HAJJ),
                        "BSR", surge(0.8, DemoProfiles.HAJJ)),
                        false, 4, hajjReturn, offset -> Math.exp(-Math.pow((offset + 14) / 6.0, 2))));
            }
        }
        // Iranian families spend the Nowruz holidays in the Kurdistan Region.
        for (int y = to.getYear() - 1; y <= to.getYear(); y++) {
            LocalDate nowruz = MonthDay.of(3, 21).atYear(y);
            if (!nowruz.minusDays(6).isAfter(to) && !nowruz.plusDays(12).isBefore(from)) {
                seasons.add(new Season("Nowruz", nowruz, -6, 12, Map.of("HJO", surge(3, DemoProfiles.NOWRUZ),
                        "PWK", surge(3, DemoProfiles.NOWRUZ), "BSQ", surge(2.5, DemoProfiles.NOWRUZ),
                        "EBL", surge(0.6, DemoProfiles.NOWRUZ), "ISU", surge(1.2, DemoProfiles.NOWRUZ)),
                        false, 0, null, offset -> offset >= -1 && offset <= 4 ? 1 : 0.45));
            }
        }
        return seasons;
    }

    // --- the year, day by day ----------------------------------------------------------------------

    private Traffic run() {
        LocalDate to = settings.today();
        LocalDate from = settings.from();
        List<Season> seasons = seasons(from, to);
        Map<String, Double> base = new LinkedHashMap<>();
        for (PointProfile profile : DemoProfiles.POINTS) {
            BorderPoint point = points.get(profile.code());
            if (point != null && point.status() != BorderPointStatus.CLOSED) {
                base.put(profile.code(), profile.weight()
                        * (point.status() == BorderPointStatus.UNCERTAIN ? DemoProfiles.UNCERTAIN_SHARE : 1));
            }
        }
        // The scale is the latest year's: every year is drawn at the same rate, so that the years
        // join without a step and the earlier ones are smaller by the trend alone.
        LocalDate latestFrom = settings.end().minusDays(DAYS_A_YEAR - 1);
        List<Season> latestSeasons = settings.yearsBack() == 0 ? seasons : seasons(latestFrom, settings.end());
        double raw = 0;
        for (LocalDate day = latestFrom; !day.isAfter(settings.end()); day = day.plusDays(1)) {
            for (var e : base.entrySet()) {
                double seasonal = 0;
                for (Season season : latestSeasons) {
                    seasonal += season.intensity(e.getKey(), day);
                }
                raw += e.getValue() * (normal(points.get(e.getKey()), day) + seasonal) * trend(day);
            }
        }
        double perWeight = settings.scale() / (CROSSINGS_PER_TRAVELLER * raw);

        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (PointProfile profile : DemoProfiles.POINTS) {
                Double weight = base.get(profile.code());
                if (weight == null) {
                    continue;
                }
                BorderPoint point = points.get(profile.code());
                double rate = weight * perWeight * trend(day);
                int travellers = poisson(rate * normal(point, day));
                spawn(point, day, profile, profile.mix(), travellers, null);
                for (Season season : seasons) {
                    double extra = season.intensity(profile.code(), day);
                    if (extra > 0) {
                        spawn(point, day, profile, season.surges().get(profile.code()).mix(),
                                poisson(rate * extra), season);
                    }
                }
            }
        }
        crossings.sort(Comparator.comparing(Crossing::occurredAt).thenComparing(Crossing::id));
        return bookkeeping(from, to, seasons);
    }

    /** The growth of traffic: 1 on the history's last day, less before it. */
    private double trend(LocalDate day) {
        return Math.pow(1 + GROWTH_A_YEAR, (day.toEpochDay() - settings.end().toEpochDay()) / 365.25);
    }

    /** A normal day's traffic at a point relative to its share: by month and weekday. */
    private static double normal(BorderPoint point, LocalDate day) {
        boolean air = point.type() == BorderPointType.AIR;
        double month = (air ? DemoProfiles.AIR_MONTHS : DemoProfiles.LAND_MONTHS)[day.getMonthValue() - 1];
        double weekday = (air ? DemoProfiles.AIR_WEEKDAYS : DemoProfiles.LAND_WEEKDAYS)[day.getDayOfWeek().getValue() - 1];
        return month * weekday;
    }

    /**
     * Makes parties until the day's travellers are reached. A family or a bus may bring more than
     * were left to make; the excess is taken off the point's next days, so that small scales keep
     * the proportions of large ones.
     */
    private void spawn(BorderPoint point, LocalDate day, PointProfile profile, List<Weighted<Segment>> mix,
                       int travellers, Season season) {
        String key = point.code() + (season == null ? "" : "/" + season.name());
        int remaining = travellers - excess.getOrDefault(key, 0);
        while (remaining > 0) {
            Segment segment = DemoProfiles.pick(random, mix);
            remaining -= party(point, day, profile, segment, season, remaining);
        }
        excess.put(key, -remaining);
    }

    // --- a party's trip ------------------------------------------------------------------------------

    /** Someone who may travel again, with the document and visa they carry. */
    private static final class Holder {
        final Person person;
        final String poolKey;
        final long order;
        Document document;
        Visa multipleEntryVisa;
        LocalDate availableFrom;
        int trips;

        Holder(Person person, Document document, String poolKey, long order) {
            this.person = person;
            this.document = document;
            this.poolKey = poolKey;
            this.order = order;
        }
    }

    /** A traveller in a party, with who accompanies them if they are a child. */
    private record Member(Holder holder, String accompaniedBy, boolean newTraveller) {
    }

    private enum Outcome { ADMIT, REFER_ADMIT, REFER_REFUSE, REFUSE }

    private enum Shape { SOLO, FAMILY, GROUP }

    /** How a party passes a border point: which way, by what, on which flight or in which vehicle, and which officer. */
    private record Passage(BorderPoint point, Direction direction, TransportMode mode, Flight flight, String vehicle,
                           String officer, boolean surge) {

        String reference() {
            return flight != null ? flight.number(direction) : mode == TransportMode.FOOT ? null : vehicle;
        }
    }

    /** Makes one party's trip starting on {@code day}; answers how many travellers it counted for. */
    private int party(BorderPoint point, LocalDate day, PointProfile profile, Segment segment, Season season,
                      int remaining) {
        boolean land = point.type() == BorderPointType.LAND;
        double u = random.nextDouble();
        Shape shape;
        if (land && u < segment.group() && remaining >= 8) {
            shape = Shape.GROUP;
        } else if (u >= segment.group() && u < segment.group() + segment.family()) {
            shape = Shape.FAMILY;
        } else {
            shape = Shape.SOLO;
        }
        int size = switch (shape) {
            case SOLO -> 1;
            case FAMILY -> 2 + random.nextInt(3);
            // A bus holds up to 45; at a reduced scale a quiet day's groups are smaller, so that buses
            // do not take several days' travellers at once.
            case GROUP -> Math.min(12 + random.nextInt(34), Math.max(8, remaining));
        };
        Origin origin = DemoProfiles.pick(random, segment.origins());
        if (!register.knownCountry().test(origin.nationality())) {
            return size;
        }
        TransportMode mode = switch (point.type()) {
            case AIR -> TransportMode.AIR;
            case SEA -> TransportMode.SEA;
            case LAND -> shape == Shape.GROUP
                    ? (segment.groupKind() == GroupKind.PILGRIM_GROUP && random.nextDouble() < 0.3 ? TransportMode.FOOT : TransportMode.BUS)
                    : DemoProfiles.pick(random, segment.landTransport());
        };
        Direction outward = segment.citizen() ? Direction.EXIT : Direction.ENTRY;
        boolean surge = season != null && season.aroundTheClock();
        boolean together = shape == Shape.GROUP;
        Passage out = new Passage(point, outward, mode,
                mode == TransportMode.AIR ? flight(point.code(), origin.nationality(), outward) : null,
                vehicle(mode, segment, origin, point), DemoNames.pick(random, officers.get(point.code())), surge);
        Instant start = time(out, day);
        if (!start.isBefore(latest())) {
            return size;
        }
        String tradition = tradition(origin, point);
        String poolKey = segment.name() + "@" + point.code();
        List<Member> members = switch (shape) {
            case SOLO -> List.of(solo(segment, origin, tradition, poolKey, day));
            case FAMILY -> family(origin, tradition, poolKey, day, size);
            case GROUP -> group(segment, origin, tradition, poolKey, day, size);
        };
        Purpose purpose = DemoProfiles.pick(random, segment.purposes());
        VisaPlan plan = segment.visas().isEmpty() ? null : DemoProfiles.pick(random, segment.visas());

        // Land borders leak: now and then an entry goes unrecorded, or a visitor comes without a visa.
        boolean leaky = !segment.citizen() && land && shape == Shape.SOLO;
        boolean recordOutward = !(leaky && random.nextDouble() < 0.004);
        boolean withoutVisa = leaky && random.nextDouble() < 0.003;
        GroupKind kind = shape == Shape.FAMILY ? GroupKind.FAMILY : segment.groupKind();
        if (kind == GroupKind.PILGRIM_GROUP && mode == TransportMode.BUS && random.nextDouble() < 0.4) {
            kind = GroupKind.BUS;
        }
        UUID groupId = together || shape == Shape.FAMILY && land && random.nextDouble() < 0.5
                ? register.ids().apply(start) : null;
        Outcome outcome = together ? Outcome.ADMIT : outcome(segment.citizen());

        List<Crossing> first = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < members.size() && recordOutward; i++) {
            Member m = members.get(i);
            if (i > 0) {
                at = at.plusSeconds(together ? 20 + random.nextInt(40) : 15 + random.nextInt(60));
            }
            if (!at.isBefore(latest())) {
                break;
            }
            if (outcome == Outcome.REFUSE && shape == Shape.SOLO && m.newTraveller() && !segment.citizen()
                    && random.nextDouble() < 0.15) {
                m.holder().document = expired(m.holder().document, day);
            }
            Visa visa = outward == Direction.ENTRY && !withoutVisa && plan != null && outcome != Outcome.REFUSE
                    ? visa(m.holder(), plan, point, day, out.officer(), at, season) : null;
            first.add(crossing(out, at, m, purpose, groupId, visa, outcome, together, land && !together));
            m.holder().trips++;
        }
        if (groupId != null && !first.isEmpty()) {
            first = closeGroup(groupId, out, kind, first, together);
        }
        if (recordOutward && first.isEmpty() || outcome == Outcome.REFUSE || outcome == Outcome.REFER_REFUSE
                || segment.citizen() && random.nextDouble() < segment.neverReturns()) {
            return size;
        }

        // The way back: visitors leave, citizens come home.
        LocalDate back = day.plusDays(tripDays(segment));
        if (season != null && season.returnOffsets() != null) {
            back = season.anchor().plusDays(season.returnFrom() + pickIndex(season.returnOffsets()));
            if (back.isBefore(day)) {
                back = day.plusDays(random.nextInt(3));
            }
        }
        BorderPoint returnPoint = point;
        if (!profile.alternates().isEmpty() && random.nextDouble() < 0.15) {
            BorderPoint other = points.get(DemoNames.pick(random, profile.alternates()));
            if (other != null && other.status() == BorderPointStatus.OPEN && other.type() == point.type()) {
                returnPoint = other;
            }
        }
        Direction homeward = outward == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
        boolean partyOverstays = !segment.citizen() && random.nextDouble() < segment.overstay();
        boolean recordReturn = !(leaky && random.nextDouble() < 0.004);
        Instant after = first.isEmpty() ? start : first.getLast().occurredAt();
        Purpose purposeHome = segment.citizen() ? Purpose.RETURNING_RESIDENT : purpose;

        List<Member> returning = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            Crossing entry = i < first.size() ? first.get(i) : null;
            if (recordOutward && (entry == null || !entry.admitted())) {
                continue;
            }
            LocalDate memberBack = back;
            if (!segment.citizen()) {
                LocalDate lastLegal = lastLegalDay(entry == null ? null : entry.visa(), m.holder().person, day);
                boolean overstays = together ? random.nextDouble() < segment.overstay() : partyOverstays;
                if (overstays) {
                    if (random.nextDouble() < 0.55) {
                        continue;
                    }
                    memberBack = lastLegal.plusDays(2 + random.nextInt(60));
                } else if (memberBack.isAfter(lastLegal)) {
                    memberBack = lastLegal.minusDays(random.nextInt(3));
                }
                if (memberBack.isBefore(day)) {
                    memberBack = day;
                }
                if (together && !memberBack.equals(back)) {
                    // Whoever leaves earlier or later than the group goes on their own.
                    TransportMode own = mode == TransportMode.FOOT ? mode : TransportMode.CAR;
                    Passage alone = new Passage(returnPoint, homeward, own, null,
                            vehicle(own, segment, origin, returnPoint),
                            DemoNames.pick(random, officers.get(returnPoint.code())), surge);
                    homeward(alone, List.of(m), memberBack, after, purposeHome, null, false, recordReturn);
                    continue;
                }
            }
            returning.add(m);
        }
        if (returning.isEmpty()) {
            return size;
        }
        Passage passage = new Passage(returnPoint, homeward, mode,
                mode == TransportMode.AIR ? flight(returnPoint.code(), origin.nationality(), homeward) : null,
                out.vehicle(), DemoNames.pick(random, officers.get(returnPoint.code())), surge || together);
        UUID returnGroup = together ? register.ids().apply(noon(back)) : null;
        List<Crossing> made = homeward(passage, returning, back, after, purposeHome, returnGroup, together, recordReturn);
        if (returnGroup != null && !made.isEmpty()) {
            closeGroup(returnGroup, passage, kind, made, true);
        }
        return size;
    }

    /** The crossings of those who go back together: one after another at the booth. */
    private List<Crossing> homeward(Passage passage, List<Member> returning, LocalDate day, Instant after,
                                    Purpose purpose, UUID groupId, boolean together, boolean record) {
        Instant at = later(time(passage, day), after);
        Outcome outcome = together ? Outcome.ADMIT : homewardOutcome();
        List<Crossing> made = new ArrayList<>();
        for (int i = 0; i < returning.size(); i++) {
            Member m = returning.get(i);
            if (i > 0) {
                at = at.plusSeconds(together ? 20 + random.nextInt(40) : 15 + random.nextInt(60));
            }
            if (!at.isBefore(latest())) {
                break;
            }
            if (record) {
                made.add(crossing(passage, at, m, purpose, groupId, null, outcome, together,
                        passage.point().type() == BorderPointType.LAND && !together));
            }
            release(m.holder(), LocalDate.ofInstant(at, settings.zone()));
        }
        return made;
    }

    private String vehicle(TransportMode mode, Segment segment, Origin origin, BorderPoint point) {
        return switch (mode) {
            case CAR, BUS, TRUCK -> DemoNames.plate(random, segment.citizen() || segment == DemoProfiles.DIASPORA
                    ? "IRQ" : origin.nationality(), point.authority() == Authority.KRI);
            case SEA -> DemoNames.vessel(random);
            default -> null;
        };
    }

    /** The time of the second crossing of a trip: after the first, by some hours if they fall on one day. */
    private Instant later(Instant candidate, Instant first) {
        if (candidate.isAfter(first.plus(Duration.ofMinutes(30)))) {
            return candidate;
        }
        return first.plus(Duration.ofMinutes(120 + random.nextInt(8 * 60)));
    }

    /** Nothing happens in the last minute before now, nor after it. */
    private Instant latest() {
        return settings.now().minus(NOT_BEFORE_NOW);
    }

    /** After a trip, a traveller may travel again some days later. */
    private void release(Holder holder, LocalDate lastDay) {
        if (holder.poolKey == null) {
            return;
        }
        holder.availableFrom = lastDay.plusDays(2 + random.nextInt(30));
        pools.computeIfAbsent(holder.poolKey, k -> new PriorityQueue<>(Comparator
                .comparing((Holder h) -> h.availableFrom).thenComparingLong(h -> h.order))).add(holder);
    }

    // --- travellers ------------------------------------------------------------------------------------

    private String tradition(Origin origin, BorderPoint point) {
        if ("IRAQI".equals(origin.names()) && "IRQ".equals(origin.nationality())) {
            boolean kri = point.authority() == Authority.KRI;
            return random.nextDouble() < (kri ? 0.75 : 0.05) ? "KURDISH" : "IRAQI";
        }
        return origin.names();
    }

    private Member solo(Segment segment, Origin origin, String tradition, String poolKey, LocalDate day) {
        if (random.nextDouble() < segment.repeat()) {
            PriorityQueue<Holder> pool = pools.get(poolKey);
            Holder again = pool == null ? null : pool.peek();
            if (again != null && !again.availableFrom.isAfter(day)) {
                pool.poll();
                again.availableFrom = null;
                if (again.document.expiry().isBefore(day.plusDays(400)) || random.nextDouble() < 0.015) {
                    // A new passport: the register recognises its holder by name, birth date and nationality.
                    again.document = document(again.person, false, day, true);
                }
                return new Member(again, null, false);
            }
        }
        String sex = random.nextDouble() < origin.male() ? "M" : "F";
        if (random.nextDouble() < 0.002) {
            // Now and then a teenager travels alone: with the parents' consent, or without anyone.
            return new Member(newHolder(origin, tradition, sex, day.minusYears(15).minusDays(random.nextInt(3 * 365)),
                    day, null, null, null), null, true);
        }
        return new Member(newHolder(origin, tradition, sex, birthDate(day, segment.minAge(), segment.maxAge()), day,
                null, null, poolKey), null, true);
    }

    private List<Member> family(Origin origin, String tradition, String poolKey, LocalDate day, int size) {
        List<Member> members = new ArrayList<>();
        String headSex = random.nextDouble() < Math.max(origin.male(), 0.6) ? "M" : "F";
        Holder head = newHolder(origin, tradition, headSex, birthDate(day, 26, 60), day, null, null, poolKey);
        members.add(new Member(head, null, true));
        DemoNames.Name parent = new DemoNames.Name(head.person.surname(), head.person.givenNames(),
                head.person.nameOriginal());
        DemoNames.Entry surname = names.surnameOf(tradition, parent);
        int adults = size >= 3 && random.nextDouble() < 0.7 ? 2 : 1;
        if (adults == 2) {
            // Wives keep their own family name in the Middle East; elsewhere they often share it.
            boolean shared = !DemoNames.keepsOwnSurname(tradition);
            Holder spouse = newHolder(origin, tradition, "M".equals(headSex) ? "F" : "M", birthDate(day, 24, 58), day,
                    shared ? surname : null, null, poolKey);
            members.add(new Member(spouse, null, true));
        }
        DemoNames.Entry father = "M".equals(headSex) && DemoNames.carriesFathersName(tradition)
                ? names.firstGivenName(tradition, parent) : null;
        String accompanied = head.person.fullName() + ("M".equals(headSex) ? " (father)" : " (mother)");
        for (int i = adults; i < size; i++) {
            String sex = random.nextBoolean() ? "M" : "F";
            LocalDate birth = day.minusDays(200 + random.nextInt(17 * 365));
            members.add(new Member(newHolder(origin, tradition, sex, birth, day, surname, father, null), accompanied, true));
        }
        return members;
    }

    private List<Member> group(Segment segment, Origin origin, String tradition, String poolKey, LocalDate day, int size) {
        List<Member> members = new ArrayList<>();
        while (members.size() < size) {
            if (random.nextDouble() < 0.06 && size - members.size() >= 3) {
                members.addAll(family(origin, tradition, poolKey, day, 3 + random.nextInt(Math.min(3, size - members.size() - 2))));
            } else {
                String sex = random.nextDouble() < origin.male() ? "M" : "F";
                members.add(new Member(newHolder(origin, tradition, sex, birthDate(day, segment.minAge(), segment.maxAge()),
                        day, null, null, poolKey), null, true));
            }
        }
        return members;
    }

    private Holder newHolder(Origin origin, String tradition, String sex, LocalDate birth, LocalDate day,
                             DemoNames.Entry surname, DemoNames.Entry father, String poolKey) {
        DemoNames.Name name = names.person(random, tradition, sex, surname, father);
        String nationality = origin.nationality();
        boolean citizen = "IRQ".equals(nationality);
        boolean idCard = citizen && random.nextDouble() < 0.1;
        boolean showsOriginal = name.original() != null
                && (idCard || random.nextDouble() < (citizen || !"IRAQI".equals(tradition) ? 0.45 : 0.2));
        String birthText = birth.toString();
        if (("IRQ".equals(nationality) || "AFG".equals(nationality)) && birth.getYear() < 1976 && random.nextDouble() < 0.3) {
            // Older documents often carry 1 January or 1 July for a birth day nobody registered.
            birthText = birth.withMonth(random.nextBoolean() ? 1 : 7).withDayOfMonth(1).toString();
        }
        Person person = new Person(register.ids().apply(noon(day)), name.surname(), name.givenNames(),
                showsOriginal ? name.original() : null, birthText, nationality, sex);
        return new Holder(person, document(person, idCard, day, false), poolKey, holders++);
    }

    /** A birth date for an age between the bounds, younger ages more common. */
    private LocalDate birthDate(LocalDate day, int minAge, int maxAge) {
        double x = Math.pow(random.nextDouble(), 1.4);
        int age = minAge + (int) (x * Math.max(1, maxAge - minAge));
        return day.minusYears(age).minusDays(random.nextInt(365));
    }

    private Document document(Person person, boolean idCard, LocalDate day, boolean renewal) {
        String state = person.nationality();
        String pattern = idCard ? "############" : passportPattern(state);
        Set<String> used = documentNumbers.computeIfAbsent(state, k -> new HashSet<>());
        String number;
        do {
            number = DemoNames.fill(random, pattern);
        } while (yearOfNumber(number) != settings.yearsBack() || !used.add(number));
        int validity = idCard ? 10 : passportYears(state);
        LocalDate issued = renewal ? day.minusDays(random.nextInt(60))
                : day.minusDays(random.nextInt(Math.max(1, validity * 365 - 400)));
        LocalDate expiry = issued.plusYears(validity).minusDays(1);
        if (expiry.isBefore(day.plusDays(400))) {
            // Long enough for the trip, an overstay included, so that every exit can be recorded.
            expiry = day.plusDays(400 + random.nextInt(700));
        }
        return new Document(register.ids().apply(noon(day)), person, idCard ? "TD1" : "TD3", idCard ? "ID" : "P", state, number,
                expiry);
    }

    /**
     * The year of the history a document number may be issued in: each year loads as a backlog of
     * its own, made without the others, and a document number is unique in the register.
     */
    static int yearOfNumber(String number) {
        return Math.floorMod(number.hashCode(), YEARS);
    }

    private Document expired(Document current, LocalDate day) {
        return new Document(current.id(), current.holder(), current.format(), current.code(), current.issuingState(),
                current.number(), day.minusDays(20 + random.nextInt(400)));
    }

    private static String passportPattern(String state) {
        return switch (state) {
            case "IRQ", "SAU", "EGY" -> "A########";
            case "IRN" -> "@########";
            case "TUR" -> "U########";
            case "SYR" -> "N0########";
            case "KWT" -> "P#######";
            case "JOR" -> "@######";
            case "LBN" -> "LR#######";
            case "PAK", "BGD", "ITA" -> "@@#######";
            case "IND", "AUS" -> "@#######";
            case "PHL" -> "P#######@";
            case "CHN" -> "E########";
            case "D" -> "C********";
            case "FRA" -> "##@@#####";
            case "SWE", "NOR", "BHR" -> "########";
            case "NLD" -> "@@******#";
            case "UKR", "CAN" -> "@@######";
            case "AZE" -> "C########";
            case "AFG" -> "P#######";
            default -> "#########";
        };
    }

    private static int passportYears(String state) {
        return switch (state) {
            case "IRQ" -> 8;
            case "IRN", "KWT", "SAU", "JOR", "PAK", "AFG", "BHR", "SWE" -> 5;
            case "SYR" -> 6;
            case "EGY" -> 7;
            default -> 10;
        };
    }

    // --- visas ---------------------------------------------------------------------------------------

    private Visa visa(Holder holder, VisaPlan plan, BorderPoint point, LocalDate day, String officer, Instant at,
                      Season season) {
        Authority authority = point.authority();
        return switch (plan) {
            case ON_ARRIVAL -> {
                VisaType type = authority == Authority.KRI ? VisaType.KRI_VISA_ON_ARRIVAL : VisaType.VISA_ON_ARRIVAL;
                // The Kurdistan Region's visa leaves the stay to the rule; federal ones state it.
                Integer permitted = authority == Authority.KRI ? null : onArrivalDays(holder.person.nationality());
                int valid = authority == Authority.KRI ? 30 : 60;
                yield new Visa(register.ids().apply(at), holder.person, visaNumber(type, point, day), type, authority, day,
                        day.plusDays(valid - 1), 1, permitted, officer, at);
            }
            case E_VISA -> {
                LocalDate from = day.minusDays(1 + random.nextInt(45));
                yield new Visa(register.ids().apply(at), holder.person, visaNumber(VisaType.E_VISA, point, day),
                        VisaType.E_VISA, Authority.FEDERAL, from, from.plusDays(89), 1, null, officer, at);
            }
            case ARBAEEN_EXEMPT -> {
                LocalDate anchor = season == null ? day : season.anchor();
                yield new Visa(register.ids().apply(at), holder.person, visaNumber(VisaType.VISA_EXEMPT, point, anchor),
                        VisaType.VISA_EXEMPT, Authority.FEDERAL, anchor.minusDays(21), anchor.plusDays(20), 1, null,
                        officer, at);
            }
            case RESIDENCE -> {
                LocalDate from = day.minusDays(random.nextInt(200));
                yield new Visa(register.ids().apply(at), holder.person, visaNumber(VisaType.RESIDENCE_PERMIT, point, day),
                        VisaType.RESIDENCE_PERMIT, authority, from, from.plusYears(1).minusDays(1), null, null, officer, at);
            }
            case MULTI_VISIT -> {
                Visa held = holder.multipleEntryVisa;
                if (held != null && !held.validUntil().isBefore(day.plusDays(5)) && held.issuer() == authority) {
                    yield held;
                }
                LocalDate from = day.minusDays(random.nextInt(10));
                holder.multipleEntryVisa = new Visa(register.ids().apply(at), holder.person,
                        visaNumber(VisaType.VISIT_VISA, point, day), VisaType.VISIT_VISA, authority, from,
                        from.plusYears(1).minusDays(1), null, 15, officer, at);
                yield holder.multipleEntryVisa;
            }
            case SHORE_PASS -> new Visa(register.ids().apply(at), holder.person, visaNumber(VisaType.OTHER, point, day),
                    VisaType.OTHER, Authority.FEDERAL, day, day.plusDays(6), 1, 7, officer, at);
        };
    }

    /** Federal visas on arrival give pilgrims and neighbours 30 days, other visitors 60. */
    private static int onArrivalDays(String nationality) {
        return switch (nationality) {
            case "IRN", "PAK", "AFG", "SYR", "JOR", "AZE", "IND" -> 30;
            default -> 60;
        };
    }

    private String visaNumber(VisaType type, BorderPoint point, LocalDate day) {
        String year = String.format("%02d", day.getYear() % 100);
        String prefix = switch (type) {
            case VISA_ON_ARRIVAL -> point.code() + year;
            case KRI_VISA_ON_ARRIVAL -> "K" + point.code() + year;
            case E_VISA -> "IQE" + year;
            case VISA_EXEMPT -> "ARB" + HijrahDate.from(day).get(ChronoField.YEAR);
            case RESIDENCE_PERMIT -> point.authority() == Authority.KRI ? "KRP" : "IRP";
            case VISIT_VISA -> point.authority() == Authority.KRI ? "KVV" : "IVV";
            default -> "SP" + point.code() + year;
        };
        int next = visaSequences.merge(prefix, 1 + random.nextInt(7), Integer::sum);
        // Each year of the history loads on its own: its numbers are those that leave its remainder.
        return prefix + String.format("%07d", next * YEARS + settings.yearsBack());
    }

    /** The last legal day of a stay, as the stay calculation will find it: for planning the day of leaving. */
    private LocalDate lastLegalDay(Visa visa, Person person, LocalDate entry) {
        if (visa == null) {
            return entry.plusDays(20);
        }
        if (visa.type() == VisaType.RESIDENCE_PERMIT) {
            return visa.validUntil();
        }
        Integer permitted = visa.permittedStayDays() != null ? visa.permittedStayDays() : ruleDays(visa.type(), person, entry);
        LocalDate last = visa.validUntil();
        if (permitted != null && entry.plusDays(permitted - 1).isBefore(last)) {
            last = entry.plusDays(permitted - 1);
        }
        return last.isBefore(entry) ? entry : last;
    }

    private Integer ruleDays(VisaType type, Person person, LocalDate day) {
        StayRule own = null;
        StayRule general = null;
        for (StayRule rule : register.stayRules()) {
            if (rule.visaType() != type || rule.effectiveFrom().isAfter(day)) {
                continue;
            }
            if (rule.nationality() == null) {
                general = general == null || rule.effectiveFrom().isAfter(general.effectiveFrom()) ? rule : general;
            } else if (rule.nationality().equals(person.nationality())) {
                own = own == null || rule.effectiveFrom().isAfter(own.effectiveFrom()) ? rule : own;
            }
        }
        StayRule found = own != null ? own : general;
        return found == null ? null : found.permittedDays();
    }

    // --- crossings and decisions ---------------------------------------------------------------------

    private Outcome outcome(boolean citizen) {
        double u = random.nextDouble();
        double refuse = citizen ? 0.0025 : 0.005;
        double refer = citizen ? 0.005 : 0.013;
        if (u < refuse) {
            return Outcome.REFUSE;
        }
        if (u < refuse + refer) {
            return random.nextDouble() < (citizen ? 0.9 : 0.85) ? Outcome.REFER_ADMIT : Outcome.REFER_REFUSE;
        }
        return Outcome.ADMIT;
    }

    private Outcome homewardOutcome() {
        return random.nextDouble() < 0.003 ? Outcome.REFER_ADMIT : Outcome.ADMIT;
    }

    private static final List<String> REFERRAL_NOTES = List.of(
            "Purpose of travel to be confirmed at the second line",
            "Document to be examined at the second line",
            "Name close to an alert; identity to be confirmed",
            "Earlier overstay on record",
            "Travelling with a child without the other parent's consent",
            "Sponsor and accommodation to be verified");
    private static final List<String> ADMITTED_NOTES = List.of("Purpose confirmed; admitted",
            "Document examined and found genuine", "Not the person of the alert", "Sponsor confirmed by telephone");
    private static final List<String> REFUSED_NOTES = List.of("Could not show the purpose of the journey",
            "No means of subsistence for the stay", "Confirmed as the person of the alert");
    private static final List<String> LATE_REASONS = List.of(
            "Typed in from the paper register after a network outage",
            "Power cut at the post; entered from the paper register",
            "Recorded once the link to headquarters was back");

    private Crossing crossing(Passage passage, Instant at, Member m, Purpose purpose, UUID groupId, Visa visa,
                              Outcome outcome, boolean pending, boolean mayBeLate) {
        BorderPoint point = passage.point();
        Direction direction = passage.direction();
        Holder h = m.holder();
        LocalDate day = LocalDate.ofInstant(at, settings.zone());
        String officer = passage.officer();
        Instant recorded = at.plusSeconds(2 + random.nextInt(18));
        String lateReason = null;
        if (mayBeLate && random.nextDouble() < 0.003) {
            Instant late = at.plus(Duration.ofMinutes(90 + random.nextInt(30 * 60)));
            if (late.isBefore(settings.now())) {
                recorded = late;
                lateReason = DemoNames.pick(random, LATE_REASONS);
                officer = DemoNames.pick(random, supervisors.get(point.code()));
            }
        }
        Set<CrossingFlag> flags = EnumSet.noneOf(CrossingFlag.class);
        if (lateReason != null) {
            flags.add(CrossingFlag.LATE_RECORD);
        }
        Document document = h.document;
        boolean valid = !document.expiry().isBefore(day);
        if (!valid) {
            flags.add(CrossingFlag.DOCUMENT_INVALID);
            outcome = Outcome.REFUSE;
        }
        boolean minor = minor(h.person.dateOfBirth(), day);
        String accompanied = minor ? m.accompaniedBy() : null;
        String consent = null;
        List<VulnerabilityIndicator> vulnerability = List.of();
        String protection = null;
        if (minor) {
            flags.add(CrossingFlag.MINOR);
            if (accompanied == null) {
                if (random.nextDouble() < 0.7) {
                    consent = "Consent of both parents, notarised, no. " + DemoNames.fill(random, "####/") + day.getYear();
                } else {
                    flags.add(CrossingFlag.MINOR_UNACCOMPANIED);
                    if (outcome == Outcome.ADMIT) {
                        outcome = Outcome.REFER_ADMIT;
                    }
                    vulnerability = List.of(VulnerabilityIndicator.UNACCOMPANIED_MINOR);
                    protection = "Child protection unit, with IOM";
                }
            }
        }
        List<Ruling> rulings = new ArrayList<>(2);
        if (pending) {
            rulings.add(new Ruling(register.ids().apply(recorded), "INITIAL", Decision.PENDING, null, null, List.of(), null,
                    officer, recorded, null));
        } else {
            Ruling first = initial(outcome, direction, officer, recorded, valid, h.trips > 0, vulnerability, protection);
            rulings.add(first);
            Instant decided = recorded.plus(Duration.ofMinutes(5 + random.nextInt(85)));
            if (first.decision() == Decision.REFERRED && decided.isBefore(settings.now())) {
                boolean admit = outcome == Outcome.REFER_ADMIT;
                rulings.add(new Ruling(register.ids().apply(decided), "FINAL", admit ? Decision.ADMITTED : Decision.REFUSED,
                        admit ? null : reason(direction, h.trips > 0, valid),
                        admit ? (protection != null ? "Released to a relative after verification"
                                : DemoNames.pick(random, ADMITTED_NOTES)) : DemoNames.pick(random, REFUSED_NOTES),
                        List.of(), null, DemoNames.pick(random, supervisors.get(point.code())), decided, first.id()));
            }
        }
        Crossing c = new Crossing(register.ids().apply(recorded), point, direction, at, recorded, h.person, document, valid,
                purpose, passage.mode(), passage.reference(), groupId, visa, officer, lateReason, minor, accompanied,
                consent, flags, rulings);
        crossings.add(c);
        return c;
    }

    private Ruling initial(Outcome outcome, Direction direction, String officer, Instant at, boolean valid,
                           boolean travelledBefore, List<VulnerabilityIndicator> vulnerability, String protection) {
        return switch (outcome) {
            case ADMIT -> new Ruling(register.ids().apply(at), "INITIAL", Decision.ADMITTED, null, null, List.of(), null,
                    officer, at, null);
            case REFER_ADMIT, REFER_REFUSE -> new Ruling(register.ids().apply(at), "INITIAL", Decision.REFERRED, null,
                    protection != null ? "Child travelling alone" : DemoNames.pick(random, REFERRAL_NOTES),
                    vulnerability, protection, officer, at, null);
            case REFUSE -> new Ruling(register.ids().apply(at), "INITIAL", Decision.REFUSED,
                    reason(direction, travelledBefore, valid), null, List.of(), null, officer, at, null);
        };
    }

    /** A standard reason for a refusal: an expired document is reason A; the rest as borders see them. */
    private String reason(Direction direction, boolean travelledBefore, boolean valid) {
        List<String> reasons = direction == Direction.ENTRY ? entryReasons : exitReasons;
        if (direction == Direction.ENTRY && !valid && reasons.contains("A")) {
            return "A";
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = DemoNames.pick(random, reasons);
            if (direction == Direction.EXIT || !code.equals("A") && (travelledBefore || !code.equals("F"))) {
                return code;
            }
        }
        return reasons.getFirst();
    }

    /**
     * Opens and closes a group around its members' crossings; a group decided together has its
     * members read as pending and then admitted at once. Answers the members' crossings as they stand.
     */
    private List<Crossing> closeGroup(UUID groupId, Passage passage, GroupKind kind, List<Crossing> made,
                                      boolean decideTogether) {
        Instant decided = made.getLast().recordedAt().plusSeconds(30 + random.nextInt(120));
        Instant closed = decided.plusSeconds(10 + random.nextInt(60));
        List<Crossing> members = new ArrayList<>(made);
        if (decideTogether && decided.isBefore(settings.now())) {
            int index = crossings.size() - 1;
            for (int i = members.size() - 1; i >= 0; i--) {
                Crossing c = members.get(i);
                while (crossings.get(index) != c) {
                    index--;
                }
                Ruling pending = c.rulings().getFirst();
                Crossing admitted = new Crossing(c.id(), c.point(), c.direction(), c.occurredAt(), c.recordedAt(),
                        c.traveller(), c.document(), c.documentValid(), c.purpose(), c.transport(),
                        c.transportReference(), c.groupId(), c.visa(), c.officer(), c.lateReason(), c.minor(),
                        c.accompaniedBy(), c.consentDocument(), c.flags(), List.of(pending, new Ruling(
                        register.ids().apply(decided), "FINAL", Decision.ADMITTED, null, null, List.of(), null,
                        passage.officer(), decided, pending.id())));
                crossings.set(index, admitted);
                members.set(i, admitted);
            }
        }
        Crossing leader = members.getFirst();
        boolean isClosed = closed.isBefore(settings.now());
        groups.add(new Group(groupId, passage.point().code(), passage.direction(), kind == null ? GroupKind.OTHER : kind,
                passage.mode() == TransportMode.FOOT ? null : passage.vehicle(), leader.traveller().fullName(),
                leader.document().number(), passage.officer(), leader.occurredAt().minusSeconds(40 + random.nextInt(120)),
                isClosed ? passage.officer() : null, isClosed ? closed : null));
        return members;
    }

    private Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(settings.zone()).toInstant();
    }

    private static boolean minor(String dateOfBirth, LocalDate day) {
        return LocalDate.parse(dateOfBirth).plusYears(ADULT_AGE).isAfter(day);
    }

    // --- time ----------------------------------------------------------------------------------------

    /** A scheduled flight: it lands, turns round and leaves again under the next number. */
    private record Flight(String carrier, String arrival, int arrivalMinute, String departure, int departureMinute) {

        String number(Direction direction) {
            return direction == Direction.ENTRY ? arrival : departure;
        }
    }

    private static List<Flight> schedule(Random random, String airport, int index) {
        List<Flight> schedule = new ArrayList<>();
        for (Weighted<String> carrier : DemoProfiles.CARRIERS.get(airport)) {
            int base = 100 + 100 * (index % 9) + random.nextInt(5) * 10;
            for (int i = 0; i < (int) carrier.weight(); i++) {
                int number = base + 2 * i;
                int bank = DemoProfiles.pick(random, DemoProfiles.ARRIVAL_BANKS);
                int arrival = Math.floorMod(bank + (int) Math.round(random.nextGaussian() * 50), 24 * 60);
                int departure = Math.floorMod(arrival + 60 + random.nextInt(50), 24 * 60);
                schedule.add(new Flight(carrier.value(), carrier.value() + " " + number, arrival,
                        carrier.value() + " " + (number + 1), departure));
            }
        }
        return List.copyOf(schedule);
    }

    private Flight flight(String airport, String nationality, Direction direction) {
        List<Flight> all = flights.get(airport);
        if (all == null || all.isEmpty()) {
            return null;
        }
        if (random.nextDouble() < 0.7) {
            // Most fly with an airline of their region; Iraqis often with the national carrier.
            List<String> preferred = "IRQ".equals(nationality) ? List.of("IA") : DemoProfiles.preferredCarriers(nationality);
            List<Flight> theirs = preferredFlights.computeIfAbsent(airport + ":" + String.join(",", preferred),
                    k -> all.stream().filter(f -> preferred.contains(f.carrier())).toList());
            if (!theirs.isEmpty() && ("IRQ".equals(nationality) ? random.nextDouble() < 0.45 : true)) {
                return DemoNames.pick(random, theirs);
            }
        }
        return DemoNames.pick(random, all);
    }

    /** When a traveller reaches the booth on that day. */
    private Instant time(Passage passage, LocalDate day) {
        Flight flight = passage.flight();
        if (flight != null) {
            // Arrivals reach the booth after landing; departures pass it before boarding.
            int minute = passage.direction() == Direction.ENTRY ? flight.arrivalMinute() + 8 + random.nextInt(40)
                    : flight.departureMinute() - 45 - random.nextInt(100);
            Instant at = day.atStartOfDay(settings.zone()).plusSeconds(minute * 60L + random.nextInt(60)).toInstant();
            return LocalDate.ofInstant(at, settings.zone()).isBefore(day) ? at.plus(Duration.ofDays(1)) : at;
        }
        BorderPointType type = passage.point().type();
        double[] hours = type == BorderPointType.SEA ? DemoProfiles.SEA_HOURS
                : passage.surge() ? DemoProfiles.SURGE_HOURS : DemoProfiles.LAND_HOURS;
        LocalTime time = LocalTime.of(pickIndex(hours), random.nextInt(60), random.nextInt(60));
        return day.atTime(time).atZone(settings.zone()).toInstant();
    }

    private int pickIndex(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A trip's length: most near the typical length, a tail towards the longest. */
    private int tripDays(Segment segment) {
        int[] d = segment.days();
        double x = random.nextDouble();
        double days = x < 0.6 ? d[0] + (d[1] - d[0]) * Math.sqrt(x / 0.6)
                : d[1] + (d[2] - d[1]) * Math.pow((x - 0.6) / 0.4, 2);
        return (int) Math.round(days);
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    // --- bookkeeping -------------------------------------------------------------------------------------

    private Traffic bookkeeping(LocalDate from, LocalDate to, List<Season> seasons) {
        Map<UUID, Instant> firstRecorded = new HashMap<>();
        Map<UUID, List<Crossing>> byTraveller = new LinkedHashMap<>();
        Map<UUID, Document> usedDocuments = new LinkedHashMap<>();
        Map<UUID, Visa> usedVisas = new LinkedHashMap<>();
        Map<UUID, Integer> documentsOf = new HashMap<>();
        Set<UUID> linked = new HashSet<>();
        for (Crossing c : crossings) {
            byTraveller.computeIfAbsent(c.traveller().id(), k -> new ArrayList<>()).add(c);
            firstRecorded.merge(c.traveller().id(), c.recordedAt(), DemoTraffic::earlier);
            firstRecorded.merge(c.document().id(), c.recordedAt(), DemoTraffic::earlier);
            if (usedDocuments.putIfAbsent(c.document().id(), c.document()) == null
                    && documentsOf.merge(c.traveller().id(), 1, Integer::sum) > 1) {
                // The register recognises the holder of a new document by name, birth date and nationality.
                linked.add(c.document().id());
            }
            if (c.visa() != null) {
                usedVisas.putIfAbsent(c.visa().id(), c.visa());
            }
        }
        List<Person> travellers = new ArrayList<>(byTraveller.size());
        byTraveller.values().forEach(history -> travellers.add(history.getFirst().traveller()));
        List<LocalDate> arbaeen = seasons.stream().filter(s -> s.name().equals("Arbaeen")).map(Season::anchor).toList();
        return new Traffic(travellers, List.copyOf(usedDocuments.values()), List.copyOf(usedVisas.values()),
                List.copyOf(groups), List.copyOf(crossings), List.copyOf(byTraveller.values()), firstRecorded, linked,
                from, to, arbaeen);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
