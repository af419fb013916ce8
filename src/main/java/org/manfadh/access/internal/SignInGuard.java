package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private Consumer<String> onLock = username -> { };

    SignInGuard(AuthenticationProvider delegate, UserAccounts accounts, SignInThrottle throttle, AuditLog audit,
                Clock clock, int maxFailures, Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("manfadh.security.lockout.max-failures must be 1 or more");
        }
        this.delegate = delegate;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** Called with the username when an account gets locked (to forget its remembered sign-ins). */
    void onLock(Consumer<String> action) {
        this.onLock = action;
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
            failed(username, client, "sign-in: bad credentials");
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
            accounts.recordSuccess(result.getName(), client);
            audit.record(AuditLog.Action.SIGN_IN, result.getName(), client, "sign-in", List.of(), 200);
        }
        return result;
    }

    /**
     * Counts a failed sign-in (a wrong password, or a wrong second-factor code) against the account
     * from this address and against the address; throws when the account got locked for it.
     */
    void failed(String username, String client, String what) {
        Instant now = clock.instant();
        boolean locked = username != null
                && accounts.recordFailure(username, client, maxFailures, now, now.plus(lockDuration));
        if (locked) {
            onLock.accept(username);
        }
        throttle.recordFailure(client);
        audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client,
                locked ? what + ", account locked" : what, List.of(), 401);
        if (locked) {
            throw new LockedException("Account locked after too many failed sign-ins");
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
