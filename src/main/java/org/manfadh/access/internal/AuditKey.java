package org.manfadh.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key the audit chain and its checkpoints are sealed with. It lives outside the database, so that whoever holds
 * the database's credentials still cannot write a chain that verifies: {@code manfadh.audit.key} (at least 32
 * characters) or {@code manfadh.audit.key-file} (a file of at least 32 bytes). In demo mode, without either, a key is
 * generated into the data folder at the first start and kept there; outside demo mode one of the two is required.
 */
@Component
class AuditKey {

    static final String GENERATED_FILE = "audit.key";
    private static final int MIN_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final byte[] key;

    AuditKey(@Value("${manfadh.audit.key:}") String key, @Value("${manfadh.audit.key-file:}") String keyFile,
             @Value("${manfadh.demo:true}") boolean demo, @Value("${manfadh.data-dir:manfadh-data}") String dataDirectory) {
        this.key = load(key, keyFile, demo, Path.of(dataDirectory));
    }

    byte[] bytes() {
        return key.clone();
    }

    private static byte[] load(String key, String keyFile, boolean demo, Path dataDirectory) {
        if (!key.isBlank() && !keyFile.isBlank()) {
            throw new IllegalStateException("Set manfadh.audit.key or manfadh.audit.key-file, not both");
        }
        if (!key.isBlank()) {
            return atLeast(key.strip().getBytes(StandardCharsets.UTF_8), "manfadh.audit.key");
        }
        if (!keyFile.isBlank()) {
            return atLeast(read(Path.of(keyFile.strip())), "manfadh.audit.key-file " + keyFile.strip());
        }
        if (!demo) {
            throw new IllegalStateException("The audit trail needs a key kept outside the database: set "
                    + "manfadh.audit.key-file to a file of at least " + MIN_LENGTH + " random bytes (or "
                    + "manfadh.audit.key); see the README, 'The audit trail'");
        }
        Path generated = dataDirectory.toAbsolutePath().normalize().resolve(GENERATED_FILE);
        if (Files.exists(generated)) {
            return atLeast(read(generated), generated.toString());
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        byte[] text = HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(generated.getParent());
            Path partial = generated.resolveSibling(GENERATED_FILE + ".new");
            Files.deleteIfExists(partial);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(partial);
            }
            Files.write(partial, text);
            Files.move(partial, generated, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit trail's key to " + generated, e);
        }
        log.warn("Demo mode: generated the audit trail's key in {}. Outside demo mode set manfadh.audit.key-file",
                generated);
        return text;
    }

    /** The file's bytes as they are, less a trailing line end or spaces an editor may have added. */
    private static byte[] read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' '
                    || bytes[end - 1] == '\t')) {
                end--;
            }
            return java.util.Arrays.copyOf(bytes, end);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail's key from " + file, e);
        }
    }

    private static byte[] atLeast(byte[] key, String where) {
        if (key.length < MIN_LENGTH) {
            throw new IllegalStateException("The audit trail's key in " + where + " is shorter than " + MIN_LENGTH
                    + " bytes");
        }
        return key;
    }
}
