package org.manfadh.health;

/** What a screening asks about the traveller's exposure during the monitoring window. */
public enum Exposure {
    /** Contact with a confirmed or suspected case. */
    CONTACT_WITH_CASE,
    /** Worked in or visited a health facility treating cases. */
    HEALTH_FACILITY,
    /** Attended a burial or touched a body. */
    BURIAL,
    /** Touched or ate wild animals, bats, bushmeat or camels. */
    ANIMAL_CONTACT,
    /** Drank untreated water or ate food from an affected area. */
    UNSAFE_WATER_OR_FOOD,
    /** Stayed in an affected region named by the alert. */
    AFFECTED_REGION
}
