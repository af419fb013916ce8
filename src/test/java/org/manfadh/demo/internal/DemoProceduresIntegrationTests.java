package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.Sop;
import org.manfadh.capacity.SopAdoption;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's SOPs go in through the capacity module's own door, once, and make a matrix worth looking at. */
@ManfadhIntegrationTest
class DemoProceduresIntegrationTests {

    @Autowired
    Procedures procedures;

    @Autowired
    Clock clock;

    @Test
    void recordsTheDemoProceduresOnceWithTheirAdoptionAndAudits() {
        DemoProcedures demo = new DemoProcedures(procedures, new NodeRole(NodeRole.Kind.HQ, null), clock, 20260804L);
        demo.load();
        demo.load();

        Sop.Detail primary = procedures.sopByCode("PI-01").orElseThrow();
        assertThat(primary.latestVersion()).isEqualTo(2);
        assertThat(primary.latest().checklist()).hasSize(5);
        assertThat(primary.latest().body().ckb()).isNotBlank();
        for (String code : List.of("REF-01", "RFS-01", "HS-01", "GRP-01", "OUT-01")) {
            assertThat(procedures.sopByCode(code)).as(code).isPresent();
        }
        List<SopAdoption.Standing> standings = procedures.adoption(null, "capacity_manager").stream()
                .filter(s -> s.sopCode().matches("(PI|REF|RFS|HS|GRP|OUT)-01")).toList();
        assertThat(standings).hasSizeGreaterThan(20);
        assertThat(standings).anyMatch(SopAdoption.Standing::behind);
        assertThat(standings).anyMatch(s -> s.lastAuditScore() != null);
        assertThat(procedures.audits(primary.id(), null, new PageRequest(0, 100), "capacity_manager").page()
                .totalElements()).isPositive();
        assertThat(procedures.adoptionSteps(primary.id(), null, new PageRequest(0, 1000), "capacity_manager").page()
                .totalElements()).isLessThan(40);
    }
}
