package org.manfadh.access.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Stands in front of password verification, for the API and the screens alike: makes a client
 * address that keeps failing wait (see {@link SignInThrottle}), counts consecutive failed sign-ins
 * of an account from one address and locks the account for that address for a while at the limit
 * (a stranger guessing elsewhere does not lock its owner out), and records every verified
 * sign-in and every failure in the audit trail. Sign-ins answered from the verified-credentials
 * cache do not get here, so an API client calling many times a second leaves one sign-in, not one
 * a request. A locked account is refused before its password is looked at, so the answer is the
 * same whether the password was right or not.
 */
class SignInGuard implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final SignInFailures failures;
    private final TwoFactor twoFactor;
    private final AuditLog audit;
    private final Clock clock;

    SignInGuard(AuthenticationProvider delegate, UserAccounts accounts, SignInThrottle throttle,
                SignInFailures failures, TwoFactor twoFactor, AuditLog audit, Clock clock) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.throttle = throttle;
        this.failures = failures;
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = shorten(authentication.getName());
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client, "sign-in: address throttled", List.of(), 429);
            throw new SignInThrottledException(wait.get());
        }
        if (username != null && accounts.lockedUntil(username, client, clock.instant()).isPresent()) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client, "sign-in: account locked", List.of(), 401);
            throw new LockedException("Account locked after too many failed sign-ins");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            failures.failed(username, client, "sign-in: bad credentials");
            throw wrong;
        } catch (LockedException locked) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client, "sign-in: account locked", List.of(), 401);
            throw locked;
        } catch (AuthenticationException other) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client,
                    "sign-in: " + other.getClass().getSimpleName(), List.of(), 401);
            throw other;
        }
        if (result != null && result.isAuthenticated()) {
            checkSecondFactor(result.getName(), client, authentication.getDetails());
            if (authentication.getDetails() instanceof SignInDetails signIn && signIn.form()
                    && twoFactor.needed(result.getName())) {
                // The failures counted so far stand until the code is right too: a password typed
                // again must not buy more guesses at the code.
                audit.record(AuditLog.Action.SIGN_IN, result.getName(), client,
                        "sign-in: password, second factor awaited", List.of(), 200);
                return result;
            }
            accounts.recordSuccess(result.getName(), client);
            audit.record(AuditLog.Action.SIGN_IN, result.getName(), client, "sign-in", List.of(), 200);
        }
        return result;
    }

    /**
     * With HTTP Basic, an account that needs a second factor sends its current code with the
     * password; the sign-in form asks for it on a page of its own after the password (see
     * {@link SecondFactorSignIn}). A wrong or used code counts as a failed sign-in.
     */
    private void checkSecondFactor(String username, String client, Object details) {
        if (details instanceof SignInDetails signIn && signIn.form() || !twoFactor.needed(username)) {
            return;
        }
        String code = details instanceof SignInDetails signIn ? signIn.otp() : null;
        if (!twoFactor.enrolled(username)) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client, "sign-in: second factor not set up",
                    List.of(), 401);
            throw new SecondFactorException(SecondFactorException.Kind.NOT_ENROLLED);
        }
        if (code == null || code.isBlank()) {
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client, "sign-in: second-factor code missing",
                    List.of(), 401);
            throw new SecondFactorException(SecondFactorException.Kind.MISSING);
        }
        if (!twoFactor.verify(username, code)) {
            failures.failed(username, client, "sign-in: wrong or used second-factor code");
            throw new SecondFactorException(SecondFactorException.Kind.REJECTED);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String shorten(String username) {
        return username == null ? null : username.length() > 100 ? username.substring(0, 100) : username;
    }
}
