package org.manfadh.demo.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.manfadh.bordercontrol.GroupKind;
import org.manfadh.bordercontrol.Purpose;
import org.manfadh.bordercontrol.TransportMode;

/**
 * Who crosses where, for the demo register: the kinds of traveller (segments) and the mix of them
 * at each of Iraq's border points, the airports' flights, and the hours of the day. Figures are
 * shaped on the public picture of Iraq's borders (Iranian pilgrims in the east, Turkish trade at
 * Ibrahim Khalil, Kuwaitis at Safwan, Iraqi citizens everywhere), not on official statistics.
 */
final class DemoProfiles {

    private DemoProfiles() {
    }

    record Weighted<T>(T value, double weight) {
    }

    static <T> Weighted<T> w(T value, double weight) {
        return new Weighted<>(value, weight);
    }

    static <T> T pick(Random random, List<Weighted<T>> choices) {
        double total = 0;
        for (Weighted<T> c : choices) {
            total += c.weight();
        }
        double x = random.nextDouble() * total;
        for (Weighted<T> c : choices) {
            x -= c.weight();
            if (x < 0) {
                return c.value();
            }
        }
        return choices.getLast().value();
    }

    /** How a visitor's permission to stay comes about. */
    enum VisaPlan {
        /** A visa on arrival issued at the booth: Iraq's at federal points, the Kurdistan Region's at its own. */
        ON_ARRIVAL,
        /** An electronic visa applied for before the journey. */
        E_VISA,
        /** The visa exemption granted to Iranian pilgrims for Arbaeen. */
        ARBAEEN_EXEMPT,
        /** A residence permit of a foreign worker. */
        RESIDENCE,
        /** A one-year multiple-entry visit visa, as drivers on the trade routes hold. */
        MULTI_VISIT,
        /** A seafarer's shore pass. */
        SHORE_PASS
    }

    /** A nationality and the naming tradition of its travellers in this segment. */
    record Origin(String nationality, String names, double male) {
    }

    /**
     * A kind of traveller.
     *
     * @param citizen      an Iraqi citizen: leaves first and comes back; no visa, no stay limit
     * @param days         shortest, typical and longest trip in days
     * @param overstay     the share of visitors who stay past their last legal day
     * @param repeat       the share of trips made by someone who has crossed before
     * @param family       the share of parties that are a family with children
     * @param group        the share of parties that cross as a group (bus or pilgrim group) at land points
     * @param neverReturns for citizens, the share who do not come back within the year
     */
    record Segment(String name, boolean citizen, List<Weighted<Origin>> origins, List<Weighted<Purpose>> purposes,
                   List<Weighted<TransportMode>> landTransport, List<Weighted<VisaPlan>> visas, int onArrivalDays,
                   int[] days, double overstay, double repeat, double family, double group, GroupKind groupKind,
                   int minAge, int maxAge, double neverReturns) {

        Segment with(double family, double group) {
            return new Segment(name, citizen, origins, purposes, landTransport, visas, onArrivalDays, days, overstay,
                    repeat, family, group, groupKind, minAge, maxAge, neverReturns);
        }
    }

    private static Origin o(String nationality, String names, double male) {
        return new Origin(nationality, names, male);
    }

    private static final List<Weighted<TransportMode>> BY_ROAD = List.of(w(TransportMode.CAR, 55),
            w(TransportMode.BUS, 35), w(TransportMode.FOOT, 10));
    private static final List<Weighted<TransportMode>> BY_CAR = List.of(w(TransportMode.CAR, 80), w(TransportMode.BUS, 20));
    private static final List<Weighted<TransportMode>> BY_TRUCK = List.of(w(TransportMode.TRUCK, 1));

