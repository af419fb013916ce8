package org.manfadh.screening.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.manfadh.screening.ActionOnHit;
import org.manfadh.screening.Hit;
import org.manfadh.screening.HitStatus;
import org.manfadh.screening.ScreeningMatch;
import org.manfadh.screening.ScreeningOutcome;
import org.manfadh.screening.ScreeningResult;
import org.manfadh.screening.Verdict;
import org.manfadh.screening.WatchlistKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Screenings of crossings, their hits, the verdicts on them and cleared false positives. */
@Repository
class ScreeningRecords {

    record NewScreening(UUID id, UUID nodeId, UUID crossingId, UUID travellerId, ScreeningOutcome outcome,
                        String subjectFingerprint, String officer, Instant screenedAt, String borderPoint) {
    }

    record NewHit(UUID id, UUID entryId, UUID listId, ScreeningOutcome level, double score, ActionOnHit actionOnHit,
                  WatchlistKind listKind, String entryFingerprint, HitStatus status) {
    }

    record HitState(UUID id, ScreeningOutcome level, HitStatus status, ActionOnHit actionOnHit) {
    }

    private static final String HIT_SELECT = """
            select h.*, s.subject_fingerprint, s.officer,
                   coalesce(a.verdict, h.initial_status) as status,
                   a.supervisor, a.adjudicated_at, a.note
              from screening.hit h
              join screening.screening s on s.id = h.screening_id
              left join screening.adjudication a on a.hit_id = h.id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Hit> hitRow;

    ScreeningRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.hitRow = this::hitRow;
    }

    void insert(NewScreening s, ScreeningResult result, List<NewHit> hits) {
        jdbc.sql("""
                insert into screening.screening (id, node_id, crossing_id, traveller_id, outcome, subject_fingerprint,
                                                 result, officer, screened_at)
                values (:id, :node, :crossing, :traveller, :outcome, :fingerprint, cast(:result as jsonb), :officer, :at)
                """)
                .param("id", s.id()).param("node", s.nodeId()).param("crossing", s.crossingId())
                .param("traveller", s.travellerId()).param("outcome", s.outcome().name())
                .param("fingerprint", s.subjectFingerprint()).param("result", json.writeValueAsString(result))
                .param("officer", s.officer()).param("at", utc(s.screenedAt()))
                .update();
        for (int i = 0; i < hits.size(); i++) {
            NewHit h = hits.get(i);
            jdbc.sql("""
                    insert into screening.hit (id, node_id, screening_id, crossing_id, traveller_id, entry_id, list_id,
                                               level, score, action_on_hit, list_kind, entry_fingerprint,
                                               initial_status, match, created_at, border_point)
                    values (:id, :node, :screening, :crossing, :traveller, :entry, :list, :level, :score, :action,
                            :kind, :entryFingerprint, :status, cast(:match as jsonb), :at, :point)
                    """)
                    .param("id", h.id()).param("node", s.nodeId()).param("screening", s.id())
                    .param("crossing", s.crossingId()).param("traveller", s.travellerId())
                    .param("entry", h.entryId()).param("list", h.listId()).param("level", h.level().name())
                    .param("score", BigDecimal.valueOf(h.score())).param("action", h.actionOnHit().name())
                    .param("kind", h.listKind().name()).param("entryFingerprint", h.entryFingerprint())
                    .param("status", h.status().name()).param("match", json.writeValueAsString(result.matches().get(i)))
                    .param("at", utc(s.screenedAt())).param("point", s.borderPoint())
                    .update();
        }
    }

    /** The stored screening with each hit's status as it stands now. */
    Optional<ScreeningResult> screeningOf(UUID crossingId) {
        Optional<ScreeningResult> stored = jdbc.sql("select result from screening.screening where crossing_id = :id")
                .param("id", crossingId)
                .query((rs, n) -> json.readValue(rs.getString("result"), ScreeningResult.class))
                .optional();
        if (stored.isEmpty() || stored.get().matches().isEmpty()) {
            return stored;
        }
        Map<UUID, HitStatus> statuses = new HashMap<>();
        for (HitState h : hitsOf(crossingId)) {
            statuses.put(h.id(), h.status());
        }
        ScreeningResult r = stored.get();
        return Optional.of(new ScreeningResult(r.id(), r.outcome(), r.matches().stream()
                .map(m -> m.hitId() == null ? m : m.withHit(m.hitId(), statuses.getOrDefault(m.hitId(), m.hitStatus())))
                .toList(), r.suppressed(), r.screenedAt()));
    }

    List<HitState> hitsOf(UUID crossingId) {
        return jdbc.sql("""
                select h.id, h.level, h.action_on_hit, coalesce(a.verdict, h.initial_status) as status
                  from screening.hit h left join screening.adjudication a on a.hit_id = h.id
                 where h.crossing_id = :id
                """).param("id", crossingId)
                .query((rs, n) -> new HitState(rs.getObject("id", UUID.class),
                        ScreeningOutcome.valueOf(rs.getString("level")), HitStatus.valueOf(rs.getString("status")),
                        ActionOnHit.valueOf(rs.getString("action_on_hit"))))
                .list();
    }

    int openHitsOf(UUID crossingId) {
        return jdbc.sql("""
                select count(*) from screening.hit h
                 where h.crossing_id = :id and h.initial_status = 'OPEN'
                   and not exists (select 1 from screening.adjudication a where a.hit_id = h.id)
                """).param("id", crossingId).query(Integer.class).single();
    }

    /** "entryId/entryFingerprint" of every entry cleared as a false positive for this traveller's data. */
    Set<String> clearedFalsePositives(UUID travellerId, String subjectFingerprint) {
        return new HashSet<>(jdbc.sql("""
                select entry_id, entry_fingerprint from screening.cleared_false_positive
                 where traveller_id = :traveller and subject_fingerprint = :fingerprint
                """).param("traveller", travellerId).param("fingerprint", subjectFingerprint)
                .query((rs, n) -> rs.getObject("entry_id", UUID.class) + "/" + rs.getString("entry_fingerprint"))
                .list());
    }

    Optional<Hit> hit(UUID id) {
        return jdbc.sql(HIT_SELECT + " where h.id = :id").param("id", id).query(hitRow).optional();
    }

    Optional<Hit> lockHit(UUID id) {
        return jdbc.sql(HIT_SELECT + " where h.id = :id for update of h").param("id", id).query(hitRow).optional();
    }

    /** Open hits, at the given border points only unless they are null. */
    List<Hit> openHits(int page, int size, String[] points) {
        return jdbc.sql(HIT_SELECT + """
                 where h.initial_status = 'OPEN' and a.id is null
                   and (cast(:points as text[]) is null or h.border_point = any(cast(:points as text[])))
                 order by h.created_at, h.id
                 limit :size offset :offset
                """).param("size", size).param("offset", (long) page * size).param("points", points)
                .query(hitRow).list();
    }

    long openHitCount(String[] points) {
        return jdbc.sql("""
                select count(*) from screening.hit h
                 where h.initial_status = 'OPEN'
                   and (cast(:points as text[]) is null or h.border_point = any(cast(:points as text[])))
                   and not exists (select 1 from screening.adjudication a where a.hit_id = h.id)
                """).param("points", points).query(Long.class).single();
    }

    void adjudicate(UUID id, UUID nodeId, UUID hitId, Verdict verdict, String note, String supervisor, Instant at) {
        jdbc.sql("""
                insert into screening.adjudication (id, node_id, hit_id, verdict, note, supervisor, adjudicated_at)
                values (:id, :node, :hit, :verdict, :note, :supervisor, :at)
                """).param("id", id).param("node", nodeId).param("hit", hitId).param("verdict", verdict.name())
                .param("note", note).param("supervisor", supervisor).param("at", utc(at)).update();
    }

    void clearFalsePositive(UUID travellerId, UUID entryId, String entryFingerprint, String subjectFingerprint,
                            UUID hitId, String supervisor, Instant at) {
        jdbc.sql("""
                insert into screening.cleared_false_positive (traveller_id, entry_id, entry_fingerprint,
                                                              subject_fingerprint, hit_id, cleared_by, cleared_at)
                values (:traveller, :entry, :entryFingerprint, :subjectFingerprint, :hit, :by, :at)
                on conflict do nothing
                """).param("traveller", travellerId).param("entry", entryId).param("entryFingerprint", entryFingerprint)
                .param("subjectFingerprint", subjectFingerprint).param("hit", hitId).param("by", supervisor)
                .param("at", utc(at)).update();
    }

    private Hit hitRow(ResultSet rs, int n) throws SQLException {
        OffsetDateTime adjudicated = rs.getObject("adjudicated_at", OffsetDateTime.class);
        return new Hit(rs.getObject("id", UUID.class), rs.getObject("crossing_id", UUID.class),
                rs.getObject("traveller_id", UUID.class), rs.getObject("screening_id", UUID.class),
                rs.getObject("entry_id", UUID.class), rs.getObject("list_id", UUID.class),
                ScreeningOutcome.valueOf(rs.getString("level")), rs.getBigDecimal("score"),
                ActionOnHit.valueOf(rs.getString("action_on_hit")), WatchlistKind.valueOf(rs.getString("list_kind")),
                HitStatus.valueOf(rs.getString("status")), json.readValue(rs.getString("match"), ScreeningMatch.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("officer"),
                rs.getString("supervisor"), adjudicated == null ? null : adjudicated.toInstant(), rs.getString("note"),
                rs.getString("entry_fingerprint"), rs.getString("subject_fingerprint"),
                rs.getString("border_point") == null ? null : rs.getString("border_point").strip());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
