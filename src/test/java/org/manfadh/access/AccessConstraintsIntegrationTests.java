package org.manfadh.access;

import org.junit.jupiter.api.Test;
import org.manfadh.CheckConstraints;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every closed set an access table's check constraint lists is exactly the enum the code reads it into. */
@ManfadhIntegrationTest
class AccessConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void accountsTakeExactlyTheRolesAndJurisdictionScopesTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("access.user_account", "roles", Role.class);
        constraints.allowsExactly("access.user_account", "jurisdiction_authority", Jurisdiction.Scope.class);
    }

    @Test
    void theAuditTrailTakesExactlyTheActionsTheCodeKnows() {
        new CheckConstraints(jdbc).allowsExactly("access.audit_event", "action", AuditLogbook.Action.class);
    }
}
