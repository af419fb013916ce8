package org.manfadh.access.internal;

import java.util.EnumSet;
import java.util.Set;

import org.manfadh.access.Jurisdiction;
import org.manfadh.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in, and that nobody can with a published password: in demo mode the
 * demo accounts exist from the first start; outside it, the start is refused while any well-known
 * account still has the demo password, and the first administrator comes from
 * {@code manfadh.admin.initial-password}.
 */
@Component
class AccountsBootstrap implements InitializingBean {

    static final String DEMO_PASSWORD = "manfadh-demo";

    /** The names demo accounts carry; checked outside demo mode for the demo password. */
    static final Set<String> DEMO_USERNAMES = Set.of("admin", "officer", "supervisor", "analyst",
            "watchlist_manager", "health_officer", "capacity_manager", "node", "officer_kri",
            "health_officer_zrb");

    /** Where the demo accounts work: the booth accounts at Zurbatiyah (federal, Wasit), the rest national. */
    static final Jurisdiction ZURBATIYAH = Jurisdiction.borderPoint(Jurisdiction.Scope.FEDERAL, "ZRB");
    static final Jurisdiction IBRAHIM_KHALIL = Jurisdiction.borderPoint(Jurisdiction.Scope.KRI, "IBK");

    private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final boolean demo;
    private final String initialAdminPassword;

    AccountsBootstrap(UserAccounts accounts, PasswordEncoder passwords,
                      @Value("${manfadh.demo:true}") boolean demo,
                      @Value("${manfadh.admin.initial-password:}") String initialAdminPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.demo = demo;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    public void afterPropertiesSet() {
        if (demo) {
            String hash = passwords.encode(DEMO_PASSWORD);
            if (accounts.createIfAbsent("admin", hash, EnumSet.allOf(Role.class))) {
                log.warn("Demo mode: created account 'admin' with password '{}'. Set manfadh.demo=false in production.",
                        DEMO_PASSWORD);
            }
            // One account a role, named after it, for trying each user's view of the system.
            for (Role role : Role.values()) {
                if (role != Role.ADMIN) {
                    Jurisdiction where = role == Role.OFFICER || role == Role.SUPERVISOR ? ZURBATIYAH
                            : Jurisdiction.NATIONAL;
                    accounts.createIfAbsent(role.name().toLowerCase(java.util.Locale.ROOT), hash, EnumSet.of(role),
                            where);
                }
            }
            // An officer of the other authority, at Ibrahim Khalil, to see what each authority sees.
            accounts.createIfAbsent("officer_kri", hash, EnumSet.of(Role.OFFICER), IBRAHIM_KHALIL);
            // The port health officer at Zurbatiyah, who decides holds at its post (the national one reads
            // everywhere but is not sent to posts).
            accounts.createIfAbsent("health_officer_zrb", hash, EnumSet.of(Role.HEALTH_OFFICER), ZURBATIYAH);
            return;
        }
        for (UserAccounts.UserAccount account : accounts.findAll(DEMO_USERNAMES)) {
            if (passwords.matches(DEMO_PASSWORD, account.passwordHash())) {
                throw new IllegalStateException("Account '" + account.username()
                        + "' still has the published demo password. Outside demo mode Manfadh does not start "
                        + "until it is changed or the account removed.");
            }
        }
        if (accounts.count() == 0) {
            if (initialAdminPassword.isBlank()) {
                log.warn("No accounts exist and manfadh.admin.initial-password is not set: nobody can sign in.");
            } else if (initialAdminPassword.length() < 12 || initialAdminPassword.equals(DEMO_PASSWORD)) {
                throw new IllegalStateException(
                        "manfadh.admin.initial-password must have at least 12 characters and not be the demo password.");
            } else {
                accounts.createIfAbsent("admin", passwords.encode(initialAdminPassword), EnumSet.of(Role.ADMIN));
                log.info("Created the first administrator account 'admin' from manfadh.admin.initial-password.");
            }
        }
    }
}
