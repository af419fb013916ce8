package org.manfadh.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Operating-system process checks used to recognise and stop a PostgreSQL server that an earlier run left behind.
 */
final class PostgresProcesses {

    private static final Path PROC = Path.of("/proc");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private PostgresProcesses() {
    }

    /**
     * Tells whether the process exists and has not terminated. {@link ProcessHandle#isAlive()} reports a zombie as
     * alive, and an orphaned postmaster whose new parent does not reap it stays a zombie after it exits, so on Linux
     * the process state is read from /proc.
     */
    static boolean isRunning(long pid) {
        if (Files.isDirectory(PROC.resolve("self"))) {
            try {
                String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
                // The command name in parentheses may itself hold spaces or parentheses; the state follows the last ')'.
                int end = stat.lastIndexOf(')');
                if (end < 0 || end + 2 >= stat.length()) {
                    return false;
                }
                char state = stat.charAt(end + 2);
                return state != 'Z' && state != 'X' && state != 'x';
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                // Fall through to the portable check.
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The command line of a running process, program first; empty when it cannot be read. */
    static List<String> commandLine(long pid) {
        Path cmdline = PROC.resolve(Long.toString(pid)).resolve("cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String raw = Files.readString(cmdline, StandardCharsets.UTF_8);
                List<String> arguments = new ArrayList<>(List.of(raw.split("\0")));
                arguments.removeIf(String::isEmpty);
                return arguments;
            } catch (IOException e) {
                return List.of();
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::info).flatMap(info -> info.command().map(command -> {
            List<String> arguments = new ArrayList<>();
            arguments.add(command);
            info.arguments().ifPresent(rest -> arguments.addAll(List.of(rest)));
            return arguments;
        })).orElse(List.of());
    }

    /**
     * Tells whether the process is a PostgreSQL server started on the given cluster directory, judged by its program
     * name and its {@code -D} argument. A backend rewrites its process title, but the postmaster keeps its original
     * command line, which is the one that matters here.
     */
    static boolean isPostmasterOf(long pid, Path clusterDirectory) {
        List<String> arguments = commandLine(pid);
        if (arguments.isEmpty() || !isPostgresProgram(arguments.getFirst())) {
            return false;
        }
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            Optional<String> directory = Optional.empty();
            if (argument.equals("-D") && i + 1 < arguments.size()) {
                directory = Optional.of(arguments.get(i + 1));
            } else if (argument.startsWith("-D") && argument.length() > 2) {
                directory = Optional.of(argument.substring(2));
            }
            if (directory.isPresent() && sameDirectory(directory.get(), clusterDirectory)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the server for a fast shutdown (SIGINT, as {@code pg_ctl stop -m fast} does): sessions are ended and the
     * server checkpoints before exiting. A forced kill follows only if it has not exited within the grace period.
     *
     * @return true once the process has gone
     */
    static boolean stop(long pid, Duration gracePeriod) {
        if (!sendInterrupt(pid)) {
            // SIGTERM asks for a smart shutdown, slower but still clean.
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        if (awaitExit(pid, gracePeriod)) {
            return true;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return awaitExit(pid, Duration.ofSeconds(10));
    }

    static boolean awaitExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(pid);
            }
        }
        return true;
    }

    private static boolean sendInterrupt(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPostgresProgram(String program) {
        try {
            Path name = Path.of(program).getFileName();
            return name != null && (name.toString().equals("postgres") || name.toString().equals("postgres.exe"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean sameDirectory(String candidate, Path clusterDirectory) {
        try {
            return Path.of(candidate).toRealPath().equals(clusterDirectory.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
