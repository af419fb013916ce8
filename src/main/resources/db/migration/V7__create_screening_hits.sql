-- Screenings of crossings, their hits, supervisors' adjudications and cleared false positives.
-- Append-only: a hit's verdict is a row of its own beside the hit, never an update of it. Every
-- row made at a node carries the node's id, so that screenings and adjudications sync like
-- crossings do.
create schema if not exists screening;

create table screening.screening (
    id                  uuid primary key,
    node_id             uuid not null,
    crossing_id         uuid not null unique,
    traveller_id        uuid,
    outcome             text not null check (outcome in ('CLEAR', 'POSSIBLE_MATCH', 'HIT')),
    -- The traveller's data as screened; a cleared false positive holds only while it is the same.
    subject_fingerprint text not null,
    -- The matches and the suppressed matches, as the officer was shown them.
    result              jsonb not null,
    officer             text not null,
    screened_at         timestamptz not null
);

create table screening.hit (
    id                uuid primary key,
    node_id           uuid not null,
    screening_id      uuid not null references screening.screening (id),
    crossing_id       uuid not null,
    traveller_id      uuid,
    entry_id          uuid not null,
    list_id           uuid not null,
    level             text not null check (level in ('HIT', 'POSSIBLE_MATCH')),
    score             numeric(6, 4) not null check (score >= 0 and score <= 1),
    action_on_hit     text not null,
    list_kind         text not null,
    entry_fingerprint text not null,
    -- OPEN until a supervisor decides; an officer may clear a possible match at the booth.
    initial_status    text not null check (initial_status in ('OPEN', 'CLEARED_BY_OFFICER')),
    match             jsonb not null,
    created_at        timestamptz not null,
    unique (screening_id, entry_id)
);
create index hit_crossing on screening.hit (crossing_id);
create index hit_created on screening.hit (created_at, id);

create table screening.adjudication (
    id             uuid primary key,
    node_id        uuid not null,
    hit_id         uuid not null unique references screening.hit (id),
    verdict        text not null check (verdict in ('TRUE_MATCH', 'FALSE_POSITIVE')),
    note           text,
    supervisor     text not null,
    adjudicated_at timestamptz not null,
    check (verdict = 'TRUE_MATCH' or length(btrim(coalesce(note, ''))) > 0)
);

create table screening.cleared_false_positive (
    traveller_id        uuid not null,
    entry_id            uuid not null,
    entry_fingerprint   text not null,
    subject_fingerprint text not null,
    hit_id              uuid not null references screening.hit (id),
    cleared_by          text not null,
    cleared_at          timestamptz not null,
    primary key (traveller_id, subject_fingerprint, entry_id, entry_fingerprint)
);
