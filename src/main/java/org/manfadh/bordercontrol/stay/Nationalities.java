package org.manfadh.bordercontrol.stay;

import java.util.Objects;

/** Nationality codes as ICAO Doc 9303 writes them. */
final class Nationalities {

    private Nationalities() {
    }

    static void requireValid(String code) {
        if (code != null && !code.matches("[A-Z]{1,3}")) {
            throw new IllegalArgumentException("A nationality is an ICAO code of one to three letters A-Z: " + code);
        }
    }

    /**
     * Whether two codes name the same nationality. Germany is the one state ICAO gives two codes:
     * its documents carry {@code D}, while lists and forms use {@code DEU}; a rule written for
     * either must reach a German traveller.
     */
    static boolean same(String a, String b) {
        return Objects.equals(canonical(a), canonical(b));
    }

    /** The code a nationality is kept under, whichever of its codes was written. */
    static String canonical(String code) {
        return "D".equals(code) ? "DEU" : code;
    }
}
