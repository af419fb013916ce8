package org.manfadh.bordercontrol;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.manfadh.bordercontrol.CrossingCommands.Transport;
import org.manfadh.bordercontrol.CrossingCommands.VisitedCountry;
import org.manfadh.referencedata.BorderPoint;

/**
 * What the primary line needs besides the reading: where the officer may record, and what the
 * register knows of the traveller in front of them.
 */
public interface BoothDesk {

    /**
     * @param traveller          the traveller as the officer may see them, or null when none is known or
     *                           none of their crossings is in the officer's jurisdiction
     * @param crossingsElsewhere crossings of the traveller at border points outside that jurisdiction
     * @param expectedFlags      the flags this crossing will be recorded with if admitted now
     */
    public record Lookup(TravellerRegister.TravellerView traveller, long crossingsElsewhere,
                         Set<CrossingFlag> expectedFlags) {

        public boolean firstSeen() {
            return traveller == null && crossingsElsewhere == 0;
        }
    }

    /** The border points where the caller may record, in the reference data's order. */
    List<BorderPoint> workPoints(Caller caller);

    boolean mayWorkAt(Caller caller, String borderPoint);

    /** The traveller a document belongs to, as the recording will resolve it, read without writing. */
    Lookup lookUp(DocumentReadings.Reading reading, Direction direction, Caller caller);

    /**
     * What health asks of the arrival in front of the officer, as the recording will ask it: nothing of an exit
     * or where no rule applies, else the alerts and the prompt. Country codes are the caller's to check first.
     *
     * @param transport how the traveller came (the booth's settings), or null
     * @param visited   the countries the traveller declares having been in
     */
    HealthCheckpoint.Requirement health(UUID crossingId, String borderPoint, Direction direction, String nationality,
                                        Transport transport, List<VisitedCountry> visited);
}
