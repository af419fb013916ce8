package org.manfadh.capacity;

import java.util.Objects;

/**
 * Where a session is held: one of the programme's training centres, or a border point (its three-letter code).
 * Written as {@code "BAGHDAD"}, {@code "BASRA"}, {@code "SULAYMANIYAH"}, {@code "ERBIL"} or a border point's code.
 */
public record TrainingCentre(Centre centre, String borderPoint) {

    public enum Centre { BAGHDAD, BASRA, SULAYMANIYAH, ERBIL, BORDER_POINT }

    public TrainingCentre {
        Objects.requireNonNull(centre, "centre");
        if ((centre == Centre.BORDER_POINT) != (borderPoint != null)) {
            throw new IllegalArgumentException("A border point is named exactly when the centre is BORDER_POINT");
        }
        if (borderPoint != null && !borderPoint.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("A border point code has three letters A-Z: " + borderPoint);
        }
    }

    /** Reads the written form; an unknown centre or a malformed code is an IllegalArgumentException. */
    public static TrainingCentre of(String written) {
        Objects.requireNonNull(written, "written");
        String value = written.strip().toUpperCase(java.util.Locale.ROOT);
        if (value.matches("[A-Z]{3}")) {
            return new TrainingCentre(Centre.BORDER_POINT, value);
        }
        return new TrainingCentre(Centre.valueOf(value), null);
    }

    /** The written form: the centre's name or the border point's code. */
    public String code() {
        return centre == Centre.BORDER_POINT ? borderPoint : centre.name();
    }
}
