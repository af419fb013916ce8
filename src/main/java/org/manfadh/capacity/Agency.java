package org.manfadh.capacity;

/** The agency an official trained serves. */
public enum Agency {
    FEDERAL_MOI, KRG_MOI, BPC, CUSTOMS, HEALTH, OTHER
}
