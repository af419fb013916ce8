package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as served at /v3/api-docs says how to authenticate and what fails, for every
 * operation under /api: a generated client knows its security and its problem+json errors.
 */
@ManfadhIntegrationTest
class OpenApiDocumentIntegrationTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        ApiClient.Response response = new ApiClient(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
    }

    private record Op(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> apiOperations() {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Op(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(40);
        return operations;
    }

    /** A response, following a reference to the document's components. */
    private JsonNode resolve(JsonNode response) {
        if (response.has("$ref")) {
            String ref = response.get("$ref").asString();
            assertThat(ref).startsWith("#/components/responses/");
            JsonNode target = document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(target.isMissingNode()).as("the component %s exists", ref).isFalse();
            return target;
        }
        return response;
    }

    private boolean isProblemJson(JsonNode response) {
        JsonNode problem = resolve(response).path("content").path("application/problem+json");
        return !problem.isMissingNode() && problem.path("schema").path("$ref").asString("")
                .equals("#/components/schemas/Problem");
    }

    @Test
    void declaresHttpBasicAsTheApisSecurityScheme() {
        JsonNode basic = document.path("components").path("securitySchemes").path("basicAuth");

        assertThat(basic.path("type").asString("")).isEqualTo("http");
        assertThat(basic.path("scheme").asString("")).isEqualTo("basic");
        assertThat(document.path("info").path("description").asString("")).contains("HTTP Basic", "JSESSIONID");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("type")).isTrue();
    }

    @Test
    void declaresTheSecondFactorAndTheThrottle() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("secondFactor").path("in").asString("")).isEqualTo("header");
        assertThat(schemes.path("secondFactor").path("name").asString("")).isEqualTo("X-Manfadh-OTP");
        // The screens' session is described, not a scheme: no operation under /api takes it.
        assertThat(schemes.has("screenSession")).isFalse();

        JsonNode unauthorized = document.path("components").path("responses").path("Unauthorized");
        assertThat(unauthorized.path("description").asString("")).contains("second-factor-required",
                "second-factor-rejected", "second-factor-not-enrolled", "X-Manfadh-OTP", "account-locked");
        JsonNode throttled = document.path("components").path("responses").path("TooManySignIns");
        assertThat(throttled.path("headers").has("Retry-After")).isTrue();
        assertThat(throttled.path("description").asString("")).contains("too-many-sign-ins");

        List<String> missing = new ArrayList<>();
        for (Op op : apiOperations()) {
            if (!op.node().path("responses").has("429") || !isProblemJson(op.node().path("responses").get("429"))) {
                missing.add(op + ": 429 problem+json");
            }
            boolean withCode = op.node().path("security").valueStream()
                    .anyMatch(r -> r.has("basicAuth") && r.has("secondFactor"));
            if (!withCode) {
                missing.add(op + ": HTTP Basic with the second factor");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void requiresHttpBasicOnEveryApiOperation() {
        List<Op> without = apiOperations().stream()
                .filter(op -> !op.node().path("security").valueStream()
                        .anyMatch(requirement -> requirement.has("basicAuth")))
                .toList();

        assertThat(without).as("operations without HTTP Basic as their security").isEmpty();
    }

    @Test
    void summarisesEveryApiOperation() {
        List<Op> without = apiOperations().stream()
                .filter(op -> op.node().path("summary").asString("").isBlank())
                .toList();

        assertThat(without).as("operations without a summary").isEmpty();
    }

    @Test
    void documentsTheProblemJsonErrorsOfEveryApiOperation() {
        List<String> missing = new ArrayList<>();
        for (Op op : apiOperations()) {
            JsonNode responses = op.node().path("responses");
            if (!responses.has("401") || !isProblemJson(responses.get("401"))) {
                missing.add(op + ": 401 problem+json");
            }
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (response.getKey().startsWith("4") && !isProblemJson(response.getValue())) {
                    missing.add(op + ": " + response.getKey() + " is not problem+json");
                }
            }
            if (op.path().contains("{") && !responses.has("404")) {
                missing.add(op + ": 404 for the record its path names");
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void documentsTheConflictsAndRefusalsAnOperationDeclares() {
        JsonNode record = document.path("paths").path("/api/v1/crossings").path("post").path("responses");
        JsonNode importFile = document.path("paths").path("/api/v1/watchlists/{id}/imports").path("post").path("responses");
        JsonNode countries = document.path("paths").path("/api/v1/countries").path("get").path("responses");

        assertThat(record.propertyNames()).contains("400", "401", "403", "409", "422");
        assertThat(importFile.propertyNames()).contains("404", "409", "413", "415", "422");
        // Any account may read the reference data, and the list takes no parameters.
        assertThat(countries.propertyNames()).contains("401").doesNotContain("400", "403", "404", "409");
    }
}
