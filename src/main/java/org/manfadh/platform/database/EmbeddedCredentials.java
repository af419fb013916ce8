package org.manfadh.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded server's passwords, kept beside its cluster: generated at the first start (also for a cluster made by
 * an earlier release, which had none) and read at every later one. The file is readable by its owner only, like the
 * cluster itself; whoever can read it could read the cluster's files anyway.
 */
final class EmbeddedCredentials {

    private static final String OWNER = "owner.password";
    private static final String APP = "app.password";

    private EmbeddedCredentials() {
    }

    /** The stored passwords, or new ones (to be {@linkplain #storeIfAbsent stored} once the cluster exists). */
    static EmbeddedPostgresServer.Credentials loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                String owner = properties.getProperty(OWNER);
                String app = properties.getProperty(APP);
                if (owner == null || owner.isBlank() || app == null || app.isBlank()) {
                    throw new IllegalStateException(file + " must hold " + OWNER + " and " + APP);
                }
                return new EmbeddedPostgresServer.Credentials(owner.strip(), app.strip());
            }
            return new EmbeddedPostgresServer.Credentials(newPassword(), newPassword());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded PostgreSQL's passwords in " + file, e);
        }
    }

    /**
     * Writes new passwords before the roles are given them (initdb wants an empty folder, so not before the cluster
     * exists); a crash in between leaves a cluster that still trusts local connections and takes them at the next
     * start.
     */
    static void storeIfAbsent(Path file, EmbeddedPostgresServer.Credentials created) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Properties properties = new Properties();
            properties.setProperty(OWNER, created.ownerPassword());
            properties.setProperty(APP, created.appPassword());
            Path partial = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(partial);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(partial);
            }
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(out, "Passwords of the embedded PostgreSQL's roles: " + EmbeddedPostgresServer.OWNER
                        + " (owner, migrations) and " + EmbeddedPostgresServer.APP_ROLE + " (the application)");
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedded PostgreSQL's passwords to " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
