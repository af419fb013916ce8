package org.manfadh.bordercontrol.stay;

/**
 * What the stay calculation needs to know about the traveller.
 *
 * @param nationality the ICAO nationality code of the document the traveller uses, or null when
 *                    unknown (then only rules for every nationality apply)
 * @param citizen     an Iraqi citizen (Iraqi passport or national identity card): never a limit
 */
public record StayFacts(String nationality, boolean citizen) {

    public StayFacts {
        Nationalities.requireValid(nationality);
    }

    public static StayFacts iraqiCitizen() {
        return new StayFacts("IRQ", true);
    }

    public static StayFacts foreigner(String nationality) {
        return new StayFacts(nationality, false);
    }
}
