package org.manfadh.screening.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.manfadh.screening.Thresholds;
import org.manfadh.screening.Watchlists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists from the watchlists' memory, entries from the store: what a match shows and how a cleared
 * false positive recognises the same version of an entry.
 */
@Component
class MatchDirectory implements ListDirectory {

    private final Watchlists watchlists;
    private final JdbcClient jdbc;

    MatchDirectory(Watchlists watchlists, JdbcClient jdbc) {
        this.watchlists = watchlists;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ListInfo> list(UUID listId) {
        return watchlists.find(listId).map(w -> new ListInfo(w.id(), w.name(), w.kind(), w.actionOnHit(),
                w.hitThreshold(), w.possibleMatchThreshold(), w.authority()));
    }

    @Override
    public Map<UUID, EntryInfo> entries(Collection<UUID> entryIds) {
        Map<UUID, EntryInfo> found = new HashMap<>();
        if (entryIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select id, watchlist_id, external_id, coalesce(primary_name, document_number) as name, notify_on_hit,
                       changed_in_version
                  from screening.entry
                 where id = any(:ids)
                """).param("ids", entryIds.toArray(UUID[]::new))
                .query((rs, n) -> new EntryInfo(rs.getObject("id", UUID.class), rs.getObject("watchlist_id", UUID.class),
                        rs.getString("external_id"), rs.getString("name"), rs.getString("notify_on_hit"),
                        "v" + rs.getLong("changed_in_version")))
                .list().forEach(e -> found.put(e.id(), e));
        return found;
    }

    @Override
    public double lowestPossibleMatchThreshold() {
        return watchlists.all().stream().mapToDouble(w -> w.possibleMatchThreshold()).min()
                .orElse(Thresholds.DEFAULT_POSSIBLE_MATCH);
    }
}
