package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.sync.OutboxKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A post whose headquarters never answers here: the acknowledged seq is set as headquarters' answer would. */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.test.context=post", "manfadh.node.role=post",
        "manfadh.node.border-point=ZRB", "manfadh.sync.hq-url=http://127.0.0.1:9", "manfadh.sync.interval=PT1H"})
class OutboxPruningIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void removesOnlyRowsHeadquartersAcknowledgedThatAreOlderThanTheRetention() {
        Instant now = Instant.now();
        long[] seqs = new long[4];
        for (int i = 0; i < 4; i++) {
            Instant at = now.minus(10 - i, ChronoUnit.DAYS);
            transaction.executeWithoutResult(s -> outbox.append(UUID.randomUUID(), OutboxKind.CROSSING, UUID.randomUUID(), "{}", at));
        }
        var rows = outbox.after(outbox.state().acknowledgedSeq(), 100);
        for (int i = 0; i < 4; i++) {
            seqs[i] = rows.get(rows.size() - 4 + i).seq();
        }
        // Headquarters acknowledged the first three (10, 9 and 8 days old); the fourth is still owed.
        outbox.acknowledged(seqs[2], now);
        long owed = outbox.backlog().records();

        int removed = outbox.prune(now.minus(9, ChronoUnit.DAYS).plusSeconds(60));

        assertThat(removed).isEqualTo(2);
        assertThat(jdbc.sql("select seq from sync.outbox where seq = any(:seqs) order by seq")
                .param("seqs", seqs).query(Long.class).list()).containsExactly(seqs[2], seqs[3]);
        assertThat(outbox.backlog().records()).isEqualTo(owed);
    }
}
