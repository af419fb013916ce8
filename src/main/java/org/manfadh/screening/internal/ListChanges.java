package org.manfadh.screening.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.manfadh.screening.ListChangeAction;
import org.manfadh.screening.ListFileFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of each list: who changed what, when and why. Rows are only ever added (a trigger refuses edits). */
@Repository
class ListChanges {

    record Change(UUID id, UUID nodeId, UUID watchlistId, long version, ListChangeAction action, UUID entryId,
                  String madeBy, Instant madeAt, String reason, int added, int updated, int removed,
                  ListFileFormat sourceFormat,
                  String sourceSha256, Instant sourceGeneratedAt, String detail, String proposedBy) {

        static Change of(UUID id, UUID nodeId, UUID watchlistId, long version, ListChangeAction action, UUID entryId,
                         String madeBy, Instant madeAt, String reason) {
            return new Change(id, nodeId, watchlistId, version, action, entryId, madeBy, madeAt, reason, 0, 0, 0,
                    null, null, null, null, null);
        }
    }

    private static final RowMapper<Change> CHANGE = (rs, n) -> {
        OffsetDateTime generated = rs.getObject("source_generated_at", OffsetDateTime.class);
        return new Change(rs.getObject("id", UUID.class), rs.getObject("node_id", UUID.class),
                rs.getObject("watchlist_id", UUID.class), rs.getLong("version"),
                ListChangeAction.valueOf(rs.getString("action")),
                rs.getObject("entry_id", UUID.class), rs.getString("made_by"),
                rs.getObject("made_at", OffsetDateTime.class).toInstant(), rs.getString("reason"),
                rs.getInt("added"), rs.getInt("updated"), rs.getInt("removed"),
                rs.getString("source_format") == null ? null : ListFileFormat.valueOf(rs.getString("source_format")),
                rs.getString("source_sha256"), generated == null ? null : generated.toInstant(),
                rs.getString("detail"), rs.getString("proposed_by"));
    };

    private final JdbcClient jdbc;

    ListChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Change c) {
        jdbc.sql("""
                insert into screening.list_change (id, node_id, watchlist_id, version, action, entry_id, made_by,
                       made_at, reason, added, updated, removed, source_format, source_sha256, source_generated_at,
                       detail, proposed_by)
                values (:id, :node, :list, :version, :action, :entry, :by, :at, :reason, :added, :updated, :removed,
                        :format, :sha, :generated, cast(:detail as jsonb), :proposedBy)
                """).param("id", c.id()).param("node", c.nodeId()).param("list", c.watchlistId())
                .param("version", c.version()).param("action", c.action().name()).param("entry", c.entryId())
                .param("by", c.madeBy()).param("at", WatchlistRecords.utc(c.madeAt())).param("reason", c.reason())
                .param("added", c.added()).param("updated", c.updated()).param("removed", c.removed())
                .param("format", c.sourceFormat() == null ? null : c.sourceFormat().name()).param("sha", c.sourceSha256())
                .param("generated", WatchlistRecords.utc(c.sourceGeneratedAt())).param("detail", c.detail())
                .param("proposedBy", c.proposedBy()).update();
    }

    /** Newest first. */
    List<Change> page(UUID watchlistId, UUID entryId, long offset, int size) {
        return jdbc.sql("""
                select * from screening.list_change
                 where watchlist_id = :list and (cast(:entry as uuid) is null or entry_id = :entry)
                 order by version desc offset :offset limit :size
                """).param("list", watchlistId).param("entry", entryId).param("offset", offset).param("size", size)
                .query(CHANGE).list();
    }

    long count(UUID watchlistId, UUID entryId) {
        return jdbc.sql("""
                select count(*) from screening.list_change
                 where watchlist_id = :list and (cast(:entry as uuid) is null or entry_id = :entry)
                """).param("list", watchlistId).param("entry", entryId).query(Long.class).single();
    }
}
