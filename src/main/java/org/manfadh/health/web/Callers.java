package org.manfadh.health.web;

import java.util.stream.Collectors;

import org.manfadh.bordercontrol.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user as the register's reads know a caller. */
final class Callers {

    private Callers() {
    }

    static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet()));
    }
}