    static final Segment IRAQI = new Segment("IRAQI", true, List.of(w(o("IRQ", "IRAQI", 0.62), 1)),
            List.of(w(Purpose.TOURISM, 30), w(Purpose.FAMILY, 20), w(Purpose.BUSINESS, 15), w(Purpose.PILGRIMAGE, 12),
                    w(Purpose.MEDICAL, 10), w(Purpose.STUDY, 3), w(Purpose.WORK, 7), w(Purpose.OTHER, 3)),
            BY_ROAD, List.of(), 0, new int[] {2, 8, 45}, 0, 0.30, 0.08, 0, GroupKind.FAMILY, 18, 72, 0.04);
    static final Segment IRAQI_DRIVER = new Segment("IRAQI_DRIVER", true, List.of(w(o("IRQ", "IRAQI", 1), 1)),
            List.of(w(Purpose.WORK, 1)), BY_TRUCK, List.of(), 0, new int[] {0, 1, 4}, 0, 0.75, 0, 0, null, 24, 62, 0);
    static final Segment IRAQI_SEAFARER = new Segment("IRAQI_SEAFARER", true, List.of(w(o("IRQ", "IRAQI", 1), 1)),
            List.of(w(Purpose.WORK, 1)), BY_ROAD, List.of(), 0, new int[] {5, 20, 60}, 0, 0.3, 0, 0, null, 22, 60, 0);
    static final Segment IRANIAN_PILGRIM = new Segment("IRANIAN_PILGRIM", false, List.of(w(o("IRN", "PERSIAN", 0.52), 1)),
            List.of(w(Purpose.PILGRIMAGE, 1)),
            List.of(w(TransportMode.BUS, 55), w(TransportMode.CAR, 30), w(TransportMode.FOOT, 15)),
            List.of(w(VisaPlan.ON_ARRIVAL, 1)), 30, new int[] {3, 6, 14}, 0.018, 0.08, 0.1, 0.25,
            GroupKind.PILGRIM_GROUP, 18, 78, 0);
    static final Segment IRANIAN_VISITOR = new Segment("IRANIAN_VISITOR", false,
            List.of(w(o("IRN", "PERSIAN", 0.6), 55), w(o("IRN", "KURDISH", 0.6), 45)),
            List.of(w(Purpose.TOURISM, 45), w(Purpose.BUSINESS, 25), w(Purpose.FAMILY, 15), w(Purpose.WORK, 10),
                    w(Purpose.MEDICAL, 5)),
            List.of(w(TransportMode.CAR, 60), w(TransportMode.BUS, 30), w(TransportMode.TRUCK, 10)),
            List.of(w(VisaPlan.ON_ARRIVAL, 1)), 30, new int[] {2, 5, 20}, 0.025, 0.25, 0.1, 0, GroupKind.FAMILY,
            18, 70, 0);
    static final Segment IRANIAN_DRIVER = new Segment("IRANIAN_DRIVER", false, List.of(w(o("IRN", "PERSIAN", 1), 1)),
            List.of(w(Purpose.WORK, 1)), BY_TRUCK, List.of(w(VisaPlan.MULTI_VISIT, 1)), 0, new int[] {0, 1, 3},
            0.002, 0.7, 0, 0, null, 24, 62, 0);
    static final Segment TURKISH_DRIVER = new Segment("TURKISH_DRIVER", false, List.of(w(o("TUR", "TURKISH", 1), 1)),
            List.of(w(Purpose.WORK, 1)), BY_TRUCK, List.of(w(VisaPlan.MULTI_VISIT, 1)), 0, new int[] {0, 1, 4},
            0.001, 0.8, 0, 0, null, 24, 62, 0);
    static final Segment TURKISH_BUSINESS = new Segment("TURKISH_BUSINESS", false, List.of(w(o("TUR", "TURKISH", 0.8), 1)),
            List.of(w(Purpose.BUSINESS, 60), w(Purpose.TOURISM, 20), w(Purpose.WORK, 20)), BY_CAR,
            List.of(w(VisaPlan.ON_ARRIVAL, 60), w(VisaPlan.E_VISA, 40)), 60, new int[] {2, 5, 21}, 0.003, 0.35,
            0.05, 0, GroupKind.FAMILY, 25, 65, 0);
    static final Segment SYRIAN = new Segment("SYRIAN", false,
            List.of(w(o("SYR", "KURDISH", 0.6), 60), w(o("SYR", "LEVANT", 0.6), 40)),
            List.of(w(Purpose.FAMILY, 40), w(Purpose.WORK, 30), w(Purpose.MEDICAL, 15), w(Purpose.BUSINESS, 15)),
            List.of(w(TransportMode.CAR, 50), w(TransportMode.BUS, 30), w(TransportMode.FOOT, 20)),
            List.of(w(VisaPlan.ON_ARRIVAL, 1)), 30, new int[] {5, 14, 60}, 0.07, 0.2, 0.15, 0, GroupKind.FAMILY,
            18, 70, 0);
    static final Segment KUWAITI = new Segment("KUWAITI", false, List.of(w(o("KWT", "GULF", 0.6), 1)),
            List.of(w(Purpose.PILGRIMAGE, 40), w(Purpose.FAMILY, 25), w(Purpose.TOURISM, 20), w(Purpose.BUSINESS, 15)),
            BY_CAR, List.of(w(VisaPlan.ON_ARRIVAL, 60), w(VisaPlan.E_VISA, 40)), 60, new int[] {2, 4, 12}, 0.002,
            0.3, 0.15, 0, GroupKind.FAMILY, 18, 75, 0);
    static final Segment SAUDI = new Segment("SAUDI", false, List.of(w(o("SAU", "GULF", 0.65), 1)),
            List.of(w(Purpose.PILGRIMAGE, 45), w(Purpose.BUSINESS, 25), w(Purpose.TOURISM, 15), w(Purpose.FAMILY, 15)),
            List.of(w(TransportMode.CAR, 70), w(TransportMode.BUS, 30)),
            List.of(w(VisaPlan.E_VISA, 60), w(VisaPlan.ON_ARRIVAL, 40)), 60, new int[] {2, 5, 12}, 0.002, 0.2, 0.12,
            0, GroupKind.FAMILY, 18, 75, 0);
    static final Segment JORDANIAN = new Segment("JORDANIAN", false, List.of(w(o("JOR", "LEVANT", 0.7), 1)),
            List.of(w(Purpose.BUSINESS, 35), w(Purpose.WORK, 25), w(Purpose.TOURISM, 15), w(Purpose.FAMILY, 25)),
            List.of(w(TransportMode.CAR, 70), w(TransportMode.BUS, 30)), List.of(w(VisaPlan.ON_ARRIVAL, 1)), 30,
            new int[] {3, 8, 25}, 0.015, 0.25, 0.08, 0, GroupKind.FAMILY, 18, 70, 0);
    static final Segment JORDANIAN_DRIVER = new Segment("JORDANIAN_DRIVER", false, List.of(w(o("JOR", "LEVANT", 1), 1)),
            List.of(w(Purpose.WORK, 1)), BY_TRUCK, List.of(w(VisaPlan.MULTI_VISIT, 1)), 0, new int[] {0, 2, 5},
            0.001, 0.7, 0, 0, null, 24, 62, 0);
    static final Segment LEBANESE = new Segment("LEBANESE", false, List.of(w(o("LBN", "LEBANESE", 0.6), 1)),
            List.of(w(Purpose.PILGRIMAGE, 45), w(Purpose.BUSINESS, 35), w(Purpose.TOURISM, 10), w(Purpose.FAMILY, 10)),
            BY_CAR, List.of(w(VisaPlan.ON_ARRIVAL, 50), w(VisaPlan.E_VISA, 50)), 60, new int[] {3, 7, 14}, 0.005,
            0.2, 0.1, 0, GroupKind.FAMILY, 18, 75, 0);
    static final Segment FOREIGN_PILGRIM = new Segment("FOREIGN_PILGRIM", false,
            List.of(w(o("PAK", "PAKISTANI", 0.6), 35), w(o("IND", "INDIAN_MUSLIM", 0.6), 20),
                    w(o("AFG", "AFGHAN", 0.65), 12), w(o("AZE", "AZERI", 0.55), 10), w(o("BHR", "GULF", 0.6), 8),
                    w(o("GBR", "PAKISTANI", 0.55), 5)),
            List.of(w(Purpose.PILGRIMAGE, 1)), List.of(w(TransportMode.BUS, 80), w(TransportMode.CAR, 20)),
            List.of(w(VisaPlan.E_VISA, 70), w(VisaPlan.ON_ARRIVAL, 30)), 30, new int[] {7, 12, 21}, 0.04, 0.03,
            0.1, 0.35, GroupKind.PILGRIM_GROUP, 18, 75, 0);
    static final Segment WORKER = new Segment("WORKER", false,
            List.of(w(o("BGD", "BANGLADESHI", 0.95), 25), w(o("PAK", "PAKISTANI", 0.95), 15),
                    w(o("IND", "INDIAN", 0.9), 15), w(o("PHL", "FILIPINO", 0.2), 12), w(o("EGY", "EGYPTIAN", 0.9), 12),
                    w(o("CHN", "CHINESE", 0.9), 8), w(o("TUR", "TURKISH", 0.9), 5), w(o("SYR", "LEVANT", 0.9), 8)),
            List.of(w(Purpose.WORK, 1)), List.of(w(TransportMode.CAR, 50), w(TransportMode.BUS, 50)),
            List.of(w(VisaPlan.RESIDENCE, 45), w(VisaPlan.E_VISA, 55)), 30, new int[] {20, 45, 300}, 0.1, 0.1, 0,
            0, null, 21, 50, 0);
    static final Segment BUSINESS = new Segment("BUSINESS", false,
            List.of(w(o("GBR", "ENGLISH", 0.78), 18), w(o("USA", "ENGLISH", 0.78), 18), w(o("D", "GERMAN", 0.8), 10),
                    w(o("FRA", "FRENCH", 0.78), 8), w(o("ITA", "ITALIAN", 0.8), 6), w(o("NLD", "DUTCH", 0.75), 4),
                    w(o("SWE", "SWEDISH", 0.7), 3), w(o("RUS", "RUSSIAN", 0.85), 8), w(o("CHN", "CHINESE", 0.9), 12),
                    w(o("TUR", "TURKISH", 0.85), 5), w(o("JOR", "LEVANT", 0.8), 4), w(o("EGY", "EGYPTIAN", 0.85), 4)),
            List.of(w(Purpose.BUSINESS, 55), w(Purpose.OFFICIAL, 15), w(Purpose.WORK, 15), w(Purpose.TOURISM, 15)),
            BY_CAR, List.of(w(VisaPlan.E_VISA, 65), w(VisaPlan.ON_ARRIVAL, 35)), 60, new int[] {2, 6, 28}, 0.002,
            0.3, 0.03, 0, GroupKind.FAMILY, 26, 66, 0);
    static final Segment DIASPORA = new Segment("DIASPORA", false,
            List.of(w(o("SWE", "IRAQI", 0.55), 18), w(o("D", "IRAQI", 0.55), 14), w(o("GBR", "IRAQI", 0.55), 12),
                    w(o("NLD", "IRAQI", 0.55), 8), w(o("USA", "IRAQI", 0.55), 12), w(o("DNK", "IRAQI", 0.55), 5),
                    w(o("CAN", "IRAQI", 0.55), 6), w(o("AUS", "IRAQI", 0.55), 8), w(o("FIN", "IRAQI", 0.55), 3),
                    w(o("NOR", "IRAQI", 0.55), 4), w(o("SWE", "KURDISH", 0.55), 5), w(o("D", "KURDISH", 0.55), 5)),
            List.of(w(Purpose.FAMILY, 80), w(Purpose.TOURISM, 20)), BY_CAR,
            List.of(w(VisaPlan.ON_ARRIVAL, 70), w(VisaPlan.E_VISA, 30)), 60, new int[] {10, 25, 58}, 0.01, 0.2, 0.2,
            0, GroupKind.FAMILY, 20, 75, 0);
    static final Segment CREW = new Segment("CREW", false,
            List.of(w(o("IND", "INDIAN", 0.97), 20), w(o("PHL", "FILIPINO", 0.97), 25), w(o("PAK", "PAKISTANI", 1), 10),
                    w(o("UKR", "UKRAINIAN", 0.97), 10), w(o("RUS", "RUSSIAN", 0.97), 6), w(o("TUR", "TURKISH", 1), 8),
                    w(o("EGY", "EGYPTIAN", 1), 8), w(o("CHN", "CHINESE", 0.97), 8), w(o("BGD", "BANGLADESHI", 1), 5)),
            List.of(w(Purpose.WORK, 1)), BY_ROAD, List.of(w(VisaPlan.SHORE_PASS, 1)), 7, new int[] {0, 1, 4}, 0.002,
            0.2, 0, 0, null, 20, 60, 0);

