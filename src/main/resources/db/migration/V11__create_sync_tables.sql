-- Synchronisation between border posts and headquarters.
create schema sync;

-- At a post: what it owes headquarters, written in the same transaction as the record. The seq is
-- taken under a transaction-level lock, so rows become visible in seq order and a pusher that
-- reads "after the last acknowledged seq" never passes over a row that commits later.
create table sync.outbox (
    seq        bigserial primary key,
    id         uuid not null unique,
    kind       text not null check (kind in ('CROSSING', 'SCREENING')),
    record_id  uuid not null,
    payload    jsonb not null,
    created_at timestamptz not null
);

-- At a post: how far headquarters has acknowledged, and when it last answered.
create table sync.push_state (
    singleton        boolean primary key default true check (singleton),
    acknowledged_seq bigint not null,
    last_contact     timestamptz,
    last_attempt     timestamptz,
    last_error       text
);
insert into sync.push_state (acknowledged_seq) values (0);

-- At headquarters: each node's highest applied seq; a batch applies only what lies beyond it.
create table sync.node_progress (
    node_id       uuid primary key,
    border_point  text,
    last_seq      bigint not null,
    records       bigint not null,
    last_contact  timestamptz not null
);
