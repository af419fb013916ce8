package org.manfadh.bordercontrol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The facts of crossings that flow statistics count, as they stand (corrections applied, the latest
 * decision), and nothing that identifies the traveller: citizenship, sex and age come from the
 * document as read at the crossing, so a later merge of travellers does not move them.
 */
public interface FlowFacts {

    /**
     * @param nationality the citizenship on the document as read (ICAO code), or null when unknown
     * @param sex         M, F or X as on the document, or null when unknown
     * @param ageYears    the traveller's age in whole years on the border's day of the crossing, or null
     * @param reasonCode  the refusal reason of a refused crossing, otherwise null
     */
    record Fact(UUID crossingId, String borderPoint, Direction direction, Instant occurredAt, String nationality,
                String sex, Integer ageYears, Purpose purpose, TransportMode transportMode, Decision decision,
                String reasonCode, boolean voided) {
    }

    /** Travellers past their last legal day and still in Iraq on a day, by nationality and last entry's border point. */
    record OverstayCount(String nationality, String borderPoint, long count) {
    }

    /** Overstayers on a day (a day in the past is worked out as it was), counted, never named. */
    List<OverstayCount> overstayers(java.time.LocalDate asOf);

    /** The facts of these crossings; a crossing not in the register is left out. */
    List<Fact> of(Collection<UUID> crossingIds);

    /** The facts of every crossing with an id after {@code after} (null: from the first), a page in id order. */
    List<Fact> page(UUID after, int limit);
}