    // Seasonal travellers: Arbaeen, Hajj and Nowruz.
    static final Segment ARBAEEN_IRANIAN = new Segment("ARBAEEN_IRANIAN", false, List.of(w(o("IRN", "PERSIAN", 0.55), 1)),
            List.of(w(Purpose.PILGRIMAGE, 1)),
            List.of(w(TransportMode.BUS, 45), w(TransportMode.FOOT, 35), w(TransportMode.CAR, 20)),
            List.of(w(VisaPlan.ARBAEEN_EXEMPT, 1)), 0, new int[] {3, 7, 14}, 0.004, 0.02, 0.08, 0.5,
            GroupKind.PILGRIM_GROUP, 18, 80, 0);
    static final Segment ARBAEEN_OVERLAND = new Segment("ARBAEEN_OVERLAND", false,
            List.of(w(o("PAK", "PAKISTANI", 0.65), 55), w(o("AZE", "AZERI", 0.55), 20), w(o("AFG", "AFGHAN", 0.7), 17),
                    w(o("IND", "INDIAN_MUSLIM", 0.6), 8)),
            List.of(w(Purpose.PILGRIMAGE, 1)), List.of(w(TransportMode.BUS, 85), w(TransportMode.FOOT, 15)),
            List.of(w(VisaPlan.E_VISA, 70), w(VisaPlan.ON_ARRIVAL, 30)), 30, new int[] {7, 12, 21}, 0.04, 0.02, 0.1,
            0.5, GroupKind.BUS, 18, 75, 0);
    static final Segment ARBAEEN_BY_AIR = new Segment("ARBAEEN_BY_AIR", false,
            List.of(w(o("IRN", "PERSIAN", 0.55), 30), w(o("PAK", "PAKISTANI", 0.6), 20),
                    w(o("IND", "INDIAN_MUSLIM", 0.6), 15), w(o("LBN", "LEBANESE", 0.6), 12), w(o("BHR", "GULF", 0.6), 8),
                    w(o("KWT", "GULF", 0.6), 8), w(o("AZE", "AZERI", 0.55), 7)),
            List.of(w(Purpose.PILGRIMAGE, 1)), BY_CAR, List.of(w(VisaPlan.E_VISA, 50), w(VisaPlan.ON_ARRIVAL, 50)), 30,
            new int[] {4, 8, 14}, 0.015, 0.05, 0.1, 0, null, 18, 78, 0);
    static final Segment ARBAEEN_GULF = new Segment("ARBAEEN_GULF", false,
            List.of(w(o("KWT", "GULF", 0.6), 65), w(o("BHR", "GULF", 0.6), 20), w(o("SAU", "GULF", 0.65), 15)),
            List.of(w(Purpose.PILGRIMAGE, 1)), List.of(w(TransportMode.CAR, 70), w(TransportMode.BUS, 30)),
            List.of(w(VisaPlan.ON_ARRIVAL, 1)), 60, new int[] {2, 5, 10}, 0.001, 0.1, 0.2, 0, GroupKind.FAMILY, 18,
            78, 0);
    static final Segment HAJJ = new Segment("HAJJ", true, List.of(w(o("IRQ", "IRAQI", 0.55), 1)),
            List.of(w(Purpose.PILGRIMAGE, 1)), List.of(w(TransportMode.BUS, 1)), List.of(), 0, new int[] {20, 28, 40},
            0, 0, 0, 0.7, GroupKind.BUS, 35, 80, 0);
    static final Segment NOWRUZ = new Segment("NOWRUZ", false,
            List.of(w(o("IRN", "PERSIAN", 0.55), 55), w(o("IRN", "KURDISH", 0.55), 45)),
            List.of(w(Purpose.TOURISM, 80), w(Purpose.FAMILY, 20)),
            List.of(w(TransportMode.CAR, 70), w(TransportMode.BUS, 30)), List.of(w(VisaPlan.ON_ARRIVAL, 1)), 30,
            new int[] {3, 6, 13}, 0.005, 0.1, 0.2, 0, GroupKind.FAMILY, 18, 70, 0);

