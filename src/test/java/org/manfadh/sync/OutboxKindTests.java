package org.manfadh.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class OutboxKindTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsEachKindOfABatchByItsName() {
        for (OutboxKind kind : OutboxKind.values()) {
            assertThat(item(kind.name()).kind()).isEqualTo(kind);
        }
    }

    @Test
    void readsAKindItDoesNotKnowAsNoneSoThatTheBatchIsRefusedByItsSeq() {
        assertThat(item("SCREENINGS").kind()).isNull();
        assertThat(item("crossing").kind()).isNull();
        assertThat(OutboxKind.named("GROUP")).contains(OutboxKind.GROUP);
        assertThat(OutboxKind.named(null)).isEmpty();
    }

    private Batch.Item item(String kind) {
        return json.readValue("{\"seq\":1,\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind
                + "\",\"recordId\":\"" + UUID.randomUUID() + "\",\"payload\":{}}", Batch.Item.class);
    }
}
