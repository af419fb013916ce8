package org.manfadh.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Appends audit events to the chain in batches, one commit a batch, the way a database commits many
 * transactions with one flush: the chain's head is taken once a batch rather than once an event, so
 * concurrent requests do not queue one by one behind each other's commits. A caller that finds no
 * batch being written writes its event itself, on its own thread, with whatever else waits; one
 * that finds a batch being written leaves its event to the writer thread, which takes every event
 * waiting once that batch is done. So a lone request is not handed to another thread and woken
 * again, and many at once still share commits. Nothing is acknowledged before it is stored: the
 * caller returns only once its event's batch has committed (a read's data is not sent, a change's
 * response not completed, before that). Checkpoints are written beside, on a thread of their own.
 * On shutdown the writer stops after the web server and writes what is queued before it ends.
 */
@Component
class AuditWriter implements SmartLifecycle {

    /** What a caller wants recorded; its place in the chain is given when its batch is written. */
    record Draft(UUID id, UUID nodeId, Instant at, String username, String clientAddress, String action,
                 String what, List<String> recordIds, int outcome) {
    }

    private record Pending(Draft draft, CompletableFuture<Void> stored) {
    }

    /** An event this server wrote: the chain's end as it committed it. */
    record Written(long seq, String hash) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 500;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final AuditEvents events;
    private final byte[] key;
    private final AuditCheckpoints checkpoints;
    private final TransactionTemplate transaction;
    private final TransactionTemplate autonomous;
    private final Timer waits;
    /** Events waiting for a batch: at most one for each caller, who waits until it is written. */
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Held while a batch is taken from the queue and written: batches go one after another. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean running;
    private volatile Thread writer;
    private volatile Written lastWritten;
    private volatile ExecutorService checkpointing;

