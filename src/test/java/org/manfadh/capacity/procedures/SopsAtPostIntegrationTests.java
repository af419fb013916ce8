package org.manfadh.capacity.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.access.Accounts;
import org.manfadh.capacity.AdoptionStage;
import org.manfadh.capacity.AuditResult;
import org.manfadh.capacity.CapacityCommands;
import org.manfadh.capacity.Procedures;
import org.manfadh.capacity.SopKind;
import org.manfadh.capacity.Texts;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.platform.NodeRole;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SOPs at a border post: the same library against the same database, on a node whose role is a post. Every write is
 * refused as headquarters' business before anything is read or written; reads work. (A second application started as
 * a post, with its own embedded database, would prove no more about this rule and cost the shared machine a minute.)
 */
@ManfadhIntegrationTest
class SopsAtPostIntegrationTests {

    @Autowired Sops sops;
    @Autowired Adoptions adoptions;
    @Autowired SopAudits audits;
    @Autowired Accounts accounts;
    @Autowired ReferenceData reference;
    @Autowired NodeIdentity node;
    @Autowired Clock clock;
    @Autowired Procedures headquarters;

    @Test
    void refusesEveryWriteAtAPostAsHeadquartersOnlyAndStillReads() {
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CapacityCommands.SopVersionInput version = new CapacityCommands.SopVersionInput(
                new Texts("Fall back to paper.", null, null), null, null, List.of(new Texts("Forms at hand", null, null)));
        UUID id = headquarters.create(new CapacityCommands.CreateSop(code, SopKind.OUTAGE_FALLBACK,
                new Texts("Outage fallback", null, null), version), "capacity_manager");

        Procedures post = new SopLibrary(sops, adoptions, audits, accounts, reference, node,
                new NodeRole(NodeRole.Kind.POST, "ZRB"), clock);
        List<Runnable> writes = List.of(
                () -> post.create(new CapacityCommands.CreateSop(code + "X", SopKind.OTHER, new Texts("x", null, null),
                        version), "capacity_manager"),
                () -> post.addVersion(id, version, "capacity_manager"),
                () -> post.retire(id, "capacity_manager"),
                () -> post.adopt(id, new CapacityCommands.RecordAdoption("ZRB", AdoptionStage.TRAINED, null, null, null),
                        "capacity_manager"),
                () -> post.audit(id, new CapacityCommands.RecordAudit("ZRB", null, LocalDate.now(clock), "team",
                        List.of(new CapacityCommands.RecordAudit.Answer(1, AuditResult.MET, null)), null),
                        "capacity_manager"));
        for (Runnable write : writes) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(Rejection.class, r -> {
                assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                assertThat(r.code()).isEqualTo("hq-only");
            });
        }
        assertThat(post.sop(id)).hasValueSatisfying(sop -> {
            assertThat(sop.latestVersion()).isEqualTo(1);
            assertThat(sop.retiredAt()).isNull();
        });
        assertThat(post.adoptionSteps(id, null, new org.manfadh.platform.PageRequest(0, 10), "capacity_manager")
                .page().totalElements()).isZero();
    }
}
