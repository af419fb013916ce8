package org.manfadh.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session on the screens, without a browser: a cookie jar, the CSRF token of the last
 * form shown, and redirects left for the test to see.
 */
public final class ScreenSession {

    public record Page(int status, String location, String body) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrf;

    public ScreenSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** Posts a form as the page last shown would, with its CSRF token. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Signs in through the form; the answer is the redirect after it, which is then followed as a
     * browser would (its page carries the form token of the signed-in session).
     */
    public Page signIn(String username, String password) {
        get("/login");
        Page answer = post("/login", Map.of("username", username, "password", password));
        if (answer.status() == 302 && !answer.location().isEmpty()) {
            get(URI.create(answer.location()).getRawPath() + (URI.create(answer.location()).getRawQuery() == null
                    ? "" : "?" + URI.create(answer.location()).getRawQuery()));
        }
        return answer;
    }

    private Page send(HttpRequest.Builder request) {
        // As a browser asks for a page, so that a refusal is the redirect a browser gets.
        request.header("Accept", "text/html,application/xhtml+xml");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
