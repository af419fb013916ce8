package org.manfadh.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.manfadh.platform.database.EmbeddedPostgresServerIntegrationTests.execute;
import static org.manfadh.platform.database.EmbeddedPostgresServerIntegrationTests.queryColumn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresCrashIntegrationTests {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDirectory;

    @TempDir
    Path scratch;

    @Test
    void startsCleanlyAfterCrashThatLeftPostmasterRunning() throws Exception {
        Path output = scratch.resolve("crashing-jvm.log");
        Process crashingJvm = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                ServerInSeparateProcess.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long orphan = 0;
        try {
            int port = awaitReady(crashingJvm, output);
            try (var connection = EmbeddedPostgresServerIntegrationTests.connect(dataDirectory, port);
                    var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE crossing (gate text)");
                statement.execute("INSERT INTO crossing VALUES ('North')");
            }

            // SIGKILL: no shutdown hook runs, as in a crash.
            crashingJvm.destroyForcibly();
            assertThat(crashingJvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Path pidFile = dataDirectory.resolve("postgres").resolve(LeftoverPostmaster.PID_FILE);
            OptionalLong pid = LeftoverPostmaster.readPid(pidFile);
            assertThat(pid).isPresent();
            orphan = pid.getAsLong();
            assertThat(PostgresProcesses.isRunning(orphan)).as("postmaster outlives the killed JVM").isTrue();

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    new EmbeddedPostgresServer.Settings(dataDirectory, 0, true))) {
                assertThat(PostgresProcesses.isRunning(orphan)).as("left postmaster is stopped").isFalse();
                assertThat(queryColumn(server, "SELECT gate FROM crossing")).containsExactly("North");
                execute(server, "INSERT INTO crossing VALUES ('South')");
                assertThat(queryColumn(server, "SELECT gate FROM crossing ORDER BY gate"))
                        .containsExactly("North", "South");
                assertThat(LeftoverPostmaster.readPid(pidFile)).isPresent().isNotEqualTo(OptionalLong.of(orphan));
            }
        } finally {
            crashingJvm.destroyForcibly();
            if (orphan != 0 && PostgresProcesses.isRunning(orphan)) {
                ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static int awaitReady(Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = readyLine(output);
            if (ready.isPresent()) {
                return Integer.parseInt(ready.get().substring(ServerInSeparateProcess.READY.length()).trim());
            }
            if (!process.isAlive()) {
                throw new AssertionError("Server JVM exited with " + process.exitValue() + ":\n" + read(output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Server JVM did not report " + ServerInSeparateProcess.READY + " within "
                + STARTUP_TIMEOUT + ":\n" + read(output));
    }

    private static Optional<String> readyLine(Path output) throws Exception {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.startsWith(ServerInSeparateProcess.READY + " ")).findFirst();
    }

    private static String read(Path output) throws Exception {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
