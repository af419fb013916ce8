package org.manfadh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.manfadh.ApiClient;
import org.manfadh.ManfadhIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests under /api that no operation takes are answered as problem+json, like every other error. */
@ManfadhIntegrationTest
class UnmatchedApiRequestsIntegrationTests {

    @LocalServerPort
    int port;

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:manfadh:problem:" + type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("timestamp", "Exception", "static resource");
    }

    @Test
    void answersAnUnknownPathWithNotFoundProblem() {
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().get("/api/v1/no-such-thing");

        assertProblem(response, 404, "not-found");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertThat(response.json().get("detail").asString()).contains("GET /api/v1/no-such-thing");
        assertThat(new ApiClient(port).asDemoAdmin().post("/api/v2/crossings", "{}").status()).isEqualTo(404);
    }

    @Test
    void answersAMethodThePathDoesNotTakeWithMethodNotAllowedProblem() {
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().send(request("/api/v1/crossings").DELETE());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET", "POST");
        assertProblem(new ApiClient(port).asDemoAdmin().send(request("/api/v1/countries")
                .PUT(HttpRequest.BodyPublishers.ofString("[]"))), 405, "method-not-allowed");
    }

    @Test
    void answersABodyTypeTheOperationDoesNotReadWithUnsupportedMediaTypeProblem() {
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().send(request("/api/v1/documents/mrz")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("P<UTO")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void answersAnAnswerTypeTheOperationCannotGiveWithNotAcceptableProblem() {
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().send(request("/api/v1/countries")
                .header("Accept", "application/xml").GET());

        assertProblem(response, 406, "not-acceptable");
    }

    @Test
    void refusesAnAnonymousCallerBeforeLookingForThePath() {
        assertProblem(new ApiClient(port).get("/api/v1/no-such-thing"), 401, "unauthenticated");
        assertProblem(new ApiClient(port).send(request("/api/v1/crossings").DELETE()), 401, "unauthenticated");
    }

    @Test
    void leavesTheScreensTheirErrorPage() {
        ApiClient.Response response = new ApiClient(port).asDemoAdmin().send(request("/no-such-screen")
                .header("Accept", "text/html").GET());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
    }
}
