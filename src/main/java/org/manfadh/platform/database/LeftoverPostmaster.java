package org.manfadh.platform.database;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an abruptly ended run leaves in a cluster directory, so that PostgreSQL can start on it again.
 *
 * <p>When the JVM is killed, the embedded server's shutdown hook never runs. The postmaster, which lives in its own
 * session, keeps running on the data directory, or, after a power cut, {@code postmaster.pid} stays behind. PostgreSQL
 * refuses to start while the PID in that file is alive, even when the number now belongs to an unrelated process.
 */
final class LeftoverPostmaster {

    static final String PID_FILE = "postmaster.pid";

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private LeftoverPostmaster() {
    }

    /**
     * Stops a postmaster still running on the cluster directory and removes a {@code postmaster.pid} that names no
     * server of this directory. The caller must already hold the directory for itself, or it would stop the server of
     * a live instance.
     */
    static void clear(Path clusterDirectory) throws IOException {
        Path pidFile = clusterDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        OptionalLong pid = readPid(pidFile);
        if (pid.isPresent()
                && PostgresProcesses.isRunning(pid.getAsLong())
                && PostgresProcesses.isPostmasterOf(pid.getAsLong(), clusterDirectory)) {
            log.warn("Stopping the PostgreSQL server (PID {}) that an earlier run left running on {}",
                    pid.getAsLong(), clusterDirectory);
            if (!PostgresProcesses.stop(pid.getAsLong(), SHUTDOWN_GRACE)) {
                throw new IllegalStateException("Could not stop the PostgreSQL server (PID " + pid.getAsLong()
                        + ") left running on " + clusterDirectory + " by an earlier run; stop it by hand and retry");
            }
            // A clean shutdown removes the file itself; after a forced kill it remains and is handled below.
            if (!Files.exists(pidFile)) {
                return;
            }
            pid = readPid(pidFile);
        }
        String owner = pid.isEmpty() ? "no readable PID"
                : PostgresProcesses.isRunning(pid.getAsLong()) ? "PID " + pid.getAsLong() + ", now an unrelated process"
                : "PID " + pid.getAsLong() + ", no longer running";
        log.warn("Removing stale {} ({}) left in {} by an earlier run", PID_FILE, owner, clusterDirectory);
        Files.deleteIfExists(pidFile);
    }

    static OptionalLong readPid(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException | MalformedInputException e) {
            return OptionalLong.empty();
        }
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            // A single-user backend writes its PID negated.
            long pid = Math.abs(Long.parseLong(lines.getFirst().trim()));
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
