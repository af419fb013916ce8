package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.manfadh.access.Accounts;
import org.manfadh.access.Jurisdiction;
import org.manfadh.access.ReadScope;
import org.manfadh.access.Role;
import org.manfadh.access.SharedData;
import org.manfadh.platform.NodeRole;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Jurisdictions for the modules that read records. Every API call asks, so the answer is kept in
 * memory for a few seconds per account and dropped at once when an administrator changes it.
 */
@Service
class AccountDirectory implements Accounts {

    /** What is remembered of an account: its jurisdiction, the border points it reads and those it records at. */
    private record Remembered(Jurisdiction jurisdiction, ReadScope own, ReadScope work, long expiresAtMillis) {
    }

    private final UserAccounts accounts;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final Duration timeToLive;
    private final Set<SharedData> shared;
    private final NodeRole node;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    AccountDirectory(UserAccounts accounts, ReferenceData referenceData, Clock clock,
                     @Value("${manfadh.access.jurisdiction-cache-ttl:10s}") Duration timeToLive,
                     @Value("${manfadh.access.shared-between-authorities:}") String shared, NodeRole node) {
        this.node = node;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.shared = parse(shared);
    }

    static Set<SharedData> parse(String setting) {
        EnumSet<SharedData> kinds = EnumSet.noneOf(SharedData.class);
        for (String part : setting.split(",")) {
            if (!part.isBlank()) {
                try {
                    kinds.add(SharedData.valueOf(part.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("manfadh.access.shared-between-authorities: '" + part.strip()
                            + "' is none of " + EnumSet.allOf(SharedData.class) + ".");
                }
            }
        }
        return Set.copyOf(kinds);
    }

    @Override
    public Jurisdiction jurisdictionOf(String username) {
        return remembered(username).jurisdiction();
    }

    private Remembered remembered(String username) {
        if (username == null) {
            return new Remembered(Jurisdiction.NONE, new ReadScope(false, Set.of()), new ReadScope(false, Set.of()), 0);
        }
        long now = clock.millis();
        Remembered hit = remembered.get(username);
        if (hit != null && hit.expiresAtMillis() > now) {
            return hit;
        }
        java.util.Optional<UserAccounts.UserAccount> account = accounts.find(username)
                .filter(UserAccounts.UserAccount::enabled);
        Jurisdiction jurisdiction = account.map(UserAccounts.UserAccount::jurisdiction).orElse(Jurisdiction.NONE);
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        ReadScope own = jurisdiction.isNational() ? ReadScope.EVERYWHERE : scope(jurisdiction);
        ReadScope work = own;
        if (node.post()) {
            // A post records for its own border point, and only by the accounts headquarters sends it: what
            // anyone else made there, headquarters would refuse.
            boolean sentHere = account.isPresent() && referenceData.borderPoint(node.borderPoint())
                    .filter(point -> AccountReplicas.assignedTo(account.get(), point)).isPresent();
            work = new ReadScope(false, sentHere ? Set.of(node.borderPoint()) : Set.of());
        }
        Remembered fresh = new Remembered(jurisdiction, own, work, now + timeToLive.toMillis());
        remembered.put(username, fresh);
        return fresh;
    }

    @Override
    public ReadScope readScope(String username, SharedData kind) {
        Remembered r = remembered(username);
        if (r.jurisdiction() != Jurisdiction.NONE && r.jurisdiction().isWholeAuthority() && shared.contains(kind)) {
            return ReadScope.EVERYWHERE;
        }
        return r.own();
    }

    @Override
    public ReadScope workScope(String username) {
        return remembered(username).work();
    }

    @Override
    public ReadScope ownScope(String username) {
        return remembered(username).own();
    }

    @Override
    public Set<Role> rolesAtPost(String username, String borderPoint) {
        if (username == null || borderPoint == null) {
            return Set.of();
        }
        return referenceData.borderPoint(borderPoint).flatMap(point -> accounts.find(username)
                        .filter(a -> !a.roles().contains(Role.NODE) && AccountReplicas.assignedTo(a, point)))
                .map(a -> Set.copyOf(a.roles())).orElse(Set.of());
    }

    @Override
    public boolean exists(String username) {
        return username != null && accounts.find(username).isPresent();
    }

    private ReadScope scope(Jurisdiction j) {
        return new ReadScope(false, referenceData.borderPoints().stream()
                .filter(p -> j.covers(p.authority(), p.governorate(), p.code()))
                .map(BorderPoint::code).collect(Collectors.toSet()));
    }

    /** Forgets what is remembered of an account, when it changes. */
    void forget(String username) {
        remembered.remove(username);
    }
}
