package org.manfadh.bordercontrol;

/** Travellers who arrive together and may be decided together. */
public enum GroupKind {
    BUS, PILGRIM_GROUP, FAMILY, OTHER
}
