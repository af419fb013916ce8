package org.manfadh.statistics.disclosure;

import java.util.Arrays;

/**
 * A cell of the hypercube or of one of its margins: the index of its value in each dimension's
 * sorted domain, or {@link #ALL} where the cell is summed over that dimension. Ordered
 * lexicographically, so that choices between equal cells do not depend on hashing.
 */
final class Coordinates implements Comparable<Coordinates> {

    static final int ALL = -1;

    private final int[] indices;
    private final int hash;

    Coordinates(int[] indices) {
        this.indices = indices;
        this.hash = Arrays.hashCode(indices);
    }

    int at(int dimension) {
        return indices[dimension];
    }

    int dimensions() {
        return indices.length;
    }

    /** The bit set of the dimensions this cell is not summed over. */
    int level() {
        int level = 0;
        for (int d = 0; d < indices.length; d++) {
            if (indices[d] != ALL) {
                level |= 1 << d;
            }
        }
        return level;
    }

    /** This cell summed over every dimension outside {@code level}. */
    Coordinates onto(int level) {
        int[] projected = indices.clone();
        for (int d = 0; d < projected.length; d++) {
            if ((level & (1 << d)) == 0) {
                projected[d] = ALL;
            }
        }
        return new Coordinates(projected);
    }

    /** This cell with one coordinate set to a value. */
    Coordinates with(int dimension, int value) {
        int[] changed = indices.clone();
        changed[dimension] = value;
        return new Coordinates(changed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Coordinates that && Arrays.equals(indices, that.indices);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Coordinates other) {
        return Arrays.compare(indices, other.indices);
    }

    @Override
    public String toString() {
        return Arrays.toString(indices);
    }
}
