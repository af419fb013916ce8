package org.manfadh.bordercontrol.stay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.manfadh.bordercontrol.Direction;

/**
 * One effective crossing of a traveller, as the stay calculation needs it. Voided crossings are
 * left out by the caller; a correction is passed as the crossing it stands for.
 *
 * @param crossingId the crossing's id
 * @param direction  entry into Iraq or exit from it
 * @param day        the border day of the crossing in Asia/Baghdad, worked out by the caller from
 *                   {@code at}; every stay rule counts these days
 * @param at         when it happened; orders crossings on the same day
 * @param visaId     the visa or permit presented at this crossing, or null when none was
 */
public record Movement(UUID crossingId, Direction direction, LocalDate day, Instant at, UUID visaId) {

    public Movement {
        Objects.requireNonNull(crossingId, "crossingId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(at, "at");
    }

    public static Movement entry(UUID crossingId, LocalDate day, Instant at, UUID visaId) {
        return new Movement(crossingId, Direction.ENTRY, day, at, visaId);
    }

    public static Movement exit(UUID crossingId, LocalDate day, Instant at) {
        return new Movement(crossingId, Direction.EXIT, day, at, null);
    }
}
