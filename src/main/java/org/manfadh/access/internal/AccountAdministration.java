package org.manfadh.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.manfadh.access.AccountManagement;
import org.manfadh.access.Jurisdiction;
import org.manfadh.access.Role;
import org.manfadh.platform.Page;
import org.manfadh.platform.PageRequest;
import org.manfadh.platform.Rejection;
import org.manfadh.referencedata.BorderPoint;
import org.manfadh.referencedata.Governorate;
import org.manfadh.referencedata.ReferenceData;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Administrators create accounts and change their roles, jurisdictions, passwords, and whether they may sign in. */
@Service
class AccountAdministration implements AccountManagement {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccounts accounts;
    private final AccountDirectory directory;
    private final VerifiedCredentialsCache credentials;
    private final PasswordEncoder passwords;
    private final ReferenceData referenceData;
    private final TwoFactor twoFactor;
    private final AccountListing listing;
    private final Clock clock;

    AccountAdministration(UserAccounts accounts, AccountDirectory directory, VerifiedCredentialsCache credentials,
                          PasswordEncoder passwords, ReferenceData referenceData, TwoFactor twoFactor,
                          AccountListing listing, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.credentials = credentials;
        this.passwords = passwords;
        this.referenceData = referenceData;
        this.twoFactor = twoFactor;
        this.listing = listing;
        this.clock = clock;
    }

    @Override
    public Page<Listed> listing(PageRequest page) {
        return listing.page(page);
    }

    @Override
    public Page<AccountView> page(PageRequest page) {
        return Page.of(accounts.page(page.size(), page.offset()).stream().map(this::view).toList(), page,
                accounts.count());
    }

    @Override
    public AccountView get(String username) {
        return accounts.find(username).map(this::view).orElseThrow(() -> notFound(username));
    }

