package org.manfadh.screening;

/** What a list entry is: a person, an organisation (entity), or a lost or stolen document. */
public enum EntryKind {
    PERSON,
    ENTITY,
    DOCUMENT
}
