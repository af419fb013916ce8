package org.manfadh.bordercontrol;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A crossing already in the register as health looks at it: for a screening recorded after the crossing, and for
 * health's own rules, without health reading the register's tables. Jurisdiction is the caller's to check through
 * {@link CrossingQueries}.
 */
public interface Arrivals {

    /** The crossing's arrival (its route, the traveller's declared countries, the border point's neighbour) on a day. */
    Optional<HealthCheckpoint.Arrival> arrival(UUID crossingId, LocalDate day);
}
