package org.manfadh.screening.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.manfadh.platform.CopyRows;
import org.manfadh.platform.Ids;
import org.manfadh.platform.NodeIdentity;
import org.manfadh.screening.HitStatus;
import org.manfadh.screening.BulkScreening;
import org.manfadh.screening.ScreeningMatch;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.internal.ListDirectory.EntryInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BulkScreening}: each crossing is matched as {@link ScreeningService#screenCrossing} matches
 * it (the same {@link ScreeningService#matches}, the same suppression and hit statuses), on every
 * core, and the screenings and hits go in with {@code COPY} on the caller's connection.
 */
@Service
class BulkScreenings implements BulkScreening {

    private final ScreeningService screening;
    private final IndexFeeder feeder;
    private final JdbcClient jdbc;
    private final ScreeningRecords records;
    private final DataSource dataSource;
    private final NodeIdentity node;
    private final JsonMapper json;
    private final Clock clock;

    BulkScreenings(ScreeningService screening, IndexFeeder feeder, JdbcClient jdbc, ScreeningRecords records,
                   DataSource dataSource, NodeIdentity node, JsonMapper json, Clock clock) {
        this.screening = screening;
        this.feeder = feeder;
        this.jdbc = jdbc;
        this.records = records;
        this.dataSource = dataSource;
        this.node = node;
        this.json = json;
        this.clock = clock;
    }

    private record Matched(ScreeningService.Found found, String fingerprint) {
    }

    /** One crossing's screening as it will be stored. */
    private record Screened(Subject subject, String fingerprint, ScreeningResult result,
                            List<ScreeningRecords.NewHit> hits) {
    }

    @Override
    public Map<UUID, ScreeningResult> screenCrossings(List<Subject> crossings) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Crossings are screened in bulk inside the transaction that records them");
        }
        // With no entry in force the index answers nothing, whatever it is asked: each crossing is
        // stored as the clear screening a booth would store, without asking it (nor waiting at the
        // start for the transliteration model the index reads names with).
        boolean nothingListed = !jdbc.sql("""
                select exists (select 1 from screening.entry
                                where status = 'ACTIVE' and (expires_on is null or expires_on >= :today))
                """).param("today", LocalDate.now(clock)).query(Boolean.class).single();
        if (!nothingListed) {
            // A backlog may come while the application starts: it is screened against every list in force.
            feeder.loadOnce();
        }
        ScreeningService.Found none = new ScreeningService.Found(List.of(), Map.of());
        // Matching reads only the index and the lists in memory: in parallel, with the fingerprints.
        // Looking up cleared false positives reads the database, on this thread and its transaction,
        // for the few with matches.
        List<Matched> matched = crossings.parallelStream()
                .map(c -> new Matched(nothingListed ? none : screening.matches(c.subject(), list -> true),
                        ScreeningService.fingerprint(c.subject())))
                .toList();
        List<Screened> screened = new ArrayList<>(crossings.size());
        for (int i = 0; i < crossings.size(); i++) {
            screened.add(screen(crossings.get(i), matched.get(i)));
        }
        write(screened);
        Map<UUID, ScreeningResult> results = new LinkedHashMap<>();
        screened.forEach(s -> results.put(s.subject().crossingId(), s.result()));
        return results;
    }

    private Screened screen(Subject c, Matched matched) {
        ScreeningService.Found found = matched.found();
        String fingerprint = matched.fingerprint();
        UUID screeningId = Ids.newId();
        if (found.matches().isEmpty()) {
            return new Screened(c, fingerprint, new ScreeningResult(screeningId, ScreeningOutcome.CLEAR, List.of(),
                    List.of(), c.screenedAt()), List.of());
        }
        Set<String> cleared = c.travellerId() == null ? Set.of()
                : records.clearedFalsePositives(c.travellerId(), fingerprint);
        List<ScreeningMatch> kept = new ArrayList<>();
        List<ScreeningMatch> suppressed = new ArrayList<>();
        for (ScreeningMatch m : found.matches()) {
            EntryInfo entry = found.entries().get(m.entryId());
            if (cleared.contains(m.entryId() + "/" + (entry == null ? "" : entry.fingerprint()))) {
                suppressed.add(m);
            } else {
                kept.add(m);
            }
        }
        List<ScreeningMatch> withHits = new ArrayList<>(kept.size());
        List<ScreeningRecords.NewHit> hits = new ArrayList<>(kept.size());
        for (ScreeningMatch m : kept) {
            // Nobody at a booth saw these matches: every one waits, as an unreviewed booth match does.
            HitStatus status = HitStatus.OPEN;
            UUID hitId = Ids.newId();
            EntryInfo entry = found.entries().get(m.entryId());
            hits.add(new ScreeningRecords.NewHit(hitId, m.entryId(), m.listId(), m.level(), m.score(),
                    m.actionOnHit(), m.listKind(), entry == null ? "" : entry.fingerprint(), status));
            withHits.add(m.withHit(hitId, status));
        }
        return new Screened(c, fingerprint, new ScreeningResult(screeningId, ScreeningService.outcome(kept), withHits,
                suppressed, c.screenedAt()), hits);
    }

    private void write(List<Screened> screened) {
        List<String> results = screened.parallelStream().map(s -> json.writeValueAsString(s.result())).toList();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String nodeId = node.nodeId().toString();
        CopyRows rows = null;
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            rows = CopyRows.into(copy, "screening.screening", "id, node_id, crossing_id, traveller_id, outcome, "
                    + "subject_fingerprint, result, officer, screened_at");
            for (int i = 0; i < screened.size(); i++) {
                Screened s = screened.get(i);
                Subject c = s.subject();
                rows.value(s.result().id()).text(nodeId).value(c.crossingId()).value(c.travellerId())
                        .text(s.result().outcome().name()).text(s.fingerprint())
                        .text(results.get(i)).text(c.officer()).time(c.screenedAt()).endRow();
            }
            rows.finish();
            rows = CopyRows.into(copy, "screening.hit", "id, node_id, screening_id, crossing_id, traveller_id, "
                    + "entry_id, list_id, level, score, action_on_hit, list_kind, entry_fingerprint, initial_status, "
                    + "match, created_at, border_point");
            for (Screened s : screened) {
                Subject c = s.subject();
                for (int i = 0; i < s.hits().size(); i++) {
                    ScreeningRecords.NewHit h = s.hits().get(i);
                    rows.value(h.id()).text(nodeId).value(s.result().id()).value(c.crossingId())
                            .value(c.travellerId()).value(h.entryId()).value(h.listId()).text(h.level().name())
                            .value(java.math.BigDecimal.valueOf(h.score())).text(h.actionOnHit().name()).text(h.listKind().name())
                            .text(h.entryFingerprint()).text(h.status().name())
                            .text(json.writeValueAsString(s.result().matches().get(i))).time(c.screenedAt())
                            .text(c.borderPoint()).endRow();
                }
            }
            rows.finish();
            rows = null;
        } catch (SQLException e) {
            throw new IllegalStateException("The screenings could not be stored: " + e.getMessage(), e);
        } finally {
            if (rows != null) {
                rows.cancel();
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
