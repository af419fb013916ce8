package org.manfadh.bordercontrol;

/** The kinds of visa and permit a traveller may hold. */
public enum VisaType {
    VISA_EXEMPT,
    VISA_ON_ARRIVAL,
    E_VISA,
    VISIT_VISA,
    /** Lets its holder live in Iraq: no stay limit while it is valid. */
    RESIDENCE_PERMIT,
    /** Issued by the Kurdistan Region at its own border points; by default not valid at federal ones. */
    KRI_VISA_ON_ARRIVAL,
    OTHER
}
