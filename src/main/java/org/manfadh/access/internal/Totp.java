package org.manfadh.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, over HOTP, RFC 4226): the code of a secret for a
 * 30-second step since the Unix epoch. Manfadh's codes are HMAC-SHA1 with 6 digits, what every
 * authenticator app takes; the algorithm and the number of digits are parameters so the RFC's own
 * test vectors can be checked. Pure: no clock, no storage.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    static final String SHA1 = "HmacSHA1";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step an instant falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a secret for a time step (RFC 4226 section 5.3, dynamic truncation). */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("No such HMAC: " + algorithm, e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** Manfadh's code (HMAC-SHA1, 6 digits) of a secret for a time step. */
    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, SHA1);
    }

    /**
     * The step whose code this is, looking one step either side of now for a phone's clock that is a
     * little off; empty when it is none of them. Codes are compared in constant time.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.replace(" ", "").strip();
        if (!typed.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** RFC 4648 base32 without padding, the form authenticator apps take a secret in. */
    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The otpauth:// URI an authenticator app reads (Google Authenticator's key URI format). */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
