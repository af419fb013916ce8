package org.manfadh.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rows exported with to_jsonb come back through the COPY stage exactly as they left: every kind of
 * column a replicated table has, and text with every character COPY or an array literal treats as special.
 */
@ManfadhIntegrationTest
class JsonRowStageIntegrationTests {

    @Autowired
    JsonRowStage stage;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    private static final String PROBE = """
            create temporary table probe (
                id int primary key, word text, code varchar(3), day date, at timestamptz, yes boolean,
                score numeric, count bigint, words text[], numbers int[], detail jsonb, note text, "order" text
            ) on commit drop
            """;

    @Test
    void bringsBackEveryColumnTypeAndEverySpecialCharacterAsToJsonbRenderedIt() {
        List<String> texts = new ArrayList<>(List.of("", "plain", "tab\there", "line\nbreak", "carriage\rreturn",
                "back\\slash", "\\N", "NULL", "\"quoted\"", "{braces,and,commas}", "عبد الله", "ئەحمەد", "🛂 emoji",
                "trailing space ", " ", "a\\\"b", "\\t literally"));
        Random random = new Random(20261205L);
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(1, 128) : random.nextInt(1, 0x2FFFF);
                if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    text.appendCodePoint(codePoint);
                }
            }
            texts.add(text.toString());
        }
        List<JsonNode> exported = transaction.execute(status -> {
            jdbc.sql(PROBE).update();
            for (int i = 0; i < texts.size(); i++) {
                jdbc.sql("""
                        insert into probe values (:id, :word, 'IRQ', date '2026-12-05' + :id,
                            timestamptz '2026-12-05 08:22:24.699987+00' + make_interval(secs => :id * 0.001),
                            :id % 2 = 0, 0.5 + :id, 9007199254740993 + :id, array[:word, 'NULL', null, 'x'],
                            array[:id, -1], jsonb_build_object('text', :word, 'list', jsonb_build_array(:word, 1.25, true)),
                            case when :id % 3 = 0 then null else :word end, 'a column named by a keyword')
                        """).param("id", i).param("word", texts.get(i)).update();
            }
            return jdbc.sql("select to_jsonb(p)::text from probe p order by id").query(String.class).list().stream()
                    .map(json::readTree).toList();
        });

        List<JsonNode> back = transaction.execute(status -> {
            jdbc.sql(PROBE).update();
            stage.stage("probe_stage", "pg_temp.probe", JsonRowStage.parts(
                    exported.stream().<JsonNode>map(row -> json.createObjectNode().set("probe", row)).toList(), "probe"))
                    .insert("on conflict do nothing");
            return jdbc.sql("select to_jsonb(p)::text from probe p order by id").query(String.class).list().stream()
                    .map(json::readTree).toList();
        });

        assertThat(back).hasSize(texts.size()).isEqualTo(exported);
    }

    @Test
    void takesEachElementOfAnArrayPartAsARowUnderItsRecordsIndexAndIgnoresKeysTheTableLacks() {
        ObjectNode first = json.createObjectNode();
        first.putArray("probe").add(json.createObjectNode().put("id", 1).put("word", "a").put("later_column", "x"))
                .add(json.createObjectNode().put("id", 2).put("word", "b"));
        ObjectNode second = json.createObjectNode();
        second.putNull("probe");
        ObjectNode third = json.createObjectNode();
        third.set("probe", json.createObjectNode().put("id", 3));

        List<String> rows = transaction.execute(status -> {
            jdbc.sql(PROBE).update();
            stage.stage("probe_stage", "pg_temp.probe", JsonRowStage.parts(List.of(first, second, third), "probe"));
            return jdbc.sql("select n || ':' || id || ':' || coalesce(word, '-') from pg_temp.probe_stage order by id")
                    .query(String.class).list();
        });

        assertThat(rows).containsExactly("0:1:a", "0:2:b", "2:3:-");
    }

    @Test
    void refusesARowItsTableCannotHoldAndLeavesTheTransactionToRollBack() {
        ObjectNode record = json.createObjectNode();
        record.set("probe", json.createObjectNode().put("id", 1).put("day", "not a date"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql(PROBE).update();
            stage.stage("probe_stage", "pg_temp.probe", JsonRowStage.parts(List.of(record), "probe"));
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("not a date");
        assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
    }
}
