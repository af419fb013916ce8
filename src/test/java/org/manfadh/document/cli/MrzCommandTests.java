package org.manfadh.document.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MrzCommandTests {

    private static final String TD3 = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";
    private static final String TD1 = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";
    private static final String MRV_B = """
            V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            L8988901C4XXX4009078F9612109<<<<<<<<""";

    private static final List<String> FIELDS = List.of("valid", "format", "documentCode", "issuingState",
            "documentNumber", "surname", "givenNames", "nameTruncated", "nationality", "dateOfBirth", "sex",
            "dateOfExpiry", "optionalData", "optionalData2", "errors", "warnings");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one run of the command left behind. */
    private record Run(int status, String out, String err, String systemOut) {

        List<String> lines() {
            return out.lines().toList();
        }

        List<JsonNode> documents() {
            return lines().stream().map(JSON::readTree).toList();
        }
    }

    private static Run run(String input, String... args) {
        return run(input.getBytes(StandardCharsets.UTF_8), args);
    }

    private static Run run(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int status;
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        try {
            status = MrzCommand.run(args, new ByteArrayInputStream(input), out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                systemOut.toString(StandardCharsets.UTF_8));
    }

    private static List<String> codes(JsonNode problems) {
        return problems.valueStream().map(p -> p.get("code").stringValue()).toList();
    }

    @Test
    void writesOneJsonLinePerDocumentInOrder() {
        Run run = run(TD3 + "\n\n" + TD1 + "\n\n" + MRV_B + "\n", "--today", "2010-01-01");

        assertThat(run.status()).isZero();
        assertThat(run.documents()).hasSize(3);
        assertThat(run.documents()).extracting(d -> d.get("format").stringValue())
                .containsExactly("TD3", "TD1", "MRV_B");
        assertThat(run.documents()).extracting(d -> d.get("documentNumber").stringValue())
                .containsExactly("L898902C3", "D23145890", "L8988901C");
        assertThat(run.documents()).allSatisfy(d -> assertThat(d.get("valid").asBoolean()).isTrue());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void separatesDocumentsByAnyRunOfBlankLines() {
        String input = "\r\n  \n" + TD3.replace("\n", "\r\n") + "\r\n \t\r\n\r\n" + TD1 + "\n\n\n\n" + MRV_B;

        Run run = run(input, "--today", "2010-01-01");

        assertThat(run.documents()).extracting(d -> d.get("format").stringValue())
                .containsExactly("TD3", "TD1", "MRV_B");
    }

    @Test
    void writesAnInvalidDocumentWithItsProblems() {
        String broken = TD3.substring(0, TD3.length() - 1) + "1";

        Run run = run(broken + "\n\n" + "P<UTO\n" + "\n" + TD1, "--today", "2010-01-01");

        List<JsonNode> documents = run.documents();
        assertThat(documents).hasSize(3);
        assertThat(documents.get(0).get("valid").asBoolean()).isFalse();
        assertThat(codes(documents.get(0).get("errors"))).containsExactly("COMPOSITE_CHECK_DIGIT");
        JsonNode problem = documents.get(0).get("errors").get(0);
        assertThat(problem.get("field").stringValue()).isEqualTo("composite");
        assertThat(problem.get("message").stringValue()).isNotBlank();
        assertThat(documents.get(1).get("format").isNull()).isTrue();
        assertThat(codes(documents.get(1).get("errors"))).containsExactly("LINE_COUNT");
        assertThat(documents.get(2).get("valid").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\n\n \t\n\r\n"})
    void writesOneEmptyInputErrorForEmptyInput(String input) {
        Run run = run(input);

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode document = run.documents().getFirst();
        assertThat(document.get("valid").asBoolean()).isFalse();
        assertThat(document.get("format").isNull()).isTrue();
        assertThat(codes(document.get("errors"))).containsExactly("EMPTY_INPUT");
        assertThat(document.get("warnings").size()).isZero();
    }

    @Test
    void judgesExpiryAndCenturiesAgainstTheGivenDay() {
        JsonNode then = run(TD3, "--today", "2010-01-01").documents().getFirst();
        JsonNode now = run(TD3, "--today", "2026-11-28").documents().getFirst();
        JsonNode longAgo = run(TD3, "--today", "1970-01-01").documents().getFirst();

        assertThat(then.get("warnings").size()).isZero();
        assertThat(codes(now.get("warnings"))).containsExactly("DOCUMENT_EXPIRED");
        assertThat(now.get("dateOfBirth").stringValue()).isEqualTo("1974-08-12");
        assertThat(longAgo.get("dateOfBirth").stringValue()).isEqualTo("1874-08-12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "28.11.2026", "yesterday", "2026-02-30", ""})
    void rejectsABadTodayWithStatusTwoAndNothingOnStandardOutput(String day) {
        Run run = run(TD3, "--today", day);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.systemOut()).isEmpty();
        assertThat(run.err()).contains("--today");
    }

    @Test
    void rejectsAMissingTodayValueAndUnknownArguments() {
        Run missing = run(TD3, "--today");
        Run unknown = run(TD3, "--format", "TD3");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("--format");
    }

    @Test
    void printsUsageForHelpOnStandardErrorOnly() {
        Run run = run(TD3, "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("mrz");
    }

    @Test
    void writesNothingButJsonObjectsWithTheAgreedFields() {
        String input = TD3 + "\n\n" + "garbage é\n\n" + TD1.toLowerCase() + "\n\n" + "\uD83D\uDE00";

        Run run = run(input, "--today", "2026-11-28");

        assertThat(run.systemOut()).isEmpty();
        assertThat(run.out()).endsWith("\n").doesNotContain("\r");
        assertThat(run.lines()).hasSize(4).allSatisfy(line -> {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).isTrue();
            assertThat(node.propertyNames()).containsExactlyElementsOf(FIELDS);
            assertThat(node.get("errors").isArray()).isTrue();
            assertThat(node.get("warnings").isArray()).isTrue();
            node.get("errors").forEach(p -> assertThat(p.propertyNames()).contains("code", "field", "message"));
        });
        assertThat(run.documents().get(1).get("errors").get(0).get("message").stringValue()).isNotEmpty();
    }

    @Test
    void readsUtf8AndSkipsAByteOrderMark() {
        Run run = run("\uFEFF" + TD3 + "\n\nP<UTOÉRIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                + "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "--today", "2010-01-01");

        List<JsonNode> documents = run.documents();
        assertThat(documents.get(0).get("valid").asBoolean()).isTrue();
        assertThat(codes(documents.get(1).get("errors"))).containsExactly("INVALID_CHARACTER");
        assertThat(documents.get(1).get("errors").get(0).get("message").stringValue()).contains("É");
    }

    @Test
    void writesAResultEvenForADayAtTheEndOfTheCalendar() {
        Run run = run(TD3 + "\n\n" + TD1, "--today", "+999999999-12-31");

        assertThat(run.status()).isZero();
        assertThat(run.documents()).hasSize(2);
    }

    @Test
    void readsTheLastDocumentWithoutATrailingLineBreak() {
        Run run = run(TD1 + "\n\n" + TD3, "--today", "2010-01-01");

        assertThat(run.documents()).extracting(d -> d.get("format").stringValue()).containsExactly("TD1", "TD3");
    }
}