    /**
     * A border point's ordinary traffic: its share of the country's travellers on a normal day, the
     * mix of segments, and the points a traveller may leave by instead of the one they came in by.
     */
    record PointProfile(String code, double weight, List<Weighted<Segment>> mix, List<String> alternates) {
    }

    private static PointProfile p(String code, double weight, List<String> alternates, List<Weighted<Segment>> mix) {
        return new PointProfile(code, weight, mix, alternates);
    }

    private static final List<Weighted<Segment>> EAST = List.of(w(IRANIAN_PILGRIM, 58), w(IRAQI, 24),
            w(IRANIAN_DRIVER, 8), w(IRAQI_DRIVER, 4), w(FOREIGN_PILGRIM, 6));
    private static final List<Weighted<Segment>> KRI_EAST = List.of(w(IRANIAN_VISITOR, 50), w(IRAQI, 35),
            w(IRANIAN_DRIVER, 10), w(IRAQI_DRIVER, 5));
    private static final List<Weighted<Segment>> WEST = List.of(w(IRAQI, 50), w(SYRIAN, 30), w(IRAQI_DRIVER, 20));
    private static final List<Weighted<Segment>> SOUTH_WEST = List.of(w(SAUDI, 45), w(IRAQI, 40), w(IRAQI_DRIVER, 15));
    private static final List<Weighted<Segment>> PORT = List.of(w(CREW, 92), w(IRAQI_SEAFARER, 8));

