package org.manfadh.referencedata;

public enum BorderPointStatus {
    OPEN,
    /** Closed for a time, or its status is unclear: confirm before routing travellers there. */
    UNCERTAIN,
    CLOSED
}
