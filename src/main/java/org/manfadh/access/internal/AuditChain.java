package org.manfadh.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash chain of the audit trail: each event's hash is HMAC-SHA256, under a key kept outside
 * the database, over the previous event's hash and a canonical text of the event's own fields, so
 * that altering, removing or inserting a row breaks every hash after it, and nobody without the
 * key can recompute the chain after altering it. Events written before the key existed carry
 * the earlier, unkeyed rule (plain SHA-256 over the same text). The canonical text prefixes each
 * field with its length, so no value can pass for another however it is split.
 */
final class AuditChain {

    /** The hash before the first event. */
    static final String GENESIS = "0".repeat(64);

    /** One event of the trail as stored. */
    record Event(long seq, UUID id, UUID nodeId, Instant at, String username, String clientAddress, String action,
                 String what, List<String> recordIds, int outcome) {
    }

    private AuditChain() {
    }

    static String canonical(Event e) {
        StringBuilder text = new StringBuilder(256);
        field(text, Long.toString(e.seq()));
        field(text, e.id().toString());
        field(text, e.nodeId().toString());
        field(text, e.at().toString());
        field(text, e.username());
        field(text, e.clientAddress());
        field(text, e.action());
        field(text, e.what());
        field(text, Integer.toString(e.recordIds().size()));
        for (String id : e.recordIds()) {
            field(text, id);
        }
        field(text, Integer.toString(e.outcome()));
        return text.toString();
    }

    /** The keyed rule: what every event written with the key carries. */
    static String keyedHash(byte[] key, String previousHash, Event e) {
        Mac mac = mac(key);
        mac.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '\n');
        return HexFormat.of().formatHex(mac.doFinal(canonical(e).getBytes(StandardCharsets.UTF_8)));
    }

    /** An HMAC over a text: the checkpoints' seal. */
    static String seal(byte[] key, String text) {
        return HexFormat.of().formatHex(mac(key).doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
        }
    }

    /** The unkeyed rule of the events written before the key. */
    static String hash(String previousHash, Event e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
