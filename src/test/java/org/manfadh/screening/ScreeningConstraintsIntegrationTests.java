package org.manfadh.screening;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.manfadh.CheckConstraints;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every closed set a screening table's check constraint lists is exactly the enum the code reads it into. */
@ManfadhIntegrationTest
class ScreeningConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void watchlistsTakeExactlyTheKindsActionsAndAuthoritiesTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("screening.watchlist", "kind", WatchlistKind.class);
        constraints.allowsExactly("screening.watchlist", "action_on_hit", ActionOnHit.class);
        constraints.allowsExactly("screening.watchlist", "authority", ListAuthority.class);
    }

    @Test
    void entriesTakeExactlyTheKindsSourcesAndStatusesTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("screening.entry", "kind", EntryKind.class);
        constraints.allowsExactly("screening.entry", "source", EntrySource.class);
        constraints.allowsExactly("screening.entry", "status", EntryStatus.class);
    }

    @Test
    void listChangesTakeExactlyTheActionsAndFileFormatsTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("screening.list_change", "action", ListChangeAction.class);
        constraints.allowsExactly("screening.list_change", "source_format", ListFileFormat.class);
    }

    @Test
    void pendingChangesTakeExactlyTheirKindsStatusesAndTheFormatsThatWaitForASecondManager() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("screening.pending_change", "kind", PendingChangeKind.class);
        constraints.allowsExactly("screening.pending_change", "status", PendingChangeStatus.class);
        // The UN list takes effect at once; only CSV files wait for four eyes.
        constraints.allowsExactly("screening.pending_change", "source_format",
                EnumSet.complementOf(EnumSet.of(ListFileFormat.UN_XML)));
    }

    @Test
    void screeningsAndHitsTakeExactlyTheOutcomesStatusesAndVerdictsTheCodeKnows() {
        CheckConstraints constraints = new CheckConstraints(jdbc);
        constraints.allowsExactly("screening.screening", "outcome", ScreeningOutcome.class);
        // A clear match is no hit.
        constraints.allowsExactly("screening.hit", "level",
                EnumSet.complementOf(EnumSet.of(ScreeningOutcome.CLEAR)));
        // A verdict lives in its own table; a hit starts open or cleared by the officer.
        constraints.allowsExactly("screening.hit", "initial_status",
                Arrays.stream(HitStatus.values()).filter(s -> !s.adjudicated()).toList());
        constraints.allowsExactly("screening.adjudication", "verdict", Verdict.class);
    }
}
