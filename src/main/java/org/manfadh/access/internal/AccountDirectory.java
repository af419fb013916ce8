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
import org.manfadh.access.SharedData;
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

    private record Remembered(Jurisdiction jurisdiction, ReadScope own, long expiresAtMillis) {
    }

    private final UserAccounts accounts;
    private final ReferenceData referenceData;
    private final Clock clock;
    private final Duration timeToLive;
    private final Set<SharedData> shared;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    AccountDirectory(UserAccounts accounts, ReferenceData referenceData, Clock clock,
                     @Value("${manfadh.access.jurisdiction-cache-ttl:10s}") Duration timeToLive,
                     @Value("${manfadh.access.shared-between-authorities:}") String shared) {
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
            return new Remembered(Jurisdiction.NONE, new ReadScope(false, Set.of()), 0);
        }
        long now = clock.millis();
        Remembered hit = remembered.get(username);
        if (hit != null && hit.expiresAtMillis() > now) {
            return hit;
        }
        Jurisdiction jurisdiction = accounts.find(username).filter(UserAccounts.UserAccount::enabled)
                .map(UserAccounts.UserAccount::jurisdiction).orElse(Jurisdiction.NONE);
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        Remembered fresh = new Remembered(jurisdiction, jurisdiction.isNational() ? ReadScope.EVERYWHERE
                : scope(jurisdiction), now + timeToLive.toMillis());
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
        return remembered(username).own();
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
