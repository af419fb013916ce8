package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.sync.OutboxKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The outbox table, as the migrations leave it, holds exactly the kinds the code writes and applies. */
@ManfadhIntegrationTest
@TestPropertySource(properties = {"manfadh.test.context=post", "manfadh.node.role=post",
        "manfadh.node.border-point=ZRB", "manfadh.sync.hq-url=http://127.0.0.1:9", "manfadh.sync.interval=PT1H"})
class OutboxKindIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void allowsExactlyTheOutboxKindsInItsCheckConstraint() {
        List<String> checks = jdbc.sql("""
                select pg_get_constraintdef(c.oid)
                  from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                 where c.conrelid = 'sync.outbox'::regclass and c.contype = 'c' and a.attname = 'kind'
                """).query(String.class).list();

        assertThat(checks).hasSize(1);
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(checks.getFirst());
        List<String> allowed = quoted.results().map(m -> m.group(1)).toList();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(OutboxKind.values()).map(Enum::name).toList());
    }
}
