package org.manfadh.statistics.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/** Crossings counted per border day, one count a day from {@code first} with no gaps (a day without crossings is 0). */
public record DailyCounts(LocalDate first, long[] counts) {

    public DailyCounts {
        Objects.requireNonNull(first, "first");
        counts = counts.clone();
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("a count is never negative: " + c);
            }
        }
    }

    public int size() {
        return counts.length;
    }

    /** The day after the last one counted. */
    public LocalDate end() {
        return first.plusDays(counts.length);
    }

    public LocalDate day(int index) {
        return first.plusDays(index);
    }

    public int indexOf(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(first, date);
    }

    public boolean contains(LocalDate date) {
        int i = indexOf(date);
        return i >= 0 && i < counts.length;
    }

    public long count(LocalDate date) {
        return counts[indexOf(date)];
    }

    public long count(int index) {
        return counts[index];
    }

    /** The days before {@code end} (exclusive). */
    public DailyCounts before(LocalDate end) {
        int n = Math.max(0, Math.min(counts.length, indexOf(end)));
        return new DailyCounts(first, Arrays.copyOf(counts, n));
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyCounts d && first.equals(d.first) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return 31 * first.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "DailyCounts[" + first + " +" + counts.length + " days]";
    }
}
