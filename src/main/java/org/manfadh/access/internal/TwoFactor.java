package org.manfadh.access.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.manfadh.access.Role;
import org.manfadh.access.SecondFactors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Second factors: an account's secret shared with its owner's authenticator app, its enrolment
 * confirmed by a first code, and codes accepted once each. Required, when
 * {@code manfadh.security.two-factor.required} is on (by default outside demo mode), of the
 * headquarters roles that reach national data: administrators, watchlist managers and analysts.
 * Any account may enrol; an enrolled account always needs its code.
 */
@Service
class TwoFactor implements SecondFactors {

    /** Roles that reach national data from headquarters: their accounts need a second factor when required. */
    static final Set<Role> HEADQUARTERS_ROLES = EnumSet.of(Role.ADMIN, Role.WATCHLIST_MANAGER, Role.ANALYST);

    static final String ISSUER = "Manfadh";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final boolean required;
    private final SecureRandom random = new SecureRandom();

    TwoFactor(JdbcClient jdbc, UserAccounts accounts, Clock clock,
              @Value("${manfadh.security.two-factor.required:}") String required,
              @Value("${manfadh.demo:true}") boolean demo) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.required = required.isBlank() ? !demo : Boolean.parseBoolean(required.strip());
    }

    /** Whether the configuration requires a second factor of accounts with these roles. */
    boolean requiredFor(Set<Role> roles) {
        return required && roles.stream().anyMatch(HEADQUARTERS_ROLES::contains);
    }

    public boolean enrolled(String username) {
        return jdbc.sql("select count(*) from access.two_factor where username = :u and confirmed_at is not null")
                .param("u", username).query(Long.class).single() > 0;
    }

    /** Whether a sign-in of this account needs a code: it is enrolled, or its roles require it. */
    boolean needed(String username) {
        return enrolled(username)
                || accounts.find(username).map(a -> requiredFor(a.roles())).orElse(false);
    }

    @Override
    public Status status(String username) {
        var row = jdbc.sql("select secret, confirmed_at from access.two_factor where username = :u")
                .param("u", username).query((rs, n) -> new Object[] {rs.getBytes("secret"),
                        rs.getObject("confirmed_at", OffsetDateTime.class)}).optional();
        boolean isRequired = accounts.find(username).map(a -> requiredFor(a.roles())).orElse(false);
        if (row.isEmpty()) {
            return new Status(false, null, isRequired, Optional.empty());
        }
        OffsetDateTime confirmed = (OffsetDateTime) row.get()[1];
        if (confirmed != null) {
            return new Status(true, confirmed.toInstant(), isRequired, Optional.empty());
        }
        byte[] secret = (byte[]) row.get()[0];
        return new Status(false, null, isRequired,
                Optional.of(new Enrolment(Totp.base32(secret), Totp.uri(ISSUER, username, secret))));
    }

    /**
     * Starts (or shows again) an enrolment: a new secret, kept until the first code confirms it. An
     * account already enrolled keeps its factor: an administrator resets it first.
     */
    @Transactional
    @Override
    public Optional<Enrolment> start(String username) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        jdbc.sql("""
                insert into access.two_factor (username, secret, created_at) values (:u, :secret, :now)
                on conflict (username) do nothing
                """).param("u", username).param("secret", secret).param("now", utc(clock.instant())).update();
        return status(username).pending();
    }

    /** Confirms an enrolment with the first code the app shows; true when it matched. */
    @Transactional
    @Override
    public boolean confirm(String username, String code) {
        Optional<byte[]> pending = jdbc.sql(
                        "select secret from access.two_factor where username = :u and confirmed_at is null for update")
                .param("u", username).query((rs, n) -> rs.getBytes(1)).optional();
        if (pending.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(pending.get(), code, now);
        if (step.isEmpty()) {
            return false;
        }
        jdbc.sql("update access.two_factor set confirmed_at = :now, last_used_step = :step where username = :u")
                .param("u", username).param("now", utc(now)).param("step", step.getAsLong()).update();
        // Sessions and remembered sign-ins from before the factor end: they did not give a code.
        accounts.endSessions(username);
        return true;
    }

    /**
     * Checks a code of an enrolled account and uses it up: a code is accepted once, and never one
     * of a step at or before the last accepted (replay), on any server sharing the database.
     */
    boolean verify(String username, String code) {
        Optional<byte[]> secret = jdbc.sql(
                        "select secret from access.two_factor where username = :u and confirmed_at is not null")
                .param("u", username).query((rs, n) -> rs.getBytes(1)).optional();
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get(), code, clock.instant());
        return step.isPresent() && jdbc.sql("""
                update access.two_factor set last_used_step = :step
                 where username = :u and confirmed_at is not null and last_used_step < :step
                """).param("u", username).param("step", step.getAsLong()).update() == 1;
    }

    /** Removes an account's second factor (a lost phone); it enrols again at its next sign-in if required. */
    @Transactional
    public boolean reset(String username) {
        boolean removed = jdbc.sql("delete from access.two_factor where username = :u").param("u", username)
                .update() == 1;
        if (removed) {
            accounts.endSessions(username);
        }
        return removed;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
