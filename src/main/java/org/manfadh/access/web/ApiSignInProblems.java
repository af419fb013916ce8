package org.manfadh.access.web;

import java.io.IOException;
import java.net.URI;

import org.manfadh.platform.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers to a caller refused before any controller sees the request (no or wrong
 * credentials, a locked account, a second factor missing, too many failed sign-ins, roles that do
 * not allow the request), as problem+json with stable types. The security filter chain decides
 * which; this writes it.
 */
public final class ApiSignInProblems {

    private final JsonMapper json;

    public ApiSignInProblems(JsonMapper json) {
        this.json = json;
    }

    public void tooManySignIns(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many failed sign-ins came from this address. Wait " + retryAfterSeconds
                        + " seconds (Retry-After) before the next attempt.");
    }

    /** @param codeHeader the request header that carries the authenticator app's code */
    public void secondFactorRequired(HttpServletRequest request, HttpServletResponse response, String codeHeader)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "second-factor-required", "Second factor required",
                "This account signs in with a second factor: send the code its authenticator app shows now in the "
                        + codeHeader + " header.");
    }

    public void secondFactorRejected(HttpServletRequest request, HttpServletResponse response, String codeHeader)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "second-factor-rejected", "Second factor rejected",
                "The code in " + codeHeader + " is wrong or was used already: send the code the authenticator app "
                        + "shows now.");
    }

    public void secondFactorNotEnrolled(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "second-factor-not-enrolled", "Second factor not set up",
                "This account's roles need a second factor: sign in on the screens once to set it up.");
    }

    public void accountLocked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "account-locked", "Account locked",
                "This account is locked after too many failed sign-ins. Try again later, or ask an administrator "
                        + "to unlock it.");
    }

    public void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "This API needs an account: send HTTP Basic credentials of a valid, enabled account.");
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your account's roles do not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String title, String detail) throws IOException {
        ProblemDetail problem = ApiProblems.detail(status, type, title, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unusualPath) {
            // The problem stands without an instance.
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
