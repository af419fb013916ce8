package org.manfadh.statistics;

/** The age bands flows are counted in: the traveller's age in whole years on the day of the crossing. */
public enum AgeBand {
    A0_4("0-4", 0, 4),
    A5_17("5-17", 5, 17),
    A18_29("18-29", 18, 29),
    A30_44("30-44", 30, 44),
    A45_59("45-59", 45, 59),
    A60_PLUS("60+", 60, Integer.MAX_VALUE),
    UNKNOWN("unknown", -1, -1);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** As the API and exports write it: {@code 0-4}, {@code 60+}. */
    public String label() {
        return label;
    }

    /** The band of an age in whole years; {@code UNKNOWN} when the age is not known or not plausible. */
    public static AgeBand of(Integer years) {
        if (years == null || years < 0 || years > 130) {
            return UNKNOWN;
        }
        for (AgeBand band : values()) {
            if (years >= band.from && years <= band.to) {
                return band;
            }
        }
        return UNKNOWN;
    }

    public static java.util.Optional<AgeBand> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(b -> b.label.equals(label)).findFirst();
    }
}
