package org.manfadh.access.internal;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a sign-in: the account as it was when its password was verified, with the
 * version it had then. A session or a remembered sign-in whose version is no longer the account's
 * is over (see {@link AccountVersionCheck}).
 */
class SignedInAccount extends User {

    private final long version;

    SignedInAccount(String username, String passwordHash, boolean enabled,
                    Collection<? extends GrantedAuthority> authorities, long version) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.version = version;
    }

    long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
