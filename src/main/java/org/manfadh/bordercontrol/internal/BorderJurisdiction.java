package org.manfadh.bordercontrol.internal;

import org.manfadh.bordercontrol.Caller;
import org.manfadh.bordercontrol.Crossing;
import java.util.UUID;

import org.manfadh.platform.Rejection;
import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.access.SharedData;
import org.springframework.stereotype.Component;

/**
 * The caller's jurisdiction applied to the border control register: records are read and worked
 * on at the border points the caller's jurisdiction covers. A record outside it is answered as if
 * it did not exist (404), so that its existence is not disclosed; recording at a border point
 * outside it is refused (403).
 */
@Component
class BorderJurisdiction {

    private final Accounts accounts;
    private final Crossings crossings;
    private final org.manfadh.platform.NodeRole node;

    BorderJurisdiction(Accounts accounts, Crossings crossings, org.manfadh.platform.NodeRole node) {
        this.accounts = accounts;
        this.node = node;
        this.crossings = crossings;
    }

    /** Where the caller may read crossings and travellers. */
    ReadScope crossings(Caller caller) {
        return accounts.readScope(caller.username(), SharedData.CROSSINGS);
    }

    ReadScope overstays(Caller caller) {
        return accounts.readScope(caller.username(), SharedData.OVERSTAYS);
    }

    /**
     * Where the caller may record and decide. At a post, its own border point at most, and only for the
     * accounts headquarters sends there ({@link Accounts#workScope}): headquarters refuses anything else.
     */
    ReadScope work(Caller caller) {
        return accounts.workScope(caller.username());
    }

    /** Recording at a border point: only inside the caller's own jurisdiction. */
    void requireWorkAt(Caller caller, String borderPoint) {
        if (!work(caller).allows(borderPoint)) {
            if (node.post() && node.borderPoint().equals(borderPoint)) {
                throw Rejection.forbidden("At this border post, records are made by the accounts headquarters assigns "
                        + "to " + borderPoint + "; account " + caller.username() + " is not one of them.");
            }
            throw Rejection.forbidden("Border point " + borderPoint + " is outside your jurisdiction.");
        }
    }

    /** A traveller is in scope when one of their crossings is. */
    boolean travellerIn(ReadScope scope, UUID travellerId) {
        return scope.everywhere() || crossings.travellerSeenAt(travellerId, scope.borderPointsOrNull());
    }

    void requireTraveller(ReadScope scope, UUID travellerId) {
        if (!travellerIn(scope, travellerId)) {
            throw Rejection.notFound("Traveller", "No traveller has the id " + travellerId + ".");
        }
    }

    void requireCrossing(ReadScope scope, Crossing crossing) {
        if (!scope.allows(crossing.borderPoint())) {
            throw Rejection.notFound("Crossing", "No crossing has the id " + crossing.id() + ".");
        }
    }
}
