package org.manfadh.access;

import java.util.Locale;
import java.util.Set;

/**
 * The border points whose records a caller may read or work on, worked out from their jurisdiction,
 * the reference data and what the authorities share. {@link #everywhere()} needs no filter at all.
 */
public record ReadScope(boolean everywhere, Set<String> borderPoints) {

    public static final ReadScope EVERYWHERE = new ReadScope(true, Set.of());

    public ReadScope {
        borderPoints = Set.copyOf(borderPoints);
    }

    public boolean allows(String borderPoint) {
        return everywhere || borderPoint != null && borderPoints.contains(borderPoint.strip().toUpperCase(Locale.ROOT));
    }

    /** The border point codes to filter by in SQL ({@code = any(:points)}), or null for no filter. */
    public String[] borderPointsOrNull() {
        return everywhere ? null : borderPoints.stream().sorted().toArray(String[]::new);
    }
}
