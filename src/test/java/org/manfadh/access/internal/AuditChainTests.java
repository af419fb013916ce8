package org.manfadh.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditChainTests {

    private static final UUID NODE = UUID.fromString("01900000-0000-7000-8000-00000000abcd");

    private static AuditChain.Event event(long seq, String username, String what, List<String> ids) {
        return new AuditChain.Event(seq, UUID.fromString("01900000-0000-7000-8000-000000000001"), NODE,
                Instant.parse("2026-01-02T03:04:05.123456Z"), username, "10.0.0.1", "CHANGE", what, ids, 201);
    }

    @Test
    void hashesTheSameEventAfterTheSameHashAlike() {
        AuditChain.Event e = event(1, "officer", "POST /api/v1/crossings", List.of("a"));

        assertThat(AuditChain.hash(AuditChain.GENESIS, e)).isEqualTo(AuditChain.hash(AuditChain.GENESIS, e))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void changesTheHashWithAnyFieldOrThePreviousHash() {
        String base = AuditChain.hash(AuditChain.GENESIS, event(1, "officer", "POST /x", List.of("a")));

        assertThat(AuditChain.hash("1".repeat(64), event(1, "officer", "POST /x", List.of("a")))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, event(2, "officer", "POST /x", List.of("a")))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, event(1, "officer2", "POST /x", List.of("a")))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, event(1, "officer", "POST /x", List.of("b")))).isNotEqualTo(base);
        assertThat(AuditChain.hash(AuditChain.GENESIS, event(1, null, "POST /x", List.of("a")))).isNotEqualTo(base);
    }

    @Test
    void tellsFieldsApartHoweverTheirTextIsSplit() {
        // The same characters split differently between fields must not give the same canonical text.
        assertThat(AuditChain.canonical(event(1, "ab", "c", List.of())))
                .isNotEqualTo(AuditChain.canonical(event(1, "a", "bc", List.of())));
        assertThat(AuditChain.canonical(event(1, "a", "b", List.of("x;y"))))
                .isNotEqualTo(AuditChain.canonical(event(1, "a", "b", List.of("x", "y"))));
        assertThat(AuditChain.canonical(event(1, null, "b", List.of())))
                .isNotEqualTo(AuditChain.canonical(event(1, "-", "b", List.of())));
    }

    @Test
    void sealsTheChainWithTheKeySoThatTheUnkeyedRuleOrAnotherKeyGivesAnotherHash() {
        byte[] key = "k".repeat(32).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] other = "o".repeat(32).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        AuditChain.Event e = event(1, "officer", "POST /x", List.of("a"));

        String keyed = AuditChain.keyedHash(key, AuditChain.GENESIS, e);

        assertThat(keyed).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(AuditChain.keyedHash(key, AuditChain.GENESIS, e));
        assertThat(keyed).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, e))
                .isNotEqualTo(AuditChain.keyedHash(other, AuditChain.GENESIS, e))
                .isNotEqualTo(AuditChain.keyedHash(key, "1".repeat(64), e));
    }
}
