package org.manfadh.capacity;

/** An asset's lifecycle. Only a DEPLOYED asset is in service; RETIRED is final. */
public enum AssetStatus {
    ORDERED, DELIVERED, DEPLOYED, IN_REPAIR, BROKEN, RETIRED;

    /** Whether the asset works where it stands. */
    public boolean inService() {
        return this == DEPLOYED;
    }
}
