package org.manfadh.bordercontrol;

import org.junit.jupiter.api.Test;
import org.manfadh.CheckConstraints;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.referencedata.Authority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The border control register's closed sets, held against the check constraints of its tables. */
@ManfadhIntegrationTest
class BorderControlConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void allowsExactlyTheValuesOfEachEnum() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("bordercontrol.travel_document", "link_basis", LinkBasis.class);
        constraints.allowsExactly("bordercontrol.crossing_group", "direction", Direction.class);
        constraints.allowsExactly("bordercontrol.crossing_group", "kind", GroupKind.class);
        constraints.allowsExactly("bordercontrol.visa", "type", VisaType.class);
        constraints.allowsExactly("bordercontrol.visa", "issuing_authority", Authority.class);
        constraints.allowsExactly("bordercontrol.stay_rule", "visa_type", VisaType.class);
        constraints.allowsExactly("bordercontrol.crossing", "authority", Authority.class);
        constraints.allowsExactly("bordercontrol.crossing", "direction", Direction.class);
        constraints.allowsExactly("bordercontrol.crossing", "purpose", Purpose.class);
        constraints.allowsExactly("bordercontrol.crossing", "transport_mode", TransportMode.class);
        constraints.allowsExactly("bordercontrol.decision", "decision", Decision.class);
        constraints.allowsExactly("bordercontrol.crossing_amendment", "direction", Direction.class);
    }
}
