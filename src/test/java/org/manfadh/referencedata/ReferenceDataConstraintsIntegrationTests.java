package org.manfadh.referencedata;

import org.junit.jupiter.api.Test;
import org.manfadh.CheckConstraints;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every closed set a reference data table's check constraint lists is exactly the enum the code reads it into. */
@ManfadhIntegrationTest
class ReferenceDataConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void countriesGovernoratesAndBorderPointsTakeExactlyTheValuesTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("referencedata.country", "kind", CountryKind.class);
        constraints.allowsExactly("referencedata.governorate", "authority", Authority.class);
        constraints.allowsExactly("referencedata.border_point", "type", BorderPointType.class);
        constraints.allowsExactly("referencedata.border_point", "authority", Authority.class);
        constraints.allowsExactly("referencedata.border_point", "status", BorderPointStatus.class);
        constraints.allowsExactly("referencedata.refusal_reason", "applies_to", RefusalReason.Applies.class);
    }
}
