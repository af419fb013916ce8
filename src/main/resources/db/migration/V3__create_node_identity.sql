-- The identity of this installation (headquarters or a border post). Every record it creates
-- carries this id, so that records from many nodes never collide when they meet at headquarters.
create schema platform;

create table platform.node (
    id         uuid primary key,
    singleton  boolean not null default true unique check (singleton),
    created_at timestamptz not null default now()
);
