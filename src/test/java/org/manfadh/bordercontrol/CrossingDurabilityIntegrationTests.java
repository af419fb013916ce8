package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manfadh.ApiClient;

/**
 * An acknowledged crossing is committed: the whole node — its JVM and its embedded PostgreSQL —
 * is killed without warning right after the last answer, and everything acknowledged is there
 * when the node starts again on the same data.
 */
class CrossingDurabilityIntegrationTests {

    private static final int CROSSINGS = 40;

    @TempDir
    Path work;

    @Test
    void keepsEveryAcknowledgedCrossingWhenTheNodeIsKilledAndStartsAgain() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid to give the node its own process group");
        Path data = work.resolve("data");
        int port = freePort();

        Process node = start(data, port, work.resolve("first.log"));
        List<String> acknowledged = new ArrayList<>();
        try {
            // Recorded at Shalamcheh: the national administrator's jurisdiction covers it, the demo officer's does not.
            ApiClient officer = new ApiClient(port).asDemoAdmin();
            for (int i = 0; i < CROSSINGS; i++) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", UUID.randomUUID().toString());
                body.put("borderPoint", "SLM");
                body.put("direction", "ENTRY");
                body.put("mrz", Passports.td3(String.format("K%08d", i), "DURABLE" + (char) ('A' + i % 26), "TEST",
                        "IRN", LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 28)));
                body.put("decision", "ADMITTED");
                ApiClient.Response response = officer.post("/api/v1/crossings", ApiClient.json(body));
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                acknowledged.add((String) body.get("id"));
            }
        } finally {
            killProcessGroup(node);
        }
        killLeftoverPostmaster(data);

        Process again = start(data, port, work.resolve("second.log"));
        try {
            ApiClient admin = new ApiClient(port).asDemoAdmin();
            for (String id : acknowledged) {
                ApiClient.Response crossing = admin.get("/api/v1/crossings/" + id);
                assertThat(crossing.status()).as("crossing %s after the kill", id).isEqualTo(200);
                assertThat(crossing.json().get("decision").asString()).isEqualTo("ADMITTED");
            }
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    private static Process start(Path data, int port, Path log) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder("/usr/bin/setsid", java, "-cp", System.getProperty("java.class.path"),
                "org.manfadh.ManfadhApplication", "--server.port=" + port, "--manfadh.data-dir=" + data,
                "--manfadh.demo.data=false", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient anonymous = new ApiClient(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The node stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The node did not start within two minutes:\n" + Files.readString(log));
    }

    /** SIGKILL to the node's whole process group: no shutdown hook, no clean stop of the database. */
    private static void killProcessGroup(Process node) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", "--", "-" + node.pid()).inheritIO().start().waitFor();
        node.waitFor();
    }

    /** Whatever of PostgreSQL escaped the process group goes too, as in a power cut. */
    private static void killLeftoverPostmaster(Path data) throws IOException, InterruptedException {
        Path pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long postmaster = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
