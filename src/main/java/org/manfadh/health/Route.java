package org.manfadh.health;

/** How an arrival counts as coming from a country a rule names. */
public enum Route {
    /** Across a land border from that country. */
    NEIGHBOUR,
    /** On a flight, ship, bus or vehicle that set out from it. */
    ORIGIN,
    /** On one that passed through it on the way. */
    TRANSIT,
    /** The traveller declares having been in it. */
    DECLARED
}
