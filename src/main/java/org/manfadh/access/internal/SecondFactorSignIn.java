package org.manfadh.access.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.manfadh.access.SecondFactors;
import org.manfadh.access.TwoFactorSignIn;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The sign-in form's second step. A right password of an account that needs a second factor does
 * not sign the session in: the session holds only who is half-way (for five minutes), and is signed
 * in once the code is given (or, for an account whose roles require a factor it does not have yet,
 * once it is set up and confirmed by its first code). Until then every screen but these sends the
 * browser to the sign-in page, as for anyone not signed in.
 */
@Component
class SecondFactorSignIn implements TwoFactorSignIn {

    /** What a session half-way through signing in holds. */
    record Pending(String username, Instant since) implements Serializable {
    }

    static final String PENDING = SecondFactorSignIn.class.getName() + ".PENDING";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final TwoFactor twoFactor;
    private final UserAccounts accounts;
    private final UserDetailsService users;
    private final LanguagePreferences languages;
    private final SignInFailures failures;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SecondFactorSignIn(TwoFactor twoFactor, UserAccounts accounts, UserDetailsService users, LanguagePreferences languages,
                       SignInFailures failures, SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.users = users;
        this.languages = languages;
        this.failures = failures;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * After a right password on the form: when the account needs a second factor, undoes the
     * sign-in, keeps who is half-way in the session and returns the page that asks for the code.
     */
    Optional<String> holdForSecondFactor(HttpServletRequest request, HttpServletResponse response, String username) {
        if (!twoFactor.needed(username)) {
            return Optional.empty();
        }
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.getSession().setAttribute(PENDING, new Pending(username, clock.instant()));
        return Optional.of(twoFactor.enrolled(username) ? "/login/code" : "/login/enrol");
    }

    /** Who is half-way through signing in on this session, if anyone (and not for too long). */
    @Override
    public Optional<String> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.since().plus(PATIENCE).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending.username());
    }

    /** The second step with a code from the app; a wrong code counts as a failed sign-in. */
    @Override
    public Outcome withCode(HttpServletRequest request, HttpServletResponse response, String code) {
        return secondStep(request, response, username -> twoFactor.verify(username, code), "sign-in: second factor");
    }

    /** An account whose roles require a second factor sets it up half-way through signing in. */
    @Override
    public Optional<SecondFactors.Enrolment> startEnrolment(HttpServletRequest request) {
        return pending(request).filter(u -> !twoFactor.enrolled(u)).flatMap(twoFactor::start);
    }

    /** Confirms the enrolment begun half-way through signing in, and signs the session in. */
    @Override
    public Outcome confirmEnrolment(HttpServletRequest request, HttpServletResponse response, String code) {
        return secondStep(request, response, username -> twoFactor.confirm(username, code),
                "sign-in: second factor set up");
    }

    /** The pending sign-in completed when the code passes {@code check}; a wrong code counts as a failed sign-in. */
    private Outcome secondStep(HttpServletRequest request, HttpServletResponse response,
                               java.util.function.Predicate<String> check, String what) {
        Optional<String> username = pending(request);
        if (username.isEmpty()) {
            return Outcome.NOTHING_PENDING;
        }
        Optional<Outcome> refused = refusedBeforeTheCode(request, username.get());
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!check.test(username.get())) {
            return failed(request, username.get());
        }
        signIn(request, response, username.get(), what);
        return Outcome.SIGNED_IN;
    }

    /**
     * A signed-in user confirmed their own new second factor, which ended their sessions: this one
     * carries on, signed in afresh under the account's new version.
     */
    @Override
    public void renew(HttpServletRequest request, HttpServletResponse response, String username) {
        store(request, response, username);
    }

    /** Where to go once signed in: the page first asked for, or the start page. */
    @Override
    public String next(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        if (saved != null) {
            savedRequests.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return "/";
    }

    /** A code is not looked at from an address that must wait, or for an account locked for it. */
    private Optional<Outcome> refusedBeforeTheCode(HttpServletRequest request, String username) {
        String address = request.getRemoteAddr();
        if (throttle.waitFor(address).isPresent()) {
            return Optional.of(Outcome.THROTTLED);
        }
        if (accounts.lockedUntil(username, address, clock.instant()).isPresent()) {
            request.getSession().removeAttribute(PENDING);
            return Optional.of(Outcome.LOCKED);
        }
        return Optional.empty();
    }

    private Outcome failed(HttpServletRequest request, String username) {
        try {
            failures.failed(username, request.getRemoteAddr(), "sign-in: wrong or used second-factor code");
            return Outcome.WRONG_CODE;
        } catch (LockedException locked) {
            request.getSession().removeAttribute(PENDING);
            return Outcome.LOCKED;
        }
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, String username, String what) {
        request.getSession().removeAttribute(PENDING);
        // A new session id for the signed-in session, as at the first step.
        request.changeSessionId();
        store(request, response, username);
        accounts.recordSuccess(username, request.getRemoteAddr());
        languages.applyAtSignIn(request, response, username);
        audit.record(AuditLog.Action.SIGN_IN, username, request.getRemoteAddr(), what, List.of(), 200);
    }

    private void store(HttpServletRequest request, HttpServletResponse response, String username) {
        UserDetails account = users.loadUserByUsername(username);
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                account, null, account.getAuthorities());
        authentication.setDetails(new WebAuthenticationDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
