package org.manfadh.screening;

import org.manfadh.referencedata.Authority;

/** Which border authority's officers screen against a list and may see its hits. */
public enum ListAuthority {
    FEDERAL,
    KRI,
    BOTH;

    public boolean visibleTo(Authority authority) {
        return switch (this) {
            case FEDERAL -> authority == Authority.FEDERAL;
            case KRI -> authority == Authority.KRI;
            case BOTH -> true;
        };
    }
}
