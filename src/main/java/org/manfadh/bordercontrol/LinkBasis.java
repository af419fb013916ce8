package org.manfadh.bordercontrol;

/** How a travel document was tied to its traveller. */
public enum LinkBasis {
    /** The traveller was first seen on this document. */
    FIRST_DOCUMENT,
    /** Recognised by name, birth date and nationality: probable, for a supervisor to confirm or split. */
    NAME_BIRTH_NATIONALITY,
    /** A supervisor confirmed the link. */
    CONFIRMED,
    /** A supervisor split the document off to a traveller of its own. */
    SPLIT
}
