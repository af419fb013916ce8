package org.manfadh.access.internal;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.manfadh.platform.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's head as this server wrote it, kept where the database cannot rewrite it: appended, sealed with the
 * audit key, to a file in the data folder ({@value #FILE}) and written to the log. A checkpoint is taken every
 * {@code manfadh.audit.checkpoint.every-events} events (default 100), after {@code manfadh.audit.checkpoint.interval}
 * (default five minutes) when events were written since the last one, and when the server stops.
 *
 * <p>The first checkpoint of the file marks where the keyed chain begins: it is written, at the head as it then
 * stands, before this server writes its first keyed event. Events up to it may carry the unkeyed rule of earlier
 * releases; its sealed hash fixes them, since no event before it can change without changing that hash.
 */
@Component
class AuditCheckpoints {

    static final String FILE = "audit-checkpoints.log";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /** A checkpoint as read back, with whether its seal holds under the key. */
    record Checkpoint(long seq, String hash, Instant at, UUID nodeId, String seal, boolean sealed) {
    }

    private final Path file;
    private final byte[] key;
    private final NodeIdentity node;
    private final Clock clock;
    private final int everyEvents;
    private final Duration interval;
    private Checkpoint last;
    private Instant lastAt;

    AuditCheckpoints(AuditKey key, NodeIdentity node, Clock clock,
                     @Value("${manfadh.data-dir:manfadh-data}") String dataDirectory,
                     @Value("${manfadh.audit.checkpoint.every-events:100}") int everyEvents,
                     @Value("${manfadh.audit.checkpoint.interval:PT5M}") Duration interval) {
        this.file = Path.of(dataDirectory).toAbsolutePath().normalize().resolve(FILE);
        this.key = key.bytes();
        this.node = node;
        this.clock = clock;
        this.everyEvents = Math.max(1, everyEvents);
        this.interval = interval;
        List<Checkpoint> all = all();
        this.last = all.isEmpty() ? null : all.get(all.size() - 1);
        this.lastAt = clock.instant();
    }

    Path file() {
        return file;
    }

    /** Every checkpoint in the file, oldest first. */
    List<Checkpoint> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, e);
        }
        List<Checkpoint> checkpoints = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            checkpoints.add(parse(line));
        }
        return checkpoints;
    }

    /** Before this server's first keyed event: the head it found, as the mark where the keyed chain begins. */
    synchronized void markIfFirst(long seq, String hash) {
        if (last == null) {
            write(seq, hash);
        }
    }

    /** Whether a batch ending at {@code seq} calls for a checkpoint (no I/O: asked after every batch). */
    synchronized boolean due(long seq) {
        return last == null || seq - last.seq() >= everyEvents
                || (seq > last.seq() && !clock.instant().isBefore(lastAt.plus(interval)));
    }

    /** After a batch has committed: a checkpoint at its end when one is due. */
    synchronized void written(long seq, String hash) {
        if (due(seq)) {
            write(seq, hash);
        }
    }

    /** A checkpoint at this head unless the last one is already there (at a quiet interval and on stop). */
    synchronized void checkpoint(long seq, String hash) {
        if (last == null || seq > last.seq()) {
            write(seq, hash);
        }
    }

    private void write(long seq, String hash) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String body = body(seq, hash, at, node.nodeId());
        String seal = AuditChain.seal(key, body);
        String line = body + " " + seal + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, CREATE, WRITE, APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append an audit checkpoint to " + file, e);
        }
        log.info("Audit checkpoint: seq {} hash {} at {} node {} seal {}", seq, hash, at, node.nodeId(), seal);
        last = new Checkpoint(seq, hash, at, node.nodeId(), seal, true);
        lastAt = clock.instant();
    }

    private static String body(long seq, String hash, Instant at, UUID nodeId) {
        return seq + " " + hash + " " + at + " " + nodeId;
    }

    private Checkpoint parse(String line) {
        String[] parts = line.strip().split(" ");
        try {
            long seq = Long.parseLong(parts[0]);
            Instant at = Instant.parse(parts[2]);
            UUID nodeId = UUID.fromString(parts[3]);
            String seal = parts[4];
            boolean sealed = parts.length == 5 && AuditChain.seal(key, body(seq, parts[1], at, nodeId)).equals(seal);
            return new Checkpoint(seq, parts[1], at, nodeId, seal, sealed);
        } catch (RuntimeException e) {
            // A line that cannot be read counts as a checkpoint whose seal fails, where it stands in the file.
            return new Checkpoint(-1, "", Instant.EPOCH, new UUID(0, 0), "", false);
        }
    }
}
