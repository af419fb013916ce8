package org.manfadh.bordercontrol;

/** Which way a traveller crosses. */
public enum Direction {
    ENTRY, EXIT
}
