package org.manfadh.capacity.equipment;

import java.util.Locale;

import org.manfadh.access.Accounts;
import org.manfadh.access.ReadScope;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Where equipment and premises may be seen and changed: the border points of the caller's work scope, at headquarters
 * only for a change. A border point is named by its code in any case, and checked against the reference data.
 */
@Component
class CapacityGround {

    private final Accounts accounts;
    private final ReferenceData referenceData;
    private final NodeRole role;

    CapacityGround(Accounts accounts, ReferenceData referenceData, NodeRole role) {
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.role = role;
    }

    ReadScope scope(String username) {
        return accounts.ownScope(username);
    }

    /** Capacity's records are kept at headquarters: a post reads them, never changes them. */
    void atHeadquarters() {
        if (role.post()) {
            throw Rejection.conflict("hq-only", "Equipment and premises records are kept at headquarters; "
                    + "this border post shows them but does not change them.");
        }
    }

    /** The code upper case, or null when none is given; an unknown code is refused naming the field and the code. */
    String knownPoint(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}") || referenceData.borderPoint(upper).isEmpty()) {
            throw Rejection.invalidField(field, "is not a known border point: " + code.strip());
        }
        return upper;
    }

    /** A border point the caller may work on, or a refusal like any other module's outside its jurisdiction. */
    void workable(String point, ReadScope scope) {
        if (!scope.allows(point)) {
            throw Rejection.forbidden("Border point " + point + " is outside your jurisdiction.");
        }
    }
}
