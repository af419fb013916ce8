package org.manfadh.access.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before any password is looked at, because its client address must wait. */
class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins from this address");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
