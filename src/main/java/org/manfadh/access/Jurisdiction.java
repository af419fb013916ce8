package org.manfadh.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.manfadh.referencedata.Authority;

/**
 * Where a user may work and whose records they may see: an authority ({@code FEDERAL}, {@code KRI},
 * or {@code NATIONAL} for both), narrowed, optionally, to governorates ({@code IQ-WA}) and border
 * points ({@code ZRB}). With both sets empty the whole authority is covered; otherwise a record is
 * covered when its governorate or its border point is named (and its authority matches).
 */
public record Jurisdiction(Scope authority, Set<String> governorates, Set<String> borderPoints) {

    /** The authority a jurisdiction lies in. */
    public enum Scope {
        FEDERAL,
        KRI,
        /** Both authorities. */
        NATIONAL;

        /** Whether the border points of this authority lie in the scope. */
        public boolean includes(Authority authority) {
            return switch (this) {
                case FEDERAL -> authority == Authority.FEDERAL;
                case KRI -> authority == Authority.KRI;
                case NATIONAL -> true;
            };
        }

        /** The one authority of the scope; none for NATIONAL, which is both. */
        public Optional<Authority> authority() {
            return switch (this) {
                case FEDERAL -> Optional.of(Authority.FEDERAL);
                case KRI -> Optional.of(Authority.KRI);
                case NATIONAL -> Optional.empty();
            };
        }
    }

    /** Everywhere: both authorities, every governorate and border point. */
    public static final Jurisdiction NATIONAL = new Jurisdiction(Scope.NATIONAL, Set.of(), Set.of());

    /** Nowhere: for a caller without an account, who must see nothing. */
    public static final Jurisdiction NONE = new Jurisdiction(Scope.FEDERAL, Set.of(), Set.of("---"));

    public Jurisdiction {
        Objects.requireNonNull(authority, "authority");
        governorates = normalise(governorates);
        borderPoints = normalise(borderPoints);
    }

    public static Jurisdiction of(Scope authority, Set<String> governorates, Set<String> borderPoints) {
        return new Jurisdiction(authority, governorates, borderPoints);
    }

    /** The whole of one border point. */
    public static Jurisdiction borderPoint(Scope authority, String code) {
        return new Jurisdiction(authority, Set.of(), Set.of(code));
    }

    /** Whether a record at this border point (of this authority and governorate) is within the jurisdiction. */
    public boolean covers(Authority authority, String governorate, String borderPoint) {
        if (!this.authority.includes(authority)) {
            return false;
        }
        if (isWholeAuthority()) {
            return true;
        }
        return governorate != null && governorates.contains(governorate.strip().toUpperCase(Locale.ROOT))
                || borderPoint != null && borderPoints.contains(borderPoint.strip().toUpperCase(Locale.ROOT));
    }

    /** Covers everything: both authorities, without narrowing. */
    public boolean isNational() {
        return authority == Scope.NATIONAL && isWholeAuthority();
    }

    /** Covers the whole of its authority (or of both), not only some governorates or border points. */
    public boolean isWholeAuthority() {
        return governorates.isEmpty() && borderPoints.isEmpty();
    }

    private static Set<String> normalise(Set<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String code : codes) {
            if (code != null && !code.isBlank()) {
                sorted.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        return java.util.Collections.unmodifiableSet(sorted);
    }
}
