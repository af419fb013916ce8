package org.manfadh.capacity;

/** A participant's sex, as donors' indicators count it. */
public enum Sex {
    F, M
}