    @Override
    public AccountView create(NewAccount request) {
        List<Rejection.Field> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().strip();
        if (!username.matches("[a-z0-9][a-z0-9_.-]{1,63}")) {
            errors.add(new Rejection.Field("username",
                    "must be 2 to 64 characters: lower-case letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        checkPassword(request.password(), errors);
        Set<Role> roles = roles(request.roles(), errors);
        if (request.roles() == null) {
            errors.add(new Rejection.Field("roles", "at least one role is required"));
        }
        if (request.jurisdiction() == null) {
            errors.add(new Rejection.Field("jurisdiction", "is required: an authority (FEDERAL, KRI or NATIONAL), "
                    + "optionally with governorates and border points"));
        }
        Jurisdiction jurisdiction = request.jurisdiction() == null ? null : jurisdiction(request.jurisdiction(), errors);
        if (!errors.isEmpty()) {
            throw Rejection.invalidFields(errors);
        }
        if (!accounts.createIfAbsent(username, passwords.encode(request.password()), roles, jurisdiction)) {
            throw Rejection.conflict("username-taken", "An account named '" + username + "' exists already.");
        }
        return get(username);
    }

    @Override
    public AccountView change(String username, AccountChange request, String by) {
        List<Rejection.Field> errors = new ArrayList<>();
        Set<Role> roles = request.roles() == null ? null : roles(request.roles(), errors);
        Jurisdiction jurisdiction = request.jurisdiction() == null ? null
                : jurisdiction(request.jurisdiction(), errors);
        if (request.password() != null) {
            checkPassword(request.password(), errors);
        }
        if (username.equals(by)) {
            refuseOwnChanges(username, roles, jurisdiction, request.enabled(), errors);
            if (Boolean.TRUE.equals(request.resetTwoFactor())) {
                errors.add(new Rejection.Field("resetTwoFactor",
                        "you cannot remove your own second factor; another administrator can"));
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalidFields(errors);
        }
        boolean changed = accounts.change(username, roles, jurisdiction, request.enabled(),
                request.password() == null ? null : passwords.encode(request.password()),
                Boolean.TRUE.equals(request.unlock()));
        if (!changed) {
            throw notFound(username);
        }
        if (Boolean.TRUE.equals(request.resetTwoFactor())) {
            twoFactor.reset(username);
        }
        // Whatever changed takes effect at the next request, not when a remembered sign-in expires.
        credentials.forget(username);
        directory.forget(username);
        return get(username);
    }

    /**
     * No one changes their own roles, jurisdiction or whether their account is enabled: another
     * administrator does, so that one stolen session cannot widen itself. The same values again
     * are no change and pass.
     */
    private void refuseOwnChanges(String username, Set<Role> roles, Jurisdiction jurisdiction, Boolean enabled,
                                  List<Rejection.Field> errors) {
        UserAccounts.UserAccount own = accounts.find(username).orElse(null);
        if (own == null) {
            return;
        }
        String why = "you cannot change your own roles, jurisdiction or enabled state; another administrator can";
        if (enabled != null && enabled != own.enabled()) {
            errors.add(new Rejection.Field("enabled", why));
        }
        if (roles != null && !roles.isEmpty() && !roles.equals(own.roles())) {
            errors.add(new Rejection.Field("roles", why));
        }
        if (jurisdiction != null && !jurisdiction.equals(own.jurisdiction())) {
            errors.add(new Rejection.Field("jurisdiction", why));
        }
    }

    private static void checkPassword(String password, List<Rejection.Field> errors) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new Rejection.Field("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.length() > 200) {
            errors.add(new Rejection.Field("password", "must have at most 200 characters"));
        } else if (password.equals(AccountsBootstrap.DEMO_PASSWORD)) {
            errors.add(new Rejection.Field("password", "must not be the published demo password"));
        }
    }

    private static Set<Role> roles(Set<String> names, List<Rejection.Field> errors) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new Rejection.Field("roles", "'" + name + "' is not a role; roles are "
                        + EnumSet.allOf(Role.class)));
            }
        }
        if (roles.isEmpty() && errors.stream().noneMatch(f -> f.field().equals("roles"))) {
            errors.add(new Rejection.Field("roles", "at least one role is required"));
        }
        return roles;
    }

    /** A jurisdiction of known codes, each in the authority named (NATIONAL takes any). */
    private Jurisdiction jurisdiction(JurisdictionInput input, List<Rejection.Field> errors) {
        Jurisdiction.Scope scope;
        try {
            scope = Jurisdiction.Scope.valueOf(input.authority() == null ? "" : input.authority().strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Rejection.Field("jurisdiction.authority", "must be FEDERAL, KRI or NATIONAL"));
            return null;
        }
        Jurisdiction j = new Jurisdiction(scope, input.governorates(), input.borderPoints());
        java.util.Map<String, Governorate> governorates = referenceData.governorates().stream()
                .collect(Collectors.toMap(Governorate::code, g -> g));
        for (String g : j.governorates()) {
            Governorate governorate = governorates.get(g);
            if (governorate == null) {
                errors.add(new Rejection.Field("jurisdiction.governorates", "'" + g + "' is not a governorate code"));
            } else if (governorate.authority() != null && !scope.includes(governorate.authority())) {
                errors.add(new Rejection.Field("jurisdiction.governorates", "'" + g + "' belongs to the "
                        + governorate.authority() + " authority, not " + scope));
            }
        }
        for (String code : j.borderPoints()) {
            BorderPoint point = referenceData.borderPoint(code).orElse(null);
            if (point == null) {
                errors.add(new Rejection.Field("jurisdiction.borderPoints", "'" + code + "' is not a border point code"));
            } else if (!scope.includes(point.authority())) {
                errors.add(new Rejection.Field("jurisdiction.borderPoints", "'" + code + "' belongs to the "
                        + point.authority() + " authority, not " + scope));
            }
        }
        return j;
    }

    private AccountView view(UserAccounts.UserAccount a) {
        Instant now = clock.instant();
        return new AccountView(a.username(), a.roles().stream().sorted().toList(), a.jurisdiction(), a.enabled(),
                a.lockedAt(now), a.lockedAt(now) ? a.lockedUntil() : null, a.failedSignIns(), a.createdAt(),
                twoFactor.enrolled(a.username()));
    }

    private static RuntimeException notFound(String username) {
        return Rejection.notFound("Account", "No account is named '" + username + "'.");
    }
}
