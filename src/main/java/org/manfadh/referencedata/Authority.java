package org.manfadh.referencedata;

/** The two border authorities of Iraq: every border point belongs to one of them. */
public enum Authority {
    /** The federal Ministry of Interior and the Border Points Commission. */
    FEDERAL,
    /** The Kurdistan Region's Ministry of Interior. */
    KRI
}
