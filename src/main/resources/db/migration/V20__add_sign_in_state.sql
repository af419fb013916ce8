-- What a session or a remembered sign-in was granted under, and failed sign-ins counted per source.

-- Every change that ends an account's sessions (roles, jurisdiction, enabled, password, second
-- factor) moves its version on; a session or remembered API sign-in of an older version is refused
-- at its next request, on whichever server it arrives, since every server reads this column.
alter table access.user_account add column version bigint not null default 0;

-- Consecutive failed sign-ins of an account from one client address, and until when that address
-- may not sign in to that account: a stranger guessing from one address does not lock the account
-- for everyone else. (user_account.failed_sign_ins and locked_until are no longer used.)
create table access.sign_in_lockout (
    username        text not null references access.user_account (username) on delete cascade,
    source          text not null,
    failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
    locked_until    timestamptz,
    updated_at      timestamptz not null,
    primary key (username, source)
);

-- Failed sign-ins from one client address across all accounts, and until when that address must
-- wait before its next attempt (the delay doubles with every failure beyond those it is allowed;
-- an address quiet for long enough starts again).
create table access.sign_in_source (
    source          text primary key,
    failures        integer not null check (failures > 0),
    last_failed_at  timestamptz not null,
    blocked_until   timestamptz
);
