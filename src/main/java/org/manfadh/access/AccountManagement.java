package org.manfadh.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;

/**
 * Accounts as administrators keep them: created, listed, and changed in roles, jurisdiction,
 * password, second factor and whether they may sign in. A refusal is a
 * {@link org.manfadh.platform.Rejection} naming the fields at fault; nothing has changed then.
 */
public interface AccountManagement {

    record JurisdictionInput(String authority, Set<String> governorates, Set<String> borderPoints) {
    }

    record NewAccount(String username, String password, Set<String> roles, JurisdictionInput jurisdiction) {
    }

    /** What an administrator changes; {@code resetTwoFactor} removes a second factor (a lost phone). */
    record AccountChange(Set<String> roles, JurisdictionInput jurisdiction, Boolean enabled, String password,
                         Boolean unlock, Boolean resetTwoFactor) {
    }

    record AccountView(String username, List<Role> roles, Jurisdiction jurisdiction, boolean enabled,
                       boolean locked, Instant lockedUntil, int failedSignIns, Instant createdAt,
                       boolean twoFactor) {
    }

    /** An account as the list of users shows it, by name, with its roles and language; no secrets. */
    record Listed(String username, List<Role> roles, boolean enabled, String language, Instant createdAt,
                  boolean twoFactor) {
    }

    /** The accounts by name, as the users screen lists them. */
    Page<Listed> listing(PageRequest page);

    Page<AccountView> page(PageRequest page);

    AccountView get(String username);

    AccountView create(NewAccount request);

    /** Changes an account; {@code by} is the administrator, who may not change their own roles, jurisdiction or state. */
    AccountView change(String username, AccountChange request, String by);
}