    /** Share of a normal day's travellers, by border point. Points not listed have no demo traffic. */
    static final List<PointProfile> POINTS = List.of(
            p("IBK", 13, List.of(), List.of(w(TURKISH_DRIVER, 24), w(TURKISH_BUSINESS, 14), w(IRAQI, 40),
                    w(IRAQI_DRIVER, 8), w(SYRIAN, 5), w(DIASPORA, 5), w(BUSINESS, 4))),
            p("FKB", 2.5, List.of(), List.of(w(SYRIAN, 55), w(IRAQI, 35), w(BUSINESS, 5), w(IRAQI_DRIVER, 5))),
            p("HJO", 3, List.of("PWK", "BSQ"), KRI_EAST),
            p("BSQ", 2, List.of("PWK", "HJO"), KRI_EAST),
            p("PWK", 3, List.of("BSQ", "HJO"), KRI_EAST),
            p("MDL", 2, List.of("MNT", "ZRB"), EAST),
            p("MNT", 3.5, List.of("ZRB", "SHB"), EAST),
            p("ZRB", 7, List.of("SLM", "MNT"), EAST),
            p("SHB", 3, List.of("SLM", "ZRB"), EAST),
            p("SLM", 6, List.of("ZRB", "SHB"), List.of(w(IRANIAN_PILGRIM, 52), w(IRAQI, 27), w(IRANIAN_DRIVER, 9),
                    w(IRAQI_DRIVER, 6), w(FOREIGN_PILGRIM, 6))),
            p("SFW", 4.5, List.of(), List.of(w(IRAQI, 40), w(KUWAITI, 42), w(IRAQI_DRIVER, 15), w(WORKER, 3))),
            p("TRB", 3.5, List.of(), List.of(w(IRAQI, 40), w(JORDANIAN, 25), w(JORDANIAN_DRIVER, 20),
                    w(IRAQI_DRIVER, 15))),
            p("QAM", 1.5, List.of(), WEST),
            p("WLD", 0.5, List.of(), WEST),
            p("RBA", 1, List.of(), WEST),
            p("ARR", 1.5, List.of(), SOUTH_WEST),
            p("JMM", 0.5, List.of(), SOUTH_WEST),
            p("BGW", 16, List.of("NJF", "BSR"), List.of(w(IRAQI, 48), w(DIASPORA, 9), w(LEBANESE, 6),
                    w(TURKISH_BUSINESS, 6), w(BUSINESS, 8), w(WORKER, 8), w(IRANIAN_PILGRIM, 5),
                    w(FOREIGN_PILGRIM, 4), w(JORDANIAN, 3), w(KUWAITI, 1), w(SAUDI, 1), w(SYRIAN, 1))),
            p("NJF", 8, List.of("BGW"), List.of(w(IRANIAN_PILGRIM, 30), w(IRAQI, 30), w(FOREIGN_PILGRIM, 18),
                    w(LEBANESE, 10), w(KUWAITI, 5), w(SAUDI, 3), w(WORKER, 4))),
            p("BSR", 4, List.of("BGW"), List.of(w(IRAQI, 45), w(WORKER, 20), w(BUSINESS, 15), w(KUWAITI, 5),
                    w(DIASPORA, 5), w(IRANIAN_PILGRIM, 5), w(LEBANESE, 5))),
            p("KIK", 0.8, List.of("BGW", "EBL"), List.of(w(IRAQI, 70), w(TURKISH_BUSINESS, 15), w(WORKER, 10),
                    w(DIASPORA, 5))),
            p("OSM", 1, List.of("EBL"), List.of(w(IRAQI, 80), w(TURKISH_BUSINESS, 20))),
            p("EBL", 9, List.of("ISU"), List.of(w(IRAQI, 40), w(DIASPORA, 12), w(BUSINESS, 12),
                    w(TURKISH_BUSINESS, 10), w(IRANIAN_VISITOR, 8), w(LEBANESE, 5), w(WORKER, 8), w(SYRIAN, 5))),
            p("ISU", 3, List.of("EBL"), List.of(w(IRAQI, 50), w(IRANIAN_VISITOR, 15), w(DIASPORA, 12),
                    w(TURKISH_BUSINESS, 8), w(BUSINESS, 7), w(WORKER, 8))),
            p("UQS", 0.6, List.of(), PORT),
            p("KZB", 0.3, List.of(), PORT),
            p("ABF", 0.1, List.of(), PORT),
            p("FAW", 0.1, List.of(), PORT));

