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
 * Stands in front of password verification, for the API and the screens alike: counts consecutive
 * failed sign-ins and locks the account for a while at the limit, and records every verified
 * sign-in and every failure in the audit trail. Sign-ins answered from the verified-credentials
 * cache do not get here, so an API client calling many times a second leaves one sign-in, not one
 * a request. A locked account is refused before its password is looked at, so the answer is the
 * same whether the password was right or not.
 */
class SignInGuard implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private Consumer<String> onLock = username -> { };

    SignInGuard(AuthenticationProvider delegate, UserAccounts accounts, AuditLog audit, Clock clock, int maxFailures,
                Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("manfadh.security.lockout.max-failures must be 1 or more");
        }
        this.delegate = delegate;
        this.accounts = accounts;
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
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            Instant now = clock.instant();
            boolean locked = accounts.recordFailure(username, maxFailures, now, now.plus(lockDuration));
            if (locked) {
                onLock.accept(username);
            }
            audit.record(AuditLog.Action.SIGN_IN_FAILED, username, client,
                    locked ? "sign-in: bad credentials, account locked" : "sign-in: bad credentials", List.of(), 401);
            if (locked) {
                throw new LockedException("Account locked after too many failed sign-ins");
            }
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
            accounts.recordSuccess(result.getName());
            audit.record(AuditLog.Action.SIGN_IN, result.getName(), client, "sign-in", List.of(), 200);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private static String shorten(String username) {
        return username == null ? null : username.length() > 100 ? username.substring(0, 100) : username;
    }
}
