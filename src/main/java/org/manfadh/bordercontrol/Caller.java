package org.manfadh.bordercontrol;

import java.util.Set;

/** Who is asking: an authenticated user and their roles ({@code OFFICER}, {@code SUPERVISOR} ...). */
public record Caller(String username, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(java.util.Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isSupervisor() {
        return roles.contains("SUPERVISOR") || roles.contains("ADMIN");
    }
}
