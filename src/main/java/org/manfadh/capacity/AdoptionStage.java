package org.manfadh.capacity;

/** A step of an SOP's adoption at a border point, in the order they usually come. */
public enum AdoptionStage {
    TRAINED, ADOPTED, AUDITED
}
