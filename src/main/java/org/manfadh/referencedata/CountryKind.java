package org.manfadh.referencedata;

/** What an ICAO nationality or issuing-state code stands for (ICAO Doc 9303 Part 3). */
public enum CountryKind {
    /** A state or territory: ISO 3166-1 alpha-3, plus Germany's one-letter {@code D} and Kosovo's {@code RKS}. */
    STATE,
    /** A dependent territory with its own ISO 3166-1 code. */
    TERRITORY,
    /** A nationality status rather than a state: British nationals (GBD ... GBS), stateless, refugee. */
    NATIONALITY_STATUS,
    /** An international organisation that issues travel documents (UNO, EUE, XPO ...). */
    ORGANIZATION,
    /** The fictional state of ICAO's specimen documents (UTO). */
    SPECIMEN
}
