package org.manfadh.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ManfadhIntegrationTest
class ApiSecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void refusesAnAnonymousApiCallWithProblemJson() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/border-points");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:manfadh:problem:unauthenticated");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void refusesAWrongPasswordWithProblemJson() {
        ApiClient.Response response = new ApiClient(port).as("admin", "wrong-password").get("/api/v1/border-points");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAnUnknownAccountAndAMalformedAuthorizationHeader() {
        assertThat(new ApiClient(port).as("nobody", "manfadh-demo").get("/api/v1/countries").status()).isEqualTo(401);

        ApiClient.Response malformed = new ApiClient(port).send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/v1/countries"))
                .header("Authorization", "Basic !!!not-base64!!!").GET());
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void letsTheDemoAdministratorCallTheApiWithoutCsrfToken() {
        ApiClient admin = new ApiClient(port).asDemoAdmin();

        assertThat(admin.get("/api/v1/border-points").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/documents/mrz", "{\"mrz\":\"x\"}").status()).isEqualTo(200);
    }

    @Test
    void createsNoSessionForApiCalls() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/governorates")).GET();
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().send(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void answersHealthAnonymously() {
        ApiClient.Response response = new ApiClient(port).get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void keepsMetricsForAdministrators() {
        assertThat(new ApiClient(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(new ApiClient(port).asDemoAdmin().get("/actuator/prometheus").status()).isEqualTo(200);
    }
}
