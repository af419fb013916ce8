package org.manfadh.bordercontrol;

public enum Purpose {
    TOURISM, BUSINESS, PILGRIMAGE, FAMILY, WORK, STUDY, MEDICAL, TRANSIT, RETURNING_RESIDENT, OFFICIAL, OTHER
}
