package org.manfadh.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for every record Manfadh creates: unique across nodes
 * without coordination, and ordered by creation so that indexes stay compact.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {
    }

    public static UUID newId() {
        long millis;
        long counter;
        synchronized (Ids.class) {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                // Same millisecond (or the clock stepped back): keep order with a 12-bit counter.
                millis = lastMillis;
                sequence++;
                if (sequence > 0xFFF) {
                    millis = ++lastMillis;
                    sequence = 0;
                }
            } else {
                lastMillis = millis;
                sequence = RANDOM.nextInt(0x800);
            }
            counter = sequence;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * A version 7 id for a record made at another moment than now (a crossing typed in from a paper
     * register, a predecessor system's record taken over): its first 48 bits carry that moment's
     * millisecond, so that it sorts and partitions with the records of its time. The other 74 bits
     * are random: ids made for the same millisecond differ, but are not ordered among themselves.
     */
    public static UUID at(Instant moment) {
        long millis = moment.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a version 7 id holds a time from 1970 to the year 10889: " + moment);
        }
        long high = (millis << 16) | 0x7000L | RANDOM.nextInt(0x1000);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Whether an id is a version 7 UUID, as every id this node makes is. */
    public static boolean isVersion7(UUID id) {
        return id.version() == 7 && id.variant() == 2;
    }
}