    /** A point whose status is uncertain sees only a trickle of its usual traffic. */
    static final double UNCERTAIN_SHARE = 0.02;

    /** Land crossings by hour of the day (Asia/Baghdad): quiet at night, busiest in the morning. */
    static final double[] LAND_HOURS = {0.15, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3.0, 3.3, 3.2, 3.0, 2.7, 2.4, 2.2,
        2.0, 1.8, 1.5, 1.2, 0.9, 0.7, 0.5, 0.35, 0.2};
    /** In the pilgrimage season the eastern crossings work around the clock; many walk in the cool of the night. */
    static final double[] SURGE_HOURS = {1.5, 1.3, 1.1, 1.0, 1.1, 1.4, 2.0, 2.6, 2.9, 3.0, 3.0, 2.8, 2.5, 2.3, 2.2,
        2.2, 2.4, 2.6, 2.8, 2.8, 2.6, 2.3, 2.0, 1.7};
    /** Seaports: crews go ashore and sign on in working hours. */
    static final double[] SEA_HOURS = {0, 0, 0, 0, 0, 0, 0.5, 1.5, 2, 2, 2, 2, 1.5, 2, 2, 2, 1.5, 1, 0.5, 0, 0, 0, 0, 0};

    /** Travel by month: the summer holidays and the winter break are busier, the Ramadan months quieter. */
    static final double[] AIR_MONTHS = {0.95, 0.85, 0.85, 1.0, 1.0, 1.1, 1.25, 1.25, 1.0, 0.95, 0.9, 1.05};
    static final double[] LAND_MONTHS = {0.9, 0.9, 0.95, 1.05, 1.0, 1.05, 1.15, 1.15, 1.0, 1.0, 0.95, 0.95};
    /** By day of the week, Monday first; the weekend in Iraq is Friday and Saturday. */
    static final double[] LAND_WEEKDAYS = {1.0, 1.0, 1.05, 1.15, 0.85, 0.95, 1.0};
    static final double[] AIR_WEEKDAYS = {1.0, 0.95, 1.0, 1.1, 0.95, 1.0, 1.05};

