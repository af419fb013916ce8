package org.manfadh.sync.internal;

import org.junit.jupiter.api.Test;
import org.manfadh.CheckConstraints;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.sync.OutboxKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox table, as the migrations leave it, holds exactly the kinds the code writes and applies. */
@ManfadhIntegrationTest
class OutboxKindIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void allowsExactlyTheOutboxKindsInItsCheckConstraint() {
        new CheckConstraints(jdbc).allowsExactly("sync.outbox", "kind", OutboxKind.class);
    }
}
