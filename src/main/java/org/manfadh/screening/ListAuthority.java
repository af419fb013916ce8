package org.manfadh.screening;

import org.manfadh.referencedata.Authority;

/** Which border authority's officers screen against a list and may see its hits. */
public enum ListAuthority {
    FEDERAL,
    KRI,
    BOTH;

    public boolean visibleTo(Authority authority) {
        return this == BOTH || name().equals(authority.name());
    }
}
