package org.manfadh.screening.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.manfadh.screening.EntryKind;
import org.manfadh.screening.WatchlistEntrySummary;
import org.manfadh.screening.WatchlistSummary;
import org.manfadh.screening.Watchlists;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/** {@link Watchlists} for the rest of Manfadh: list settings from memory, refreshed after every committed change. */
@Service
class WatchlistDirectory implements Watchlists, SmartInitializingSingleton {

    private final WatchlistRecords lists;
    private final Entries entries;
    private final Clock clock;
    private final Map<UUID, WatchlistSummary> byId = new ConcurrentHashMap<>();

    WatchlistDirectory(WatchlistRecords lists, Entries entries, Clock clock) {
        this.lists = lists;
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        lists.all().forEach(w -> byId.put(w.id(), w.summary()));
    }

    void refresh(UUID listId) {
        lists.find(listId).ifPresentOrElse(w -> byId.put(w.id(), w.summary()), () -> byId.remove(listId));
    }

    @Override
    public Optional<WatchlistSummary> find(UUID listId) {
        return Optional.ofNullable(byId.get(listId));
    }

    @Override
    public List<WatchlistSummary> all() {
        return byId.values().stream().sorted(Comparator.comparing((WatchlistSummary w) -> w.name().toLowerCase())
                .thenComparing(WatchlistSummary::id)).toList();
    }

    @Override
    public Optional<WatchlistEntrySummary> entry(UUID entryId) {
        LocalDate today = LocalDate.now(clock);
        return entries.find(entryId).map(e -> new WatchlistEntrySummary(e.id(), e.watchlistId(), e.externalId(),
                e.kind(), e.kind() == EntryKind.DOCUMENT ? e.documentNumber() : e.primaryName(), e.inForce(today),
                e.expiresOn(), e.originatingAgency(), e.legalBasis(), e.notifyOnHit()));
    }
}
