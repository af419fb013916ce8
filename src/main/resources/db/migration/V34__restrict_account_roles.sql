-- An account's roles are among those Manfadh knows (access.Role): a typo in a replicated or
-- hand-edited row is refused here instead of failing every sign-in of that account later.
alter table access.user_account
    add constraint user_account_roles_known
        check (roles <@ array['OFFICER', 'SUPERVISOR', 'ANALYST', 'WATCHLIST_MANAGER', 'HEALTH_OFFICER',
                              'CAPACITY_MANAGER', 'ADMIN', 'NODE']::text[]);
