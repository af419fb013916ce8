package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.authentication.LockedException;

/**
 * Counts a failed sign-in — a wrong password, or a wrong or used second-factor code — against the
 * account from its client address (locking it for that address at the limit) and against the
 * address (see {@link SignInThrottle}), and records it in the audit trail.
 */
class SignInFailures {

    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private volatile Consumer<String> onLock = username -> { };

    SignInFailures(UserAccounts accounts, SignInThrottle throttle, AuditLog audit, Clock clock, int maxFailures,
                   Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("manfadh.security.lockout.max-failures must be 1 or more");
        }
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

    /** Counts the failure; throws {@link LockedException} when it locked the account for this address. */
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
}