    /** The airlines flying to each airport, with their daily flights: they set the airports' rhythm. */
    static final Map<String, List<Weighted<String>>> CARRIERS = Map.of(
            "BGW", List.of(w("IA", 14), w("FZ", 4), w("QR", 3), w("TK", 3), w("EK", 2), w("RJ", 2), w("ME", 2),
                    w("W5", 2), w("IR", 1), w("G9", 2), w("J9", 1), w("GF", 1), w("PC", 1), w("UR", 3), w("IF", 2),
                    w("6Q", 1), w("SV", 1), w("MS", 1), w("XY", 1), w("KU", 1)),
            "NJF", List.of(w("IA", 6), w("W5", 3), w("IR", 2), w("EP", 2), w("FZ", 2), w("QR", 2), w("TK", 1),
                    w("ME", 2), w("G9", 1), w("J9", 1), w("GF", 1), w("UR", 2), w("IF", 1), w("SV", 1), w("XY", 1),
                    w("KU", 1)),
            "BSR", List.of(w("IA", 5), w("FZ", 2), w("QR", 2), w("TK", 1), w("EK", 1), w("RJ", 1), w("ME", 1),
                    w("G9", 1), w("J9", 1), w("UR", 1)),
            "EBL", List.of(w("IA", 3), w("FZ", 3), w("QR", 2), w("TK", 3), w("PC", 2), w("OS", 1), w("RJ", 1),
                    w("ME", 1), w("G9", 2), w("EK", 1), w("6Q", 1), w("SV", 1), w("MS", 1), w("XY", 1), w("W5", 1),
                    w("UR", 1)),
            "ISU", List.of(w("IA", 2), w("FZ", 2), w("TK", 2), w("PC", 1), w("QR", 1), w("G9", 1), w("W5", 1),
                    w("UR", 1)),
            "KIK", List.of(w("IA", 1), w("FZ", 1)),
            "OSM", List.of(w("IA", 1)));