    AuditWriter(AuditEvents events, AuditKey key, AuditCheckpoints checkpoints, PlatformTransactionManager transactions,
                MeterRegistry meters) {
        this.events = events;
        this.key = key.bytes();
        this.checkpoints = checkpoints;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.autonomous = new TransactionTemplate(transactions);
        this.autonomous.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.waits = Timer.builder("manfadh.audit.write")
                .description("Recording one audit event: from asking until its batch has committed")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Records an event; returns once it is stored, or throws if it could not be. */
    void write(Draft draft) {
        long started = System.nanoTime();
        try {
            Pending pending = new Pending(draft, new CompletableFuture<>());
            queue.add(pending);
            Thread background = running ? writer : null;
            if (writing.tryLock()) {
                // No batch is being written: this caller writes what waits, its own event among it.
                try {
                    writeWaiting();
                } finally {
                    writing.unlock();
                }
                if (background != null && !queue.isEmpty()) {
                    LockSupport.unpark(background);
                }
            } else if (background != null) {
                LockSupport.unpark(background);
            } else {
                // Before start or after stop: written by the callers themselves, one batch after another.
                writing.lock();
                try {
                    writeWaiting();
                } finally {
                    writing.unlock();
                }
            }
            pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording an audit event", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit event could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit event was not stored within " + MAX_WAIT, e);
        } finally {
            waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Under the lock: one batch of what waits (at most MAX_BATCH), if anything does. */
    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        if (!batch.isEmpty()) {
            writeBatch(batch);
        }
    }

    /** The writer thread: whatever callers left while a batch was being written, in batches, until stopped. */
    private void run() {
        while (running || !queue.isEmpty()) {
            if (queue.isEmpty()) {
                LockSupport.parkNanos(this, 200_000_000L);
                continue;
            }
            writing.lock();
            try {
                writeWaiting();
            } finally {
                writing.unlock();
            }
        }
    }

    /**
     * Each event after the one before, from the chain's head, and the new head, committed together; then
     * the callers are told. While this server wrote the head it last saw, one statement does it all,
     * conditional on the head still being there (one round trip, one commit); otherwise one
     * transaction takes the head's lock, reads it and chains after it.
     */
    private void writeBatch(List<Pending> batch) {
        try {
            Written known = lastWritten;
            Written written = known == null ? null : appendAfter(known, batch);
            if (written == null) {
                written = appendLocked(batch);
            }
            lastWritten = written;
            batch.forEach(p -> p.stored().complete(null));
            if (checkpoints.due(written.seq())) {
                checkpointAfter(written);
            }
        } catch (RuntimeException | Error e) {
            // Every caller of the batch is told, so none waits for an event that will not come.
            log.error("Could not store {} audit events", batch.size(), e);
            batch.forEach(p -> p.stored().completeExceptionally(e));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** The batch after the head this server wrote last, if it is still the chain's head; null otherwise. */
    private Written appendAfter(Written known, List<Pending> batch) {
        Written[] written = new Written[1];
        // Outside any caller's transaction: the statement commits by itself, whatever the caller does next.
        autonomous.executeWithoutResult(status -> {
            List<AuditEvents.Stored> chained = chain(known.seq(), known.hash(), batch);
            if (events.appendAfter(new AuditEvents.Head(known.seq(), known.hash()), chained)) {
                AuditEvents.Stored last = chained.get(chained.size() - 1);
                written[0] = new Written(last.event().seq(), last.hash());
            }
        });
        return written[0];
    }

    private List<AuditEvents.Stored> chain(long seq, String previous, List<Pending> batch) {
        List<AuditEvents.Stored> chained = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Draft d = p.draft();
            AuditChain.Event event = new AuditChain.Event(++seq, d.id(), d.nodeId(), d.at(), d.username(),
                    d.clientAddress(), d.action(), d.what(), d.recordIds(), d.outcome());
            String hash = AuditChain.keyedHash(key, previous, event);
            chained.add(new AuditEvents.Stored(event, previous, hash));
            previous = hash;
        }
        return chained;
    }

    /** One transaction: the chain's head locked and read, each event after the one before, the new head. */
    private Written appendLocked(List<Pending> batch) {
        return transaction.execute(status -> {
            AuditEvents.Head head = events.lockHead();
            // Before the first keyed event: where the keyed chain begins, outside the database.
            checkpoints.markIfFirst(head.seq(), head.hash());
            List<AuditEvents.Stored> chained = chain(head.seq(), head.hash(), batch);
            events.appendAll(chained);
            AuditEvents.Stored last = chained.get(chained.size() - 1);
            return new Written(last.event().seq(), last.hash());
        });
    }

    /**
     * A checkpoint is appended to its file and forced to disk on a thread of its own: the events are
     * committed already, so neither their callers nor the next batch wait for that second flush (it
     * came once every hundred events, just where a request's 99th percentile lies). Before start and
     * after stop, the caller writes it.
     */
    private void checkpointAfter(Written written) {
        ExecutorService executor = checkpointing;
        if (executor != null) {
            try {
                executor.execute(() -> writeCheckpoint(written));
                return;
            } catch (RejectedExecutionException stopping) {
                // written here instead
            }
        }
        writeCheckpoint(written);
    }

    private void writeCheckpoint(Written written) {
        try {
            checkpoints.written(written.seq(), written.hash());
        } catch (RuntimeException e) {
            // The events are stored; the next checkpoint covers them.
            log.error("Could not write an audit checkpoint", e);
        }
    }

    /** The last event this server wrote, or null before its first. */
    Written lastWritten() {
        return lastWritten;
    }

    /** A quiet server still leaves its latest events checkpointed. */
    @Scheduled(fixedDelayString = "${manfadh.audit.checkpoint.interval:PT5M}",
            initialDelayString = "${manfadh.audit.checkpoint.interval:PT5M}")
    void checkpoint() {
        // The checkpoints keep their own order (one only ever after the one before); writers go on meanwhile.
        Written written = lastWritten;
        if (written != null) {
            checkpoints.checkpoint(written.seq(), written.hash());
        }
    }

    @Override
    public void start() {
        checkpointing = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("audit-checkpoints").daemon(true)
                .factory());
        running = true;
        writer = Thread.ofPlatform().name("audit-writer").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread background = writer;
        if (background != null) {
            LockSupport.unpark(background);
            try {
                background.join(MAX_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer = null;
        // Anything that arrived after the writer's last batch is written here.
        writing.lock();
        try {
            while (!queue.isEmpty()) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        ExecutorService executor = checkpointing;
        checkpointing = null;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checkpoint();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server (a higher phase stops first), so every request's event is written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
