package org.manfadh.bordercontrol.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.manfadh.bordercontrol.CrossingFlag;
import org.manfadh.bordercontrol.Decision;
import org.manfadh.bordercontrol.Direction;
import org.manfadh.bordercontrol.policy.CheckFacts.Current;
import org.manfadh.bordercontrol.policy.CheckFacts.Document;
import org.manfadh.bordercontrol.policy.CheckFacts.Officer;
import org.manfadh.bordercontrol.policy.CheckFacts.Reason;
import org.manfadh.bordercontrol.policy.CheckFacts.Request;
import org.manfadh.bordercontrol.policy.CheckFacts.Screened;

/**
 * The crossing policy's promises, over every combination of facts a booth can present: what the
 * officer asks, who the officer is, the document, what screening found, and the clock.
 */
class CrossingPolicyPropertiesTests {

    private static final Instant NOW = Instant.parse("2026-08-20T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 8, 20);
    private final CrossingPolicy policy = new CrossingPolicy(400, List.of("SUPERVISOR", "ADMIN"));

    /** A whole check at the booth: everything the policy is given. */
    record Check(Request request, Officer officer, Document document, Screened screened, boolean probableIdentity,
                 Set<CrossingFlag> visaFlags) {
    }

    @Property(tries = 3000)
    void neverAdmitsAHitWithoutAnAdjudication(@ForAll("checks") Check check) {
        Statistics.collect(check.screened(), check.request().decision());
        ruled(check).ifPresent(ruling -> {
            if (check.screened() == Screened.HIT) {
                assertThat(ruling.decision()).isNotEqualTo(Decision.ADMITTED);
                assertThat(ruling.flags()).contains(CrossingFlag.WATCHLIST_HIT);
            }
        });
    }

    @Property(tries = 3000)
    void neverAdmitsAFailingDocumentWithoutAnOverride(@ForAll("checks") Check check) {
        ruled(check).ifPresent(ruling -> {
            if (ruling.decision() == Decision.ADMITTED && check.document().fails()) {
                assertThat(check.request().override()).isTrue();
                assertThat(check.officer().supervisor()).isTrue();
                assertThat(ruling.flags()).contains(CrossingFlag.DOCUMENT_INVALID, CrossingFlag.DOCUMENT_OVERRIDE);
            }
        });
    }

    @Property(tries = 3000)
    void refusesToAdmitAFailingDocumentWithoutAnOverride(@ForAll("checks") Check check) {
        var refusal = policy.checkDocument(check.request(), check.officer(), check.document());
        if (check.document().identified() && check.document().fails()
                && check.request().decision() == Decision.ADMITTED && !check.request().override()) {
            assertThat(refusal).get().isInstanceOf(Refusal.DocumentBars.class);
        }
    }

    @Property(tries = 3000)
    void aMinorAlwaysCarriesTheFlag(@ForAll("checks") Check check) {
        ruled(check).ifPresent(ruling -> {
            boolean minor = CrossingPolicy.possiblyMinor(check.document().dateOfBirth(),
                    LocalDate.ofInstant(check.request().occurredAt(), ZoneOffset.UTC));
            Statistics.label("minor").collect(minor);
            assertThat(ruling.flags().contains(CrossingFlag.MINOR)).isEqualTo(minor);
            assertThat(ruling.flags().contains(CrossingFlag.MINOR_UNACCOMPANIED))
                    .isEqualTo(minor && !check.request().accompanied());
        });
    }

    @Property(tries = 2000)
    void aFlagNeverStopsARecord(@ForAll("checks") Check check) {
        // Whatever the screening, the visa or the stays say, a request whose fields and document
        // pass is recorded: with the officer's decision or, when screening says so, as a referral.
        ruled(check).ifPresent(ruling -> {
            Decision asked = check.request().decision() == null ? Decision.PENDING : check.request().decision();
            assertThat(ruling.decision()).isIn(asked, Decision.REFERRED);
            assertThat(ruling.flags()).containsAll(check.visaFlags());
            assertThat(ruling.with(EnumSet.of(CrossingFlag.OVERSTAY)).decision()).isEqualTo(ruling.decision());
        });
    }

    @Property(tries = 2000)
    void aLaterAdmissionNeedsAPassingDocumentOrAnOverride(@ForAll("currents") Current current,
                                                           @ForAll("laters") CrossingPolicy.Later later,
                                                           @ForAll("officers") Officer officer) {
        if (policy.decideLater(current, later, officer) instanceof Result.Allowed<CrossingPolicy.LaterKind> allowed) {
            assertThat(current.voided()).isFalse();
            if (later.decision() == Decision.ADMITTED) {
                assertThat(current.documentPasses() || later.override() && officer.supervisor()).isTrue();
            }
            if (allowed.value() == CrossingPolicy.LaterKind.CORRECTION) {
                assertThat(officer.supervisor()).isTrue();
            }
        }
    }

    @Property(tries = 2000)
    void aTrueMatchAdmitsOnlyWhatScreeningAloneHeldBack(@ForAll("currents") Current current,
                                                         @ForAll CrossingPolicy.ListAction action,
                                                         @ForAll boolean travelBan, @ForAll boolean barred) {
        policy.afterTrueMatch(current, action, travelBan, barred).ifPresent(after -> {
            assertThat(current.open()).isTrue();
            assertThat(current.voided()).isFalse();
            if (after.decision() == Decision.ADMITTED) {
                assertThat(barred).isFalse();
                assertThat(current.documentPasses()).isTrue();
                assertThat(current.referredByScreeningAlone()).isTrue();
                assertThat(action).isEqualTo(CrossingPolicy.ListAction.ADMIT);
            } else {
                assertThat(after.decision()).isEqualTo(Decision.REFUSED);
                assertThat(after.reasonCode()).isEqualTo(current.direction() == Direction.EXIT && travelBan ? "X" : "H");
            }
        });
    }

    private java.util.Optional<Ruling> ruled(Check check) {
        if (!policy.checkFields(check.request(), check.officer(), NOW).isEmpty()
                || policy.checkDocument(check.request(), check.officer(), check.document()).isPresent()) {
            return java.util.Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(check.request().occurredAt(), ZoneOffset.UTC);
        return java.util.Optional.of(policy.rule(check.request(), check.officer(), check.document(), check.screened(),
                check.probableIdentity(), check.visaFlags(), NOW, day));
    }

    // --- the facts ---------------------------------------------------------------------------

    @Provide
    Arbitrary<Check> checks() {
        return Combinators.combine(requests(), officers(), documents(), Arbitraries.of(Screened.class),
                Arbitraries.of(true, false), visaFlags()).as(Check::new);
    }

    Arbitrary<Request> requests() {
        Arbitrary<Decision> decision = Arbitraries.of(Decision.class).injectNull(0.1);
        Arbitrary<Reason> reason = Combinators.combine(Arbitraries.of("A", "H", "X", "Q"), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Reason::new).injectNull(0.4);
        Arbitrary<Instant> occurredAt = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3_600).map(s -> NOW.minusSeconds(s)),
                Arbitraries.longs().between(3_600, 500L * 86_400).map(s -> NOW.minusSeconds(s)),
                Arbitraries.longs().between(1, 3_600).map(s -> NOW.plusSeconds(s)));
        return Combinators.combine(Arbitraries.of(Direction.class), decision, reason, Arbitraries.of(true, false),
                occurredAt, Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((direction, d, r, group, at, lateReason, override, accompanied) ->
                        new Request(direction, d, r, group, at, lateReason, override, accompanied, false))
                .flatMap(r -> Arbitraries.of(true, false).map(reviewed -> new Request(r.direction(), r.decision(),
                        r.reason(), r.inGroup(), r.occurredAt(), r.lateReasonGiven(), r.override(), r.accompanied(),
                        reviewed)));
    }

    @Provide
    Arbitrary<Officer> officers() {
        return Arbitraries.of(
                new Officer(false, Set.of("OFFICER")),
                new Officer(true, Set.of("SUPERVISOR")),
                new Officer(true, Set.of("ADMIN")),
                new Officer(false, Set.of("ANALYST")));
    }

    Arbitrary<Document> documents() {
        Arbitrary<String> birth = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 90 * 365).map(d -> TODAY.minusDays(d).toString()),
                Arbitraries.integers().between(1936, 2026).map(String::valueOf),
                Arbitraries.integers().between(0, 90 * 12).map(m -> java.time.YearMonth.from(TODAY).minusMonths(m).toString()))
                .injectNull(0.1);
        return Combinators.combine(Arbitraries.of(true, true, true, false), Arbitraries.of(true, false), birth)
                .as(Document::new);
    }

    Arbitrary<Set<CrossingFlag>> visaFlags() {
        return Arbitraries.of(CrossingFlag.VISA_HELD_BY_ANOTHER_TRAVELLER, CrossingFlag.VISA_NOT_VALID_HERE).set()
                .ofMaxSize(2);
    }

    @Provide
    Arbitrary<Current> currents() {
        return Combinators.combine(Arbitraries.of(Direction.class), Arbitraries.of(Decision.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((direction, decision, voided, passes, screeningAlone) ->
                        new Current(UUID.randomUUID(), direction, decision, voided, passes, screeningAlone));
    }

    @Provide
    Arbitrary<CrossingPolicy.Later> laters() {
        Arbitrary<Reason> reason = Combinators.combine(Arbitraries.of("A", "H", "X"), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Reason::new).injectNull(0.5);
        return Combinators.combine(Arbitraries.of(Decision.class).injectNull(0.05), reason, Arbitraries.of(true, false))
                .as(CrossingPolicy.Later::new);
    }

}
