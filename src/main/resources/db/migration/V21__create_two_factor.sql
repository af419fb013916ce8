-- An account's second factor: the secret it shares with its owner's authenticator app (time-based
-- one-time codes, RFC 6238). confirmed_at is empty while enrolment waits for the first code;
-- last_used_step is the time step of the last code accepted, so that no code is accepted twice,
-- on whichever server it arrives.
create table access.two_factor (
    username       text primary key references access.user_account (username) on delete cascade,
    secret         bytea not null check (octet_length(secret) >= 16),
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint not null default 0
);
