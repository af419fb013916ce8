package org.manfadh.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@ManfadhIntegrationTest
class DocumentApiIntegrationTests {

    private static final String SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
            + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return new ApiClient(port).asDemoAdmin();
    }

    @Test
    void readsAPassportZoneIntoTheSameFieldsAsTheCommand() {
        ApiClient.Response response = admin().post("/api/v1/documents/mrz", ApiClient.json(Map.of("mrz", SPECIMEN)));

        assertThat(response.status()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("format").asString()).isEqualTo("TD3");
        assertThat(result.get("documentNumber").asString()).isEqualTo("L898902C3");
        assertThat(result.get("dateOfBirth").asString()).isEqualTo("1974-08-12");
        assertThat(result.get("errors").isArray()).isTrue();
        assertThat(result.propertyNames()).contains("valid", "format", "documentCode", "issuingState",
                "documentNumber", "surname", "givenNames", "nameTruncated", "nationality", "dateOfBirth", "sex",
                "dateOfExpiry", "optionalData", "optionalData2", "errors", "warnings");
    }

    @Test
    void answersAnInvalidZoneWithItsProblemsNotWithAnError() {
        String broken = SPECIMEN.replace("L898902C36", "L898902C37");

        JsonNode result = admin().post("/api/v1/documents/mrz", ApiClient.json(Map.of("mrz", broken))).json();

        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("errors").get(0).get("code").asString()).isEqualTo("DOCUMENT_NUMBER_CHECK_DIGIT");
    }

    @Test
    void rejectsAMissingZoneWithAProblemNamingTheField() {
        ApiClient.Response response = admin().post("/api/v1/documents/mrz", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("fields").get(0).get("field").asString()).isEqualTo("mrz");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        ApiClient.Response response = admin().post("/api/v1/documents/mrz", "P<UTO");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:manfadh:problem:unreadable-body");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void rejectsAZoneLongerThanAnyDocument() {
        ApiClient.Response response = admin().post("/api/v1/documents/mrz",
                ApiClient.json(Map.of("mrz", "<".repeat(5000))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:manfadh:problem:invalid-fields");
    }
}
