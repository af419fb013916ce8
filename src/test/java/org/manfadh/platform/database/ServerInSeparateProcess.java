package org.manfadh.platform.database;

import java.nio.file.Path;

/**
 * Starts the embedded server on the data folder given as argument and then idles, so that a test can kill this JVM
 * the way a crash or power cut would.
 */
final class ServerInSeparateProcess {

    static final String READY = "READY";

    private ServerInSeparateProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresServer.Settings(Path.of(args[0]), 0, true));
        System.out.println(READY + " " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
