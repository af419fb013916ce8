package org.manfadh.screening.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.manfadh.platform.LoggableFailures;
import org.manfadh.screening.EntryKind;
import org.manfadh.screening.matching.ListedDocument;
import org.manfadh.screening.matching.ListedName;
import org.manfadh.screening.matching.ListedPerson;
import org.manfadh.screening.matching.PartialDate;
import org.manfadh.screening.matching.WatchlistIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the index in step with the stored lists: every entry in force is loaded before the
 * application takes its first request (streamed from PostgreSQL and put in chunks), each committed
 * change is applied right after its commit, and entries whose expiry day has passed are taken
 * out by a sweep. Syncs run one at a time and read the database after the commit they follow, so
 * the index ends up as the database is whatever order commits and syncs happen in.
 */
@Component
class IndexFeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    private static final int CHUNK = 10_000;

    private static final TypeReference<List<ListedName>> NAMES = new TypeReference<>() { };
    private static final TypeReference<List<PartialDate>> DATES = new TypeReference<>() { };
    private static final TypeReference<List<String>> CODES = new TypeReference<>() { };
    private static final TypeReference<List<EntryContent.EntryDocument>> DOCUMENTS = new TypeReference<>() { };

    private final WatchlistIndex index;
    private final Entries entries;
    private final JsonMapper json;
    private final TransactionTemplate reading;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Entries expiring before this day are out of the index already. */
    private volatile LocalDate sweptUpTo;
    /** Whether every entry in force at the start is in the index. */
    private volatile boolean loadedAtStart;

    IndexFeeder(WatchlistIndex index, Entries entries, JsonMapper json, PlatformTransactionManager transactions,
                Clock clock) {
        this.index = index;
        this.entries = entries;
        this.json = json;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        loadOnce();
    }

    /** Every entry in force today into the index. */
    void loadAll() {
        lock.lock();
        try {
            long started = System.nanoTime();
            LocalDate today = LocalDate.now(clock);
            long[] loaded = new long[1];
            reading.executeWithoutResult(status -> {
                Batch batch = new Batch();
                try (Stream<Entries.IndexRow> rows = entries.inForce(today)) {
                    rows.forEach(row -> {
                        batch.put(row);
                        loaded[0]++;
                    });
                }
                batch.flush();
            });
            sweptUpTo = today;
            loadedAtStart = true;
            log.info("Watchlist index loaded with {} entries in force in {} ms", loaded[0],
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes sure the lists in force at the start are in the index, loading them now unless that was
     * done: a check made while the application starts (in the background) is answered against every
     * list, as later ones are, and does not wait for the rest of the start to load them.
     */
    void loadOnce() {
        lock.lock();
        try {
            if (!loadedAtStart) {
                loadAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A committed version the index could not take; retried by the sweep. */
    private record Pending(UUID watchlistId, long version) {
    }

    private final java.util.Queue<Pending> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Applies what a committed version of a list changed; call after the commit. The change is
     * committed whatever happens here, so a failure is logged and retried rather than thrown.
     */
    void sync(UUID watchlistId, long version) {
        try {
            apply(watchlistId, version);
        } catch (RuntimeException e) {
            log.error("The index could not take version {} of list {}; retrying with the next sweep", version,
                    watchlistId, LoggableFailures.of(e));
            failed.add(new Pending(watchlistId, version));
        }
    }

    /**
     * Applies every version of a list after {@code afterVersion}: what a post received from
     * headquarters in one delta. Call after the commit; a failure is logged and retried by the sweep.
     */
    void syncAfter(UUID watchlistId, long afterVersion) {
        try {
            apply(watchlistId, () -> entries.changedAfter(watchlistId, afterVersion));
        } catch (RuntimeException e) {
            log.error("The index could not take the versions after {} of list {}; reloading with the next sweep",
                    afterVersion, watchlistId, LoggableFailures.of(e));
            failedDeltas.add(new Pending(watchlistId, afterVersion));
        }
    }

    private final java.util.Queue<Pending> failedDeltas = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private void apply(UUID watchlistId, long version) {
        apply(watchlistId, () -> entries.changedIn(watchlistId, version));
    }

    private void apply(UUID watchlistId, java.util.function.Supplier<Stream<Entries.IndexRow>> changed) {
        lock.lock();
        try {
            LocalDate today = LocalDate.now(clock);
            reading.executeWithoutResult(status -> {
                Batch batch = new Batch();
                try (Stream<Entries.IndexRow> rows = changed.get()) {
                    rows.forEach(row -> {
                        if (row.inForce(today)) {
                            batch.put(row);
                        } else {
                            batch.remove(row.id());
                        }
                    });
                }
                batch.flush();
            });
        } finally {
            lock.unlock();
        }
    }

    /** Hourly, so that an entry stops matching within the hour its expiry day ends. */
    @Scheduled(fixedDelayString = "${manfadh.screening.expiry-sweep:PT1H}",
            initialDelayString = "${manfadh.screening.expiry-sweep:PT1H}")
    void sweepExpired() {
        sweepExpired(LocalDate.now(clock));
    }

    /** Takes out of the index the entries in force before {@code today} that have expired since the last sweep. */
    int sweepExpired(LocalDate today) {
        for (Pending pending; (pending = failed.peek()) != null; failed.poll()) {
            apply(pending.watchlistId(), pending.version());
        }
        for (Pending pending; (pending = failedDeltas.peek()) != null; failedDeltas.poll()) {
            UUID list = pending.watchlistId();
            long after = pending.version();
            apply(list, () -> entries.changedAfter(list, after));
        }
        lock.lock();
        try {
            LocalDate since = sweptUpTo == null ? LocalDate.MIN : sweptUpTo.minusDays(1);
            if (!today.isAfter(since)) {
                return 0;
            }
            List<UUID> expired = reading.execute(status -> entries.expiredBetween(since, today));
            if (!expired.isEmpty()) {
                index.remove(expired);
                log.info("{} watchlist entries expired and no longer match", expired.size());
            }
            if (sweptUpTo == null || today.isAfter(sweptUpTo)) {
                sweptUpTo = today;
            }
            return expired.size();
        } finally {
            lock.unlock();
        }
    }

    /** Puts and removes in chunks, so that a large change reaches the index in a few calls and bounded memory. */
    private final class Batch {

        private final List<ListedPerson> persons = new ArrayList<>();
        private final List<ListedDocument> documents = new ArrayList<>();
        private final List<UUID> removals = new ArrayList<>();

        void put(Entries.IndexRow row) {
            if (row.kind() == EntryKind.DOCUMENT) {
                documents.add(new ListedDocument(row.id(), row.watchlistId(), row.documentNumber(),
                        row.issuingState(), row.documentType()));
            } else {
                List<EntryContent.EntryDocument> held = json.readValue(row.documents(), DOCUMENTS);
                persons.add(new ListedPerson(row.id(), row.watchlistId(), json.readValue(row.names(), NAMES),
                        json.readValue(row.datesOfBirth(), DATES), Set.copyOf(json.readValue(row.nationalities(), CODES)),
                        row.sex(), held.stream().map(EntryContent.EntryDocument::number).toList()));
            }
            if (persons.size() + documents.size() >= CHUNK) {
                flushPuts();
            }
        }

        void remove(UUID id) {
            removals.add(id);
            if (removals.size() >= CHUNK) {
                index.remove(List.copyOf(removals));
                removals.clear();
            }
        }

        void flush() {
            flushPuts();
            if (!removals.isEmpty()) {
                index.remove(List.copyOf(removals));
                removals.clear();
            }
        }

        private void flushPuts() {
            if (!persons.isEmpty()) {
                index.putPersons(List.copyOf(persons));
                persons.clear();
            }
            if (!documents.isEmpty()) {
                index.putDocuments(List.copyOf(documents));
                documents.clear();
            }
        }
    }
}
