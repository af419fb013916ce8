package org.manfadh.access.internal;

import org.springframework.security.core.AuthenticationException;

/** A right password of an account that needs a second factor, without a good code. */
class SecondFactorException extends AuthenticationException {

    enum Kind {
        /** No code was sent. */
        MISSING,
        /** The code was wrong, or used already. */
        REJECTED,
        /** The account must have a second factor and has none yet: it enrols on the screens. */
        NOT_ENROLLED
    }

    private final Kind kind;

    SecondFactorException(Kind kind) {
        super("Second factor " + kind);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
