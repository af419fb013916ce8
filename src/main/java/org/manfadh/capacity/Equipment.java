package org.manfadh.capacity;

import java.util.UUID;

/** The equipment at border management centres and posts, and its lifecycle. */
public interface Equipment {

    Asset register(CapacityCommands.RegisterAsset command, String username);

    /** Changes an asset's status (a move that the lifecycle does not allow, or out of RETIRED, is refused). */
    Asset changeStatus(UUID assetId, CapacityCommands.ChangeAssetStatus command, String username);
}
