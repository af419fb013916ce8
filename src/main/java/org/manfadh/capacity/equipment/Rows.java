package org.manfadh.capacity.equipment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The small conversions the equipment and premises repositories share between rows and records. */
final class Rows {

    private Rows() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
