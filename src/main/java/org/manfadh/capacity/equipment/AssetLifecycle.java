package org.manfadh.capacity.equipment;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.manfadh.capacity.AssetStatus;

/**
 * The moves an asset's status may make: ORDERED → DELIVERED → DEPLOYED; DEPLOYED → IN_REPAIR or BROKEN;
 * BROKEN → IN_REPAIR; IN_REPAIR → DEPLOYED; any → RETIRED, and nothing out of RETIRED. Staying where it is is no move.
 */
final class AssetLifecycle {

    private static final Map<AssetStatus, Set<AssetStatus>> NEXT = new EnumMap<>(AssetStatus.class);

    static {
        NEXT.put(AssetStatus.ORDERED, EnumSet.of(AssetStatus.DELIVERED, AssetStatus.RETIRED));
        NEXT.put(AssetStatus.DELIVERED, EnumSet.of(AssetStatus.DEPLOYED, AssetStatus.RETIRED));
        NEXT.put(AssetStatus.DEPLOYED, EnumSet.of(AssetStatus.IN_REPAIR, AssetStatus.BROKEN, AssetStatus.RETIRED));
        NEXT.put(AssetStatus.BROKEN, EnumSet.of(AssetStatus.IN_REPAIR, AssetStatus.RETIRED));
        NEXT.put(AssetStatus.IN_REPAIR, EnumSet.of(AssetStatus.DEPLOYED, AssetStatus.RETIRED));
        NEXT.put(AssetStatus.RETIRED, EnumSet.noneOf(AssetStatus.class));
    }

    private AssetLifecycle() {
    }

    static boolean allows(AssetStatus from, AssetStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Where an asset may go from a status, for the screens' choices. */
    static Set<AssetStatus> next(AssetStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }
}
