package org.manfadh.access;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form's second step, for an account that needs a second factor: the session holds who
 * is half-way through signing in until the code is given (or the factor is set up and confirmed).
 */
public interface TwoFactorSignIn {

    /** How a second step ended. */
    enum Outcome {
        SIGNED_IN,
        WRONG_CODE,
        LOCKED,
        THROTTLED,
        NOTHING_PENDING
    }

    /** Who is half-way through signing in on this session, if anyone (and not for too long). */
    Optional<String> pending(HttpServletRequest request);

    /** The second step with a code from the app; a wrong code counts as a failed sign-in. */
    Outcome withCode(HttpServletRequest request, HttpServletResponse response, String code);

    /** An account whose roles require a second factor sets it up half-way through signing in. */
    Optional<SecondFactors.Enrolment> startEnrolment(HttpServletRequest request);

    /** Confirms the enrolment begun half-way through signing in, and signs the session in. */
    Outcome confirmEnrolment(HttpServletRequest request, HttpServletResponse response, String code);

    /** A signed-in user confirmed their own new second factor: this session carries on, signed in afresh. */
    void renew(HttpServletRequest request, HttpServletResponse response, String username);

    /** Where to go once signed in: the page first asked for, or the start page. */
    String next(HttpServletRequest request, HttpServletResponse response);
}
