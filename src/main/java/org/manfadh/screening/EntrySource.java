package org.manfadh.screening;

/** Where a list entry came from: the UN Security Council list file, a CSV list file, or a manager's hand. */
public enum EntrySource {
    UN_XML,
    CSV,
    MANUAL
}
