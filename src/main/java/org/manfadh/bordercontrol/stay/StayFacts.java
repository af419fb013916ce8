package org.manfadh.bordercontrol.stay;

/**
 * What the stay calculation needs to know about the traveller.
 *
 * @param nationality the nationality code of the document the traveller uses, or null when unknown.
 *                    It is only compared with the rules' codes, so a code no rule names (a misread
 *                    zone admitted on a supervisor's override) just means that only the rules for
 *                    every nationality apply; a blank code counts as unknown
 * @param citizen     an Iraqi citizen (Iraqi passport or national identity card): never a limit
 */
public record StayFacts(String nationality, boolean citizen) {

    public StayFacts {
        if (nationality != null && nationality.isBlank()) {
            nationality = null;
        }
    }

    public static StayFacts iraqiCitizen() {
        return new StayFacts("IRQ", true);
    }

    public static StayFacts foreigner(String nationality) {
        return new StayFacts(nationality, false);
    }
}
