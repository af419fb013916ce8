package org.manfadh.bordercontrol.web;

import java.io.Serializable;
import java.util.List;

import org.manfadh.bordercontrol.CrossingCommands.Transport;
import org.manfadh.bordercontrol.TransportMode;

/**
 * How the travellers in front of the booth came, as the officer set it in the booth bar: an airport booth works a
 * whole flight, a land booth a bus, so it stays for the session like the border point and direction.
 *
 * @param origin the ICAO code of the country the flight, ship, bus or vehicle set out from, or null
 * @param via    the countries it passed through on the way
 */
record BoothTransport(TransportMode mode, String reference, String origin, List<String> via) implements Serializable {

    static final BoothTransport NONE = new BoothTransport(null, null, null, List.of());

    BoothTransport {
        via = via == null ? List.of() : List.copyOf(via);
    }

    boolean isEmpty() {
        return mode == null && reference == null && origin == null && via.isEmpty();
    }

    /** As the recording takes it, or null when nothing is set. */
    Transport command() {
        return isEmpty() ? null : new Transport(mode, reference, origin, via.isEmpty() ? null : via);
    }

    /** The transit countries as the bar shows them. */
    public String viaText() {
        return String.join(" ", via);
    }
}