    /** The airlines a traveller of a nationality mostly flies with, where the airport has them. */
    static List<String> preferredCarriers(String nationality) {
        return switch (nationality) {
            case "IRN" -> List.of("W5", "IR", "EP", "IA");
            case "LBN" -> List.of("ME", "IA");
            case "TUR", "AZE" -> List.of("TK", "PC");
            case "PAK", "IND", "BGD", "PHL", "AFG" -> List.of("FZ", "EK", "QR", "G9");
            case "KWT" -> List.of("J9", "KU");
            case "SAU" -> List.of("SV", "XY");
            case "BHR" -> List.of("GF");
            case "JOR" -> List.of("RJ");
            case "EGY" -> List.of("MS", "FZ");
            case "SYR" -> List.of("6Q", "IA");
            case "CHN", "RUS", "UKR" -> List.of("QR", "EK", "TK", "FZ");
            case "IRQ" -> List.of();
            default -> List.of("TK", "QR", "OS", "RJ", "EK", "FZ");
        };
    }

    /** Flight banks (minute of the day, Asia/Baghdad) around which arrivals cluster. */
    static final List<Weighted<Integer>> ARRIVAL_BANKS = List.of(w(2 * 60 + 40, 18), w(6 * 60 + 30, 6),
            w(9 * 60 + 10, 24), w(13 * 60 + 40, 17), w(16 * 60 + 45, 7), w(19 * 60 + 30, 20), w(23 * 60, 8));
}
