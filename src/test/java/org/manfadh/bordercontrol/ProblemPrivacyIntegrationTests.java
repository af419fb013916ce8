package org.manfadh.bordercontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Problems answered to clients, and what the server logs meanwhile, never repeat a document or visa number. */
@ManfadhIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemPrivacyIntegrationTests {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    private static String number() {
        return "PV" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String surname() {
        StringBuilder s = new StringBuilder("PRIVACY");
        for (int i = 0; i < 7; i++) {
            s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static Map<String, Object> entry(String mrz) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("borderPoint", "ZRB");
        body.put("direction", "ENTRY");
        body.put("mrz", mrz);
        body.put("decision", "ADMITTED");
        return body;
    }

    @Test
    void aDocumentThatFailsItsCheckDigitIsRefusedWithoutItsNumber(CapturedOutput output) {
        String number = number();
        String[] lines = Passports.td3(number, surname(), "NOOR", "JOR", LocalDate.of(1988, 4, 4)).split("\n");
        char check = lines[1].charAt(9);
        lines[1] = lines[1].substring(0, 9) + (char) ('0' + (check - '0' + 1) % 10) + lines[1].substring(10);

        ApiClient.Response refused = admin().post("/api/v1/crossings", ApiClient.json(entry(String.join("\n", lines))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:manfadh:problem:document-invalid");
        assertThat(refused.body()).contains("DOCUMENT_NUMBER_CHECK_DIGIT").doesNotContain(number);
        assertThat(output.getAll()).doesNotContain(number);
    }

    @Test
    void aVisaHeldByAnotherTravellerIsRefusedWithoutItsNumber(CapturedOutput output) {
        String visa = "VH" + number();
        Map<String, Object> first = entry(Passports.td3(number(), surname(), "RAMI", "JOR", LocalDate.of(1980, 1, 1)));
        first.put("visa", Map.of("number", visa, "type", "VISIT_VISA", "permittedStayDays", 30));
        assertThat(admin().post("/api/v1/crossings", ApiClient.json(first)).status()).isEqualTo(201);
        JsonNode other = admin().post("/api/v1/crossings", ApiClient.json(entry(Passports.td3(number(), surname(),
                "SAMI", "JOR", LocalDate.of(1981, 2, 2))))).json();

        ApiClient.Response refused = admin().post("/api/v1/travellers/" + other.get("travellerId").asString()
                + "/visas", ApiClient.json(Map.of("visa", Map.of("number", visa, "type", "VISIT_VISA",
                "issuingAuthority", "FEDERAL", "validUntil", LocalDate.now().plusDays(60).toString()))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:manfadh:problem:visa-held");
        assertThat(refused.body()).doesNotContain(visa);
        assertThat(output.getAll()).doesNotContain(visa);
    }
}
