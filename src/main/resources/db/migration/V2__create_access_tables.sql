-- Accounts of the people and nodes that use Manfadh.
create schema access;

create table access.user_account (
    username      text primary key check (username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
    password_hash text not null,
    roles         text[] not null check (cardinality(roles) > 0),
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);
