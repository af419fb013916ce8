-- Where each account may work, when it is locked out, and the append-only audit trail.

-- A jurisdiction: an authority (FEDERAL, KRI or NATIONAL for both) narrowed, optionally, to
-- governorates and/or border points. Existing accounts keep seeing everything until narrowed.
alter table access.user_account
    add column jurisdiction_authority text not null default 'NATIONAL'
        check (jurisdiction_authority in ('FEDERAL', 'KRI', 'NATIONAL')),
    add column jurisdiction_governorates text[] not null default '{}',
    add column jurisdiction_border_points text[] not null default '{}',
    -- Consecutive failed sign-ins, and until when the account is refused after too many of them.
    add column failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
    add column locked_until timestamptz;

-- Who did what, when and from where: sign-ins, changes and reads of travellers' personal data.
-- Rows are only ever added. Each carries the hash of the row before it (in seq order) and its
-- own hash over that and its fields, so that an altered, removed or inserted row breaks the chain.
create table access.audit_event (
    seq            bigint primary key,
    id             uuid not null unique,
    node_id        uuid not null,
    at             timestamptz not null,
    username       text,
    client_address text,
    action         text not null check (action in ('SIGN_IN', 'SIGN_IN_FAILED', 'CHANGE', 'READ_PERSONAL_DATA')),
    what           text not null,
    record_ids     text[] not null,
    outcome        integer not null,
    previous_hash  text not null,
    hash           text not null
);
create index audit_event_username on access.audit_event (username, at);
create index audit_event_at on access.audit_event (at);
create index audit_event_record_ids on access.audit_event using gin (record_ids);

-- The end of the chain: writers take this row's lock, so rows are chained one after another.
create table access.audit_chain_head (
    id   boolean primary key default true check (id),
    seq  bigint not null,
    hash text not null
);
insert into access.audit_chain_head (id, seq, hash) values (true, 0, repeat('0', 64));

create function access.refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit trail is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger audit_event_append_only
    before update or delete on access.audit_event
    for each row execute function access.refuse_audit_change();
create trigger audit_event_no_truncate
    before truncate on access.audit_event
    for each statement execute function access.refuse_audit_change();
