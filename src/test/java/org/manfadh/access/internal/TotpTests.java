package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B: every time, every algorithm, eight digits. */
    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void givesTheCodesOfTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void givesSixDigitCodesAsAuthenticatorAppsDo() {
        // RFC 4226 appendix D: HOTP of the same secret, counters 0 and 1, six digits.
        assertThat(Totp.code(SHA1_SEED, 0)).isEqualTo("755224");
        assertThat(Totp.code(SHA1_SEED, 1)).isEqualTo("287082");
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeOrAfterNowAndNoOther() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
    }

    @Test
    void writesSecretsInBase32AndTheKeyUriAppsRead() {
        // RFC 4648 section 10.
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(SHA1_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.uri("Manfadh", "admin.hq", SHA1_SEED)).isEqualTo("otpauth://totp/Manfadh:admin.hq"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Manfadh&algorithm=SHA1&digits=6&period=30");
    }
}
